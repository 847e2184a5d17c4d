// Unread message counts in the navigation: one poll for the whole app, drawn on every nav redraw.
import { get } from "../api.js";
import { currentUser } from "../session.js";
import { h } from "../ui.js";

const POLL_MS = 15000;
let count = 0;
let timer = null;
let navElement = null;

function draw() {
  const link = navElement?.querySelector('a[href="#/messages"]');
  if (!link) return;
  link.querySelector(".unread-count")?.remove();
  link.removeAttribute("aria-label");
  if (count > 0) {
    link.append(" ", h("span", { class: "unread-count", "data-testid": "unread-count" }, String(count)));
    link.setAttribute("aria-label", `Messages, ${count} unread`);
  }
}

/** Fetch the count now (after reading a thread, or on the poll). */
export async function refreshUnread() {
  const user = currentUser();
  if (!user || !["patient", "therapist"].includes(user.role)) {
    count = 0;
    return;
  }
  try {
    const data = await get("/messages/threads");
    count = (data?.threads || []).reduce((sum, t) => sum + (t.unread || 0), 0);
    draw();
  } catch {
    // A missed poll changes nothing; the next one tries again.
  }
}

/** Called after the navigation is drawn: show the count and keep it fresh. Every navigation
 * re-reads it: a person who just moved page expects a reply sent a moment ago to show. */
export function showUnreadIn(nav) {
  navElement = nav;
  draw();
  const user = currentUser();
  if (user && ["patient", "therapist"].includes(user.role)) {
    if (!timer) timer = setInterval(refreshUnread, POLL_MS);
    refreshUnread();
  } else {
    if (timer) clearInterval(timer);
    timer = null;
    count = 0;
  }
}
