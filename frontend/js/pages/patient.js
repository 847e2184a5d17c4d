// One patient, for their therapist: expression trends over sessions and weeks, reports, notes.
import { get, put } from "../api.js";
import { listInto } from "../components.js";
import { seriesLine } from "../charts.js";
import { empty, flash, h, mount, section, submitting } from "../ui.js";
import { CHECK_INS, historyBlock } from "./check-ins.js";

export default function patient(main, { params }) {
  const id = encodeURIComponent(params.id);
  const weekly = h("div", { "data-testid": "weekly-trend" });
  const sessions = h("div", { "data-testid": "session-trend" });
  const questionnaires = h("div", { class: "grid", "data-testid": "questionnaire-series" });
  const reports = h("div", {});
  const notes = h("div", {});
  const heading = h("h1", {}, "Patient");
  get("/patients").then((data) => {
    const found = (data?.patients || []).find((p) => p.patient_id === params.id);
    if (found?.name) heading.textContent = found.name;
  }).catch(() => {});  // the heading stays generic; the sections show their own errors
  mount(main, heading, patientTabs(params.id, "overview"),
    h("p", {}, h("a", { class: "button secondary", href: `#/messages/${encodeURIComponent(params.id)}` }, "Messages with this patient")),
    h("p", { class: "small muted" }, "Expression trends come from frames the patient chose to share. They describe facial expression, not feelings: use them as an aid to your judgement."),
    h("div", { class: "grid" },
      h("section", { class: "card" }, h("h2", {}, "Week by week"), weekly),
      h("section", { class: "card" }, h("h2", {}, "Session by session"), sessions)),
    questionnaires,
    h("div", { class: "grid" },
      h("section", { class: "card" }, h("h2", {}, "Weekly reports"), reports),
      h("section", { class: "card" }, h("h2", {}, "Your private notes"), notes)));

  section(weekly, () => get(`/patients/${id}/trends`, { weeks: 12 }), (data) => {
    const weeks = data?.weeks || data?.series || [];
    if (!weeks.some((w) => (w.mean_valence ?? w.valence ?? null) !== null)) return empty("No weeks with analysed sessions yet.");
    // The running week is partial: its figures grow until the week ends.
    const labels = weeks.map((w) => (w.partial ? `${w.week} (so far)` : w.week));
    const running = weeks.find((w) => w.partial);
    return h("div", {}, seriesLine(labels, [
      { label: "Average valence", data: weeks.map((w) => w.mean_valence ?? w.valence ?? null) },
      { label: "Face visible (share)", data: weeks.map((w) => w.face_share ?? null) },
    ], `Weekly average valence for ${labels.length} weeks.`, { min: -1, max: 1 }).element,
    running ? h("p", { class: "small muted" }, `${running.week} is this week: figures so far`,
      running.compiled ? ` (${running.sessions_attended ?? 0} session${running.sessions_attended === 1 ? "" : "s"}).` : ", not compiled yet.") : null);
  });
  section(sessions, () => get(`/patients/${id}/sessions/series`), (data) => {
    const items = data?.sessions || data?.series || [];
    if (!items.length) return empty("No analysed sessions yet.");
    const labels = items.map((s) => (s.started_at || s.date || "").slice(0, 10) + (s.partial ? " (this week)" : ""));
    const thisWeek = items.filter((s) => s.partial).length;
    return h("div", {}, seriesLine(labels, [{ label: "Average valence", data: items.map((s) => s.mean_valence ?? null) }],
      `Average valence for each of ${items.length} sessions.`, { min: -1, max: 1 }).element,
    thisWeek ? h("p", { class: "small muted" }, `${thisWeek} session${thisWeek === 1 ? "" : "s"} this week so far.`) : null);
  });
  section(questionnaires, () => get("/questionnaires/responses", { patient_id: params.id }), (data) =>
    Object.keys(CHECK_INS).map((kind) => h("section", { class: "card" },
      h("h2", {}, `${CHECK_INS[kind].name} over time`), historyBlock(kind, data?.series?.[kind] || []))));
  listInto(reports, `/patients/${id}/reports`, {}, (d) => d?.reports || (Array.isArray(d) ? d : []), (r) => h("li", {},
    h("a", { href: `#/reports/${id}/${encodeURIComponent(r.week)}` }, `Week ${r.week}`)), "No reports yet.");
  section(notes, () => get(`/patients/${id}/notes`), (data) => {
    const text = h("textarea", { name: "text", id: "notes-text", rows: 8, maxlength: 20000 }, data?.text || data?.notes || "");
    const form = h("form", {}, h("label", { for: "notes-text" }, "Only you can read these notes"), text,
      h("button", { type: "submit", style: "margin-top:.5rem" }, "Save notes"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submitting(form, async () => { await put(`/patients/${id}/notes`, { text: text.value }); flash("Notes saved."); });
    });
    return form;
  });
}

/** The tabs of a patient's page: the overview (this page) and the treatment plan. */
export function patientTabs(patientId, current) {
  const id = encodeURIComponent(patientId);
  const tab = (key, href, text) => h("a", { href, class: `tab${key === current ? " current" : ""}`,
    "aria-current": key === current ? "page" : null }, text);
  return h("nav", { class: "tabs", "aria-label": "Patient" },
    tab("overview", `#/patients/${id}`, "Overview"), tab("plan", `#/patients/${id}/plan`, "Plan"));
}
