// Sign up, confirm, sign in, forgot and reset password: one module, one form per path.
import { api } from "../api.js";
import * as session from "../session.js";
import { field, flash, formData, h, mount, submitting } from "../ui.js";
import { browserTimeZone, timeZones } from "../time.js";
import { safetyContactFields, withSafetyContacts } from "../account/safety-contacts.js";

const input = (attrs) => h("input", { required: true, ...attrs });

function safeNext(next) {
  // Only go back to one of our own hash routes after sign-in (no open redirect).
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/dashboard";
}

function tzSelect() {
  const select = h("select", { name: "time_zone" }, timeZones().map((tz) => h("option", { value: tz }, tz)));
  select.value = browserTimeZone();
  return select;
}

function signupPage(main, { navigate }) {
  const form = h("form", { class: "card form-narrow", novalidate: false },
    field("Your name", input({ name: "name", autocomplete: "name", maxlength: 100 })),
    field("Email", input({ name: "email", type: "email", autocomplete: "email", maxlength: 254 })),
    field("Password", input({ name: "password", type: "password", autocomplete: "new-password", minlength: 10, maxlength: 256 }),
      "At least 10 characters with upper and lower case letters and a number."),
    h("fieldset", {}, h("legend", {}, "I am joining as"),
      h("div", { class: "checks" },
        h("label", {}, h("input", { type: "radio", name: "role", value: "patient", checked: true }), "someone looking for support"),
        h("label", {}, h("input", { type: "radio", name: "role", value: "therapist" }), "a licensed therapist"))),
    field("Time zone", tzSelect()),
    field("Country", h("select", { name: "country" }, [["GB", "United Kingdom"], ["US", "United States"], ["IE", "Ireland"],
      ["CA", "Canada"], ["AU", "Australia"], ["DE", "Germany"], ["FR", "France"], ["ES", "Spain"], ["IN", "India"]]
      .map(([v, l]) => h("option", { value: v }, l)))),
    safetyContactFields(),
    h("button", { type: "submit" }, "Create account"),
    h("p", { class: "small muted" }, "Already have an account? ", h("a", { href: "#/signin" }, "Sign in"), "."));
  form.country.value = browserTimeZone().startsWith("America/") ? "US" : "GB";
  // Patients are asked how to reach them in an emergency; therapists are not.
  const contacts = form.querySelector(".safety-contacts");
  form.addEventListener("change", () => {
    contacts.hidden = contacts.disabled = form.role.value !== "patient";
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const body = withSafetyContacts(formData(form));
      await api("/auth/signup", { method: "POST", body, auth: false });
      flash("Account created. We sent a confirmation code to your email.");
      navigate(`/confirm?email=${encodeURIComponent(body.email)}`);
    });
  });
  mount(main, h("h1", {}, "Create your account"), form);
}

function confirmPage(main, { query, navigate }) {
  const form = h("form", { class: "card form-narrow" },
    h("p", {}, "Enter the code we sent to your email."),
    field("Email", input({ name: "email", type: "email", value: query.email || "", autocomplete: "email" })),
    field("Confirmation code", input({ name: "code", inputmode: "numeric", autocomplete: "one-time-code", maxlength: 12 })),
    h("button", { type: "submit" }, "Confirm"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const body = formData(form);
      await api("/auth/confirm", { method: "POST", body, auth: false });
      flash("Email confirmed. Please sign in.");
      navigate(`/signin?email=${encodeURIComponent(body.email)}`);
    });
  });
  mount(main, h("h1", {}, "Confirm your email"), form);
}

function signinPage(main, { query, navigate }) {
  // Shown only when the API asks for it: after many wrong passwords on this account, a browser
  // that has not signed in to it before needs the code we e-mail as well as the password.
  const codeField = field("Code from the email", h("input", { name: "code", inputmode: "numeric", autocomplete: "one-time-code", maxlength: 12 }));
  codeField.hidden = true;
  const form = h("form", { class: "card form-narrow" },
    field("Email", input({ name: "email", type: "email", value: query.email || "", autocomplete: "username" })),
    field("Password", input({ name: "password", type: "password", autocomplete: "current-password" })),
    codeField,
    h("button", { type: "submit" }, "Sign in"),
    h("p", { class: "small" }, h("a", { href: "#/forgot" }, "Forgot your password?"), " · ",
      h("a", { href: "#/signup" }, "Create an account")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const body = formData(form);
      if (!body.code) delete body.code;
      const device = session.deviceToken(body.email);
      if (device) body.device_token = device;
      let result;
      try {
        result = await api("/auth/signin", { method: "POST", body, auth: false });
      } catch (error) {
        if (error?.field === "code") codeField.hidden = false;
        throw error;
      }
      session.rememberDevice(body.email, result.device_token);
      session.signedIn(result);
      navigate(safeNext(query.next));
    });
  });
  mount(main, h("h1", {}, "Sign in"), form);
}

function forgotPage(main, { navigate }) {
  const form = h("form", { class: "card form-narrow" },
    h("p", {}, "We will email you a code to choose a new password."),
    field("Email", input({ name: "email", type: "email", autocomplete: "email" })),
    h("button", { type: "submit" }, "Send the code"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const body = formData(form);
      await api("/auth/password/forgot", { method: "POST", body, auth: false });
      navigate(`/reset?email=${encodeURIComponent(body.email)}`);
    });
  });
  mount(main, h("h1", {}, "Reset your password"), form);
}

function resetPage(main, { query, navigate }) {
  const form = h("form", { class: "card form-narrow" },
    field("Email", input({ name: "email", type: "email", value: query.email || "", autocomplete: "email" })),
    field("Code from the email", input({ name: "code", inputmode: "numeric", autocomplete: "one-time-code" })),
    field("New password", input({ name: "password", type: "password", autocomplete: "new-password", minlength: 10, maxlength: 256 }),
      "At least 10 characters with upper and lower case letters and a number."),
    h("button", { type: "submit" }, "Save the new password"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      const body = formData(form);
      await api("/auth/password/reset", { method: "POST", body, auth: false });
      flash("Password changed. Please sign in.");
      navigate(`/signin?email=${encodeURIComponent(body.email)}`);
    });
  });
  mount(main, h("h1", {}, "Choose a new password"), form);
}

const PAGES = { "/signup": signupPage, "/confirm": confirmPage, "/signin": signinPage,
  "/forgot": forgotPage, "/reset": resetPage };

export default function auth(main, ctx) {
  return PAGES[ctx.path](main, ctx);
}
