// The mood journal: write, edit, delete entries; the weekly trend.
import { del, get, post, put } from "../api.js";
import { seriesLine } from "../charts.js";
import { showCrisisBox } from "../crisis-offer.js";
import { empty, errorBox, field, flash, formData, h, loading, mount, section, submitting } from "../ui.js";
import { formatDateTime } from "../time.js";

// Feelings the journal accepts (a fixed vocabulary, so trends can count them).
const TAGS = ["calm", "happy", "grateful", "hopeful", "tired", "anxious", "stressed", "sad", "lonely", "angry", "overwhelmed", "worried"];

// `onSaved(saved)`: the API's answer, crisis fields included.
function entryForm(entry, onSaved) {
  const form = h("form", { class: "stack" },
    field("Mood (1 very low, 10 great)", h("input", { type: "number", name: "mood", min: 1, max: 10, required: true, value: entry?.mood ?? 5 })),
    h("fieldset", {}, h("legend", {}, "How you feel"), h("div", { class: "checks" }, TAGS.map((t) => h("label", {},
      h("input", { type: "checkbox", name: "tags", value: t, checked: entry?.tags?.includes(t) }), t)))),
    field("What happened, how you feel", h("textarea", { name: "text", rows: 4, maxlength: 5000 }, entry?.text || "")),
    field("Hours of sleep last night (optional)", h("input", { type: "number", name: "sleep_hours", min: 0, max: 24, step: .5,
      value: entry?.sleep_hours ?? "" })),
    h("button", { type: "submit" }, entry ? "Save changes" : "Add entry"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const data = formData(form);
      const body = { mood: Number(data.mood), tags: new FormData(form).getAll("tags"), text: data.text };
      if (data.sleep_hours !== "") body.sleep_hours = Number(data.sleep_hours);
      const saved = entry ? await put(`/journal/${encodeURIComponent(entry.entry_id || entry.id)}`, body) : await post("/journal", body);
      if (!saved?.crisis) flash(entry ? "Entry updated." : "Entry saved.");  // else the crisis box says so
      onSaved(saved);
    });
  });
  return form;
}

export default function journal(main) {
  const list = h("div", {});
  const trend = h("div", {});
  const editor = h("div", {});
  function loadTrend() {
    section(trend, () => get("/journal/trend", { weeks: 12 }), (data) => {
      const weeks = data?.weekly || [];
      if (!weeks.length) return empty("Your trend appears after a few entries.");
      const labels = weeks.map((w) => w.week_start || w.week);
      const values = weeks.map((w) => w.mean_mood);
      return h("div", {}, data.trend && data.trend !== "not_enough_data" ? h("p", {}, `Lately: ${String(data.trend).replace(/_/g, " ")}.`) : null,
        seriesLine(labels, [{ label: "Average mood", data: values }],
          `Average mood per week: ${labels.map((l, i) => `${l}: ${values[i]}`).join(", ")}`, { min: 1, max: 10, small: true }).element);
    });
  }
  async function loadList() {
    mount(list, loading());
    try {
      const data = await get("/journal");
      const entries = data?.entries || (Array.isArray(data) ? data : []);
      mount(list, entries.length ? h("ul", { class: "list" }, entries.map((e) => h("li", {},
        h("div", { class: "row" }, h("strong", {}, `Mood ${e.mood}/10`), h("span", { class: "muted small" }, formatDateTime(e.created_at || e.at))),
        e.text ? h("p", {}, e.text) : null,
        h("div", {}, (e.tags || []).map((t) => h("span", { class: "tag" }, t))),
        h("div", { class: "row" },
          h("button", { type: "button", class: "link", onclick: () => mount(editor, h("h2", {}, "Edit entry"), entryForm(e, saved)) }, "Edit"),
          h("button", { type: "button", class: "link", onclick: async () => {
            if (!confirm("Delete this entry?")) return;
            try { await del(`/journal/${encodeURIComponent(e.entry_id || e.id)}`); refresh(); } catch (error) { flash(error.message, "error"); }
          } }, "Delete")))))
        : empty("No entries yet. How are you today?"));
    } catch (error) {
      if (!error?.redirected) mount(list, errorBox(error, loadList));
    }
  }
  // A crisis in what was written: the helplines and the offer to tell the therapist, inline.
  const crisis = h("div", {});
  function saved(answer) {
    mount(crisis);
    if (answer?.crisis) {
      const card = crisis.appendChild(h("div", { class: "card crisis" },
        h("p", {}, "Your entry is saved. It sounds like things are very hard right now: you don't have to face this alone.")));
      showCrisisBox(card, answer);
    }
    refresh();
  }
  function refresh() {
    mount(editor, h("h2", {}, "New entry"), entryForm(null, saved));
    loadList();
    loadTrend();
  }
  mount(main, h("h1", {}, "Journal"), crisis,
    h("div", { class: "grid" }, h("section", { class: "card" }, editor),
      h("section", { class: "card" }, h("h2", {}, "Your mood over the weeks"), trend)),
    h("section", { class: "card" }, h("h2", {}, "Entries"), list));
  refresh();
}
