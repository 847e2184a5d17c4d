// Admin: add, edit and retire resources in the self-help library.
import { api, del, post, put } from "../api.js";
import { empty, errorBox, field, flash, formData, h, loading, mount, submitting, titleCase } from "../ui.js";
import { TOPICS, TYPES } from "./resources.js";

/** A select of the words the API accepts, so an admin cannot type one it refuses. */
function choice(name, words, current) {
  return h("select", { name, required: true },
    current ? null : h("option", { value: "" }, "Choose…"),
    words.map((w) => h("option", { value: w, selected: w === current }, titleCase(w).replace(/-/g, " "))));
}

function resourceForm(r, onDone) {
  const form = h("form", { class: "card" },
    h("h2", {}, r ? `Edit: ${r.title}` : "Add a resource"),
    field("Title", h("input", { name: "title", value: r?.title || "", required: true })),
    h("div", { class: "grid" },
      field("Topic", choice("topic", TOPICS, r?.topic)),
      field("Kind", choice("type", TYPES, r?.type || "article")),
      field("Reading minutes", h("input", { type: "number", min: 1, name: "reading_minutes", value: r?.reading_minutes ?? 5 }))),
    field("Summary (our own words)", h("textarea", { name: "summary", rows: 4 }, r?.summary || "")),
    h("div", { class: "grid" },
      field("Source name", h("input", { name: "source_name", value: r?.source_name || "" })),
      field("Source address", h("input", { type: "url", name: "source_url", value: r?.source_url || "" }))),
    field("Tags", h("input", { name: "tags", value: (r?.tags || []).join(", ") }), "Comma-separated."),
    h("div", { class: "row" }, h("button", { type: "submit" }, r ? "Save changes" : "Add resource"),
      r ? h("button", { type: "button", class: "secondary", onclick: () => onDone() }, "Cancel") : null));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const d = formData(form);
      const body = { ...d, reading_minutes: Number(d.reading_minutes) || 1, tags: d.tags.split(",").map((t) => t.trim()).filter(Boolean) };
      if (r) await put(`/resources/${encodeURIComponent(r.id)}`, body);
      else await post("/resources", body);
      flash(r ? "Resource saved." : "Resource added.");
      onDone();
    });
  });
  return form;
}

export default function adminResources(main) {
  const list = h("div", {});
  const editor = h("div", {});
  async function load() {
    mount(editor, resourceForm(null, load));
    mount(list, loading());
    try {
      const data = await api("/resources", { auth: false });
      const items = data?.resources || (Array.isArray(data) ? data : []);
      mount(list, items.length ? h("ul", { class: "list" }, items.map((r) => h("li", {}, h("strong", {}, r.title),
        h("span", { class: "muted small" }, ` · ${r.topic} · ${r.type}`),
        h("div", { class: "row" },
          h("button", { type: "button", class: "link", onclick: () => { mount(editor, resourceForm(r, load)); editor.querySelector("input")?.focus(); } }, "Edit"),
          h("button", { type: "button", class: "link", onclick: async () => {
            if (!confirm(`Retire “${r.title}”? Patients will no longer see it.`)) return;
            try { await del(`/resources/${encodeURIComponent(r.id)}`); flash("Resource retired."); load(); } catch (error) { flash(error.message, "error"); }
          } }, "Retire")))))
        : empty("The library is empty."));
    } catch (error) {
      if (!error?.redirected) mount(list, errorBox(error, load));
    }
  }
  mount(main, h("h1", {}, "Edit resources"), editor, h("section", { class: "card" }, h("h2", {}, "Library"), list));
  load();
}
