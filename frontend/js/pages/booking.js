// One booking: details, calendar file, join, reschedule, cancel (and confirm for therapists).
import { api, get, post } from "../api.js";
import { isEnded, roomLink, shownStatus, slotPicker, therapistName } from "../components.js";
import { badge, errorBox, flash, h, mount, section } from "../ui.js";
import { formatDateTime } from "../time.js";

const CLOSED = ["cancelled", "late_cancelled", "declined", "completed", "ended", "payment_failed"];

export default function booking(main, { params, user, navigate }) {
  const id = encodeURIComponent(params.id);
  const render = () => section(main, () => get(`/bookings/${id}`), (b) => {
    const open = !CLOSED.includes(b.status) && !isEnded(b);
    const late = Date.parse(b.starts_at) - Date.now() < 24 * 3600_000;
    const status = h("div", { "aria-live": "polite" });
    async function act(action, body = {}) {
      // One request at a time: a double click on "Confirm" sent two, and the API refused the second.
      const buttons = [...main.querySelectorAll("button:not([disabled])")];
      buttons.forEach((button) => { button.disabled = true; });
      try {
        await post(`/bookings/${id}/${action}`, body);
        flash({ cancel: "Booking cancelled.", confirm: "Booking confirmed.", decline: "Booking declined.",
          reschedule: "Booking moved." }[action]);
        render();
      } catch (error) {
        if (!error?.redirected) mount(status, errorBox(error));
        buttons.forEach((button) => { button.disabled = false; });
      }
    }
    async function downloadIcs() {
      try {
        const response = await api(`/bookings/${id}/invite.ics`, { raw: true });
        if (!response.ok) throw new Error(`Could not get the calendar file (${response.status}).`);
        const url = URL.createObjectURL(await response.blob());
        h("a", { href: url, download: "emotecare-session.ics" }).click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      } catch (error) {
        if (!error?.redirected) mount(status, errorBox(error));
      }
    }
    const reschedule = h("div", {});
    const actions = [];
    // The API moves a booking only until 24 h before it (booking.py), so inside that window the
    // picker would offer times it then refuses: say so instead.
    if (open && user.role === "patient" && late) {
      actions.push(h("p", { class: "small muted", "data-testid": "no-reschedule" },
        "Less than 24 hours to go: this session can no longer be moved, only cancelled."));
    } else if (open && user.role === "patient") {
      actions.push(h("button", { type: "button", class: "secondary", onclick: () => {
        mount(reschedule, h("h2", {}, "Choose a new time"), slotPicker(b.therapist_id, (slot) => {
          mount(status, h("p", {}, `Move to ${formatDateTime(slot.starts_at)}? `,
            h("button", { type: "button", onclick: () => act("reschedule", { starts_at: slot.starts_at }) }, "Move the booking")));
        }));
      } }, "Reschedule"));
    }
    if (open && user.role === "therapist" && b.status === "pending") {
      actions.push(h("button", { type: "button", onclick: () => act("confirm") }, "Confirm"));
      actions.push(h("button", { type: "button", class: "secondary", onclick: () => {
        const reason = prompt("Reason for declining:", "Not available at that time");
        if (reason !== null) act("decline", { reason });
      } }, "Decline"));
    }
    if (open) {
      actions.push(h("button", { type: "button", class: "danger", onclick: () => {
        const warning = late ? "This is less than 24 hours away, so it counts as a late cancellation. Cancel anyway?"
          : "Cancel this session?";
        if (confirm(warning)) act("cancel");
      } }, "Cancel session"));
    }
    return h("div", {},
      h("h1", {}, "Session on ", formatDateTime(b.starts_at)),
      h("section", { class: "card" },
        h("p", {}, badge(shownStatus(b))),
        h("p", {}, user.role === "therapist" ? `Patient: ${b.patient_name || b.patient?.name || "—"}`
          : `Therapist: ${b.therapist_name || therapistName(b.therapist)}`),
        h("p", {}, `Ends ${formatDateTime(b.ends_at)}`),
        b.details?.message || b.message ? h("p", {}, h("strong", {}, "Note: "), b.details?.message || b.message) : null,
        h("div", { class: "row" }, roomLink(b),
          h("button", { type: "button", class: "secondary", onclick: downloadIcs }, "Add to calendar (.ics)"), actions),
        status),
      reschedule,
      h("p", {}, h("a", { href: "#/bookings" }, "All your sessions")));
  });
  render();
}
