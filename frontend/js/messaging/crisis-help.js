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
        await post(`/safety-events/${encodeURIComponent(answer.safety_event_id)}/alert-therapist`);
        button.replaceWith(h("p", { role: "status" }, `${therapistName || "Your therapist"} has been told and will reach out to you.`));
      } catch (error) {
        if (!error?.redirected) button.replaceWith(errorBox(error));
      }
    } }, `Tell ${therapistName || "my therapist"} now`) : null;
  return h("section", { class: "card crisis-help", role: "alert", "data-testid": "crisis-help" },
    h("h2", {}, "You don't have to wait for a reply"),
    h("p", {}, `Your message was sent, but messages are not read around the clock. If you are in danger, call ${answer.emergency_number || "your emergency number"} now.`),
    answer.crisis_reply ? h("p", { class: "pre" }, answer.crisis_reply) : null,
    lines.length ? h("ul", {}, lines.slice(0, 4).map((l) => h("li", {}, h("strong", {}, l.name),
      l.phone ? ` — ${l.phone}` : "", l.text ? ` — text ${l.text}` : ""))) : null,
    h("p", {}, h("a", { href: "#/crisis" }, "All crisis lines")),
    tell);
}
