// All safety alerts of the therapist's patients (issue 23): live, with the chime switch and
// the export of every alert with the therapist's verdict (CSV).
import { api } from "../api.js";
import { loadSafetyAlerts, soundSwitch } from "../safety-alerts.js";
import { errorBox, h, mount } from "../ui.js";

function exportButton(problems) {
  const button = h("button", { type: "button", class: "secondary" }, "Download alerts (CSV)");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const response = await api("/safety-events/export", { raw: true });
      const url = URL.createObjectURL(new Blob([await response.text()], { type: "text/csv" }));
      h("a", { href: url, download: "emotecare-safety-alerts.csv" }).click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      if (!error?.redirected) mount(problems, errorBox(error));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

export default function alerts(main, { user }) {
  const list = h("div", {});
  const problems = h("div", {});
  const stop = loadSafetyAlerts(list, user);
  mount(main, h("h1", {}, "Safety alerts"),
    h("p", { class: "muted" }, "New alerts show here, on Today and as a count in the menu within seconds, with a short sound. "
      + "Urgent means active thoughts of suicide or worse: you were also mailed. Mark an alert \"not a crisis\" when it was a "
      + "false alarm; it stays listed and helps us measure the check."),
    h("div", { class: "row" }, soundSwitch(), exportButton(problems)), problems,
    h("section", { class: "card" }, list));
  return stop;
}
