// The self-help library: search and filter, and one resource.
import { api } from "../api.js";
import { empty, errorBox, field, formData, h, loading, mount, section, titleCase } from "../ui.js";

// The vocabularies the API accepts (emotecare/library/resources.py TOPICS and TYPES).
export const TOPICS = ["anxiety", "depression", "stress", "sleep", "grief", "relationships", "trauma", "self-esteem", "crisis"];
export const TYPES = ["article", "exercise", "worksheet", "helpline", "video"];

function item(r) {
  return h("li", {}, h("h3", { style: "margin:0" }, h("a", { href: `#/resources/${encodeURIComponent(r.id)}` }, r.title)),
    h("p", { class: "small muted", style: "margin:.2rem 0" }, [titleCase(r.type), r.topic, r.reading_minutes ? `${r.reading_minutes} min` : ""].filter(Boolean).join(" · ")),
    r.summary ? h("p", { style: "margin:.2rem 0" }, r.summary) : null);
}

export default function resources(main, { params }) {
  if (params.id) {
    section(main, () => api(`/resources/${encodeURIComponent(params.id)}`, { auth: false }), (r) => h("article", {},
      h("h1", {}, r.title), h("p", { class: "muted" }, [titleCase(r.type), r.topic].filter(Boolean).join(" · ")),
      h("section", { class: "card" }, h("p", {}, r.summary || r.body || ""),
        r.source_url ? h("p", {}, "Source: ", h("a", { href: r.source_url, rel: "noopener noreferrer", target: "_blank" }, r.source_name || r.source_url)) : null),
      h("a", { href: "#/resources" }, "All resources")));
    return;
  }
  const results = h("div", { "aria-live": "polite" });
  const form = h("form", { class: "card", role: "search" }, h("div", { class: "grid" },
    field("Search", h("input", { type: "search", name: "q" })),
    field("Topic", h("select", { name: "topic" }, h("option", { value: "" }, "Any"), TOPICS.map((t) => h("option", { value: t }, titleCase(t))))),
    field("Kind", h("select", { name: "type" }, h("option", { value: "" }, "Any"), TYPES.map((t) => h("option", { value: t }, titleCase(t)))))),
  h("button", { type: "submit" }, "Search"));
  async function search() {
    mount(results, loading());
    try {
      const data = await api("/resources", { query: formData(form), auth: false });
      const list = data?.resources || (Array.isArray(data) ? data : []);
      mount(results, list.length ? h("section", { class: "card" },
        h("h2", {}, "Results"), h("ul", { class: "list" }, list.map(item)))
        : empty("Nothing found. Try another word or topic."));
    } catch (error) {
      mount(results, errorBox(error, search));
    }
  }
  form.addEventListener("submit", (event) => { event.preventDefault(); search(); });
  mount(main, h("h1", {}, "Resources"), h("p", {}, "Short, trustworthy self-help material chosen by our clinical team."), form, results);
  search();
}
