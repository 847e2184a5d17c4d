// Self-reflect: the patient alone with their camera and optional prompts; then a report.
import { get, post } from "../api.js";
import { analysisSwitch } from "../room/consent.js";
import { explainMediaError, openMedia, stopMedia } from "../room/media.js";
import { errorBox, h, mount } from "../ui.js";

const PROMPTS = [
  "What has been on your mind most this week?",
  "Describe a moment recently when you felt at ease.",
  "What is something that has been hard lately?",
  "Who or what helped you this week?",
  "What would you like to feel more of next week?",
];

function intro(main, navigate) {
  const start = h("button", { type: "button", id: "start-self-reflect" }, "Start a self-reflect session");
  const status = h("div", {});
  start.addEventListener("click", async () => {
    start.disabled = true;
    try {
      const session = await post("/self-reflect");
      navigate(`/self-reflect?session=${encodeURIComponent(session.session_id)}`);
    } catch (error) {
      start.disabled = false;
      if (!error?.redirected) mount(status, errorBox(error));
    }
  });
  mount(main, h("h1", {}, "Self-reflect"),
    h("section", { class: "card" },
      h("p", {}, "Sit somewhere quiet, look at the camera and talk or think through a few prompts, for as long as you like. ",
        "If you switch emotion analysis on, you get a report of the facial expressions seen, compared with your earlier self-reflect sessions."),
      h("p", { class: "small muted" }, "Only you see this report. The video is never recorded."),
      start, status));
}

export default async function selfReflect(main, { query, navigate }) {
  if (!query.session) return intro(main, navigate);
  const sessionId = query.session;
  const base = `/sessions/${encodeURIComponent(sessionId)}`;
  const session = await get(base);
  if (session.state === "ended") {
    navigate(`/self-reflect/${encodeURIComponent(sessionId)}/report`);
    return undefined;
  }
  let stream = null;
  let consent = null;
  let finished = false;
  let promptIndex = 0;
  const video = h("video", { class: "local solo", autoplay: true, muted: true, playsinline: true, "aria-label": "Your camera" });
  video.muted = true;
  const prompt = h("p", { class: "now", "aria-live": "polite", "data-testid": "prompt" }, PROMPTS[0]);
  const side = h("div", {});
  const camera = h("div", {});
  const finish = h("button", { type: "button", id: "finish-self-reflect" }, "Finish and see my report");
  mount(main, h("h1", {}, "Self-reflect"),
    h("div", { class: "room" },
      h("div", {}, h("div", { class: "videos" }, video), camera),
      h("div", {}, side,
        h("section", { class: "card" }, h("h2", {}, "A prompt, if you like"), prompt,
          h("button", { type: "button", class: "secondary", onclick: () => {
            promptIndex = (promptIndex + 1) % PROMPTS.length;
            prompt.textContent = PROMPTS[promptIndex];
          } }, "Another prompt")),
        h("section", { class: "card" }, finish))));

  async function stop() {
    if (finished) return;
    finished = true;
    await consent?.stop();
    stopMedia(stream);
  }
  finish.addEventListener("click", async () => {
    finish.disabled = true;
    await stop();
    try {
      await post(`${base}/end`);
      navigate(`/self-reflect/${encodeURIComponent(sessionId)}/report`);
    } catch (error) {
      finish.disabled = false;
      if (!error?.redirected) mount(camera, errorBox(error));
    }
  });
  try {
    stream = await openMedia({ audio: false });
    video.srcObject = stream;
  } catch (error) {
    mount(camera, errorBox(new Error(explainMediaError(error))));
  }
  consent = analysisSwitch(sessionId, video, { forWhom: "for your own report" });
  mount(side, consent.element);
  return () => { stop(); };
}
