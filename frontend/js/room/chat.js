// Text chat beside the video, carried peer to peer on a WebRTC data channel: it never passes
// through or is stored on the server, and it is gone when either side leaves.
import { h } from "../ui.js";

const MAX_CHARS = 2000;

export function callChat({ otherName }) {
  let channel = null;
  const log = h("ol", { class: "call-chat-log", "aria-label": "Chat in this call", "aria-live": "polite" });
  const input = h("input", { type: "text", name: "call-text", id: "call-chat-text", maxlength: MAX_CHARS,
    autocomplete: "off", disabled: true });
  const send = h("button", { type: "submit", disabled: true }, "Send");
  const state = h("p", { class: "small muted", "data-testid": "call-chat-state" }, "The chat opens when you are connected.");
  const form = h("form", { class: "row call-chat-form" },
    h("label", { for: "call-chat-text", class: "sr-only" }, "Chat message"), input, send);

  function say(who, text) {
    log.append(h("li", { class: `msg ${who === "me" ? "me" : "them"}` },
      h("span", { class: "small muted" }, who === "me" ? "You: " : `${otherName}: `), text));
    log.scrollTop = log.scrollHeight;
  }

  function setOpen(open) {
    input.disabled = send.disabled = !open;
    state.textContent = open ? "Connected: messages go straight to the other browser."
      : "The chat opens when you are connected.";
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || channel?.readyState !== "open") return;
    channel.send(JSON.stringify({ text: text.slice(0, MAX_CHARS) }));
    say("me", text);
    input.value = "";
    input.focus();
  });

  return {
    element: h("section", { class: "card call-chat" }, h("h2", {}, "Chat"),
      h("p", { class: "small" }, "Typed messages go directly between your two browsers. They are never sent to or stored on our servers, and disappear when you leave."),
      log, state, form),
    /** Use `next` (an RTCDataChannel) from now on; null when the connection closed. */
    attach(next) {
      if (channel) channel.onopen = channel.onclose = channel.onmessage = null;
      channel = next;
      if (!channel) { setOpen(false); return; }
      channel.onopen = () => setOpen(true);
      channel.onclose = () => setOpen(false);
      channel.onmessage = ({ data }) => {
        try {
          const { text } = JSON.parse(data);
          if (typeof text === "string" && text) say("them", text.slice(0, MAX_CHARS));
        } catch { /* not a chat message */ }
      };
      setOpen(channel.readyState === "open");
    },
  };
}
