// A patient's or therapist's sessions: upcoming and past.
import { bookingRow, listInto } from "../components.js";
import { h, mount } from "../ui.js";

const pick = (data) => data?.bookings || (Array.isArray(data) ? data : []);

export default function bookings(main, { user }) {
  const upcoming = h("div", {});
  const past = h("div", {});
  mount(main, h("h1", {}, "Your sessions"),
    user.role === "patient" ? h("p", {}, h("a", { class: "button secondary", href: "#/find" }, "Book another session")) : null,
    h("section", { class: "card" }, h("h2", {}, "Upcoming"), upcoming),
    h("section", { class: "card" }, h("h2", {}, "Past"), past));
  listInto(upcoming, "/bookings", { scope: "upcoming" }, pick, (b) => bookingRow(b, { user }), "Nothing booked.");
  listInto(past, "/bookings", { scope: "past" }, pick, (b) => bookingRow(b, { user }), "No past sessions yet.");
}
