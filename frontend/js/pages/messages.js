// Messages: the inbox of threads with your therapist (patients) or your patients (therapists).
import { get } from "../api.js";
import { currentUser } from "../session.js";
import { empty, h, section } from "../ui.js";
import { formatDateTime } from "../time.js";

export const THERAPIST_NOTE = "Your patients are told that messages are not monitored around the clock, and where to find crisis lines.";
export const NOT_MONITORED = "Messages are not monitored around the clock: replies come when your therapist is working. "
  + "If you are in danger or need help now, call your emergency number or a crisis line.";

function threadRow(t, role) {
  return h("li", { class: `thread-row${t.unread ? " unread" : ""}` },
    h("a", { href: `#/messages/${encodeURIComponent(t.with.user_id)}` }, h("strong", {}, t.with.name || "Unnamed")),
    t.unread ? h("span", { class: "badge unread" }, `${t.unread} unread`) : null,
    role === "therapist" && t.crisis_unread ? h("span", { class: "badge crisis-flag", "data-testid": "crisis-flag" }, "Crisis flag: read now") : null,
    h("p", { class: "small muted" }, formatDateTime(t.last_message_at), " · ", t.last_message_preview || ""));
}

async function load(user) {
  const [inbox, me] = await Promise.all([get("/messages/threads"), user.role === "patient" ? get("/me") : null]);
  return { threads: inbox?.threads || [], therapistId: me?.therapist_id || null };
}

export default function messages(main) {
  const user = currentUser();
  const box = h("div", {});
  section(box, () => load(user), ({ threads, therapistId }) => {
    const start = user.role === "patient" && therapistId && !threads.some((t) => t.with.user_id === therapistId)
      ? h("p", {}, h("a", { class: "button", href: `#/messages/${encodeURIComponent(therapistId)}` }, "Write to your therapist"))
      : null;
    const none = user.role === "patient"
      ? "No messages yet. You can write to your therapist once you have chosen one or booked a session."
      : "No messages yet. Open a patient to write to them.";
    return h("div", {}, start, threads.length
      ? h("ul", { class: "list threads" }, threads.map((t) => threadRow(t, user.role))) : empty(none));
  });
  main.append(h("h1", {}, "Messages"),
    h("p", { class: "notice", "data-testid": "not-monitored" }, user.role === "patient" ? NOT_MONITORED : THERAPIST_NOTE, " ", h("a", { href: "#/crisis" }, "Crisis lines")),
    h("section", { class: "card" }, box));
}
