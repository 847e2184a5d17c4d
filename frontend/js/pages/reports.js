// A patient's weekly reports, newest first.
import { listInto } from "../components.js";
import { h, mount } from "../ui.js";
import { currentUser } from "../session.js";

export default function reports(main) {
  const list = h("div", {});
  const me = currentUser();
  mount(main, h("h1", {}, "Your weekly reports"),
    h("p", { class: "muted" }, "Each week we put together your sessions, journal and check-ins in one page. Expression figures are an aid, not a diagnosis."),
    h("section", { class: "card" }, list));
  listInto(list, "/reports", {}, (d) => d?.reports || (Array.isArray(d) ? d : []), (r) => h("li", {},
    h("a", { href: `#/reports/${encodeURIComponent(r.patient_id || me.user_id)}/${encodeURIComponent(r.week)}` }, `Week ${r.week}`),
    r.summary?.empty || r.empty ? h("span", { class: "muted small" }, " · a quiet week") : null),
  "No reports yet. Your first one is made at the end of your first week.");
}
