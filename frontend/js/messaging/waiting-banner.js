// "Sam is waiting": polls `/waiting-room` while the dashboard is on screen and shows who is
// already in a session room, with a link to join them. When someone new starts waiting, a
// short chime plays and the tab's title gets a count ("(1) Today · EmoteCare"), so a
// therapist working in another tab notices.
import { get } from "../api.js";
import { h, mount } from "../ui.js";

const POLL_MS = 3000;
const BADGE = /^\(\d+\) /;

function chime() {
  if (!window.AudioContext) return;
  const context = new AudioContext();
  const volume = context.createGain();
  volume.gain.value = 0.15;
  volume.connect(context.destination);
  [660, 880].forEach((frequency, i) => {  // two soft notes, a quarter second each
    const tone = context.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(volume);
    tone.start(context.currentTime + i * 0.25);
    tone.stop(context.currentTime + (i + 1) * 0.25);
  });
  setTimeout(() => context.close().catch(() => {}), 1000);
}

function badgeTitle(count) {
  const plain = document.title.replace(BADGE, "");
  document.title = count ? `(${count}) ${plain}` : plain;
}

export function waitingBanner() {
  const box = h("div", { "aria-live": "polite", "data-testid": "waiting-room" });
  let seen = new Set();
  async function poll() {
    if (!box.isConnected) { badgeTitle(0); return; }  // the page was left: stop polling
    try {
      const data = await get("/waiting-room");
      const waiting = data?.waiting || [];
      mount(box, waiting.map((w) => h("section", { class: "card waiting" },
        h("p", { class: "now" }, h("strong", {}, `${w.who.name || (w.who.role === "patient" ? "Your patient" : "Your therapist")} is waiting`),
          " in the session room."),
        h("a", { class: "button", href: `#/room/${encodeURIComponent(w.session_id)}` }, "Join now"))));
      const now = new Set(waiting.map((w) => `${w.session_id}:${w.who.user_id}`));
      if ([...now].some((key) => !seen.has(key))) chime();
      seen = now;
      badgeTitle(waiting.length);
    } catch {
      // Shown again on the next poll.
    }
    setTimeout(poll, POLL_MS);
  }
  setTimeout(poll, 0);  // once the dashboard has put the box on the page
  return box;
}
