// Change password in Account: Cognito's change-password, proving the current password.
import { put } from "../api.js";
import { field, flash, h, submitting } from "../ui.js";

export function passwordForm() {
  const current = h("input", { type: "password", name: "current_password", autocomplete: "current-password", required: true });
  const proposed = h("input", { type: "password", name: "new_password", autocomplete: "new-password", required: true, minlength: 10 });
  const form = h("form", { class: "card form-narrow", id: "password-form" }, h("h2", {}, "Change password"),
    field("Current password", current),
    field("New password", proposed, "At least 10 characters, with an upper-case letter, a lower-case letter and a digit."),
    h("button", { type: "submit" }, "Change password"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitting(form, async () => {
      await put("/me/password", { current_password: current.value, new_password: proposed.value });
      form.reset();
      flash("Password changed. Use the new one next time you sign in.");
    });
  });
  return form;
}
