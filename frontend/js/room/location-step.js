// "Where are you right now?" before a patient joins a session (issue 23): telehealth practice,
// so that in a crisis the therapist sees the emergency number of the place the patient is in.
// Filled in with the last answer (or the account's country); joining confirms it.
import { api, post } from "../api.js";
import { field, h, mount } from "../ui.js";

const OTHER = "other";

export function locationStep(me, sessionId) {
  const last = me?.location || {};
  const country = h("select", { name: "country" });
  const otherCode = h("input", { name: "other_country", maxlength: 2, placeholder: "e.g. PT", autocomplete: "off" });
  const otherField = field("Other country's two-letter code", otherCode);
  const region = h("input", { name: "region", maxlength: 100, value: last.region || "", autocomplete: "address-level1" });
  const city = h("input", { name: "city", maxlength: 100, value: last.city || "", autocomplete: "address-level2" });
  const problem = h("div", {});
  const element = h("fieldset", { class: "location-step", "data-testid": "location-step" },
    h("legend", {}, "Where are you right now?"),
    h("p", { class: "small muted" }, "Asked before every session: if you ever need urgent help during or after it, your "
      + "therapist knows which emergency number to use."),
    field("Country", country), otherField, field("Region or state", region), field("City (optional)", city), problem);
  const wanted = (last.country || me?.country || "").toUpperCase();

  function showOther() {
    otherField.hidden = country.value !== OTHER;
  }
  country.addEventListener("change", showOther);
  mount(country, h("option", { value: wanted }, wanted || "Choose…"));
  api("/helplines", { auth: false }).then((data) => {
    const known = [data?.your_country, ...(data?.countries || [])].filter(Boolean);
    const options = known.map((c) => h("option", { value: c.country }, c.country_name));
    mount(country, ...options, h("option", { value: OTHER }, "Another country"));
    if (known.some((c) => c.country === wanted)) country.value = wanted;
    else if (wanted) { country.value = OTHER; otherCode.value = wanted; }
    showOther();
  }).catch(() => showOther());
  showOther();

  /** Send the answer; false (with the reason shown) when it cannot be saved. */
  async function confirm() {
    const code = country.value === OTHER ? otherCode.value.trim() : country.value;
    try {
      await post("/me/location", { country: code, region: region.value.trim(), city: city.value.trim(),
        session_id: sessionId });
      problem.replaceChildren();
      return true;
    } catch (error) {
      if (!error?.redirected) mount(problem, h("p", { class: "field-error", role: "alert" }, error.message));
      return false;
    }
  }
  return { element, confirm };
}
