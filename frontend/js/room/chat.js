// Text chat beside the video, carried peer to peer on the WebRTC data channels of the room's
// mesh (room/mesh.js): it never passes through or is stored on the server, and it is gone
// when the room is left. A message goes to everyone connected; each is labelled by its sender.
import { h } from "../ui.js";

const MAX_CHARS = 2000;

/** `send(data)` hands a message to every open channel and returns how many took it. */
export function callChat({ send }) {
  const log = h("ol", { class: "call-chat-log", "aria-label": "Chat in this call", "aria-live": "polite" });
  const input = h("input", { type: "text", name: "call-text", id: "call-chat-text", maxlength: MAX_CHARS,
    autocomplete: "off", disabled: true });
  const button = h("button", { type: "submit", disabled: true }, "Send");
  const state = h("p", { class: "small muted", "data-testid": "call-chat-state" }, "The chat opens when you are connected.");
  const form = h("form", { class: "row call-chat-form" },
    h("label", { for: "call-chat-text", class: "sr-only" }, "Chat message"), input, button);

  function say(who, name, text) {
    log.append(h("li", { class: `msg ${who}` },
      h("span", { class: "small muted" }, who === "me" ? "You: " : `${name}: `), text));
    log.scrollTop = log.scrollHeight;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || !send({ text: text.slice(0, MAX_CHARS) })) return;
    say("me", "", text);
    input.value = "";
    input.focus();
  });

  return {
    element: h("section", { class: "card call-chat" }, h("h2", {}, "Chat"),
      h("p", { class: "small" }, "Typed messages go directly between your browsers. They are never sent to or stored on our servers, and disappear when you leave."),
      log, state, form),
    /** Whether anyone is connected to chat with. */
    setOpen(open) {
      input.disabled = button.disabled = !open;
      state.textContent = open ? "Connected: messages go straight to the other browsers."
        : "The chat opens when you are connected.";
    },
    receive(name, text) {
      if (typeof text === "string" && text) say("them", name, text.slice(0, MAX_CHARS));
    },
  };
}
