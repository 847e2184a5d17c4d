// A therapist's public profile, with a slot picker and booking for patients.
import { api, post } from "../api.js";
import { slotPicker, therapistName, therapistView } from "../components.js";
import { currentUser } from "../session.js";
import { field, flash, h, section, submitting } from "../ui.js";
import { formatDateTime } from "../time.js";
import { therapistChoice } from "../account/therapist-choice.js";

function bookingForm(t, navigate) {
  let chosen = null;
  const summary = h("p", { class: "muted", "aria-live": "polite" }, "Choose a time above.");
  const types = t.therapy_types?.length ? t.therapy_types : ["individual"];
  const form = h("form", { class: "stack", id: "book" },
    field("Type of session", h("select", { name: "therapy_type" }, types.map((v) => h("option", { value: v }, v)))),
    field("A note for the therapist (optional)", h("textarea", { name: "message", rows: 3, maxlength: 1000 })),
    field("Invite others by email (couple or family sessions)", h("input", { type: "text", name: "participants",
      placeholder: "name@example.com, …" }), "Separate addresses with commas."),
    summary,
    h("button", { type: "submit", disabled: true }, "Request this time"));
  const picker = slotPicker(t.id, (slot) => {
    chosen = slot;
    summary.textContent = `Chosen: ${formatDateTime(slot.starts_at)}.`;
    form.querySelector("[type=submit]").disabled = false;
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!chosen) return;
    submitting(form, async () => {
      const participants = form.participants.value.split(",").map((s) => s.trim()).filter(Boolean);
      const booking = await post("/bookings", {
        therapist_id: t.id, starts_at: chosen.starts_at, therapy_type: form.therapy_type.value,
        message: form.message.value || undefined, participants: participants.length ? participants : undefined,
      });
      flash(`Requested ${formatDateTime(booking.starts_at)}. ${therapistName(t)} will confirm it.`);
      navigate(`/bookings/${encodeURIComponent(booking.booking_id)}`);
    });
  });
  return h("section", { class: "card" }, h("h2", {}, "Book a session"), picker, form);
}

export default function therapistProfile(main, { params, navigate }) {
  const user = currentUser();
  section(main, () => api(`/therapists/${encodeURIComponent(params.id)}`, { auth: false }), (raw) => {
    const t = therapistView(raw);
    if (!t.id) t.id = params.id;
    return h("div", {},
      h("div", { class: "row" },
        t.photo_url ? h("img", { src: t.photo_url, alt: "", width: 72, height: 72, style: "border-radius:50%" }) : null,
        h("div", {}, h("h1", { style: "margin-bottom:0" }, therapistName(t)), h("p", { class: "muted" }, t.credentials || ""))),
      h("div", { class: "grid-2" },
        h("section", { class: "card" }, h("h2", {}, "About"), h("p", {}, t.bio || ""),
          h("dl", {},
            h("dt", {}, "Experience"), h("dd", {}, t.years_experience ? `${t.years_experience} years` : "—"),
            h("dt", {}, "Works with"), h("dd", {}, (t.specialties || []).join(", ") || "—"),
            h("dt", {}, "Therapy types"), h("dd", {}, (t.therapy_types || []).join(", ") || "—"),
            h("dt", {}, "Languages"), h("dd", {}, (t.languages || []).join(", ") || "—"),
            h("dt", {}, "Licensed in"), h("dd", { "data-testid": "licensed-in" }, (t.licensed_in || []).join(", ") || "—"))),
        h("section", { class: "card" }, h("h2", {}, "Price"),
          h("p", { class: "now" }, t.price_per_session ? `${t.currency === "GBP" ? "£" : "$"}${t.price_per_session} per session` : "Ask the therapist"),
          h("p", { class: "small muted" }, "Free to cancel up to 24 hours before."))),
      user?.role === "patient" ? therapistChoice(t.id, therapistName(t)) : null,
      user?.role === "patient" ? bookingForm(t, navigate)
        : h("section", { class: "card" }, h("h2", {}, "Book a session"),
          user ? h("p", {}, "Booking is for patient accounts.")
            : h("p", {}, h("a", { href: `#/signin?next=${encodeURIComponent(`/therapists/${params.id}`)}` }, "Sign in"),
              " or ", h("a", { href: "#/signup" }, "create an account"), " to book.")));
  });
}
