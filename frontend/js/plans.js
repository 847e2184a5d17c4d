// Treatment plan pieces shared by the therapist's Plan tab, the Today page and the patient's
// dashboard: measure names, status badges, a goal's progress chart against its target line.
import { get, put } from "./api.js";
import { seriesLine } from "./charts.js";
import { empty, flash, h, section } from "./ui.js";

export const MEASURES = {
  phq9: { label: "PHQ-9 score (0–27)", min: 0, max: 27 },
  gad7: { label: "GAD-7 score (0–21)", min: 0, max: 21 },
  mood: { label: "Average journal mood (1–10)", min: 1, max: 10 },
  valence: { label: "Average expression valence (−1 to +1)", min: -1, max: 1 },
  custom: { label: "Values the therapist records", min: undefined, max: undefined },
};
const STATUS_TEXT = { on_track: "on track", not_yet: "not yet", off_track: "off track" };

const fmt = (x) => (x === null || x === undefined ? "—" : String(Math.round(Number(x) * 100) / 100));

export function statusBadge(status) {
  return h("span", { class: `badge plan-${status}` }, STATUS_TEXT[status] || status);
}

/** "PHQ-9 10 (from 16, target ≤ 9)": a goal's progress in one line of words. */
export function progressLine(goal) {
  const p = goal.progress || {};
  const arrow = goal.direction === "decrease" ? "≤" : "≥";
  const measure = MEASURES[goal.measure]?.label || goal.measure;
  if (p.latest === null || p.latest === undefined) {
    return `${measure}: no value yet (target ${arrow} ${fmt(goal.target)}).`;
  }
  const change = p.change === null || p.change === undefined ? "" : `, ${p.change > 0 ? "+" : ""}${fmt(p.change)} since the start`;
  return `${measure}: latest ${fmt(p.latest)} (week ${p.latest_week}), target ${arrow} ${fmt(goal.target)}${change}.`;
}

/** The goal's weekly values with its target as a flat line. */
export function goalChart(goal, { small = true } = {}) {
  const series = goal.progress?.series || [];
  const labels = series.map((p) => p.week);
  const scale = MEASURES[goal.measure] || {};
  return seriesLine(labels, [
    { label: goal.title, data: series.map((p) => p.value) },
    { label: "Target", data: series.map(() => goal.target), borderDash: [6, 4], pointRadius: 0 },
  ], `${goal.title}: ${progressLine(goal)}`, { min: scale.min, max: scale.max, small }).element;
}

// PHQ-9 and GAD-7 goals move when the patient fills in the questionnaire (the check-in pages).
const CHECK_IN_NAMES = { phq9: "PHQ-9", gad7: "GAD-7" };

function goalCard(goal) {
  const checkIn = CHECK_IN_NAMES[goal.measure];
  return h("li", { class: "plan-goal", dataset: { goalId: goal.goal_id } },
    h("div", { class: "row" }, h("strong", {}, goal.title), statusBadge(goal.progress?.status)),
    h("p", { class: "small" }, progressLine(goal)),
    goalChart(goal),
    checkIn ? h("p", {}, h("a", { class: "button secondary", href: `#/check-ins/${goal.measure}` },
      `Fill in the ${checkIn}`)) : null);
}

function homeworkItem(item, reload) {
  const hw = item.homework;
  const box = h("input", { type: "checkbox", id: `hw-${item.intervention_id}`, name: "done",
    checked: Boolean(hw?.done_today) });
  box.addEventListener("change", async () => {
    box.disabled = true;
    try {
      await put("/me/plan/homework", { intervention_id: item.intervention_id, done: box.checked });
      flash(box.checked ? "Marked as done today." : "Unticked.");
      reload();
    } catch (error) {
      if (!error?.redirected) flash(error.message, "error");
      box.checked = !box.checked;
      box.disabled = false;
    }
  });
  const when = hw ? `Every ${hw.every_days === 1 ? "day" : `${hw.every_days} days`}` +
    (hw.done_today ? " · done today" : hw.due ? " · due today" : ` · next on ${hw.next_due}`) : "";
  return h("li", { class: "plan-todo" },
    hw ? h("div", { class: "row" }, box, h("label", { for: box.id }, item.title)) : h("strong", {}, item.title),
    when ? h("p", { class: "small muted" }, when) : null,
    item.resource_id ? h("a", { href: `#/resources/${encodeURIComponent(item.resource_id)}` }, "Read the resource") : null);
}

/** The patient's "My plan" card: shared goals with progress, interventions as a to-do list. */
export function myPlanCard() {
  const box = h("div", {});
  const load = () => section(box, () => get("/me/plan"), (plan) => {
    if (!plan.exists) return empty("Your therapist has not shared a plan with you yet.");
    return h("div", {},
      plan.summary_for_patient ? h("p", {}, plan.summary_for_patient) : null,
      h("h3", {}, "Goals"),
      plan.goals.length ? h("ul", { class: "list plan-goals" }, plan.goals.map(goalCard)) : empty("No goals shared yet."),
      h("h3", {}, "What we are trying"),
      plan.interventions.length ? h("ul", { class: "list plan-todos" }, plan.interventions.map((i) => homeworkItem(i, load)))
        : empty("Nothing to do yet."));
  });
  load();
  return h("section", { class: "card", id: "my-plan" }, h("h2", {}, "My plan"), box);
}

/** The therapist's Today card: plans with a goal whose review date has passed. */
export function plansDueCard() {
  const box = h("div", {});
  section(box, () => get("/plans/review-due"), (data) => {
    const plans = data?.plans || [];
    if (!plans.length) return empty("No plans due for review.");
    return h("ul", { class: "list" }, plans.map((p) => h("li", {},
      h("a", { href: `#/patients/${encodeURIComponent(p.patient_id)}/plan` }, p.patient_name),
      h("span", { class: "small muted" }, ` · ${p.goals.map((g) => `${g.title} (review by ${g.review_by})`).join(", ")}`))));
  });
  return h("section", { class: "card", id: "plans-due" }, h("h2", {}, "Plans due for review"), box);
}

/** The weekly report page's Plan card (the summary's `plan` lines). */
export function reportPlanCard(lines) {
  if (!lines?.length) return null;
  return h("section", { class: "card", id: "report-plan" }, h("h2", {}, "Plan"),
    h("ul", { class: "list" }, lines.map((g) => h("li", {},
      h("div", { class: "row" }, h("strong", {}, g.title), statusBadge(g.status)),
      h("p", { class: "small" }, `This week ${fmt(g.value)} · target ${g.direction === "decrease" ? "≤" : "≥"} ${fmt(g.target)} · start ${fmt(g.baseline)}`)))));
}
