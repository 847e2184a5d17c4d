// Admin: review therapists waiting for approval (licence check), approve or reject.
import { post } from "../api.js";
import { listInto, therapistName, therapistView } from "../components.js";
import { flash, h, mount } from "../ui.js";

export default function adminTherapists(main) {
  const list = h("div", {});
  async function decide(t, approve) {
    try {
      if (approve) {
        if (!confirm(`Have you verified licence ${t.licence_number || "(none given)"} for ${therapistName(t)}?`)) return;
        await post(`/admin/therapists/${encodeURIComponent(t.id)}/approve`, { licence_verified: true, notes: "" });
      } else {
        const reason = prompt("Reason for rejecting (the therapist sees it):");
        if (!reason) return;
        await post(`/admin/therapists/${encodeURIComponent(t.id)}/reject`, { reason });
      }
      flash(approve ? "Therapist approved." : "Therapist rejected.");
      load();
    } catch (error) {
      if (!error?.redirected) flash(error.message, "error");
    }
  }
  function load() {
    listInto(list, "/admin/therapists", { status: "pending" }, (d) => d?.therapists || (Array.isArray(d) ? d : []), (raw) => {
      const t = therapistView(raw);
      return h("li", {}, h("strong", {}, therapistName(t)), h("p", { class: "small" },
        [t.credentials, t.licence_number && `licence ${t.licence_number}`, t.jurisdiction].filter(Boolean).join(" · ")),
      h("div", { class: "row" }, h("button", { type: "button", onclick: () => decide(t, true) }, "Approve"),
        h("button", { type: "button", class: "secondary", onclick: () => decide(t, false) }, "Reject")));
    }, "Nobody is waiting for approval.");
  }
  mount(main, h("h1", {}, "Approve therapists"), h("section", { class: "card" }, list));
  load();
}
