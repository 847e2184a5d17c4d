// Card entry through Stripe.js (localstripe's stand-in locally): the card number goes from
// this page straight to Stripe; our API only ever sees the PaymentMethod id it gives back.
import { loadConfig, post } from "./api.js";
import { h } from "./ui.js";

let stripeLoaded = null;

function loadStripeJs() {
  if (!stripeLoaded) {
    stripeLoaded = loadConfig().then((config) => new Promise((resolve, reject) => {
      const script = h("script", { src: config.stripeJsUrl || "https://js.stripe.com/v3/" });
      script.addEventListener("load", () => resolve(window.Stripe));
      script.addEventListener("error", () => reject(new Error("Could not load the card form (Stripe.js).")));
      document.head.append(script);
    }));
  }
  return stripeLoaded;
}

const CARD_FIELD_NAMES = { number: "Card number", exp_month: "Expiry month (MM)", exp_year: "Expiry year (YY)",
  cvc: "Security code (CVC)", postal_code: "Postcode" };

/** A card form in `container`; resolves to { savedCard, paymentMethodId() } once it is ready. */
export async function cardForm(container) {
  const [StripeJs, setup] = await Promise.all([loadStripeJs(), post("/payments/card-setup", {})]);
  const stripe = StripeJs(setup.publishable_key);
  const card = stripe.elements().create("card");
  card.mount(container);
  // The stand-in's inputs carry only placeholders; name them for screen readers (Stripe's
  // own Elements label their fields inside their frame).
  for (const input of container.querySelectorAll("input")) {
    const name = CARD_FIELD_NAMES[input.getAttribute("placeholder")];
    if (name && !input.getAttribute("aria-label")) input.setAttribute("aria-label", name);
  }
  return {
    savedCard: setup.saved_card,
    async paymentMethodId() {
      const result = await stripe.confirmCardSetup(setup.client_secret, { payment_method: { card } });
      if (result.error) throw new Error(result.error.message || "The card was not accepted.");
      return result.setupIntent.payment_method;
    },
  };
}

const SYMBOLS = { USD: "$", EUR: "€", GBP: "£" };

/** 8000, "USD" → "$80.00" (amounts are in cents, as Stripe counts them). */
export function money(amount, currency) {
  return `${SYMBOLS[currency] || `${currency} `}${(amount / 100).toFixed(2)}`;
}
