// The report of one self-reflect session: timeline and distribution, against earlier ones.
import { get, put } from "../api.js";
import { distributionBars, uncertainShareNote, valenceLine } from "../charts.js";
import { empty, errorBox, flash, h, mount, section } from "../ui.js";
import { formatDate, formatDateTime, formatTime } from "../time.js";

const pct = (x) => `${Math.round((Number(x) || 0) * 100)}%`;

function describeDistribution(distribution) {
  return Object.entries(distribution || {}).sort((a, b) => b[1] - a[1])
    .map(([label, share]) => `${label} ${pct(share)}`).join(", ");
}

export default function selfReflectReport(main, { params }) {
  section(main, () => get(`/sessions/${encodeURIComponent(params.id)}/summary`), (summary) => {
    const timeline = summary.timeline || [];
    const earlier = summary.earlier || summary.previous || summary.comparison || [];
    const points = timeline.filter((p) => p.valence !== null && p.valence !== undefined)
      .map((p) => ({ x: formatTime(p.at || p.start || p.captured_at, undefined, { seconds: true }), y: p.valence }));
    const earlierMean = earlier.length ? averageDistribution(earlier.map((e) => e.distribution)) : null;
    return h("div", { "data-testid": "self-reflect-report" },
      h("h1", {}, "Your self-reflect report"),
      h("p", { class: "muted" }, summary.started_at ? formatDateTime(summary.started_at) : "",
        summary.frames !== undefined ? ` · ${summary.frames} frames analysed` : "",
        summary.face_share !== undefined ? ` · face visible in ${pct(summary.face_share)}` : ""),
      h("p", { class: "small muted" }, "This shows facial expression only, read by a computer model. It is not a diagnosis and may miss how you feel."),
      sharingToggle(params.id, Boolean(summary.shared)),
      h("div", { class: "grid" },
        h("section", { class: "card" }, h("h2", {}, "How your expression moved"),
          points.length ? valenceLine(points, `Valence over the session: ${points.length} points from ${points[0].y} to ${points.at(-1).y}.`).element
            : empty("No face was analysed in this session (was analysis switched on?).")),
        h("section", { class: "card" }, h("h2", {}, "Expressions seen"),
          summary.distribution && Object.keys(summary.distribution).length
            ? distributionBars([{ label: "This session", distribution: summary.distribution },
              ...(earlierMean ? [{ label: "Earlier sessions (average)", distribution: earlierMean }] : [])],
            `This session: ${describeDistribution(summary.distribution)}.`
              + (earlierMean ? ` Earlier sessions: ${describeDistribution(earlierMean)}.` : "")).element
            : empty("No expressions to show."),
          uncertainShareNote(summary.uncertain_share))),
      h("section", { class: "card" }, h("h2", {}, "Earlier self-reflect sessions"),
        earlier.length ? h("div", { class: "table-wrap" }, h("table", {},
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Date"), h("th", { scope: "col" }, "Most seen"),
            h("th", { scope: "col" }, "Average valence"))),
          h("tbody", {}, earlier.map((e) => h("tr", {},
            h("td", {}, formatDate(e.started_at || e.created_at || e.at)),
            h("td", {}, topLabel(e.distribution)),
            h("td", {}, e.mean_valence === null || e.mean_valence === undefined ? "—" : Number(e.mean_valence).toFixed(2)))))))
          : empty("This is your first self-reflect session: later ones will be compared with it.")),
      h("p", {}, h("a", { class: "button secondary", href: "#/self-reflect" }, "Start another"), " ",
        h("a", { href: "#/dashboard" }, "Back home")));
  });
}

function topLabel(distribution) {
  const top = Object.entries(distribution || {}).sort((a, b) => b[1] - a[1])[0];
  return top ? `${top[0]} (${pct(top[1])})` : "—";
}

function averageDistribution(list) {
  const sum = {};
  for (const d of list) for (const [k, v] of Object.entries(d || {})) sum[k] = (sum[k] || 0) + Number(v);
  for (const k of Object.keys(sum)) sum[k] /= list.length;
  return sum;
}

// Self-reflect is private: the therapist sees this session in their charts and reports only
// while it is shared. Sharing and taking it back take effect at once.
function sharingToggle(sessionId, shared) {
  const box = h("section", { class: "card", id: "sharing", "aria-live": "polite" });
  function draw(isShared) {
    const status = isShared
      ? "Shared with your therapist: it appears in the charts and weekly report they see."
      : "Only you see this session. Your therapist does not see it unless you share it.";
    const toggle = h("button", { type: "button", class: isShared ? "secondary" : null, "data-shared": String(isShared),
      onclick: async (event) => {
        event.currentTarget.disabled = true;
        try {
          const answer = await put(`/sessions/${encodeURIComponent(sessionId)}/sharing`, { shared: !isShared });
          flash(answer.shared ? "Shared with your therapist." : "This session is private again.");
          draw(answer.shared);
        } catch (error) {
          if (!error?.redirected) mount(box, errorBox(error, () => draw(isShared)));
        }
      } }, isShared ? "Stop sharing" : "Share with my therapist");
    mount(box, h("h2", {}, "Who sees this session"), h("p", { "data-testid": "sharing-status" }, status), toggle);
  }
  draw(shared);
  return box;
}
