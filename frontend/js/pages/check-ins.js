// PHQ-9 and GAD-7 for the patient: what is due, and each one's scores over time.
import { get } from "../api.js";
import { seriesLine } from "../charts.js";
import { empty, h, mount, section } from "../ui.js";
import { formatDate } from "../time.js";

export const CHECK_INS = {
  phq9: { name: "PHQ-9", about: "low mood and depression", max: 27 },
  gad7: { name: "GAD-7", about: "worry and anxiety", max: 21 },
};

/** A line of scores over time for one questionnaire, with a table-like text alternative. */
export function scoreChart(kind, points) {
  const { name, max } = CHECK_INS[kind];
  const labels = points.map((p) => formatDate(p.submitted_at));
  return seriesLine(labels, [{ label: `${name} score`, data: points.map((p) => p.score) }],
    `${name} scores: ${points.map((p, i) => `${labels[i]} ${p.score} (${p.band})`).join(", ")}`,
    { min: 0, max, small: true }).element;
}

/** One questionnaire's history: latest score and band, and the chart. */
export function historyBlock(kind, points) {
  const latest = points.at(-1);
  return h("div", { "data-testid": `history-${kind}` },
    latest ? h("p", {}, `Latest: ${latest.score} of ${CHECK_INS[kind].max} (${latest.band}), ${formatDate(latest.submitted_at)}`)
      : empty(`No ${CHECK_INS[kind].name} answered yet.`),
    points.length ? scoreChart(kind, points) : null);
}

export default function checkIns(main) {
  const due = h("div", {});
  const history = h("div", { class: "grid" });
  mount(main, h("h1", {}, "Check-ins"),
    h("p", { class: "muted" }, "Two short questionnaires about the last two weeks. Your therapist sees the answers "
      + "and uses them to see how you are doing over time. They are not a diagnosis."),
    h("section", { class: "card" }, h("h2", {}, "Take a check-in"), due), history);
  section(due, () => get("/questionnaires/due"), (data) => h("ul", { class: "list" },
    (data?.questionnaires || []).map((q) => h("li", {}, h("div", { class: "row" },
      h("a", { class: q.due ? "button" : "button secondary", href: `#/check-ins/${q.kind}` }, `Take the ${CHECK_INS[q.kind].name}`),
      h("span", { class: "small" }, `about ${CHECK_INS[q.kind].about}; `,
        q.due ? h("strong", {}, "due now") : `next due ${formatDate(q.due_at)}`))))));
  section(history, () => get("/questionnaires/responses"), (data) => Object.keys(CHECK_INS).map((kind) =>
    h("section", { class: "card" }, h("h2", {}, `${CHECK_INS[kind].name} over time`), historyBlock(kind, data?.series?.[kind] || []))));
}
