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
  const [inbox, care] = await Promise.all([get("/messages/threads"), user.role === "patient" ? get("/me/care") : null]);
  return { threads: inbox?.threads || [], care: care?.relationships || [] };
}

// What a patient can do next: write to each therapist in active care they have no thread
// with yet, wait for a request, or find a therapist (never a dead end).
function patientStart(threads, care) {
  const latest = new Map();
  for (const r of care) if (!latest.has(r.therapist_id)) latest.set(r.therapist_id, r);
  const open = [...latest.values()];
  const write = open.filter((r) => r.state === "active" && !threads.some((t) => t.with.user_id === r.therapist_id))
    .map((r) => h("a", { class: "button", href: `#/messages/${encodeURIComponent(r.therapist_id)}` }, `Write to ${r.therapist_name || "your therapist"}`));
  const waiting = open.filter((r) => r.state === "requested")
    .map((r) => h("p", { class: "muted", "data-testid": "care-waiting" },
      `You asked ${r.therapist_name || "a therapist"} to be your therapist: you can write to each other once they accept.`));
  const find = open.some((r) => ["active", "requested"].includes(r.state)) ? null
    : h("p", {}, "You can write to a therapist who cares for you: ",
      h("a", { class: "button", href: "#/find" }, "Find a therapist"), " or ask one from their profile.");
  return h("div", {}, write.length ? h("p", {}, ...write) : null, ...waiting, find);
}

export default function messages(main) {
  const user = currentUser();
  const box = h("div", {});
  section(box, () => load(user), ({ threads, care }) => {
    const start = user.role === "patient" ? patientStart(threads, care) : null;
    const none = user.role === "patient"
      ? "No messages yet."
      : "No messages yet. Open a patient to write to them.";
    return h("div", {}, start, threads.length
      ? h("ul", { class: "list threads" }, threads.map((t) => threadRow(t, user.role))) : empty(none));
  });
  main.append(h("h1", {}, "Messages"),
    h("p", { class: "notice", "data-testid": "not-monitored" }, user.role === "patient" ? NOT_MONITORED : THERAPIST_NOTE, " ", h("a", { href: "#/crisis" }, "Crisis lines")),
    h("section", { class: "card" }, box));
}
