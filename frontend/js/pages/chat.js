// Chat with the support assistant; crisis replies show crisis lines and offer to alert the therapist.
import { get, post } from "../api.js";
import { showCrisisBox } from "../crisis-offer.js";
import { errorBox, h, mount, submitting } from "../ui.js";

export default function chat(main) {
  let conversationId = null;
  const log = h("div", { class: "chat-log", role: "log", "aria-live": "polite", "aria-label": "Conversation" });
  const history = h("div", {});
  const text = h("textarea", { name: "text", id: "chat-text", rows: 2, required: true, maxlength: 5000 });
  const form = h("form", {}, h("label", { for: "chat-text" }, "Your message"), text,
    h("div", { class: "row", style: "margin-top:.5rem" }, h("button", { type: "submit" }, "Send"),
      h("button", { type: "button", class: "secondary", onclick: () => { conversationId = null; log.replaceChildren(); } }, "New conversation")));
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });

  function say(who, content, extra = {}) {
    log.append(h("div", { class: `msg ${who}${extra.crisis ? " crisis" : ""}` }, content));
    log.scrollTop = log.scrollHeight;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const message = text.value.trim();
    if (!message) return;
    submitting(form, async () => {
      say("me", message);
      text.value = "";
      const reply = await post("/chat/messages", { text: message, conversation_id: conversationId || undefined });
      conversationId = reply.conversation_id;
      say("bot", reply.reply, { crisis: reply.crisis });
      if (reply.crisis) showCrisisBox(log.appendChild(h("div", { class: "msg bot crisis" })), reply);
    });
  });

  async function loadHistory() {
    try {
      const data = await get("/chat/conversations");
      const list = data?.conversations || (Array.isArray(data) ? data : []);
      mount(history, list.length ? h("ul", { class: "list" }, list.slice(0, 10).map((c) => h("li", {},
        h("button", { type: "button", class: "link", onclick: () => open(c.conversation_id) }, c.title || c.started_at || c.conversation_id))))
        : h("p", { class: "muted small" }, "No earlier conversations."));
    } catch (error) {
      if (!error?.redirected) mount(history, errorBox(error, loadHistory));
    }
  }
  async function open(id) {
    try {
      const c = await get(`/chat/conversations/${encodeURIComponent(id)}`);
      conversationId = id;
      log.replaceChildren();
      for (const m of c.messages || []) say(["patient", "user"].includes(m.sender) ? "me" : "bot", m.text);
    } catch (error) {
      if (!error?.redirected) mount(history, errorBox(error));
    }
  }
  mount(main, h("h1", {}, "Chat"),
    h("p", { class: "muted" }, "A support assistant for between sessions. It is not a therapist and not an emergency service; it will always point you to help if you are in danger."),
    h("div", { class: "grid-2" }, h("section", { class: "card" }, log, form),
      h("section", { class: "card" }, h("h2", {}, "Earlier conversations"), history)));
  say("bot", "Hello. What would you like to talk about?");
  loadHistory();
}
