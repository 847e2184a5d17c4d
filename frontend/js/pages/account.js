// Your account: profile, download your data, delete your account (patients).
import { api, get, patch } from "../api.js";
import * as session from "../session.js";
import { field, flash, formData, h, section, submitting } from "../ui.js";
import { timeZones } from "../time.js";
import { passwordForm } from "../account/password-form.js";
import { safetyContactFields, withSafetyContacts } from "../account/safety-contacts.js";

export default function account(main, { user, navigate }) {
  section(main, () => get("/me"), (me) => {
    const tz = h("select", { name: "time_zone" }, timeZones().map((z) => h("option", { value: z }, z)));
    tz.value = me.time_zone || user.time_zone || "UTC";
    const form = h("form", { class: "card form-narrow" }, h("h2", {}, "Profile"),
      field("Name", h("input", { name: "name", value: me.name || "", required: true })),
      field("Time zone", tz),
      field("Country", h("input", { name: "country", value: me.country || "", maxlength: 2 }), "Two-letter code, e.g. GB."),
      user.role === "patient" ? safetyContactFields(me) : null,
      h("button", { type: "submit" }, "Save"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submitting(form, async () => {
        const saved = await patch("/me", withSafetyContacts(formData(form)));
        session.updateUser({ name: saved?.name, time_zone: saved?.time_zone, country: saved?.country });
        flash("Profile saved.");
      });
    });
    const data = user.role === "patient" ? h("section", { class: "card form-narrow" }, h("h2", {}, "Your data"),
      h("p", {}, "See every time someone other than you looked at your check-ins, reports, plan or sessions: ",
        h("a", { href: "#/access-log", id: "access-log-link" }, "Who has seen my data")),
      h("p", {}, "Download every record we hold about you as one file."),
      h("button", { type: "button", class: "secondary", onclick: async () => {
        try {
          const blob = new Blob([JSON.stringify(await get("/me/export"), null, 2)], { type: "application/json" });
          const url = URL.createObjectURL(blob);
          h("a", { href: url, download: "emotecare-export.json" }).click();
          setTimeout(() => URL.revokeObjectURL(url), 1000);
        } catch (error) { if (!error?.redirected) flash(error.message, "error"); }
      } }, "Download my data"),
      h("p", {}, "Deleting your account removes everything and cancels future sessions (your therapists are told)."),
      h("button", { type: "button", class: "danger", onclick: async () => {
        if (!confirm("Delete your account and all your data? This cannot be undone.")) return;
        try { await api("/me", { method: "DELETE" }); session.signedOut(); flash("Your account was deleted."); navigate("/"); } catch (error) { if (!error?.redirected) flash(error.message, "error"); }
      } }, "Delete my account")) : null;
    return h("div", {}, h("h1", {}, "Your account"), h("p", {}, me.email || user.email || ""), form, passwordForm(), data);
  });
}
