// The summary of a therapy session that has ended: when, how long, whether analysis was on;
// for the therapist also the expression timeline and mix (the feed is theirs, docs/API.md).
import { get } from "../api.js";
import { distributionBars, uncertainShareNote, valenceLine } from "../charts.js";
import { badge, empty, h, section } from "../ui.js";
import { formatDateTime, formatTime } from "../time.js";

const pct = (x) => `${Math.round((Number(x) || 0) * 100)}%`;

function minutesBetween(start, end) {
  if (!start || !end) return null;
  return Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 60_000));
}

/** Minutes with analysis switched on, from the consent log (on/off switches in order). */
function analysisMinutes(session) {
  let total = 0;
  let since = null;
  for (const change of session.consent_log || []) {
    if (change.analysis_on && since === null) since = change.at;
    if (!change.analysis_on && since !== null) { total += minutesBetween(since, change.at); since = null; }
  }
  if (since !== null) total += minutesBetween(since, session.ended_at) || 0;
  return total;
}

function minutesText(minutes) {
  if (minutes < 1) return "less than a minute";
  return minutes === 1 ? "about a minute" : `about ${minutes} minutes`;
}

function factsCard(session) {
  const length = minutesBetween(session.started_at, session.ended_at);
  const analysed = (session.consent_log || []).some((c) => c.analysis_on);
  return h("section", { class: "card" },
    h("p", {}, badge(session.state), " ", session.state === "ended" ? "This session has ended." : "This session is still open."),
    h("ul", {},
      h("li", {}, `Booked for ${formatDateTime(session.starts_at)}`),
      session.started_at ? h("li", {}, `Started ${formatTime(session.started_at)}`) : null,
      session.ended_at ? h("li", {}, `Ended ${formatTime(session.ended_at)}${length !== null ? ` (${minutesText(length)})` : ""}`) : null,
      h("li", {}, analysed ? `Expression analysis was on for ${minutesText(analysisMinutes(session))}.`
        : "Expression analysis was off for the whole session.")));
}

function expressionCards(summary) {
  const points = (summary.timeline || []).filter((p) => p.valence !== null && p.valence !== undefined)
    .map((p) => ({ x: formatTime(p.at, undefined, { seconds: true }), y: p.valence }));
  const mix = summary.distribution || {};
  return h("div", { class: "grid" },
    h("section", { class: "card" }, h("h2", {}, "How the expression moved"),
      h("p", { class: "small muted" }, `${summary.frames} frames analysed · face visible in ${pct(summary.face_share)}`),
      points.length ? valenceLine(points, `Valence over the session: ${points.length} points from ${points[0].y} to ${points.at(-1).y}.`).element
        : empty("No face was analysed in this session.")),
    h("section", { class: "card" }, h("h2", {}, "Expressions seen"),
      Object.keys(mix).length ? distributionBars([{ label: "This session", distribution: mix }],
        `Expressions: ${Object.entries(mix).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${pct(v)}`).join(", ")}.`).element
        : empty("No expressions to show."),
      uncertainShareNote(summary.uncertain_share)));
}

export default function sessionSummary(main, { params, user }) {
  const base = `/sessions/${encodeURIComponent(params.id)}`;
  section(main, async () => {
    const session = await get(base);
    const summary = user.role === "therapist" ? await get(`${base}/summary`) : null;
    return { session, summary };
  }, ({ session, summary }) => h("div", { "data-testid": "session-summary" },
    h("h1", {}, "Session summary"),
    factsCard(session),
    summary ? [h("p", { class: "small muted" }, "Facial expression only, read by a computer model from frames the patient chose to share: an aid to your judgement, never a diagnosis."),
      expressionCards(summary)]
      : h("p", { class: "small muted" }, "When analysis was on, your therapist sees how your facial expression moved during the session. "
        + "It also appears in your weekly report."),
    h("p", {}, h("a", { href: "#/bookings" }, "All your sessions"), " · ", h("a", { href: "#/dashboard" }, "Back home"))));
}
