// The public start page: what EmoteCare is, privacy in plain words, help now.
import { h, mount } from "../ui.js";
import { currentUser } from "../session.js";

export default function landing(main, { path }) {
  const user = currentUser();
  const start = user
    ? h("a", { class: "button", href: "#/dashboard" }, "Go to your home page")
    : h("a", { class: "button", href: "#/signup" }, "Create a free account");
  mount(main,
    h("section", { class: "hero" },
      h("h1", {}, "Talk to a licensed therapist, from home, at a price you can afford"),
      h("p", {}, "EmoteCare matches you with a therapist who fits what you need, when you are free. ",
        "You meet by private video. Between sessions you can keep a mood journal, take short check-ins ",
        "and read trusted self-help material."),
      h("div", { class: "row" }, start,
        h("a", { class: "button secondary", href: "#/therapists" }, "Browse therapists"))),
    h("div", { class: "grid" },
      h("section", { class: "card" }, h("h2", {}, "How it works"),
        h("ol", {},
          h("li", {}, "Tell us what you would like help with and when you are free."),
          h("li", {}, "Pick a therapist from your matches and book a time that suits you."),
          h("li", {}, "Join the video session from this site at the booked time."))),
      h("section", { class: "card" }, h("h2", {}, "Fair prices"),
        h("p", {}, "Each therapist shows their price per session before you book. ",
          "Cancelling more than 24 hours ahead is always free.")),
      h("section", { class: "card", id: "privacy", tabindex: "-1" },
        h("h2", {}, "Privacy in plain words"),
        h("ul", {},
          h("li", {}, "Your video goes straight between you and your therapist. We never record it."),
          h("li", {}, "Emotion analysis is off unless you switch it on, for each session. While it is on, ",
            "a few still pictures a second are read for facial expression and deleted as soon as they are read; ",
            "your therapist sees the expression, not the pictures."),
          h("li", {}, "Facial expression is an aid to your therapist's judgement, never a diagnosis."),
          h("li", {}, "You can download everything we hold about you, or delete it, from your account page.")))),
    h("section", { class: "card" }, h("h2", {}, "Need help right now?"),
      h("p", {}, "EmoteCare is not an emergency service. If you are in danger, call your local emergency number. ",
        h("a", { href: "#/crisis" }, "See crisis lines for your country"), ".")));
  if (path === "/privacy") document.getElementById("privacy")?.focus();
}
