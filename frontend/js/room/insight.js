// The therapist's live insight panel: long-polls the session's emotion feed, so a record
// shows about a tenth of a second after it is stored (the API holds each read up to WAIT_S).
import { get } from "../api.js";
import { valenceLine } from "../charts.js";
import { h, mount } from "../ui.js";
import { formatTime } from "../time.js";

const WAIT_S = 5;  // the API answers as soon as a record lands, so this only bounds quiet spells
const RETRY_MS = 2000;  // after a failed read
const BUCKET_MS = 5000;  // the valence line shows 5-second averages, so hours stay light

export function insightPanel(sessionId, { title = "Live facial expression", onFeed = () => {} } = {}) {
  const path = `/sessions/${encodeURIComponent(sessionId)}/feed`;
  const status = h("p", { class: "analysis-state", "aria-live": "polite" }, "Checking whether analysis is on…");
  const windowLabel = h("span", { class: "small muted", "data-testid": "reading-window" }, "");
  const now = h("p", { class: "now", "data-testid": "current-expression", "data-state": "none" }, "—");
  const confidence = h("p", { class: "small muted", "data-testid": "reading-detail" });
  const faceShare = h("p", { class: "small", "data-testid": "face-share" });
  // What a screen reader hears: a polite line that changes only when the headline or the
  // distress note changes, not on every poll (the panel redraws several times a second).
  const announcer = h("p", { class: "sr-only", "aria-live": "polite", "data-testid": "insight-announcer" });
  const distress = h("div", {});
  const counter = h("p", { class: "small muted", "data-testid": "record-count" }, "0 frames analysed");
  const line = valenceLine([], "Valence over the session: no data yet.", { small: true });
  const element = h("section", { class: "card insight", "aria-labelledby": "insight-title" },
    h("h2", { id: "insight-title" }, title),
    h("p", { class: "small muted" }, "Facial expression only: an aid to your judgement, never a diagnosis."),
    status, h("h3", {}, "Right now ", windowLabel), now, confidence, faceShare, distress,
    h("h3", {}, "Session trend"),
    h("p", { class: "small muted" }, "Valence (−1 negative to +1 positive), 5-second averages since the session began."),
    line.element, counter, announcer);

  const buckets = new Map();
  let cursor = null;
  let count = 0;
  let timer = null;
  let stopped = false;

  function addRecords(records) {
    for (const r of records) {
      count += 1;
      if (!r.face_found || r.valence === null || r.valence === undefined) continue;
      const key = Math.floor(Date.parse(r.captured_at) / BUCKET_MS) * BUCKET_MS;
      const b = buckets.get(key) || { sum: 0, n: 0 };
      b.sum += r.valence;
      b.n += 1;
      buckets.set(key, b);
    }
    counter.textContent = `${count} frame${count === 1 ? "" : "s"} analysed`;
    if (!line.chart || !records.length) return;
    const keys = [...buckets.keys()].sort((a, b) => a - b);
    line.chart.data.labels = keys.map((k) => new Date(k).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" }));
    line.chart.data.datasets[0].data = keys.map((k) => +(buckets.get(k).sum / buckets.get(k).n).toFixed(3));
    line.chart.update("none");
    const last = line.chart.data.datasets[0].data.at(-1);
    line.setSummary(`Valence over the session, ${keys.length} points, latest ${last ?? "none"} (−1 negative to +1 positive).`);
  }

  function showState(data) {
    element.dataset.analysis = data.analysis_on ? "on" : "off";
    status.textContent = data.analysis_on ? "Emotion analysis is on (the patient switched it on)."
      : "Emotion analysis is off: the patient has not switched it on, so nothing is analysed.";
    showReading(data.analysis_on ? data.reading : null);
    const c = data.analysis_on ? data.current : null;
    faceShare.textContent = c ? `Face visible in ${Math.round(c.face_share * 100)}% of frames over the last 10 seconds or so` : "";
    const episodes = data.distress || [];
    const note = episodes.length ? `Sustained negative expression since ${formatTime(episodes.at(-1).start)}`
      + (episodes.length > 1 ? ` (${episodes.length} times this session)` : "") : "";
    if (note !== distress.textContent) {
      mount(distress, note ? h("p", { class: "distress", "data-testid": "distress" }, note) : null);
    }
    const headline = now.textContent === "—" ? "" : `Expression now: ${now.textContent}`;
    const spoken = [headline, note].filter(Boolean).join(". ");
    if (announcer.textContent !== spoken) announcer.textContent = spoken;
  }

  // The headline is the reading of the last few seconds, or says why it names nothing.
  function showReading(reading) {
    now.dataset.state = reading?.state || "none";
    windowLabel.textContent = reading ? `(the last ${reading.window_s} seconds, newest frames counting most)` : "";
    const percent = (p) => `${Math.round(p * 100)}%`;
    const [headline, detail] = !reading ? ["—", ""]
      : reading.state === "starting" ? ["Starting…", `Waiting for frames from the last ${reading.window_s} seconds.`]
      : reading.state === "no_face" ? ["No face in view", "No face in most of the frames of the last few seconds."]
      : reading.state === "uncertain" ? ["Uncertain", `The model is not confident: its best guess has only ${percent(reading.confidence)}.`]
      : reading.state === "mixed" ? ["Mixed", "The last few frames disagree about the expression."]
      : [reading.expression, `probability ${percent(reading.confidence)} · ${percent(reading.agreement)} of recent frames agree`];
    now.textContent = headline;
    confidence.textContent = detail;
  }

  async function poll() {
    if (stopped) return;
    try {
      const data = await get(path, cursor ? { since: cursor, wait: WAIT_S } : { wait: WAIT_S });
      if (stopped) return;
      cursor = data.next || cursor;
      addRecords(data.records || []);
      showState(data);
      onFeed(data);  // the room's per-person readings (couple and family sessions)
      timer = setTimeout(poll, 0);
    } catch (error) {
      if (error?.redirected || stopped) return;
      status.textContent = `Could not read the feed: ${error.message}`;
      timer = setTimeout(poll, RETRY_MS);
    }
  }
  poll();
  return { element, stop() { stopped = true; clearTimeout(timer); line.chart?.destroy(); } };
}
