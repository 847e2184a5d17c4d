// Take a PHQ-9 or GAD-7: one item at a time on a phone, all items on a wider screen; then the
// score, its band in plain words, and (PHQ-9 item 9 answered above "Not at all") the crisis box.
import { get, post } from "../api.js";
import { crisisOffer } from "../crisis-offer.js";
import { h, mount, section, showFormError, submitting } from "../ui.js";

const PHONE_QUERY = "(max-width: 600px)";
// What each band means, in words for the person who answered (not a diagnosis).
const MEANINGS = {
  phq9: {
    minimal: "Few or no signs of depression over the last two weeks.",
    mild: "Some signs of low mood. Worth keeping an eye on and mentioning to your therapist.",
    moderate: "A moderate level of depression symptoms. Your therapist will want to talk this through with you.",
    "moderately severe": "A high level of depression symptoms. Please talk about this with your therapist soon.",
    severe: "A severe level of depression symptoms. Please contact your therapist or doctor soon.",
  },
  gad7: {
    minimal: "Few or no signs of anxiety over the last two weeks.",
    mild: "Some signs of anxiety. Worth keeping an eye on and mentioning to your therapist.",
    moderate: "A moderate level of anxiety. Your therapist will want to talk this through with you.",
    severe: "A severe level of anxiety. Please talk about this with your therapist or doctor soon.",
  },
};

export function bandMeaning(kind, band) {
  return MEANINGS[kind]?.[band] || "";
}

function itemFieldset(form, item) {
  return h("fieldset", { class: "check-in-item", "data-item": item.number },
    h("legend", {}, h("span", { class: "muted small" }, `${item.number} of ${form.items.length}. `), item.text),
    h("div", { class: "answers" }, form.options.map((option) => h("label", {},
      h("input", { type: "radio", name: `item-${item.number}`, value: option.value, required: true }), option.label))));
}

function difficultyFieldset(difficulty) {
  return h("fieldset", { class: "check-in-item" },
    h("legend", {}, difficulty.question, h("span", { class: "muted small" }, " (optional)")),
    h("div", { class: "answers" }, difficulty.options.map((option) => h("label", {},
      h("input", { type: "radio", name: "difficulty", value: option.value }), option.label))));
}

function resultView(kind, form, answer) {
  return h("div", {},
    h("section", { class: "card", "data-testid": "questionnaire-result", "aria-live": "polite" },
      h("h2", {}, "Your result"),
      h("p", { class: "score" }, h("strong", {}, `${answer.score} of ${answer.max_score || form.max_score}`),
        ` — ${answer.band}`),
      h("p", {}, bandMeaning(kind, answer.band)),
      h("p", { class: "small muted" }, `${form.name} is a screening questionnaire, not a diagnosis. `
        + "Your therapist sees your answers and talks them through with you."),
      h("p", {}, h("a", { class: "button secondary", href: "#/check-ins" }, "All check-ins"), " ",
        h("a", { href: "#/dashboard" }, "Back home"))),
    answer.crisis ? crisisOffer(answer) : null);
}

export default function checkIn(main, { params }) {
  const kind = params.kind;
  section(main, () => get(`/questionnaires/${encodeURIComponent(kind)}`), (form) => {
    const phone = window.matchMedia?.(PHONE_QUERY).matches;
    const items = form.items.map((item) => itemFieldset(form, item));
    const extra = form.difficulty ? difficultyFieldset(form.difficulty) : null;
    const submit = h("button", { type: "submit" }, "See my score");
    const back = h("button", { type: "button", class: "secondary" }, "Back");
    const next = h("button", { type: "button" }, "Next");
    const progress = h("p", { class: "small muted", "aria-live": "polite" });
    const formEl = h("form", { class: "card check-in" },
      h("p", {}, form.preamble), items, extra, progress, h("div", { class: "row" }, back, next, submit));
    const result = h("div", {});
    let step = 0;

    function show() {  // phone: one item per step; the optional difficulty question joins the last
      if (!phone) {
        back.hidden = true;
        next.hidden = true;
        return;
      }
      items.forEach((fieldset, i) => { fieldset.hidden = i !== step; });
      const last = step === items.length - 1;
      if (extra) extra.hidden = !last;
      back.hidden = step === 0;
      next.hidden = last;
      submit.hidden = !last;
      progress.textContent = `Question ${step + 1} of ${items.length}`;
    }
    const answered = (i) => formEl.querySelector(`input[name="item-${i + 1}"]:checked`);
    next.addEventListener("click", () => {
      if (!answered(step)) {
        showFormError(formEl, { field: `item-${step + 1}`, message: "Choose one answer to go on." });
        return;
      }
      formEl.querySelectorAll(".field-error").forEach((e) => e.remove());
      step += 1;
      show();
      items[step].querySelector("input").focus();
    });
    back.addEventListener("click", () => { step = Math.max(0, step - 1); show(); });
    formEl.addEventListener("submit", (event) => {
      event.preventDefault();
      const missing = items.findIndex((_, i) => !answered(i));
      if (missing >= 0) {
        if (phone) { step = missing; show(); }
        showFormError(formEl, { field: `item-${missing + 1}`, message: `Question ${missing + 1} needs an answer.` });
        return;
      }
      submitting(formEl, async () => {
        const body = { answers: items.map((_, i) => Number(answered(i).value)) };
        const difficulty = formEl.querySelector("input[name=difficulty]:checked");
        if (difficulty) body.difficulty = Number(difficulty.value);
        const answer = await post(`/questionnaires/${encodeURIComponent(kind)}/responses`, body);
        formEl.hidden = true;
        mount(result, resultView(kind, form, answer));
        if (!answer.crisis) result.scrollIntoView({ block: "start" });
      });
    });
    formEl.noValidate = true;  // our own messages, one question at a time
    show();
    return h("div", {}, h("h1", {}, `${form.name} check-in`), formEl, result);
  });
}
