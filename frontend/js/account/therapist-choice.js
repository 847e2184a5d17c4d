// On a therapist's profile, a patient makes them their therapist (or sees that they are),
// with the consequences in plain words before the switch.
import { get, put } from "../api.js";
import { updateUser } from "../session.js";
import { errorBox, flash, h, mount } from "../ui.js";

export function therapistChoice(therapistId, name) {
  const box = h("section", { class: "card", id: "therapist-choice", "aria-live": "polite" });
  function current() {
    return h("div", {}, h("h2", {}, "Your therapist"), h("p", {}, `${name} is your therapist.`),
      h("a", { class: "button secondary", href: `#/messages/${encodeURIComponent(therapistId)}` }, `Write to ${name}`));
  }
  function offer(hadOne) {
    const button = h("button", { type: "button", onclick: choose }, hadOne ? `Switch to ${name}` : `Choose ${name} as your therapist`);
    return h("div", {}, h("h2", {}, hadOne ? "Switch therapist" : "Choose this therapist"),
      hadOne ? h("ul", {},
        h("li", {}, "Sessions you already booked with your current therapist stay booked until you cancel them."),
        h("li", {}, "Notes stay with the therapist who wrote them: your new therapist does not see your current therapist's notes."),
        h("li", {}, "Your messages with your current therapist stay in their own conversation.")) : null,
      button);
  }
  async function choose(event) {
    event.currentTarget.disabled = true;
    try {
      const me = await put("/me/therapist", { therapist_id: therapistId });
      updateUser({ therapist_id: me.therapist_id });
      flash(`${name} is now your therapist.`);
      mount(box, current());
    } catch (error) {
      if (!error?.redirected) mount(box, errorBox(error, load));
    }
  }
  async function load() {
    try {
      const me = await get("/me");
      mount(box, me.therapist_id === therapistId ? current() : offer(Boolean(me.therapist_id)));
    } catch (error) {
      if (!error?.redirected) mount(box, errorBox(error, load));
    }
  }
  load();
  return box;
}
