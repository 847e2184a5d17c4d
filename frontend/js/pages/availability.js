// A therapist's weekly availability and exceptions (in their own time zone).
import { get, put } from "../api.js";
import { currentUser } from "../session.js";
import { empty, flash, h, section, submitting } from "../ui.js";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

// A time input cannot hold "24:00": a window "to 00:00" means until midnight, and is saved as 24:00.
const shownEnd = (end) => (end === "24:00" ? "00:00" : end);
const savedEnd = (end) => (end === "00:00" ? "24:00" : end);

function windowRow(w = { weekday: 1, start: "09:00", end: "17:00" }) {
  const id = Math.random().toString(36).slice(2, 8);
  const row = h("div", { class: "row window" },
    h("label", { for: `d-${id}`, class: "sr-only" }, "Day"),
    h("select", { id: `d-${id}`, name: "weekday" }, DAYS.map((d, i) => h("option", { value: i + 1 }, d))),
    h("label", { for: `s-${id}` }, "from"), h("input", { type: "time", id: `s-${id}`, name: "start", value: w.start, required: true, style: "width:auto" }),
    h("label", { for: `e-${id}` }, "to"), h("input", { type: "time", id: `e-${id}`, name: "end", value: shownEnd(w.end), required: true, style: "width:auto" }),
    h("button", { type: "button", class: "link", onclick: () => row.remove() }, "Remove"));
  row.querySelector("select").value = String(w.weekday);
  return row;
}

function exceptionRow(x = { start: "", end: "", reason: "" }) {
  const id = Math.random().toString(36).slice(2, 8);
  const row = h("div", { class: "row exception" },
    h("label", { for: `xs-${id}` }, "from"), h("input", { type: "date", id: `xs-${id}`, name: "start", value: (x.start || "").slice(0, 10), required: true, style: "width:auto" }),
    h("label", { for: `xe-${id}` }, "to"), h("input", { type: "date", id: `xe-${id}`, name: "end", value: (x.end || "").slice(0, 10), required: true, style: "width:auto" }),
    h("label", { for: `xr-${id}`, class: "sr-only" }, "Reason"), h("input", { type: "text", id: `xr-${id}`, name: "reason", value: x.reason || "", placeholder: "Reason (e.g. holiday)", maxlength: 200, style: "width:auto;flex:1" }),
    h("button", { type: "button", class: "link", onclick: () => row.remove() }, "Remove"));
  return row;
}

export default function availability(main) {
  const me = currentUser();
  section(main, () => get("/therapists/me"), (profile) => {
    const current = profile.availability || {};
    const windows = h("div", { class: "stack" }, (current.weekly || []).map(windowRow));
    const exceptions = h("div", { class: "stack" }, (current.exceptions || []).map(exceptionRow));
    // "No days off planned." only while there are none: rows come and go as the therapist edits.
    const noDaysOff = empty("No days off planned.");
    const syncNoDaysOff = () => { noDaysOff.hidden = exceptions.children.length > 0; };
    new MutationObserver(syncNoDaysOff).observe(exceptions, { childList: true });
    syncNoDaysOff();
    const form = h("form", { class: "card" },
      h("p", {}, `Times are in your time zone (${me.time_zone || profile.time_zone || "UTC"}). Patients see them in theirs.`),
      h("h2", {}, "Every week"), h("p", { class: "small muted" }, "A window to 00:00 lasts until midnight."), windows,
      h("button", { type: "button", class: "secondary", onclick: () => windows.append(windowRow()) }, "Add a time window"),
      h("h2", {}, "Days off"), noDaysOff, exceptions,
      h("button", { type: "button", class: "secondary", onclick: () => exceptions.append(exceptionRow()) }, "Add days off"),
      h("p", {}, h("button", { type: "submit" }, "Save availability")));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submitting(form, async () => {
        const weekly = [...windows.querySelectorAll(".window")].map((r) => ({
          weekday: Number(r.querySelector("[name=weekday]").value), start: r.querySelector("[name=start]").value, end: savedEnd(r.querySelector("[name=end]").value) }));
        const exc = [...exceptions.querySelectorAll(".exception")].map((r) => ({
          // Whole days off, in the therapist's own time zone (no offset: the API reads it as local).
          start: `${r.querySelector("[name=start]").value}T00:00:00`, end: `${r.querySelector("[name=end]").value}T23:59:59`,
          reason: r.querySelector("[name=reason]").value }));
        await put("/therapists/me/availability", { weekly, exceptions: exc });
        flash("Availability saved.");
      });
    });
    return h("div", {}, h("h1", {}, "Your availability"), form);
  });
}
