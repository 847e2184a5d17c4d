// The therapist's safety alerts: when, where it came from, how urgent (the graded level), who
// (a link to how to reach them), whether the patient asked to be contacted or took it back
// ("you misunderstood", with its time), "Acknowledge" and "Not a crisis" (who and when kept).
// The list redraws itself from the alert watcher, so a new alert shows without a reload.
import { post } from "./api.js";
import { alertsLoaded, currentAlerts, onAlertsChanged, refreshAlerts, replaceAlert, setSound, soundOn } from "./safety/alert-watch.js";
import { empty, errorBox, h, loading, mount } from "./ui.js";
import { formatDateTime } from "./time.js";

const SOURCES = { chat: "chat", journal: "journal", questionnaire: "questionnaire (PHQ-9 item 9)", message: "a message to you" };
const LEVELS = {
  passive_ideation: "Passive wish to be dead",
  active_ideation: "Active thoughts of suicide",
  method_intent_plan: "Method, intent or plan",
  behaviour_or_danger: "Recent behaviour or danger now",
};

function when(iso) {
  return h("time", { datetime: iso }, formatDateTime(iso));
}

function who(userId, me) {
  return userId === me.user_id ? "you" : "a colleague";
}

function act(path, body, button, item) {
  return async () => {
    button.disabled = true;
    try {
      replaceAlert(await post(path, body));
    } catch (error) {
      if (!error?.redirected) item.append(errorBox(error));
      button.disabled = false;
    }
  };
}

function notACrisisForm(event, item) {
  const note = h("input", { name: "note", maxlength: 500, id: `note-${event.event_id}` });
  const confirm = h("button", { type: "submit" }, "Mark as not a crisis");
  const form = h("form", { class: "not-a-crisis" },
    h("label", { for: note.id }, "Why (optional)"), note, confirm);
  form.addEventListener("submit", (submit) => {
    submit.preventDefault();
    act(`/safety-events/${encodeURIComponent(event.event_id)}/not-a-crisis`, { note: note.value.trim() || undefined },
      confirm, item)();
  });
  return form;
}

function actions(event, me, item) {
  if (event.type !== "crisis_flagged") return null;
  const row = h("div", { class: "row" });
  if (!event.acknowledged_at) {
    const ack = h("button", { type: "button", class: "secondary" }, "Acknowledge");
    ack.addEventListener("click", act(`/safety-events/${encodeURIComponent(event.event_id)}/acknowledge`, {}, ack, item));
    row.append(ack);
  }
  if (!event.not_a_crisis) {
    const dismiss = h("button", { type: "button", class: "secondary" }, "Not a crisis");
    dismiss.addEventListener("click", () => dismiss.replaceWith(notACrisisForm(event, item)));
    row.append(dismiss);
  }
  return row.children.length ? row : null;
}

/** One alert as a list item. */
function alertItem(event, me) {
  const name = event.patient_name || "Your patient";
  const retracted = event.type === "risk_retracted";
  const item = h("li", { class: `safety-alert${event.urgent && !retracted ? " urgent" : ""}`, "data-testid": "safety-alert",
    "data-event-id": event.event_id });
  const level = LEVELS[event.level];
  const category = event.category ? ` — possible ${String(event.category).replace(/_/g, " ")}` : "";
  // Only what there is: the DOM's append would print a skipped part as the word "null".
  item.append(...[
    h("p", {},
      !retracted ? h("span", { class: `badge ${event.urgent ? "urgent" : "routine"}` }, event.urgent ? "Urgent" : "Routine") : null, " ",
      h("a", { href: `#/patients/${encodeURIComponent(event.patient_id)}` }, h("strong", {}, name)), " · ",
      when(event.occurred_at), " · ",
      h("a", { href: `#/patients/${encodeURIComponent(event.patient_id)}/contact` }, "How to reach them")),
    h("p", { class: "small" }, retracted ? "Took back an earlier flag (\"you misunderstood\")" : `${level || "Crisis flagged"}`,
      ` in ${SOURCES[event.source] || event.source}`, retracted ? "" : category),
    event.retraction ? h("p", { class: "small retraction", "data-testid": "retraction" },
      h("strong", {}, "Taken back by the patient"), " (\"you misunderstood\") at ", when(event.retraction.occurred_at)) : null,
    event.therapist_alerted
      ? h("p", { class: "small" }, h("strong", {}, "Asked you to reach out"), event.alerted_at ? [" at ", when(event.alerted_at)] : null)
      : null,
    event.acknowledged_at
      ? h("p", { class: "small" }, `Acknowledged by ${who(event.acknowledged_by, me)} at `, when(event.acknowledged_at)) : null,
    event.not_a_crisis ? h("p", { class: "small verdict", "data-testid": "verdict" },
      `Marked not a crisis by ${who(event.not_a_crisis.by, me)} at `, when(event.not_a_crisis.at),
      event.not_a_crisis.note ? `: ${event.not_a_crisis.note}` : "") : null,
  ].filter(Boolean));
  const buttons = actions(event, me, item);
  if (buttons) item.append(buttons);
  return item;
}

/** The chime's on/off switch (kept in this browser). */
export function soundSwitch() {
  const button = h("button", { type: "button", class: "secondary", "aria-pressed": String(soundOn()) });
  const draw = () => {
    button.setAttribute("aria-pressed", String(soundOn()));
    button.textContent = `Alert sound: ${soundOn() ? "on" : "off"}`;
  };
  button.addEventListener("click", () => { setSound(!soundOn()); draw(); });
  draw();
  return button;
}

/** Fill `container` with the therapist's safety alerts, kept up to date while it is on the page. */
export function loadSafetyAlerts(container, me, { limit } = {}) {
  function draw() {
    if (!container.isConnected && container.dataset.drawn) {
      stop();
      return;
    }
    container.dataset.drawn = "1";
    if (!alertsLoaded()) {
      mount(container, loading());
      return;
    }
    const alerts = currentAlerts();
    const shown = limit ? alerts.slice(0, limit) : alerts;
    mount(container, shown.length ? h("ul", { class: "list" }, shown.map((e) => alertItem(e, me)))
      : empty("No safety alerts from your patients."),
    limit && alerts.length > limit ? h("p", {}, h("a", { href: "#/alerts" }, `All ${alerts.length} alerts`)) : null);
  }
  const stop = onAlertsChanged(draw);
  draw();
  refreshAlerts();
  return stop;
}
