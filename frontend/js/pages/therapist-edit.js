// A therapist's public profile (what patients see before booking).
import { get, put } from "../api.js";
import { currentUser } from "../session.js";
import { field, flash, formData, h, section, submitting } from "../ui.js";
import { timeZones } from "../time.js";

const list = (s) => String(s || "").split(",").map((x) => x.trim()).filter(Boolean);

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
        field("Jurisdiction", h("input", { name: "jurisdiction", value: p.jurisdiction || "" })),
        field("Years of experience", h("input", { type: "number", min: 0, name: "years_experience", value: p.years_experience ?? "" })),
        field("Price per session", h("input", { type: "number", min: 0, name: "price_per_session", value: p.price_per_session ?? "" })),
        field("Time zone", tz),
        field("Photo address", h("input", { type: "url", name: "photo_url", value: p.photo_url || "" }))),
      field("About you", h("textarea", { name: "bio", rows: 4 }, p.bio || "")),
      field("Specialties", h("input", { name: "specialties", value: (p.specialties || []).join(", ") }), "Comma-separated."),
      field("Therapy types", h("input", { name: "therapy_types", value: (p.therapy_types || []).join(", ") }), "individual, couple, family, group"),
      field("Languages", h("input", { name: "languages", value: (p.languages || []).join(", ") }), "Codes such as en, es."),
      h("button", { type: "submit" }, "Save profile"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submitting(form, async () => {
        const d = formData(form);
        await put("/therapists/me", { ...d, years_experience: Number(d.years_experience) || 0,
          price_per_session: Number(d.price_per_session) || 0, specialties: list(d.specialties),
          therapy_types: list(d.therapy_types), languages: list(d.languages) });
        flash("Profile saved.");
      });
    });
    return h("div", {}, h("h1", {}, "Your public profile"), form);
  });
}
