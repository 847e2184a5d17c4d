// One weekly report: key figures, the daily valence line, and the full HTML report.
import { get } from "../api.js";
import { distributionBars, seriesLine } from "../charts.js";
import { h, section } from "../ui.js";
import { reportPlanCard } from "../plans.js";

const fmt = (x, digits = 2) => (x === null || x === undefined ? "—" : Number(x).toFixed(digits));

export default function report(main, { params }) {
  section(main, () => get(`/reports/${encodeURIComponent(params.patient)}/${encodeURIComponent(params.week)}`), (data) => {
    const s = data.summary || data;
    const emotions = s.emotions || {};
    const daily = s.daily_valence || [];
    const figures = [
      ["Sessions attended", s.sessions?.attended], ["Self-reflect sessions", s.sessions?.self_reflect],
      ["Frames analysed", emotions.frames], ["Average valence (−1…+1)", fmt(emotions.mean_valence)],
      ["Journal entries", s.journal?.entries], ["Average mood (1–10)", fmt(s.journal?.mood_average, 1)],
    ];
    return h("div", {},
      h("h1", {}, `Weekly report · ${data.week || params.week}`),
      h("p", { class: "small muted" }, "Facial expression figures are an aid to judgement, never a diagnosis."),
      h("div", { class: "grid" },
        h("section", { class: "card" }, h("h2", {}, "The week in numbers"),
          h("dl", {}, figures.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v ?? "—")]))),
        daily.length ? h("section", { class: "card" }, h("h2", {}, "Valence by day"),
          seriesLine(daily.map((d) => d.day || d.date), [{ label: "Valence", data: daily.map((d) => d.mean_valence ?? d.valence ?? null) }],
            "Average facial-expression valence per day of the week.", { min: -1, max: 1, small: true }).element) : null,
        (emotions.expressions || emotions.distribution) ? h("section", { class: "card" }, h("h2", {}, "Expressions seen"),
          distributionBars([{ label: "This week", distribution: emotions.expressions || emotions.distribution }], "Share of each facial expression this week.", { small: true }).element) : null,
        reportPlanCard(s.plan)),
      data.html_url ? h("p", {}, h("a", { class: "button", href: data.html_url, target: "_blank", rel: "noopener" }, "Open the full report")) : null);
  });
}
