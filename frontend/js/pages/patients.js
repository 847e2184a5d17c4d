// A therapist's patients.
import { listInto } from "../components.js";
import { h, mount } from "../ui.js";

export default function patients(main) {
  const list = h("div", {});
  mount(main, h("h1", {}, "Your patients"), h("section", { class: "card" }, list));
  listInto(list, "/patients", {}, (d) => d?.patients || (Array.isArray(d) ? d : []), (p) => h("li", {},
    h("a", { href: `#/patients/${encodeURIComponent(p.patient_id || p.user_id)}` }, p.name || p.email || "Patient"),
    p.next_session || p.last_session ? h("span", { class: "muted small" }, ` · ${p.next_session ? "next" : "last"} session ${(p.next_session || p.last_session).slice(0, 10)}`) : null),
  "No patients yet. They appear here once they book with you.");
}
