// The session room: device check, then video with the other side; the patient's analysis
// switch, or the therapist's live insight panel. Nothing is recorded.
import { get, post } from "../api.js";
import { analysisSwitch } from "../room/consent.js";
import { insightPanel } from "../room/insight.js";
import { deviceSelects, explainMediaError, micMeter, openMedia, speakerTest, stopMedia } from "../room/media.js";
import { PeerLink } from "../room/peer.js";
import { callChat } from "../room/chat.js";
import { locationStep } from "../room/location-step.js";
import { errorBox, flash, h, mount } from "../ui.js";
import { formatDateTime } from "../time.js";

const END_CHECK_MS = 3000;

export default async function room(main, { params, user, navigate }) {
  const sessionId = params.id;
  const base = `/sessions/${encodeURIComponent(sessionId)}`;
  const [session, ice, me] = await Promise.all([get(base), get("/config/ice"),
    user.role === "patient" ? get("/me") : null]);
  if (session.kind === "self_reflect") {
    navigate(`/self-reflect?session=${encodeURIComponent(sessionId)}`);
    return undefined;
  }
  if (["ended", "no_show", "cancelled"].includes(session.state)) {
    mount(main, h("h1", {}, "Session room"), h("p", { class: "state" }, `This session is ${session.state.replace("_", " ")}.`),
      session.state === "ended" ? h("p", {}, h("a", { class: "button secondary", href: `#/sessions/${encodeURIComponent(sessionId)}/summary` }, "Summary")) : null,
      h("a", { href: "#/bookings" }, "Your sessions"));
    return undefined;
  }

  let stream = null;
  let meter = null;
  let speaker = null;
  let endWatch = null;
  let link = null;
  let consent = null;
  let insight = null;
  let left = false;
  const localVideo = h("video", { class: "local", autoplay: true, muted: true, playsinline: true, "aria-label": "Your camera" });
  localVideo.muted = true;
  const remoteVideo = h("video", { class: "remote", autoplay: true, playsinline: true,
    "aria-label": user.role === "therapist" ? "Your patient" : "Your therapist", "data-testid": "remote-video" });
  remoteVideo.hidden = true;  // empty until joined: during the check the frame shows your own camera
  const overlay = h("div", { class: "overlay", "aria-live": "polite" }, "Checking your camera…");
  const videos = h("div", { class: "videos" }, remoteVideo, localVideo, overlay);
  const status = h("p", { class: "small muted", "aria-live": "polite", "data-testid": "connection-status" });
  // Waiting room (#18): the other side's Today/dashboard page shows that this side is here.
  const told = h("p", { class: "notice", "data-testid": "other-told", hidden: true },
    user.role === "therapist" ? "Your patient has been told you are here: it shows on their home page."
      : "Your therapist has been told you are waiting: it shows on their Today page.");
  const chat = callChat({ otherName: user.role === "therapist" ? "Your patient" : "Your therapist" });
  const controls = h("div", { class: "controls" });
  const side = h("div", {});
  const check = h("section", { class: "card" });
  const whereabouts = user.role === "patient" ? locationStep(me, sessionId) : null;

  mount(main, h("h1", {}, "Session room"),
    h("p", { class: "muted" }, session.starts_at ? `Booked for ${formatDateTime(session.starts_at)}. ` : "",
      "Video and the chat go directly between you; nothing is recorded."),
    h("div", { class: "room" }, h("div", {}, videos, status, told, controls, check), side));

  async function acquire(ids = {}) {
    stopMedia(stream);
    meter?.stop();
    try {
      stream = await openMedia(ids);
    } catch (error) {
      mount(check, errorBox(new Error(explainMediaError(error)), () => acquire(ids)));
      overlay.textContent = "Camera not available";
      return false;
    }
    localVideo.srcObject = stream;
    localVideo.classList.add("solo");
    overlay.textContent = "";
    meter = micMeter(stream);
    speaker = speaker || speakerTest();
    mount(check, h("h2", {}, "Check your camera, microphone and speakers"),
      await deviceSelects(stream, acquire), meter.element, speaker.element, whereabouts?.element,
      h("button", { type: "button", id: "join-button", onclick: join }, "Join the session"));
    return true;
  }

  function toggleButton(kind, onLabel, offLabel) {
    const button = h("button", { type: "button", class: "secondary", "aria-pressed": "false" }, onLabel);
    button.addEventListener("click", () => {
      const tracks = kind === "audio" ? stream.getAudioTracks() : stream.getVideoTracks();
      const off = button.getAttribute("aria-pressed") !== "true";
      tracks.forEach((t) => { t.enabled = !off; });
      button.setAttribute("aria-pressed", String(off));
      button.textContent = off ? offLabel : onLabel;
    });
    return button;
  }

  async function join() {
    const button = document.getElementById("join-button");
    if (button) button.disabled = true;
    if (whereabouts && !(await whereabouts.confirm())) {
      if (button) button.disabled = false;
      return;
    }
    try {
      await post(`${base}/join`);
    } catch (error) {
      if (button) button.disabled = false;
      if (!error?.redirected) mount(check, errorBox(error, join));
      return;
    }
    meter?.stop();
    meter = null;
    speaker?.stop();
    check.replaceChildren();
    check.hidden = true;
    remoteVideo.hidden = false;
    localVideo.classList.remove("solo");
    overlay.textContent = user.role === "therapist" ? "Waiting for your patient…" : "Waiting for your therapist…";
    link = new PeerLink({
      sessionId, role: user.role, iceServers: ice.ice_servers || ice.iceServers || [], stream,
      onStatus: (text) => { status.textContent = text; },
      onDataChannel: (channel) => chat.attach(channel),
      onRemoteStream: (remote) => {
        if (remoteVideo.srcObject === remote) return;  // ontrack fires once per track
        remoteVideo.srcObject = remote;
        overlay.textContent = remote ? "" : "The other side left.";
        told.hidden = Boolean(remote);
        if (remote) {
          remoteVideo.play().catch(() => {
            if (remoteVideo.paused) overlay.textContent = "Click the video to start it.";
          });
        }
      },
    });
    told.hidden = false;
    await link.start();
    mount(controls, toggleButton("audio", "Mute", "Unmute"), toggleButton("video", "Camera off", "Camera on"),
      h("button", { type: "button", class: "danger", onclick: leave }, "Leave"),
      user.role === "therapist" ? h("button", { type: "button", class: "secondary", onclick: endSession }, "End session for both") : null);
    if (user.role === "patient") {
      endWatch = setInterval(watchForEnd, END_CHECK_MS);
      consent = analysisSwitch(sessionId, localVideo);
      mount(side, consent.element, chat.element);
    } else {
      insight = insightPanel(sessionId);
      mount(side, insight.element, chat.element);
    }
  }

  async function watchForEnd() {  // the therapist may end the session for both
    try {
      const now = await get(base);
      if (now.state !== "ended" || left) return;
    } catch { return; }  // a missed check is retried on the next tick
    await teardown();
    flash("Your therapist ended the session.");
    navigate("/bookings");
  }

  async function teardown() {
    if (left) return;
    left = true;
    clearInterval(endWatch);
    meter?.stop();
    speaker?.stop();
    insight?.stop();
    await consent?.stop();
    await link?.stop();
    stopMedia(stream);
    if (link) {
      try { await post(`${base}/leave`); } catch { /* leaving anyway */ }
    }
  }

  async function leave() {
    await teardown();
    flash("You left the session room.");
    navigate(user.role === "therapist" ? "/dashboard" : "/bookings");
  }

  async function endSession() {
    if (!confirm("End the session for both of you?")) return;
    await teardown();
    try { await post(`${base}/end`); flash("Session ended."); } catch (error) { flash(error.message, "error"); }
    navigate("/dashboard");
  }

  remoteVideo.addEventListener("click", () => remoteVideo.play().catch(() => {}));
  remoteVideo.addEventListener("playing", () => { overlay.textContent = ""; });
  if (user.role === "therapist") mount(side, h("section", { class: "card" }, h("h2", {}, "Live facial expression"),
    h("p", { class: "muted" }, "Appears once you join. It shows facial expression only, when your patient switches analysis on.")));
  else mount(side, h("section", { class: "card" }, h("h2", {}, "Emotion analysis"),
    h("p", { class: "muted" }, "After you join you can choose whether your facial expression is analysed for your therapist. It is off unless you switch it on.")));
  await acquire();
  const onUnload = () => { teardown(); };
  window.addEventListener("pagehide", onUnload);
  return () => {
    window.removeEventListener("pagehide", onUnload);
    teardown();
  };
}
