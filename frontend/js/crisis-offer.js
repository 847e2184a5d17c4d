// The crisis box shown when the API answers with `crisis: true` (docs/API.md, "crisis fields"):
// the emergency number, the patient's helplines, and the offer to tell their therapist.
import { post } from "./api.js";
import { errorBox, h } from "./ui.js";

/** "988 Suicide & Crisis Lifeline — call or text 988", as a person reads it. */
export function describeHelpline(line) {
  const ways = [];
  if (line.phone && line.text === line.phone) ways.push(`call or text ${line.phone}`);
  else {
    if (line.phone) ways.push(`call ${line.phone}`);
    if (line.text) ways.push(/^text /i.test(line.text) ? line.text.replace(/^Text/, "text") : `text ${line.text}`);
  }
  return ways.length ? `${line.name} — ${ways.join(", ")}` : line.name;
}

function helplineItem(line) {
  return h("li", {}, describeHelpline(line),
    line.url ? h("span", {}, " · ", h("a", { href: line.url, rel: "noopener", target: "_blank" }, "website")) : null);
}

function tellTherapistButton(eventId) {
  const button = h("button", { type: "button" }, "Tell my therapist");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await post(`/safety-events/${encodeURIComponent(eventId)}/alert-therapist`);
      button.replaceWith(h("p", { role: "status" }, "Your therapist has been told. They will reach out to you."));
    } catch (error) {
      if (!error?.redirected) button.replaceWith(errorBox(error));
    }
  });
  return button;
}

/** The crisis box for a crisis answer; scrolls itself into view once it is on the page. */
export function crisisOffer(answer) {
  const lines = Array.isArray(answer.helplines) ? answer.helplines : [];
  const box = h("section", { class: "card crisis-box", role: "alert", "data-testid": "crisis-box" },
    h("h2", {}, "You do not have to face this alone"),
    h("p", {}, h("strong", {}, `If you are in danger now, call ${answer.emergency_number || "your local emergency number"}.`),
      " You can talk to someone right now, for free:"),
    lines.length ? h("ul", {}, lines.map(helplineItem)) : null,
    h("p", {}, h("a", { href: "#/crisis" }, "All crisis lines")),
    answer.offer_therapist_alert && answer.safety_event_id ? h("div", {},
      h("p", {}, "Would you like us to let your therapist know, so they can reach out to you?"),
      tellTherapistButton(answer.safety_event_id)) : null);
  requestAnimationFrame(() => box.scrollIntoView({ block: "center" }));
  return box;
}
