// One thread: the messages (oldest at the top), older pages on demand, and a box to write.
import { get, post } from "../api.js";
import { crisisHelp } from "../messaging/crisis-help.js";
import { refreshUnread } from "../messaging/unread.js";
import { NOT_MONITORED, THERAPIST_NOTE } from "./messages.js";
import { errorBox, h, loading, mount, submitting } from "../ui.js";
import { formatDateTime } from "../time.js";

const MAX_CHARS = 5000;

export default async function thread(main, { params, user }) {
  const otherId = params.id;
  const path = `/messages/threads/${encodeURIComponent(otherId)}`;
  const log = h("ol", { class: "message-log", "aria-label": "Messages", "aria-live": "polite" });
  const older = h("div", {});
  const help = h("div", {});
  let cursor = null;
  let other = null;

  function bubble(m) {
    const mine = m.from === user.user_id;
    return h("li", { class: `msg ${mine ? "me" : "them"}${m.crisis ? " crisis" : ""}`, "data-message-id": m.message_id },
      m.crisis && user.role === "therapist" ? h("p", { class: "small crisis-note" }, "Crisis flag: the safety check found risk in this message") : null,
      h("p", { class: "text" }, m.text),
      h("p", { class: "small muted" }, mine ? "You" : other?.name || "", " · ", formatDateTime(m.sent_at),
        mine ? (m.read_at ? " · Read" : " · Not read yet") : ""));
  }

  function showOlder() {
    mount(older, cursor ? h("button", { type: "button", class: "secondary", onclick: loadOlder }, "Show older messages") : null);
  }

  async function loadOlder() {
    mount(older, loading());
    try {
      const page = await get(path, { before: cursor });
      log.prepend(...page.messages.slice().reverse().map(bubble));
      cursor = page.next;
      showOlder();
    } catch (error) {
      if (!error?.redirected) mount(older, errorBox(error, loadOlder));
    }
  }

  const first = await get(path);
  other = first.with;
  cursor = first.next;
  refreshUnread();
  mount(log, first.messages.slice().reverse().map(bubble));
  showOlder();

  const text = h("textarea", { name: "text", id: "message-text", rows: 4, maxlength: MAX_CHARS, required: true });
  const counter = h("span", { class: "hint", id: "message-text-count" }, ` 0 / ${MAX_CHARS}`);
  text.setAttribute("aria-describedby", counter.id);
  text.addEventListener("input", () => { counter.textContent = ` ${text.value.length} / ${MAX_CHARS}`; });
  const form = h("form", { class: "stack", id: "message-form" },
    h("div", { class: "field" }, h("label", { for: "message-text" }, `Write to ${other.name}`, counter), text),
    h("button", { type: "submit" }, "Send message"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const answer = await post(path, { text: text.value });
      noneYet.remove();
      log.append(bubble(answer));
      text.value = "";
      counter.textContent = ` 0 / ${MAX_CHARS}`;
      mount(help, answer.crisis ? crisisHelp(answer, other.name) : null);
      if (answer.crisis) help.scrollIntoView({ block: "start" });
    });
  });

  const noneYet = first.messages.length ? h("span", {}) : h("p", { class: "state state-empty" }, "No messages yet.");
  const note = user.role === "patient" ? NOT_MONITORED : THERAPIST_NOTE;
  mount(main, h("h1", {}, other.name),
    h("p", {}, h("a", { href: "#/messages" }, "All messages")),
    h("p", { class: "notice", "data-testid": "not-monitored" }, note, " ", h("a", { href: "#/crisis" }, "Crisis lines")),
    help,
    h("section", { class: "card" }, older, noneYet, log,
      first.can_write ? form : h("p", { class: "muted" }, "You can no longer write in this conversation; it stays here for you to read.")));
  return undefined;
}
