// "Who has seen my data": every read of the patient's clinical data by someone else.
import { get } from "../api.js";
import { empty, h, section } from "../ui.js";
import { formatDateTime } from "../time.js";

const KINDS = {
  plan: "your treatment plan",
  questionnaires: "your PHQ-9 and GAD-7 check-ins",
  trends: "your trends (week by week and session by session)",
  reports: "your weekly reports",
  contact: "how to reach you (phone, emergency contact, where you are)",
  session: "a session's emotion feed or summary",
};
const ROLES = { therapist: "therapist", admin: "administrator", patient: "patient" };

export default function accessLog(main) {
  const box = h("div", {});
  main.append(h("h1", {}, "Who has seen my data"),
    h("p", {}, "Every time someone other than you opens your check-ins, reports, trends, plan or a session's expression data, "
      + "it is listed here: who, what kind of data and when, never the content. Your therapist sees your data only while you are in their care. "
      + "Reads within the same minute are counted together."),
    h("section", { class: "card" }, box));
  section(box, () => get("/me/access-log"), (data) => {
    const entries = data?.entries || [];
    if (!entries.length) return empty("Nobody but you has looked at your data.");
    return h("div", { class: "table-wrap" }, h("table", { "data-testid": "access-log" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "When"), h("th", { scope: "col" }, "Who"),
        h("th", { scope: "col" }, "What they saw"), h("th", { scope: "col" }, "Times"))),
      h("tbody", {}, entries.map((e) => h("tr", {},
        h("td", {}, formatDateTime(e.last_at)),
        h("td", {}, `${e.reader_name || "Someone"} (${ROLES[e.reader_role] || e.reader_role})`),
        h("td", {}, KINDS[e.kind] || e.kind),
        h("td", {}, String(e.reads)))))));
  });
}
