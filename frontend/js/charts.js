// Charts drawn by Chart.js (vendor/chartjs, served from our own origin).
import { h } from "./ui.js";

const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
export const EXPRESSION_COLOURS = {
  happy: "#2e7d5b", neutral: "#6b7b79", surprise: "#b07a12", sad: "#3f5fa8",
  fear: "#7a4b8c", angry: "#a3292b", disgust: "#6b4e00",
};

function base(extra = {}) {
  return {
    responsive: true, maintainAspectRatio: false, animation: reducedMotion() ? false : { duration: 250 },
    plugins: { legend: { display: false } }, ...extra,
  };
}

/**
 * An x axis that names each value once: points a few seconds apart all read "10:01", and
 * "10:01 10:01 10:01" under a line says nothing. A label equal to the one before it is left blank.
 */
function onceEach(x = {}) {
  return { ...x, ticks: { ...x.ticks, callback(value, index) {
    const text = this.getLabelForValue(value);
    return index > 0 && this.getLabelForValue(value - 1) === text ? null : text;
  } } };
}

/** The chart's numbers as a table under a "Show as a table" disclosure, filled when opened. */
function dataTable(chart, summary, rowsHeading) {
  const body = h("div", { class: "table-wrap" });
  const details = h("details", { class: "chart-table" }, h("summary", {}, "Show as a table"), body);
  details.addEventListener("toggle", () => {
    if (!details.open) return;
    const { labels = [], datasets = [] } = chart.data;
    body.replaceChildren(h("table", {},
      h("caption", { class: "sr-only" }, summary()),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, rowsHeading),
        datasets.map((d) => h("th", { scope: "col" }, d.label || "Value")))),
      h("tbody", {}, labels.map((label, i) => h("tr", {}, h("th", { scope: "row" }, String(label)),
        datasets.map((d) => h("td", {}, d.data[i] ?? "—")))))));
  });
  return details;
}

/**
 * A chart in a sized box with a text alternative. Returns {element, chart, update(data)}.
 * `summary` is read by screen readers in place of the picture.
 */
export function chartBox(config, summary, { small = false, rowsHeading = "When" } = {}) {
  const canvas = h("canvas", { role: "img", "aria-label": summary });
  const element = h("div", { class: `chart-box${small ? " small" : ""}` }, canvas);
  if (!window.Chart) {
    element.replaceChildren(h("p", { class: "state" }, summary));
    return { element, chart: null, setSummary() {} };
  }
  const chart = new window.Chart(canvas, config);
  const table = dataTable(chart, () => canvas.getAttribute("aria-label"), rowsHeading);
  return { element: h("div", { class: "chart" }, element, table), chart,
    setSummary: (text) => canvas.setAttribute("aria-label", text) };
}

/** Valence (-1 … +1) over time: points [{x: label, y: number}]. */
export function valenceLine(points, summary, options = {}) {
  return chartBox({
    type: "line",
    data: {
      labels: points.map((p) => p.x),
      datasets: [{ label: "Valence", data: points.map((p) => p.y), borderColor: "#1f6f66",
        backgroundColor: "rgba(31,111,102,.12)", fill: true, tension: .3, pointRadius: 0 }],
    },
    options: base({
      scales: { y: { min: -1, max: 1, title: { display: true, text: "valence (−1 to +1)" } },
        x: onceEach({ ticks: { maxTicksLimit: 6, autoSkip: true } }) },
    }),
  }, summary, options);
}

/** A series over weeks or sessions: labels + one or more named datasets. */
export function seriesLine(labels, datasets, summary, { min, max, small } = {}) {
  const palette = ["#1f6f66", "#7a4b8c", "#b07a12", "#3f5fa8"];
  return chartBox({
    type: "line",
    data: { labels, datasets: datasets.map((d, i) => ({ borderColor: palette[i % 4], backgroundColor: palette[i % 4],
      tension: .25, spanGaps: true, ...d })) },
    options: base({ plugins: { legend: { display: datasets.length > 1 } }, scales: { y: { min, max }, x: onceEach() } }),
  }, summary, { small });
}

/** Share of each expression: {label: share 0..1} for one or more named groups. */
export function distributionBars(groups, summary, { small } = {}) {
  const labels = Object.keys(EXPRESSION_COLOURS);
  const palette = ["#1f6f66", "#b8c7c5", "#7a4b8c", "#b07a12"];
  return chartBox({
    type: "bar",
    data: { labels, datasets: groups.map((g, i) => ({ label: g.label,
      data: labels.map((l) => Math.round(100 * (Number(g.distribution?.[l]) || 0))),
      backgroundColor: groups.length === 1 ? labels.map((l) => EXPRESSION_COLOURS[l]) : palette[i % 4] })) },
    options: base({ plugins: { legend: { display: groups.length > 1 } },
      scales: { y: { min: 0, max: 100, title: { display: true, text: "% of frames with a face" } } } }),
  }, summary, { small, rowsHeading: "Expression" });
}

/** Beside an expression mix: the frames with a face the model was unsure of (counted as none). */
export function uncertainShareNote(share) {
  if (share === null || share === undefined) return null;
  return h("p", { class: "small muted", "data-testid": "uncertain-share" },
    `Unsure: ${Math.round(Number(share) * 100)}% of the frames with a face (not counted as any expression).`);
}
