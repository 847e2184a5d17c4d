// What a patient sees at once when a message they sent shows a crisis: help now, and the offer
// to tell the therapist they wrote to (the answer's crisis fields, docs/API.md).
import { post } from "../api.js";
import { errorBox, h } from "../ui.js";

export function crisisHelp(answer, therapistName) {
  const lines = Array.isArray(answer.helplines) ? answer.helplines : [];
  const tell = answer.safety_event_id && answer.offer_therapist_alert
    ? h("button", { type: "button", onclick: async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        // Not URL-encoded: a time id's ':' is legal in a path, and the local server does not
        // decode %3A in path parameters (the chat page's "Tell my therapist" shows that bug).
        await post(`/safety-events/${answer.safety_event_id}/alert-therapist`);
        button.replaceWith(h("p", { role: "status" }, `${therapistName || "Your therapist"} has been told and will reach out to you.`));
      } catch (error) {
        if (!error?.redirected) button.replaceWith(errorBox(error));
      }
    } }, `Tell ${therapistName || "my therapist"} now`) : null;
  return h("section", { class: "card crisis-help", role: "alert", "data-testid": "crisis-help" },
    h("h2", {}, "You don't have to wait for a reply"),
    h("p", {}, `Your message was sent, but messages are not read around the clock. If you are in danger, call ${answer.emergency_number || "your emergency number"} now.`),
    // The chat's crisis_reply speaks as the assistant; here the page speaks for itself.
    h("p", {}, "You can talk to someone right now, for free:"),
    lines.length ? h("ul", {}, lines.slice(0, 4).map((l) => h("li", {}, h("strong", {}, l.name),
      l.phone ? ` — call ${l.phone}` : "", l.text ? ` — ${l.text}` : "",
      l.url ? [" — ", h("a", { href: l.url, target: "_blank", rel: "noopener" }, l.url.replace(/^https?:\/\//, ""))] : ""))) : null,
    h("p", {}, h("a", { href: "#/crisis" }, "All crisis lines")),
    tell);
}
