// On a therapist's profile, a patient asks them for care (or sees where that stands): the
// request becomes care once the therapist accepts it or confirms a booking. The consequences
// of a switch are said in plain words first.
import { del, get, put } from "../api.js";
import { updateUser } from "../session.js";
import { errorBox, flash, h, mount } from "../ui.js";

/** The patient's latest relationship with `therapistId`, and whether they have any other. */
export async function careWith(therapistId) {
  const { relationships } = await get("/me/care");
  const mine = relationships.find((r) => r.therapist_id === therapistId) || null;
  const others = relationships.some((r) => r.therapist_id !== therapistId && ["requested", "active"].includes(r.state));
  return { mine, others };
}

export function therapistChoice(therapistId, name) {
  const box = h("section", { class: "card", id: "therapist-choice", "aria-live": "polite" });
  const writeLink = () => h("a", { class: "button secondary", href: `#/messages/${encodeURIComponent(therapistId)}` }, `Write to ${name}`);
  function active() {
    return h("div", { "data-care": "active" }, h("h2", {}, "Your therapist"), h("p", {}, `${name} is your therapist.`),
      h("p", {}, writeLink(), " ",
        h("button", { type: "button", class: "secondary", onclick: end }, `End care with ${name}`)));
  }
  function requested() {
    return h("div", { "data-care": "requested" }, h("h2", {}, "Request sent"),
      h("p", {}, `You asked ${name} to be your therapist. They see your request on their patients page; `
        + "once they accept it (or confirm a session you booked) you can write to each other and they see your check-ins and reports."),
      h("button", { type: "button", class: "secondary", onclick: end }, "Withdraw the request"));
  }
  function offer(hadOne) {
    const button = h("button", { type: "button", onclick: choose }, hadOne ? `Switch to ${name}` : `Ask ${name} to be your therapist`);
    return h("div", { "data-care": "none" }, h("h2", {}, hadOne ? "Switch therapist" : "Choose this therapist"),
      h("p", {}, `${name} becomes your therapist once they accept. Until then they see none of your data.`),
      hadOne ? h("ul", {},
        h("li", {}, "Your current therapist's care ends now: from now on they see nothing new of yours (no check-ins, reports or plan), "
          + "and your conversation with them becomes read-only. They keep their own notes and what they saw while caring for you."),
        h("li", {}, "Sessions you already booked with your current therapist stay booked until you cancel them."),
        h("li", {}, "Notes stay with the therapist who wrote them: your new therapist does not see your current therapist's notes.")) : null,
      button);
  }
  async function choose(event) {
    event.currentTarget.disabled = true;
    try {
      const me = await put("/me/therapist", { therapist_id: therapistId });
      updateUser({ therapist_id: me.therapist_id });
      flash(me.care.state === "active" ? `${name} is now your therapist.` : `Request sent to ${name}.`);
      mount(box, me.care.state === "active" ? active() : requested());
    } catch (error) {
      if (!error?.redirected) mount(box, errorBox(error, load));
    }
  }
  async function end(event) {
    event.currentTarget.disabled = true;
    try {
      await del(`/me/care/${encodeURIComponent(therapistId)}`);
      flash(`Your care with ${name} has ended.`);
      load();
    } catch (error) {
      if (!error?.redirected) mount(box, errorBox(error, load));
    }
  }
  async function load() {
    try {
      const { mine, others } = await careWith(therapistId);
      const state = mine?.state;
      mount(box, state === "active" ? active() : state === "requested" ? requested() : offer(others));
    } catch (error) {
      if (!error?.redirected) mount(box, errorBox(error, load));
    }
  }
  load();
  return box;
}
