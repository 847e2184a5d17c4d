// Browse approved therapists with filters (public).
import { api } from "../api.js";
import { therapistCard } from "../components.js";
import { empty, errorBox, field, formData, h, label, languageName, loading, mount } from "../ui.js";

export { label };

// The vocabularies the API accepts (emotecare/therapists/profiles.py).
export const SPECIALTIES = ["anxiety", "depression", "stress", "relationships", "grief", "trauma", "addiction",
  "sleep", "self_esteem", "anger", "ocd", "eating", "lgbtq", "work", "parenting", "loneliness"];
export const THERAPY_TYPES = [["individual", "Individual"], ["couple", "Couple"], ["family", "Family"]];
export const LANGUAGES = ["en", "es", "fr", "de", "hi"].map((code) => [code, languageName(code)]);

const options = (pairs, anyLabel) => [h("option", { value: "" }, anyLabel),
  ...pairs.map((p) => (Array.isArray(p) ? h("option", { value: p[0] }, p[1]) : h("option", { value: p }, label(p))))];

export default function browse(main, { query }) {
  const results = h("div", { "aria-live": "polite" });
  const form = h("form", { class: "card", role: "search" },
    h("div", { class: "grid" },
      field("Specialty", h("select", { name: "specialty" }, options(SPECIALTIES, "Any"))),
      field("Type of therapy", h("select", { name: "therapy_type" }, options(THERAPY_TYPES, "Any"))),
      field("Language", h("select", { name: "language" }, options(LANGUAGES, "Any"))),
      field("Highest price per session", h("input", { type: "number", name: "max_price", min: 0, step: 5, inputmode: "numeric" }))),
    h("button", { type: "submit" }, "Show therapists"));
  for (const [key, value] of Object.entries(query)) if (form[key]) form[key].value = value;
  async function search() {
    mount(results, loading("Finding therapists…"));
    try {
      const data = await api("/therapists", { query: formData(form), auth: false });
      const list = data?.therapists || (Array.isArray(data) ? data : []);
      // A heading above the cards' own (h3), so the outline reads h1 → h2 → h3.
      mount(results, list.length ? [h("h2", {}, `${list.length} therapist${list.length === 1 ? "" : "s"}`),
        h("div", { class: "grid" }, list.map((t) => therapistCard(t)))]
        : empty("No therapist matches these filters. Try fewer filters."));
    } catch (error) {
      mount(results, errorBox(error, search));
    }
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  mount(main, h("h1", {}, "Therapists"),
    h("p", {}, "Every therapist here has had their licence checked. ",
      h("a", { href: "#/find" }, "Answer a few questions"), " to get matches with reasons."),
    form, results);
  search();
}
