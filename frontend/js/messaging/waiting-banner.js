// "Sam is waiting": polls `/waiting-room` while the dashboard is on screen and shows who is
// already in a session room, with a link to join them.
import { get } from "../api.js";
import { h, mount } from "../ui.js";

const POLL_MS = 3000;

export function waitingBanner() {
  const box = h("div", { "aria-live": "polite", "data-testid": "waiting-room" });
  async function poll() {
    if (!box.isConnected) return;  // the page was left: stop polling
    try {
      const data = await get("/waiting-room");
      const waiting = data?.waiting || [];
      mount(box, waiting.map((w) => h("section", { class: "card waiting" },
        h("p", { class: "now" }, h("strong", {}, `${w.who.name || (w.who.role === "patient" ? "Your patient" : "Your therapist")} is waiting`),
          " in the session room."),
        h("a", { class: "button", href: `#/room/${encodeURIComponent(w.session_id)}` }, "Join now"))));
    } catch {
      // Shown again on the next poll.
    }
    setTimeout(poll, POLL_MS);
  }
  setTimeout(poll, 0);  // once the dashboard has put the box on the page
  return box;
}
