// Crisis lines: always reachable, also when the API is down (a built-in minimum list).
import { api } from "../api.js";
import { h, mount, loading } from "../ui.js";
import { currentUser } from "../session.js";

const BUILT_IN = [
  { country: "GB", name: "Emergency services", phone: "999", hours: "24/7" },
  { country: "GB", name: "Samaritans", phone: "116 123", hours: "24/7" },
  { country: "GB", name: "Shout (text)", text: "85258", hours: "24/7" },
  { country: "US", name: "Emergency services", phone: "911", hours: "24/7" },
  { country: "US", name: "988 Suicide & Crisis Lifeline", phone: "988", hours: "24/7" },
  { country: "EU", name: "European emergency number", phone: "112", hours: "24/7" },
];

function guessCountry() {
  const user = currentUser();
  if (user?.country) return user.country;
  const region = (navigator.language || "").split("-")[1];
  return region || "GB";
}

function lineItem(line) {
  const phone = line.phone || line.number;
  return h("li", {},
    h("strong", {}, line.name), line.hours ? h("span", { class: "muted" }, ` (${line.hours})`) : null,
    h("div", {},
      phone ? h("a", { href: `tel:${String(phone).replace(/\s/g, "")}`, class: "button", style: "margin-top:.35rem" }, `Call ${phone}`) : null,
      line.text ? h("span", {}, /^text /i.test(line.text) ? ` ${line.text}` : ` Text ${line.text}`) : null,
      line.url ? h("a", { href: line.url, rel: "noopener", target: "_blank", style: "margin-left:.5rem" }, "Website") : null));
}

export default async function crisis(main) {
  const list = h("div", {}, loading("Finding crisis lines…"));
  const select = h("select", { id: "country", name: "country" },
    ["GB", "US", "IE", "CA", "AU", "DE", "FR", "ES", "IN"].map((c) => h("option", { value: c }, c)));
  select.value = guessCountry();
  mount(main,
    h("h1", {}, "Need help now?"),
    h("div", { class: "card state-error", role: "note" },
      h("p", {}, h("strong", {}, "If you are in immediate danger, call your local emergency number now: "),
        "999 or 112 (UK and Europe), 911 (US).")),
    h("div", { class: "field form-narrow" }, h("label", { for: "country" }, "Country"), select),
    list);
  async function show() {
    mount(list, loading("Finding crisis lines…"));
    let lines;
    let emergency = null;
    try {
      // {your_country: {emergency, helplines}, …} (docs/API.md); the chosen country's lines only.
      const data = await api("/helplines", { query: { country: select.value }, auth: false });
      lines = data?.your_country?.helplines || [];
      emergency = data?.your_country?.emergency || null;
    } catch {
      lines = [];
    }
    if (emergency) lines = [{ name: "Emergency services", phone: emergency, hours: "24/7" }, ...lines];
    if (!lines.length) {
      lines = BUILT_IN.filter((l) => l.country === select.value || l.country === "EU");
    }
    mount(list, h("section", { class: "card" }, h("h2", {}, "Crisis lines"), h("ul", { class: "list" }, lines.map(lineItem))));
  }
  select.addEventListener("change", show);
  await show();
}
