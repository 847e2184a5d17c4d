// A therapist's public profile, with a slot picker and booking for patients.
import { api, post } from "../api.js";
import { cardForm } from "../payments.js";
import { pricePerSession, slotPicker, therapistName, therapistView } from "../components.js";
import { currentUser } from "../session.js";
import { field, flash, h, languageName, section, submitting } from "../ui.js";
import { formatDateTime } from "../time.js";
import { therapistChoice } from "../account/therapist-choice.js";

/** Price, reduced fee and card, for therapists who take payment (`terms.accepts_payments`). */
function paymentFields(terms) {
  const box = h("fieldset", { class: "stack", id: "payment" }, h("legend", {}, "Payment"));
  if (!terms.accepts_payments) return { box: null, body: async () => ({}) };
  box.append(h("p", { class: "small" }, "Your card is held when you book and charged when the session ends. ",
    terms.first_session_free ? "Your first session with this therapist is free. " : "", terms.cancellation_policy));
  const band = terms.reduced_fee_bands.length ? h("select", { name: "reduced_fee_band" },
    h("option", { value: "" }, "Full price"),
    terms.reduced_fee_bands.map((b) => h("option", { value: String(b) }, `Ask to pay ${b} % of the price`))) : null;
  if (band) box.append(field("Reduced fee (your therapist decides; no documents needed)", band));
  const cardBox = h("div", { class: "card-element", id: "card-element" });
  const useSaved = h("input", { type: "checkbox", name: "use_saved_card" });
  const save = h("input", { type: "checkbox", name: "save_card" });
  const savedRow = h("label", { class: "row" }, useSaved, h("span", {}, "Use my saved card"));
  box.append(h("div", {}, "Card details"), cardBox,
    h("label", { class: "row" }, save, h("span", {}, "Keep this card for my next bookings")));
  const ready = cardForm(cardBox).then((form) => {
    if (form.savedCard) {
      savedRow.lastChild.textContent = `Use my saved card (${form.savedCard})`;
      box.insertBefore(savedRow, cardBox.previousSibling);
    }
    return form;
  });
  ready.catch(() => {});
  return {
    box,
    async body() {
      const form = await ready;
      const body = { reduced_fee_band: band?.value ? Number(band.value) : undefined };
      if (form.savedCard && useSaved.checked) return body;
      return { ...body, payment_method_id: await form.paymentMethodId(), save_card: save.checked };
    },
  };
}

function bookingForm(t, terms, navigate) {
  let chosen = null;
  const payment = paymentFields(terms);
  const summary = h("p", { class: "muted", "aria-live": "polite" }, "Choose a time above.");
  const types = t.therapy_types?.length ? t.therapy_types : ["individual"];
  const form = h("form", { class: "stack", id: "book" },
    field("Type of session", h("select", { name: "therapy_type" }, types.map((v) => h("option", { value: v }, v)))),
    field("A note for the therapist (optional)", h("textarea", { name: "message", rows: 3, maxlength: 1000 })),
    field("Invite others by email (couple or family sessions)", h("input", { type: "text", name: "participants",
      placeholder: "name@example.com, …" }), "Separate addresses with commas."),
    payment.box,
    summary,
    h("button", { type: "submit", disabled: true }, terms.accepts_payments ? "Request and pay" : "Request this time"));
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
      const paying = await payment.body();
      const booking = await post("/bookings", {
        therapist_id: t.id, starts_at: chosen.starts_at, therapy_type: form.therapy_type.value,
        message: form.message.value || undefined, participants: participants.length ? participants : undefined,
        ...paying,
      });
      flash(`Requested ${formatDateTime(booking.starts_at)}. ${therapistName(t)} will confirm it.`);
      navigate(`/bookings/${encodeURIComponent(booking.booking_id)}`);
    });
  });
  return h("section", { class: "card" }, h("h2", {}, "Book a session"), picker, form);
}

export default function therapistProfile(main, { params, navigate }) {
  const user = currentUser();
  const id = encodeURIComponent(params.id);
  const load = () => Promise.all([api(`/therapists/${id}`, { auth: false }),
    api(`/therapists/${id}/payment-terms`, { auth: false })]);
  section(main, load, ([raw, terms]) => {
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
            h("dt", {}, "Languages"), h("dd", {}, (t.languages || []).map(languageName).join(", ") || "—"),
            h("dt", {}, "Licence"), h("dd", {}, t.licence_number || "—"),
            h("dt", {}, "Licensed in"), h("dd", { "data-testid": "licensed-in" }, (t.licensed_in || []).join(", ") || "—"))),
        h("section", { class: "card" }, h("h2", {}, "Price"),
          h("p", { class: "now" }, pricePerSession(t) || "Ask the therapist"),
          h("p", { class: "small muted", id: "cancellation-policy" }, terms.cancellation_policy))),
      user?.role === "patient" ? therapistChoice(t.id, therapistName(t)) : null,
      user?.role === "patient" ? bookingForm(t, terms, navigate)
        : h("section", { class: "card" }, h("h2", {}, "Book a session"),
          user ? h("p", {}, "Booking is for patient accounts.")
            : h("p", {}, h("a", { href: `#/signin?next=${encodeURIComponent(`/therapists/${params.id}`)}` }, "Sign in"),
              " or ", h("a", { href: "#/signup" }, "create an account"), " to book.")));
  });
}
