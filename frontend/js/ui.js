// Small DOM helpers. Text is always set as text (never innerHTML) so API data cannot inject markup.

/** Build an element: h("button", {class: "x", onclick: fn}, "Label", child). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "class") {
      el.className = value;
    } else if (key === "style") {
      el.style.cssText = value; // through the CSSOM: the CSP refuses style="" attributes
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else if (key in el && typeof value !== "string") {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace everything inside `el`. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function loading(text = "Loading…") {
  return h("p", { class: "state state-loading", role: "status" }, text);
}

export function empty(text) {
  return h("p", { class: "state state-empty" }, text);
}

/** An error box that shows the API's own message (never a blank page). */
export function errorBox(error, retry) {
  const message = error?.message || String(error);
  return h("div", { class: "state state-error", role: "alert" },
    h("p", {}, message),
    retry ? h("button", { type: "button", class: "secondary", onclick: retry }, "Try again") : null);
}

/** Run `load()` and show loading → content, or the error with a retry button. */
export async function section(container, load, renderContent) {
  mount(container, loading());
  try {
    const data = await load();
    mount(container, renderContent(data));
  } catch (error) {
    if (error?.redirected) return;
    mount(container, errorBox(error, () => section(container, load, renderContent)));
  }
}

/** A labelled form field. `input` is an element; its id ties the label to it. */
export function field(labelText, input, hint) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  const hintEl = hint ? h("span", { class: "hint", id: `${id}-hint` }, ` ${hint}`) : null;
  if (hintEl) input.setAttribute("aria-describedby", hintEl.id);
  return h("div", { class: "field" }, h("label", { for: id }, labelText, hintEl), input);
}

/** Show a field-level API error (`{field}`) next to the input of that name, or a form error. */
export function showFormError(form, error) {
  form.querySelectorAll(".field-error").forEach((e) => e.remove());
  form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
  const target = error?.field ? form.querySelector(`[name="${CSS.escape(error.field)}"]`) : null;
  const note = h("p", { class: "field-error", role: "alert" }, error?.message || String(error));
  if (target) {
    target.setAttribute("aria-invalid", "true");
    note.id = `${target.id || target.name}-error`;
    target.setAttribute("aria-describedby", note.id);
    target.closest(".field, fieldset")?.append(note) || target.after(note);
    target.focus();
  } else {
    form.append(note);
  }
}

/** Disable a form's submit button while `work()` runs; show its error in the form. */
export async function submitting(form, work) {
  const button = form.querySelector("[type=submit]");
  form.querySelectorAll(".field-error").forEach((e) => e.remove());
  if (button) button.disabled = true;
  try {
    return await work();
  } catch (error) {
    if (!error?.redirected) showFormError(form, error);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

let flashTimer;
let flashPages = 0;
/** A short status message at the top of the page (announced to screen readers). */
export function flash(text, kind = "info") {
  const box = document.getElementById("flash");
  if (!box) return;
  flashPages = 0;
  mount(box, h("div", { class: kind }, text));
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => box.replaceChildren(), 6000);
}

/**
 * Called when a page is drawn (a redirect to sign-in does not count). A message is shown where it was said and on the page that
 * follows (pages flash, then navigate); a third page clears it, so "Email confirmed. Please
 * sign in." does not follow the person onto their dashboard.
 */
export function ageFlash() {
  flashPages += 1;
  if (flashPages > 1) document.getElementById("flash")?.replaceChildren();
}

export function badge(status) {
  return h("span", { class: `badge ${status || ""}` }, String(status || "").replace(/_/g, " "));
}

export function titleCase(text) {
  return String(text || "").replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());
}

export function formData(form) {
  return Object.fromEntries(new FormData(form).entries());
}

/** "self_esteem" → "self esteem", "ocd" → "OCD": how an API vocabulary word reads on screen. */
export function label(word) {
  return { ocd: "OCD", lgbtq: "LGBTQ+" }[word] || String(word).replace(/_/g, " ");
}

/** "es" → "Spanish": a language's name in the page's own language (Intl.DisplayNames). */
export function languageName(code) {
  try {
    return new Intl.DisplayNames([document.documentElement.lang || "en"], { type: "language" }).of(code) || code;
  } catch {
    return String(code);
  }
}

/** 50, "GBP" → "£50" for a UK reader, "50 £" for a German one: the price in the therapist's
 * currency, written the way the viewer's locale writes money (Intl.NumberFormat). */
export function money(amount, currency = "USD") {
  const value = Number(amount);
  return new Intl.NumberFormat(undefined, {
    style: "currency", currency, minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
  }).format(value);
}
