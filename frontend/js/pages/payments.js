// Payments: the patient's receipts, refunds and superbills; the therapist's payments,
// reduced-fee requests, refunds and earnings by month.
import { api, get, post, put } from "../api.js";
import { money } from "../payments.js";
import { badge, empty, errorBox, field, flash, h, mount, section, submitting } from "../ui.js";
import { formatDateTime } from "../time.js";

const STATUS_WORDS = { authorised: "held on card", captured: "paid", released: "released",
  free: "free", failed: "declined" };

async function downloadSuperbill(bookingId, status) {
  try {
    const response = await api(`/payments/${encodeURIComponent(bookingId)}/superbill.pdf`, { raw: true });
    if (!response.ok) throw new Error(`Could not get the superbill (${response.status}).`);
    const url = URL.createObjectURL(await response.blob());
    h("a", { href: url, download: `superbill-${bookingId.slice(0, 8)}.pdf` }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (error) {
    if (!error?.redirected) mount(status, errorBox(error));
  }
}

function refundsList(p) {
  if (!p.refunds.length) return null;
  return h("ul", { class: "refunds" }, p.refunds.map((r) =>
    h("li", {}, `Refunded ${money(r.amount, p.currency)} — ${r.reason} (${r.by}, ${formatDateTime(r.at)})`)));
}

function paymentRow(p, role, reload) {
  const status = h("div", { "aria-live": "polite" });
  const id = encodeURIComponent(p.booking_id);
  async function act(path, body, done) {
    try {
      await post(`/payments/${id}/${path}`, body);
      flash(done);
      reload();
    } catch (error) {
      if (!error?.redirected) mount(status, errorBox(error));
    }
  }
  const actions = [];
  if (p.superbill_available) {
    actions.push(h("button", { type: "button", class: "secondary", onclick: () => downloadSuperbill(p.booking_id, status) },
      "Superbill (PDF)"));
  }
  if (role === "therapist" && p.reduced_fee?.status === "requested") {
    actions.push(h("button", { type: "button", onclick: () => act("reduced-fee", { decision: "accept" }, "Reduced fee accepted.") },
      `Accept ${p.reduced_fee.band} % fee`));
    actions.push(h("button", { type: "button", class: "secondary",
      onclick: () => act("reduced-fee", { decision: "decline" }, "Reduced fee declined.") }, "Decline reduced fee"));
  }
  if (role === "therapist" && p.late_fee && p.net > 0) {
    actions.push(h("button", { type: "button", class: "secondary", onclick: () => act("waive-fee", {}, "Fee waived.") },
      "Waive the late fee"));
  }
  if (role === "therapist" && p.status === "captured" && p.net > 0) {
    actions.push(h("button", { type: "button", class: "secondary", onclick: () => {
      const amount = prompt(`Refund how much? (up to ${(p.net / 100).toFixed(2)})`, (p.net / 100).toFixed(2));
      if (amount === null) return;
      const reason = prompt("Reason for the refund:", "");
      if (!reason) return;
      act("refunds", { amount: Math.round(Number(amount) * 100), reason }, "Refund made.");
    } }, "Refund"));
  }
  const who = role === "therapist" ? `Patient: ${p.patient_name || "—"}` : `Therapist: ${p.therapist_name || "—"}`;
  return h("li", { class: "card payment", dataset: { bookingId: p.booking_id } },
    h("p", {}, h("strong", {}, p.starts_at ? formatDateTime(p.starts_at) : "—"), " · ", who, " ",
      badge(STATUS_WORDS[p.status] || p.status)),
    h("p", { class: "amounts" },
      p.status === "captured" ? `Paid ${money(p.captured, p.currency)}${p.late_fee ? " (late-cancellation fee)" : ""}`
        : p.status === "authorised" ? `${money(p.due, p.currency)} held on ${p.card || "your card"}`
          : `Price ${money(p.list_price, p.currency)}`,
      p.refunded ? ` · refunded ${money(p.refunded, p.currency)} · net ${money(p.net, p.currency)}` : ""),
    p.reduced_fee ? h("p", { class: "small" }, `Reduced fee (${p.reduced_fee.band} %): ${p.reduced_fee.status}`) : null,
    refundsList(p),
    actions.length ? h("div", { class: "row" }, actions) : null,
    status);
}

function earningsTable(e) {
  if (!e.months.length) return empty("No paid sessions yet.");
  const cur = e.currency || "USD";
  return h("div", { class: "table-wrap" }, h("table", { class: "earnings" },
    h("caption", {}, "Earnings by month (payouts are not made through EmoteCare yet)"),
    h("thead", {}, h("tr", {}, ["Month", "Sessions", "Late fees", "Taken", "Refunded", "Owed to you"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, e.months.map((m) => h("tr", {},
      h("th", { scope: "row" }, m.month), h("td", {}, String(m.sessions)), h("td", {}, String(m.late_fees)),
      h("td", {}, money(m.fees, cur)), h("td", {}, money(m.refunds, cur)), h("td", {}, money(m.owed, cur)))))));
}

/** The therapist's payment terms: taking payment, reduced-fee places, free first session, late fee. */
function termsForm(terms, reload) {
  const form = h("form", { class: "stack", id: "payment-terms" },
    h("label", { class: "row" }, h("input", { type: "checkbox", name: "accepts_payments", checked: terms.accepts_payments }),
      h("span", {}, "Take payment when patients book (your price is on your profile)")),
    h("label", { class: "row" }, h("input", { type: "checkbox", name: "first_session_free", checked: terms.first_session_free }),
      h("span", {}, "A patient's first session with me is free")),
    field("Reduced-fee places (patients at a time)", h("input", { type: "number", name: "reduced_fee_places", min: 0, max: 100,
      value: String(terms.reduced_fee_places) })),
    field("Reduced fees offered (% of the price the patient pays)", h("input", { type: "text", name: "reduced_fee_bands",
      value: terms.reduced_fee_bands.join(", "), placeholder: "50, 25" }), "Separate with commas."),
    field("Late-cancellation and no-show fee (% of the fee)", h("input", { type: "number", name: "late_cancel_fee_percent",
      min: 0, max: 100, value: String(terms.late_cancel_fee_percent) })),
    h("p", { class: "small muted" }, terms.cancellation_policy),
    h("button", { type: "submit" }, "Save payment terms"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      await put("/therapists/me/payment-terms", {
        accepts_payments: form.accepts_payments.checked, first_session_free: form.first_session_free.checked,
        reduced_fee_places: Number(form.reduced_fee_places.value || 0),
        reduced_fee_bands: form.reduced_fee_bands.value.split(",").map((v) => v.trim()).filter(Boolean).map(Number),
        late_cancel_fee_percent: Number(form.late_cancel_fee_percent.value || 0),
      });
      flash("Payment terms saved.");
      reload();
    });
  });
  return form;
}

export default function payments(main, { user }) {
  const therapist = user.role === "therapist";
  const render = () => section(main, () => Promise.all([
    get(therapist ? "/therapists/me/payments" : "/me/payments"),
    therapist ? get("/therapists/me/earnings") : Promise.resolve(null),
    therapist ? get("/therapists/me/payment-terms") : Promise.resolve(null),
  ]), ([list, earnings, terms]) => h("div", {},
    h("h1", {}, "Payments"),
    therapist ? h("section", { class: "card" }, h("h2", {}, "Earnings"), earningsTable(earnings)) : null,
    therapist ? h("section", { class: "card" }, h("h2", {}, "Payment terms"), termsForm(terms, render)) : null,
    h("section", {}, h("h2", {}, therapist ? "Payments for your sessions" : "Your payments and receipts"),
      list.payments.length ? h("ul", { class: "list stack" }, list.payments.map((p) => paymentRow(p, user.role, render)))
        : empty("No payments yet."))));
  render();
}
