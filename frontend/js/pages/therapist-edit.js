// A therapist's public profile (what patients see before booking).
import { get, put } from "../api.js";
import { currentUser } from "../session.js";
import { field, flash, formData, h, section, submitting } from "../ui.js";
import { timeZones } from "../time.js";
import { label, LANGUAGES, SPECIALTIES, THERAPY_TYPES } from "./browse.js";

function checkboxes(legend, name, pairs, chosen = []) {
  return h("fieldset", {}, h("legend", {}, legend), h("div", { class: "checks" }, pairs.map(([value, text]) =>
    h("label", {}, h("input", { type: "checkbox", name, value, checked: chosen.includes(value) }), text))));
}

export default function therapistEdit(main) {
  const me = currentUser();
  section(main, () => get("/therapists/me"), (raw) => {
    const p = { ...(raw.profile || {}), ...raw };
    const tz = h("select", { name: "time_zone" }, timeZones().map((z) => h("option", { value: z }, z)));
    tz.value = p.time_zone || me.time_zone || "UTC";
    const form = h("form", { class: "card" },
      raw.status ? h("p", {}, `Status: ${raw.status}`, raw.status === "pending" ? " — an administrator checks your licence before patients can see you." : "") : null,
      h("div", { class: "grid" },
        field("Name", h("input", { name: "name", value: p.name || me.name || "", required: true })),
        field("Credentials", h("input", { name: "credentials", value: p.credentials || "" })),
        field("Licence number", h("input", { name: "licence_number", value: p.licence_number || "" })),
        field("Licensed in", h("input", { name: "jurisdiction", value: p.jurisdiction || "" }),
          "Where you may practise, as country or state codes separated by commas (GB, US-NY). Patients elsewhere are not offered to you."),
        field("Years of experience", h("input", { type: "number", min: 0, name: "years_experience", value: p.years_experience ?? "" })),
        field("Price per session", h("input", { type: "number", min: 0, name: "price_per_session", value: p.price_per_session ?? "" })),
        field("Time zone", tz),
        field("Photo address", h("input", { type: "url", name: "photo_url", value: p.photo_url || "" }))),
      field("About you", h("textarea", { name: "bio", rows: 4, maxlength: 2000 }, p.bio || "")),
      checkboxes("Specialties", "specialties", SPECIALTIES.map((v) => [v, label(v)]), p.specialties),
      checkboxes("Therapy types", "therapy_types", THERAPY_TYPES, p.therapy_types),
      checkboxes("Languages", "languages", LANGUAGES, p.languages),
      h("button", { type: "submit" }, "Save profile"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submitting(form, async () => {
        const d = formData(form);
        const all = new FormData(form);
        // Only fields with a value: an empty optional field means "not given", not "blank".
        const body = Object.fromEntries(Object.entries(d).filter(([, v]) => v !== ""));
        for (const name of ["specialties", "therapy_types", "languages"]) body[name] = all.getAll(name);
        if (body.years_experience !== undefined) body.years_experience = Number(body.years_experience);
        if (body.price_per_session !== undefined) body.price_per_session = Number(body.price_per_session);
        await put("/therapists/me", body);
        flash("Profile saved.");
      });
    });
    return h("div", {}, h("h1", {}, "Your public profile"), form);
  });
}
