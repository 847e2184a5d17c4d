// How to reach a patient after an alert (issue 23): their phone, their emergency contact, where
// they last said they are, and the emergency number and crisis lines of that place.
import { get } from "../api.js";
import { h, section } from "../ui.js";
import { formatDateTime } from "../time.js";

function phoneLink(number) {
  return h("a", { href: `tel:${number.replace(/[^0-9+]/g, "")}` }, number);
}

function whereTheyAre(location) {
  if (!location) return h("p", {}, "Not confirmed yet: patients confirm where they are as each session starts.");
  const place = [location.city, location.region, location.country].filter(Boolean).join(", ");
  return h("p", {}, place, h("span", { class: "small muted" }, " (confirmed ",
    h("time", { datetime: location.confirmed_at }, formatDateTime(location.confirmed_at)), ")"));
}

export default function patientContact(main, { params }) {
  section(main, () => get(`/patients/${encodeURIComponent(params.id)}/contact`), (c) => {
    const contact = c.emergency_contact;
    const emergency = c.emergency;
    return h("div", {},
      h("h1", {}, `How to reach ${c.name || "your patient"}`),
      h("section", { class: "card emergency-number" }, h("h2", {}, "Emergency number"),
        h("p", { class: "big" }, h("strong", {}, emergency.number), emergency.country_name ? ` (${emergency.country_name})` : ""),
        h("p", { class: "small muted" }, emergency.from_location ? "Where the patient last said they are."
          : "From the patient's account country: they have not confirmed where they are yet."),
        emergency.helplines.length ? h("ul", { class: "small" }, emergency.helplines.map((line) =>
          h("li", {}, line.name, line.reach ? ` — ${line.reach}` : ""))) : null),
      h("div", { class: "grid" },
        h("section", { class: "card" }, h("h2", {}, "Patient"),
          h("p", {}, "Phone: ", c.phone ? phoneLink(c.phone) : "not given"),
          h("p", {}, "Email: ", h("a", { href: `mailto:${c.email}` }, c.email))),
        h("section", { class: "card" }, h("h2", {}, "Emergency contact"),
          contact ? [h("p", {}, h("strong", {}, contact.name), contact.relationship ? ` (${contact.relationship})` : ""),
            h("p", {}, "Phone: ", phoneLink(contact.phone))] : h("p", {}, "Not given.")),
        h("section", { class: "card" }, h("h2", {}, "Where they are"), whereTheyAre(c.location))),
      h("p", {}, h("a", { href: `#/patients/${encodeURIComponent(c.patient_id)}` }, "Their page"), " · ",
        h("a", { href: "#/alerts" }, "Safety alerts")));
  });
}
