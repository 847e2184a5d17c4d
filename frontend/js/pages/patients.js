// A therapist's patients: requests to accept or decline, patients in care (discharge), and
// those whose care ended (their notes stay readable).
import { get, post } from "../api.js";
import { empty, errorBox, flash, h, loading, mount } from "../ui.js";

const CARE_WORDS = {
  requested: "asks you to be their therapist",
  active: "in your care",
  ended: "care ended: you keep your notes and what you saw during it",
  booking: "booked a session: confirm it to start their care",
};

export default function patients(main) {
  const list = h("div", {});
  mount(main, h("h1", {}, "Your patients"),
    h("p", { class: "small muted" }, "You see a patient's check-ins, reports, plan and messages while they are in your care: "
      + "once you accept their request or confirm a session. After their care ends you keep your notes and what was dated during it."),
    h("section", { class: "card" }, list));

  async function act(patient, action, done) {
    try {
      await post(`/patients/${encodeURIComponent(patient.patient_id)}/care/${action}`, {});
      flash(done);
      load();
    } catch (error) {
      if (!error?.redirected) mount(list, errorBox(error, load));
    }
  }

  function actions(p) {
    const name = p.name || "this patient";
    const button = (label, action, done, secondary) => h("button", {
      type: "button", class: secondary ? "secondary" : null, "data-action": action,
      onclick: (event) => { event.currentTarget.disabled = true; act(p, action, done); } }, label);
    if (p.care === "requested") {
      return [button("Accept", "accept", `${name} is now in your care.`),
        button("Decline", "decline", `You declined ${name}'s request.`, true)];
    }
    if (p.care === "active") return [button("Discharge", "discharge", `${name} was discharged.`, true)];
    return [];
  }

  function row(p) {
    return h("li", { "data-patient-id": p.patient_id, "data-care": p.care || "booking" },
      h("a", { href: `#/patients/${encodeURIComponent(p.patient_id)}` }, p.name || "Patient"),
      h("span", { class: "muted small" }, ` · ${CARE_WORDS[p.care || "booking"]}`),
      p.next_session || p.last_session ? h("span", { class: "muted small" }, ` · ${p.next_session ? "next" : "last"} session ${(p.next_session || p.last_session).slice(0, 10)}`) : null,
      ...actions(p).flatMap((button) => [" ", button]));
  }

  async function load() {
    mount(list, loading());
    try {
      const data = await get("/patients");
      const found = data?.patients || [];
      mount(list, found.length ? h("ul", { class: "list" }, found.map(row))
        : empty("No patients yet. They appear here once they ask you to be their therapist or book with you."));
    } catch (error) {
      if (!error?.redirected) mount(list, errorBox(error, load));
    }
  }
  load();
}
