// Home after sign-in: one dashboard per role.
import { get, post } from "../api.js";
import { bookingRow, isEnded, redrawWhenJoinOpens, roomLink, summaryLink } from "../components.js";
import { CHECK_INS } from "./check-ins.js";
import { seriesLine } from "../charts.js";
import { loadSafetyAlerts, soundSwitch } from "../safety-alerts.js";
import { badge, empty, errorBox, field, flash, h, loading, mount, section, submitting } from "../ui.js";
import { dayKey, formatDateTime, joinable, userTimeZone } from "../time.js";
import { waitingBanner } from "../messaging/waiting-banner.js";
import { myPlanCard, plansDueCard } from "../plans.js";

const upcoming = (data) => data?.bookings || (Array.isArray(data) ? data : []);

function nextSessionCard() {
  const box = h("div", {});
  let opensTimer = null;
  const load = () => section(box, () => get("/bookings", { scope: "upcoming" }), (data) => {
    const next = upcoming(data).find((b) => !["cancelled", "late_cancelled", "declined"].includes(b.status) && !isEnded(b));
    const ended = upcoming(data).filter(isEnded).at(-1);  // a session that just ended, until it moves to "past"
    const endedNote = ended ? h("p", { class: "small" }, `Your session on ${formatDateTime(ended.starts_at)} has `,
      badge("ended"), ". ", summaryLink(ended)) : null;
    if (!next) {
      return h("div", {}, endedNote, empty("No session booked yet."),
        h("p", {}, h("a", { class: "button", href: "#/find" }, "Find a therapist")));
    }
    opensTimer = redrawWhenJoinOpens([next], () => box.isConnected && load(), opensTimer);
    return h("div", { class: "next-session" }, endedNote,
      h("p", { class: "now" }, h("strong", {}, formatDateTime(next.starts_at)), " ", badge(next.status)),
      h("p", {}, `with ${next.therapist_name || next.therapist?.name || "your therapist"}`),
      joinable(next) && next.session_id ? roomLink(next)
        : h("p", { class: "muted small" }, "The join button appears here 10 minutes before the start."),
      h("p", {}, h("a", { href: `#/bookings/${encodeURIComponent(next.booking_id)}` }, "Reschedule or cancel")));
  });
  load();
  return h("section", { class: "card" }, h("h2", {}, "Your next session"), box);
}

function moodTrendCard() {
  const box = h("div", {});
  const load = () => section(box, () => get("/journal/trend", { weeks: 8 }), (data) => {
    const weeks = data?.weekly || [];
    if (!weeks.length || weeks.every((w) => w.mean_mood === null || w.mean_mood === undefined)) {
      return empty("Your mood trend appears after your first journal entries.");
    }
    const labels = weeks.map((w) => w.week || w.week_start || w.label);
    const values = weeks.map((w) => w.mean_mood ?? w.mood ?? w.average ?? null);
    return seriesLine(labels, [{ label: "Average mood (1–10)", data: values }],
      `Average mood by week: ${labels.map((l, i) => `${l} ${values[i] ?? "no entries"}`).join(", ")}`,
      { min: 1, max: 10, small: true }).element;
  });
  load();
  return { element: h("section", { class: "card" }, h("h2", {}, "Mood trend"), box), reload: load };
}

function quickJournalCard(onSaved) {
  const mood = h("input", { type: "range", name: "mood", min: 1, max: 10, value: 5, "aria-valuetext": "5 of 10" });
  const moodValue = h("output", { for: "quick-mood" }, "5");
  mood.id = "quick-mood";
  mood.addEventListener("input", () => {
    moodValue.textContent = mood.value;
    mood.setAttribute("aria-valuetext", `${mood.value} of 10`);
  });
  const form = h("form", {},
    h("div", { class: "field" }, h("label", { for: "quick-mood" }, "Mood right now (1 low, 10 great): ", moodValue), mood),
    field("A few words (optional)", h("textarea", { name: "text", rows: 3, maxlength: 5000 })),
    h("button", { type: "submit" }, "Save entry"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      await post("/journal", { mood: Number(mood.value), tags: [], text: form.text.value });
      form.reset();
      moodValue.textContent = "5";
      flash("Journal entry saved.");
      onSaved();
    });
  });
  return h("section", { class: "card" }, h("h2", {}, "Quick journal entry"), form);
}

/** PHQ-9 / GAD-7 due now: a prompt with a link to each; nothing when none is due. */
function checkInsDueCard() {
  const card = h("section", { class: "card", "data-testid": "check-ins-due", hidden: true });
  get("/questionnaires/due").then((data) => {
    const due = (data?.questionnaires || []).filter((q) => q.due && CHECK_INS[q.kind]);
    if (!due.length) return;
    mount(card, h("h2", {}, "Check-ins due"),
      h("p", {}, "A two-minute questionnaire helps your therapist see how the last two weeks went."),
      h("div", { class: "row" }, due.map((q) => h("a", { class: "button", href: `#/check-ins/${q.kind}` },
        `Take the ${CHECK_INS[q.kind].name}`))));
    card.hidden = false;
  }).catch(() => {});  // only a prompt: the check-ins page shows its own errors
  return card;
}

function latestReportCard() {
  const box = h("div", {});
  section(box, () => get("/reports"), (data) => {
    const reports = data?.reports || (Array.isArray(data) ? data : []);
    if (!reports.length) return empty("Your first weekly report appears after a week with sessions or journal entries.");
    const r = reports[0];
    return h("div", {}, h("p", {}, `Week ${r.week}`),
      h("a", { class: "button secondary", href: `#/reports/${encodeURIComponent(r.patient_id || "me")}/${encodeURIComponent(r.week)}` }, "Read the report"));
  });
  return h("section", { class: "card" }, h("h2", {}, "Latest report"), box);
}

function patientDashboard(main, user) {
  const trend = moodTrendCard();
  mount(main, h("h1", {}, `Hello${user.name ? `, ${user.name.split(" ")[0]}` : ""}`), waitingBanner(),
    checkInsDueCard(),
    h("div", { class: "grid" }, nextSessionCard(), trend.element, quickJournalCard(trend.reload), latestReportCard()),
    myPlanCard(),
    h("section", { class: "card" }, h("h2", {}, "On your own"),
      h("div", { class: "row" },
        h("a", { class: "button secondary", href: "#/self-reflect" }, "Self-reflect"),
        h("a", { class: "button secondary", href: "#/chat" }, "Talk it through (chat)"),
        h("a", { class: "button secondary", href: "#/resources" }, "Self-help resources"))));
}

function therapistDashboard(main, user) {
  const today = h("div", {});
  const pending = h("div", {});
  const safety = h("div", {});
  const tz = userTimeZone();
  let opensTimer = null;
  async function load() {
    mount(today, loading());
    mount(pending, loading());
    try {
      const items = upcoming(await get("/bookings", { scope: "upcoming" }));
      const todayKey = dayKey(new Date().toISOString(), tz);
      const todays = items.filter((b) => dayKey(b.starts_at, tz) === todayKey && ["confirmed", "in_progress"].includes(b.status));
      const waiting = items.filter((b) => b.status === "pending");
      mount(today, todays.length ? h("ul", { class: "list" }, todays.map((b) => bookingRow(b, { user })))
        : empty("No confirmed sessions today."));
      opensTimer = redrawWhenJoinOpens(todays, () => today.isConnected && load(), opensTimer);
      mount(pending, waiting.length ? h("ul", { class: "list" }, waiting.map((b) => bookingRow(b, { user, actions: [
        h("button", { type: "button", onclick: (event) => act(b, "confirm", event) }, "Confirm"),
        h("button", { type: "button", class: "secondary", onclick: (event) => act(b, "decline", event) }, "Decline")] })))
        : empty("No bookings waiting for you."));
    } catch (error) {
      if (error?.redirected) return;
      mount(today, errorBox(error, load));
      mount(pending, errorBox(error, load));
    }
  }
  async function act(booking, action, event) {
    // One request at a time: a double click on "Confirm" sent two, and the API refused the second.
    const buttons = [...(event?.currentTarget.closest("li")?.querySelectorAll("button") || [])];
    buttons.forEach((button) => { button.disabled = true; });
    try {
      let body = {};
      if (action === "decline") {
        const reason = prompt("Reason for declining (the patient will see it):", "Not available at that time");
        if (reason === null) return;
        body = { reason };
      }
      await post(`/bookings/${encodeURIComponent(booking.booking_id)}/${action}`, body);
      flash(action === "confirm" ? "Booking confirmed." : "Booking declined.");
      load();
      return;
    } catch (error) {
      if (!error?.redirected) flash(error.message, "error");
    }
    buttons.forEach((button) => { button.disabled = false; });
  }
  loadSafetyAlerts(safety, user);
  mount(main, h("h1", {}, "Today"), waitingBanner(),
    h("div", { class: "grid" },
      h("section", { class: "card" }, h("h2", {}, "Today's sessions"), today),
      h("section", { class: "card" }, h("h2", {}, "Waiting for you to confirm"), pending)),
    h("section", { class: "card" }, h("div", { class: "row" }, h("h2", {}, "Safety alerts"), soundSwitch(),
      h("a", { href: "#/alerts" }, "All alerts")), safety),
    plansDueCard());
  load();
}

function adminDashboard(main) {
  const box = h("div", {});
  section(box, () => get("/admin/therapists", { status: "pending" }), (data) => {
    const n = (data?.therapists || (Array.isArray(data) ? data : [])).length;
    return h("p", {}, n ? `${n} therapist${n === 1 ? "" : "s"} waiting for approval.` : "No therapists waiting for approval.");
  });
  mount(main, h("h1", {}, "Administration"),
    h("div", { class: "grid" },
      h("section", { class: "card" }, h("h2", {}, "Therapist approvals"), box,
        h("a", { class: "button", href: "#/admin/therapists" }, "Review therapists")),
      h("section", { class: "card" }, h("h2", {}, "Resources library"),
        h("a", { class: "button", href: "#/admin/resources" }, "Edit resources"))));
}

export default function dashboard(main, { user }) {
  if (user.role === "therapist") return therapistDashboard(main, user);
  if (user.role === "admin") return adminDashboard(main, user);
  return patientDashboard(main, user);
}
