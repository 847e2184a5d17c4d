// Intake → matches with reasons.
import { post } from "../api.js";
import { therapistCard } from "../components.js";
import { empty, field, h, mount, submitting } from "../ui.js";
import { label, LANGUAGES, SPECIALTIES, THERAPY_TYPES } from "./browse.js";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const PARTS = [["09:00", "12:00", "Mornings"], ["12:00", "17:00", "Afternoons"], ["17:00", "21:00", "Evenings"]];

export default function find(main) {
  const results = h("div", { "aria-live": "polite" });
  const form = h("form", { class: "card", id: "intake" },
    h("fieldset", {}, h("legend", {}, "What would you like help with?"),
      h("div", { class: "checks" }, SPECIALTIES.map((s) =>
        h("label", {}, h("input", { type: "checkbox", name: "concerns", value: s }), label(s))))),
    h("div", { class: "grid" },
      field("Type of therapy", h("select", { name: "therapy_type" },
        THERAPY_TYPES.map(([v, l]) => h("option", { value: v }, l)))),
      field("Language", h("select", { name: "language" }, LANGUAGES.map(([v, l]) => h("option", { value: v }, l)))),
      field("Budget per session", h("input", { type: "number", name: "budget", min: 0, step: 5, value: 60, inputmode: "numeric" })),
      field("Where you live (optional)", h("input", { name: "location", maxlength: 10, placeholder: "GB or US-NY", autocomplete: "off" }),
        "A therapist may only treat you where they are licensed. Give your country code, or country and state (US-NY); without it we use the country you signed up with.")),
    h("fieldset", {}, h("legend", {}, "When are you usually free? (your time zone)"),
      h("div", { class: "checks" }, h("span", { class: "small muted" }, "Days: "),
        DAYS.map((d, i) => h("label", {}, h("input", { type: "checkbox", name: "days", value: i + 1, checked: i < 5 }), d))),
      h("div", { class: "checks" }, h("span", { class: "small muted" }, "Times: "),
        PARTS.map(([from, to, label], i) => h("label", {},
          h("input", { type: "checkbox", name: "parts", value: `${from}-${to}`, checked: i < 2 }), label)))),
    h("button", { type: "submit" }, "Show my matches"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const parts = data.getAll("parts").map((p) => p.split("-"));
    const body = {
      concerns: data.getAll("concerns"),
      therapy_type: data.get("therapy_type"),
      language: data.get("language"),
      budget: Number(data.get("budget")) || undefined,
      location: (data.get("location") || "").trim() || undefined,
      times: data.getAll("days").flatMap((d) => parts.map(([from, to]) => ({ weekday: Number(d), from, to }))),
    };
    submitting(form, async () => {
      const result = await post("/matches", body);
      const matches = result?.matches || [];
      mount(results, h("h2", {}, "Your matches"), matches.length
        ? h("div", { class: "grid" }, matches.map((m) => therapistCard(m.therapist, { reasons: m.reasons, score: m.score })))
        : empty("Nobody matches all of that yet. Try more times or a higher budget, or browse all therapists."));
      results.querySelector("h2")?.setAttribute("tabindex", "-1");
      results.querySelector("h2")?.focus();
    });
  });
  mount(main, h("h1", {}, "Find a therapist"),
    h("p", {}, "A few questions, then we suggest therapists and say why. Nothing here is shared with a therapist until you book."),
    form, results);
}
