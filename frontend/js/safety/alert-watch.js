// The therapist's safety alerts, watched on every page they have open (issue 23): one poll of
// `GET /safety-events?since=` every few seconds, an "Alerts" count in the navigation, a notice
// and a chime for an alert that arrives while the page is open (the chime can be turned off;
// the choice is kept in this browser), and a store that the alert lists redraw from.
import { get } from "../api.js";
import { currentUser } from "../session.js";
import { h, mount } from "../ui.js";

const POLL_MS = 4000;  // an alert reaches an open page within one poll plus the request (≤ 10 s)
const SOUND_KEY = "emotecare.alertSound";
const listeners = new Set();
let events = new Map();  // event_id → event, as last read
let since = null;
let loadedFor = null;  // the therapist whose alerts are in `events`
let timer = null;
let navElement = null;
let polling = false;

/** Whether the signed-in therapist's alerts have been read at least once. */
export function alertsLoaded() {
  return loadedFor !== null && loadedFor === currentUser()?.user_id;
}

/** Whether the chime plays for a new alert (on unless turned off in this browser). */
export function soundOn() {
  return localStorage.getItem(SOUND_KEY) !== "off";
}

export function setSound(on) {
  localStorage.setItem(SOUND_KEY, on ? "on" : "off");
}

/** Alerts (not retractions) newest first, each with the retraction that took it back, if any. */
export function currentAlerts() {
  return [...events.values()].filter((e) => e.type !== "risk_retracted" || !e.retracts)
    .sort((a, b) => (a.occurred_at < b.occurred_at ? 1 : -1));
}

/** Keep one alert as the API returned it after an action (acknowledge, not a crisis). */
export function replaceAlert(event) {
  const known = events.get(event.event_id);
  events.set(event.event_id, { ...known, ...event });
  changed();
}

/** Call `listener()` whenever the alerts change; returns the function that stops it. */
export function onAlertsChanged(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function needsAttention(event) {
  return event.type === "crisis_flagged" && !event.acknowledged_at && !event.not_a_crisis;
}

function changed() {
  drawCount();
  listeners.forEach((listener) => listener());
}

function drawCount() {
  const link = navElement?.querySelector('a[href="#/alerts"]');
  if (!link) return;
  link.querySelector(".unread-count")?.remove();
  link.removeAttribute("aria-label");
  const count = [...events.values()].filter(needsAttention).length;
  if (count > 0) {
    link.append(" ", h("span", { class: "unread-count", "data-testid": "alert-count" }, String(count)));
    link.setAttribute("aria-label", `Alerts, ${count} needing attention`);
  }
}

function chime() {
  document.body.dataset.alertChimes = String(Number(document.body.dataset.alertChimes || 0) + 1);
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.6);
    tone.onended = () => audio.close();
  } catch {
    // No audio here (or not allowed yet): the notice and the count still show.
  }
}

function announce(fresh) {
  const box = document.getElementById("alert-notice");
  if (!box) return;
  const newest = fresh[0];
  const urgent = fresh.some((e) => e.urgent);
  const who = newest.patient_name || "A patient";
  const note = h("div", { class: `alert-notice${urgent ? " urgent" : ""}`, "data-testid": "new-alert" },
    h("strong", {}, urgent ? "Urgent safety alert" : "Safety alert"), `: ${who}`,
    fresh.length > 1 ? ` and ${fresh.length - 1} more` : "", " ",
    h("a", { href: "#/alerts" }, "Open alerts"), " ",
    h("button", { type: "button", class: "link", onclick: () => box.replaceChildren() }, "Dismiss"));
  mount(box, note);
}

function merge(list, firstLoad) {
  const fresh = [];
  for (const event of list) {
    const known = events.get(event.event_id);
    events.set(event.event_id, { ...known, ...event, retraction: event.retraction || known?.retraction || null });
    if (!known && !firstLoad && event.type === "crisis_flagged") fresh.push(event);
    if (event.type === "risk_retracted" && event.retracts && events.has(event.retracts)) {
      const target = events.get(event.retracts);
      events.set(event.retracts, { ...target, retraction: { event_id: event.event_id, occurred_at: event.occurred_at } });
    }
    if (!since || event.occurred_at > since) since = event.occurred_at;
  }
  if (fresh.length) {
    announce(fresh);
    if (soundOn()) chime();
  }
}

/** Read new alerts now (the poll calls it; a list page calls it when drawn). */
export async function refreshAlerts() {
  const user = currentUser();
  if (user?.role !== "therapist" || polling) return;
  polling = true;
  try {
    if (loadedFor !== user.user_id) {
      events = new Map();
      since = null;
    }
    const firstLoad = loadedFor !== user.user_id;
    const data = await get("/safety-events", since ? { since } : {});
    loadedFor = user.user_id;
    merge([...(data?.events || [])].reverse(), firstLoad);
    document.body.dataset.alertPolls = String(Number(document.body.dataset.alertPolls || 0) + 1);
    changed();
  } catch {
    // A missed poll changes nothing; the next one tries again.
  } finally {
    polling = false;
  }
}

/** After the navigation is drawn: therapists get the count and the poll; others nothing. */
export function watchAlertsIn(nav) {
  navElement = nav;
  const user = currentUser();
  if (user?.role === "therapist") {
    drawCount();
    if (!timer) timer = setInterval(refreshAlerts, POLL_MS);
    if (loadedFor !== user.user_id) refreshAlerts();
  } else {
    if (timer) clearInterval(timer);
    timer = null;
    events = new Map();
    since = null;
    loadedFor = null;
    document.getElementById("alert-notice")?.replaceChildren();
  }
}
