// A patient's or therapist's sessions: upcoming and past. A session ended early ("End session
// for both") is past although its booked time has not run out yet.
import { get } from "../api.js";
import { bookingRow, isEnded } from "../components.js";
import { empty, errorBox, h, loading, mount } from "../ui.js";

const pick = (data) => data?.bookings || (Array.isArray(data) ? data : []);

export default function bookings(main, { user }) {
  const upcoming = h("div", {});
  const past = h("div", {});
  mount(main, h("h1", {}, "Your sessions"),
    user.role === "patient" ? h("p", {}, h("a", { class: "button secondary", href: "#/find" }, "Book another session")) : null,
    h("section", { class: "card" }, h("h2", {}, "Upcoming"), upcoming),
    h("section", { class: "card" }, h("h2", {}, "Past"), past));
  const list = (items, emptyText) => (items.length ? h("ul", { class: "list" }, items.map((b) => bookingRow(b, { user })))
    : empty(emptyText));
  async function load() {
    mount(upcoming, loading());
    mount(past, loading());
    try {
      const [ahead, behind] = await Promise.all([get("/bookings", { scope: "upcoming" }), get("/bookings", { scope: "past" })]);
      const endedEarly = pick(ahead).filter(isEnded).reverse();  // latest first, as the past list is
      mount(upcoming, list(pick(ahead).filter((b) => !isEnded(b)), "Nothing booked."));
      mount(past, list([...endedEarly, ...pick(behind)], "No past sessions yet."));
    } catch (error) {
      if (error?.redirected) return;
      mount(upcoming, errorBox(error, load));
      past.replaceChildren();
    }
  }
  load();
}
