// The crisis box shown after a crisis in chat, the journal or a check-in (PHQ-9 item 9): the
// helplines inline, the emergency number, and the offer to tell the patient's therapist (one
// module, one look).
import { post } from "./api.js";
import { errorBox, h } from "./ui.js";

/** "988 Suicide & Crisis Lifeline — call or text 988" (the API's `reach` says how, in words). */
export function helplineLabel(line) {
  const how = line.reach || [line.phone && `call ${line.phone}`, line.text && `text ${line.text}`].filter(Boolean).join(" or ");
  return how ? `${line.name} — ${how}` : line.name;
}

/** One helpline as a list item: how to reach it in words, and its website. */
export function helplineItem(line) {
  const link = (text) => h("a", { href: line.url, rel: "noopener", target: "_blank" }, text);
  if (line.url && (line.reach || "") === `visit ${line.url}`) return h("li", {}, `${line.name} — visit `, link(line.url));
  return h("li", {}, helplineLabel(line), line.url ? h("span", {}, " ", link("website")) : null);
}

/** The offer to alert the patient's therapist about the crisis event `eventId`; `label` and
 * `told` let a page name the therapist. */
export function tellTherapistButton(eventId, {
  label = "Tell my therapist",
  told = "Your therapist has been told. They will contact you as soon as they can; the lines above are there right now.",
} = {}) {
  const button = h("button", { type: "button" }, label);
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await post(`/safety-events/${encodeURIComponent(eventId)}/alert-therapist`);
      const status = h("p", { role: "status" }, told);
      button.replaceWith(status);
      status.scrollIntoView({ block: "nearest" });
    } catch (error) {
      if (!error?.redirected) button.replaceWith(errorBox(error));  // a hop to sign-in says enough
    }
  });
  return button;
}

/** The box for a crisis answer (chat message, journal entry, questionnaire). */
export function crisisBox(answer) {
  const lines = answer.helplines || [];
  const emergency = answer.emergency_number || "your local emergency number";
  return h("section", { class: "card crisis-box", "data-testid": "crisis-box", "aria-label": "Help right now" },
    h("p", { class: "crisis-title" }, "You do not have to face this alone."),
    h("p", {}, h("strong", {}, `If you are in danger, call ${emergency} now.`), " ",
      h("a", { href: "#/crisis" }, "All crisis lines")),
    lines.length ? h("ul", {}, lines.map(helplineItem)) : null,
    answer.offer_therapist_alert && answer.safety_event_id ? tellTherapistButton(answer.safety_event_id) : null);
}

/** Put the box in `container` and bring it into view (a person must not have to look for it). */
export function showCrisisBox(container, answer) {
  const box = crisisBox(answer);
  container.append(box);
  box.scrollIntoView({ block: "start", behavior: "auto" });
  return box;
}

/** The box as an element of its own that brings itself into view once it is on the page. */
export function crisisOffer(answer) {
  const box = crisisBox(answer);
  requestAnimationFrame(() => box.scrollIntoView({ block: "center" }));
  return box;
}
