// The Plan tab of a patient's page, for their therapist: edit the plan (goals tied to
// measures, interventions, what the patient sees), each goal's progress against its target,
// and every earlier version.
import { get, post, put } from "../api.js";
import { MEASURES, goalChart, progressLine, statusBadge } from "../plans.js";
import { empty, field, flash, h, mount, section, submitting } from "../ui.js";
import { patientTabs } from "./patient.js";

const num = (value) => (value === "" || value === null || value === undefined ? null : Number(value));
const inAMonth = () => new Date(Date.now() + 28 * 864e5).toISOString().slice(0, 10);

function select(name, options, value) {
  return h("select", { name }, options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)));
}

function checkbox(name, checked) {
  return h("input", { type: "checkbox", name, checked: Boolean(checked) });
}

function goalFields(goal, i, onRemove) {
  const p = `goals[${i}]`;
  const shared = checkbox(`${p}.shared`, goal.shared);
  shared.id = `${p}-shared`;
  return h("fieldset", { class: "card plan-goal-edit", dataset: { goalId: goal.goal_id || "" } },
    h("legend", {}, `Goal ${i + 1}`),
    field("What the goal is, in plain words", h("input", { name: `${p}.title`, value: goal.title || "", maxlength: 200 })),
    h("div", { class: "grid" },
      field("Measured by", select(`${p}.measure`, Object.entries(MEASURES).map(([k, m]) => [k, m.label]), goal.measure || "phq9")),
      field("Direction", select(`${p}.direction`, [["decrease", "lower is better"], ["increase", "higher is better"]], goal.direction || "decrease")),
      field("Baseline", h("input", { name: `${p}.baseline`, type: "number", step: "any", value: goal.baseline ?? "" }), "(empty: taken from the data)"),
      field("Target", h("input", { name: `${p}.target`, type: "number", step: "any", value: goal.target ?? "" })),
      field("Review by", h("input", { name: `${p}.review_by`, type: "date", value: goal.review_by || inAMonth() }))),
    h("div", { class: "row" }, shared, h("label", { for: shared.id }, "Show this goal to the patient"),
      h("button", { type: "button", class: "secondary", onclick: onRemove }, "Remove goal")));
}

function interventionFields(item, i, resources, onRemove) {
  const p = `interventions[${i}]`;
  const shared = checkbox(`${p}.shared`, item.shared);
  shared.id = `${p}-shared`;
  return h("fieldset", { class: "card plan-intervention-edit", dataset: { interventionId: item.intervention_id || "" } },
    h("legend", {}, `Intervention ${i + 1}`),
    field("What we will try", h("input", { name: `${p}.title`, value: item.title || "", maxlength: 200 })),
    h("div", { class: "grid" },
      field("Resource from the library", select(`${p}.resource_id`,
        [["", "none"], ...resources.map((r) => [r.id, r.title])], item.resource_id || "")),
      field("Homework every … days", h("input", { name: `${p}.homework_every_days`, type: "number", min: 1, max: 90,
        value: item.homework_every_days ?? "" }), "(empty: no homework)")),
    h("div", { class: "row" }, shared, h("label", { for: shared.id }, "Show this to the patient"),
      h("button", { type: "button", class: "secondary", onclick: onRemove }, "Remove intervention")));
}

/** Read the form back into the API's plan body (ids kept, so progress stays attached). */
function readForm(form, goals, interventions, version) {
  const value = (name) => form.elements[name]?.value ?? "";
  const checked = (name) => Boolean(form.elements[name]?.checked);
  return {
    version,
    summary_for_patient: value("summary_for_patient"),
    goals: goals.map((g, i) => {
      const p = `goals[${i}]`;
      return { ...(g.goal_id ? { goal_id: g.goal_id } : {}), title: value(`${p}.title`), measure: value(`${p}.measure`),
        direction: value(`${p}.direction`), baseline: num(value(`${p}.baseline`)), target: num(value(`${p}.target`)),
        review_by: value(`${p}.review_by`), shared: checked(`${p}.shared`) };
    }),
    interventions: interventions.map((item, i) => {
      const p = `interventions[${i}]`;
      return { ...(item.intervention_id ? { intervention_id: item.intervention_id } : {}), title: value(`${p}.title`),
        resource_id: value(`${p}.resource_id`) || null,
        homework_every_days: num(value(`${p}.homework_every_days`)), shared: checked(`${p}.shared`) };
    }),
  };
}

function editor(plan, resources, patientId, onSaved) {
  const goals = plan.goals.map((g) => ({ ...g }));
  const interventions = plan.interventions.map((i) => ({ ...i }));
  const goalBox = h("div", {});
  const interventionBox = h("div", {});
  const form = h("form", { id: "plan-form" });
  const summary = h("textarea", { name: "summary_for_patient", rows: 3 }, plan.summary_for_patient || "");

  // Removing or adding re-reads the form first, so typed text is never lost.
  const keep = () => {
    const body = readForm(form, goals, interventions, plan.version);
    body.goals.forEach((g, i) => Object.assign(goals[i], g));
    body.interventions.forEach((item, i) => Object.assign(interventions[i], item));
  };
  const draw = () => {
    mount(goalBox, goals.length ? goals.map((g, i) => goalFields(g, i, () => { keep(); goals.splice(i, 1); draw(); }))
      : empty("No goals yet."));
    mount(interventionBox, interventions.length ? interventions.map((item, i) => interventionFields(item, i, resources,
      () => { keep(); interventions.splice(i, 1); draw(); })) : empty("No interventions yet."));
  };
  mount(form,
    field("Summary for the patient (plain words; they see this and the goals and interventions you share)", summary),
    h("h3", {}, "Goals"), goalBox,
    h("button", { type: "button", class: "secondary", onclick: () => { keep(); goals.push({ shared: true }); draw(); } }, "Add a goal"),
    h("h3", {}, "Interventions"), interventionBox,
    h("button", { type: "button", class: "secondary", onclick: () => { keep(); interventions.push({ shared: true }); draw(); } }, "Add an intervention"),
    h("p", {}, h("button", { type: "submit" }, "Save plan")));
  draw();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const saved = await put(`/patients/${patientId}/plan`, readForm(form, goals, interventions, plan.version));
      flash(`Plan saved (version ${saved.version}).`);
      onSaved();
    });
  });
  return form;
}

function customValueForm(goal, patientId, onSaved) {
  const input = h("input", { name: "value", type: "number", step: "any" });
  const form = h("form", { class: "row" }, field(`Record a value for “${goal.title}”`, input),
    h("button", { type: "submit" }, "Record"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      await post(`/patients/${patientId}/plan/values`, { goal_id: goal.goal_id, value: num(input.value) });
      flash("Value recorded.");
      onSaved();
    });
  });
  return form;
}

function progress(plan, patientId, onSaved) {
  if (!plan.goals.length) return empty("Progress appears here once the plan has goals.");
  return h("ul", { class: "list plan-goals" }, plan.goals.map((g) => h("li", { class: "plan-goal", dataset: { goalId: g.goal_id } },
    h("div", { class: "row" }, h("strong", {}, g.title), statusBadge(g.progress.status),
      g.review_due ? h("span", { class: "badge pending" }, `review due (${g.review_by})`) : null,
      g.shared ? h("span", { class: "tag" }, "shared") : h("span", { class: "tag" }, "private")),
    h("p", { class: "small" }, progressLine(g)),
    goalChart(g, { small: false }),
    g.measure === "custom" ? customValueForm(g, patientId, onSaved) : null)));
}

function history(data) {
  const versions = data?.versions || [];
  if (!versions.length) return empty("No saved versions yet.");
  return h("ul", { class: "list plan-versions" }, versions.map((v) => h("li", {},
    h("details", {}, h("summary", {}, `Version ${v.version} · ${new Date(v.saved_at).toLocaleString()}`),
      v.summary_for_patient ? h("p", {}, v.summary_for_patient) : null,
      h("ul", {}, v.goals.map((g) => h("li", {}, `${g.title}: ${MEASURES[g.measure]?.label || g.measure}, ` +
        `baseline ${g.baseline ?? "—"}, target ${g.target} (${g.direction}), review by ${g.review_by}${g.shared ? ", shared" : ""}`))),
      h("ul", {}, v.interventions.map((i) => h("li", {}, `${i.title}${i.homework_every_days ? ` · every ${i.homework_every_days} days` : ""}${i.shared ? ", shared" : ""}`)))))));
}

export default function patientPlan(main, { params }) {
  const id = encodeURIComponent(params.id);
  const edit = h("div", {});
  const charts = h("div", {});
  const versions = h("div", {});
  const heading = h("h1", {}, "Treatment plan");
  get("/patients").then((data) => {
    const found = (data?.patients || []).find((p) => p.patient_id === params.id);
    if (found?.name) heading.textContent = `Treatment plan · ${found.name}`;
  }).catch(() => {});
  mount(main, heading, patientTabs(params.id, "plan"),
    h("section", { class: "card" }, h("h2", {}, "Progress"), charts),
    h("section", { class: "card" }, h("h2", {}, "Edit the plan"), edit),
    h("section", { class: "card" }, h("h2", {}, "History"), versions));
  let resources = [];
  const load = async () => {
    section(versions, () => get(`/patients/${id}/plan/versions`), history);
    section(charts, () => get(`/patients/${id}/plan`), (plan) => {
      section(edit, async () => plan, (p) => editor(p, resources, id, load));
      return progress(plan, id, load);
    });
  };
  get("/resources").then((data) => { resources = data?.resources || []; }).catch(() => {}).finally(load);
}
