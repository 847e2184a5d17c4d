// The therapist's safety alerts: when, where it came from, who (a link to their page), whether
// the patient asked to be contacted, and an "Acknowledge" that records who did and when.
import { post } from "./api.js";
import { listInto } from "./components.js";
import { errorBox, h } from "./ui.js";
import { formatDateTime } from "./time.js";

const SOURCES = { chat: "chat", journal: "journal", questionnaire: "questionnaire (PHQ-9 item 9)" };
const WHAT = { crisis_flagged: "Crisis flagged", risk_retracted: "Crisis flag taken back (\"you misunderstood\")" };

function when(iso) {
  return h("time", { datetime: iso }, formatDateTime(iso));
}

function acknowledgement(event, me) {
  const who = event.acknowledged_by === me.user_id ? "you" : "a colleague";
  return h("p", { class: "small" }, `Acknowledged by ${who} at `, when(event.acknowledged_at));
}

function acknowledgeButton(event, me, replace) {
  const button = h("button", { type: "button", class: "secondary" }, "Acknowledge");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      replace(alertItem(await post(`/safety-events/${encodeURIComponent(event.event_id)}/acknowledge`), me, event.patient_name));
    } catch (error) {
      if (!error?.redirected) button.replaceWith(errorBox(error));
    }
  });
  return button;
}

/** One alert as a list item (replaced in place once acknowledged). */
function alertItem(event, me, patientName = event.patient_name) {
  const item = h("li", { class: "safety-alert", "data-testid": "safety-alert", "data-event-id": event.event_id });
  const name = patientName || "Patient";
  const category = event.category ? ` — possible ${String(event.category).replace(/_/g, " ")}` : "";
  item.append(
    h("p", {}, h("a", { href: `#/patients/${encodeURIComponent(event.patient_id)}` }, h("strong", {}, name)), " · ", when(event.occurred_at)),
    h("p", { class: "small" }, `${WHAT[event.type] || event.type} in ${SOURCES[event.source] || event.source}${category}`),
    event.therapist_alerted
      ? h("p", { class: "small" }, h("strong", {}, "Asked you to reach out"), event.alerted_at ? [" at ", when(event.alerted_at)] : null)
      : null,
    event.acknowledged_at ? acknowledgement(event, me)
      : acknowledgeButton({ ...event, patient_name: name }, me, (next) => item.replaceWith(next)));
  return item;
}

/** Fill `container` with the therapist's safety alerts (`GET /safety-events`). */
export function loadSafetyAlerts(container, me) {
  return listInto(container, "/safety-events", {}, (d) => d?.events || [],
    (event) => alertItem(event, me), "No safety alerts from your patients.");
}
