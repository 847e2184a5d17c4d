// What a patient sees at once when a message they sent shows a crisis: help now, and the offer
// to tell the therapist they wrote to (the answer's crisis fields, docs/API.md). The helplines
// and the offer are the crisis box's own pieces; the words around them are this page's.
import { h } from "../ui.js";
import { helplineItem, tellTherapistButton } from "../crisis-offer.js";

export function crisisHelp(answer, therapistName) {
  const lines = Array.isArray(answer.helplines) ? answer.helplines : [];
  const tell = answer.safety_event_id && answer.offer_therapist_alert
    ? tellTherapistButton(answer.safety_event_id, {
      label: `Tell ${therapistName || "my therapist"} now`,
      // Therapists read alerts when they next sign in, not around the clock: no promise of a call.
      told: `${therapistName || "Your therapist"} has been told and will see it when they next sign in. `
        + "If you need someone before then, call one of the lines above.",
    })
    : null;
  return h("section", { class: "card crisis-help", role: "alert", "data-testid": "crisis-help" },
    h("h2", {}, "You don't have to wait for a reply"),
    h("p", {}, `Your message was sent, but messages are not read around the clock. If you are in danger, call ${answer.emergency_number || "your emergency number"} now.`),
    // The chat's crisis_reply speaks as the assistant; here the page speaks for itself.
    h("p", {}, "You can talk to someone right now, for free:"),
    lines.length ? h("ul", {}, lines.slice(0, 4).map(helplineItem)) : null,
    h("p", {}, h("a", { href: "#/crisis" }, "All crisis lines")),
    tell);
}
