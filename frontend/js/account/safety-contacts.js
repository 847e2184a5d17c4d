// The patient's phone and emergency contact (issue 23): asked at sign-up, editable on the account
// page; their therapist sees them on the page an alert links to. Names match the API's fields
// (`emergency_contact.phone`), so a 400 lands next to the input it is about.
import { field, h } from "../ui.js";

const WHY = "So your therapist can reach you, or someone close to you, if you are ever in danger. "
  + "Only your therapist sees them.";

/** The fieldset, filled from `me` when editing. */
export function safetyContactFields(me = {}) {
  const contact = me.emergency_contact || {};
  const input = (name, value, attrs = {}) => h("input", { name, value: value || "", ...attrs });
  return h("fieldset", { class: "safety-contacts" }, h("legend", {}, "In an emergency"),
    h("p", { class: "small muted" }, WHY),
    field("Your phone number", input("phone", me.phone, { type: "tel", autocomplete: "tel", maxlength: 24 })),
    field("Emergency contact's name", input("emergency_contact.name", contact.name, { maxlength: 100 })),
    field("Emergency contact's phone", input("emergency_contact.phone", contact.phone, { type: "tel", maxlength: 24 })),
    field("How you know them (optional)", input("emergency_contact.relationship", contact.relationship,
      { maxlength: 60, placeholder: "e.g. partner, sister, friend" })));
}

/** Move the fieldset's flat form values into the API's shape; empty ones are left out. */
export function withSafetyContacts(values) {
  const body = {};
  const contact = {};
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith("emergency_contact.")) {
      if (value.trim()) contact[key.slice("emergency_contact.".length)] = value.trim();
    } else if (key !== "phone" || value.trim()) {
      body[key] = key === "phone" ? value.trim() : value;
    }
  }
  if (Object.keys(contact).length) body.emergency_contact = contact;
  return body;
}
