// Pieces shared by several pages: therapist cards, booking rows, the slot picker.
import { api, get } from "./api.js";
import { badge, empty, errorBox, h, label, languageName, loading, money, mount } from "./ui.js";
import { addDays, dayKey, formatDateTime, formatTime, isoDate, JOIN_OPENS_MS, joinable, userTimeZone } from "./time.js";

export function therapistName(t) {
  return t?.name || t?.profile?.name || "Therapist";
}

/** Flatten `{therapist_id, profile:{…}}` or a flat profile into one object. */
export function therapistView(t) {
  return { ...(t?.profile || {}), ...t, id: t?.therapist_id || t?.id || t?.user_id };
}

/** "£50 per session" in the therapist's currency and the viewer's way of writing money. */
export function pricePerSession(t) {
  return t.price_per_session ? `${money(t.price_per_session, t.currency || "USD")} per session` : null;
}

export function therapistCard(raw, { reasons, score } = {}) {
  const t = therapistView(raw);
  const price = pricePerSession(t) || "";
  return h("article", { class: "card therapist-card" },
    h("div", { class: "row" },
      t.photo_url ? h("img", { src: t.photo_url, alt: "", width: 56, height: 56, style: "border-radius:50%" }) : null,
      h("div", {}, h("h3", { style: "margin:0" }, therapistName(t)),
        h("p", { class: "muted small", style: "margin:0" }, [t.credentials, price].filter(Boolean).join(" · ")))),
    t.bio ? h("p", {}, t.bio) : null,
    h("div", {}, (t.specialties || []).map((s) => h("span", { class: "tag" }, label(s))),
      (t.languages || []).map((l) => h("span", { class: "tag" }, `speaks ${languageName(l)}`))),
    reasons?.length ? h("div", {}, h("p", { class: "small", style: "margin:.5rem 0 .2rem" },
      h("strong", {}, "Why this match"), score !== undefined ? ` (fit ${Math.round(score * (score <= 1 ? 100 : 1))}%)` : ""),
    h("ul", { class: "small" }, reasons.map((r) => h("li", {}, r)))) : null,
    h("a", { class: "button secondary", href: `#/therapists/${encodeURIComponent(t.id)}` },
      "See profile and times", h("span", { class: "sr-only" }, ` for ${therapistName(t)}`)));
}

/** Whether the booking's session has ended ("End session for both"): the booking stays confirmed. */
export function isEnded(booking) {
  return booking.session_state === "ended";
}

/** The status a person should see: "ended" once the session is over, else the booking's. */
export function shownStatus(booking) {
  return isEnded(booking) ? "ended" : booking.status;
}

/** The link to an ended session's summary. */
export function summaryLink(booking) {
  return h("a", { class: "button secondary", href: `#/sessions/${encodeURIComponent(booking.session_id)}/summary` }, "Summary");
}

/** The room link for a booking (its session), when the API says which session it is. */
export function roomLink(booking) {
  if (!booking.session_id) return null;
  if (isEnded(booking)) return summaryLink(booking);
  const open = joinable(booking);
  return open
    ? h("a", { class: "button", href: `#/room/${encodeURIComponent(booking.session_id)}` }, "Join session")
    : null;
}

/**
 * Call `redraw` when the first of `bookings` that cannot be joined yet opens (10 minutes before
 * its start), so its Join button appears without a reload. Clears `previous`; returns the timer.
 */
export function redrawWhenJoinOpens(bookings, redraw, previous) {
  clearTimeout(previous);
  const waits = bookings.filter((b) => b.status === "confirmed" && !joinable(b) && !isEnded(b))
    .map((b) => Date.parse(b.starts_at) - JOIN_OPENS_MS - Date.now())
    .filter((wait) => wait > 0 && wait < 24 * 3600_000);
  return waits.length ? setTimeout(redraw, Math.min(...waits) + 1000) : null;
}

export function bookingRow(booking, { user, actions = [] } = {}) {
  const other = user?.role === "therapist"
    ? booking.patient_name || booking.patient?.name || "Patient"
    : booking.therapist_name || therapistName(booking.therapist);
  return h("li", { class: "booking", dataset: { bookingId: booking.booking_id } },
    h("div", { class: "row" },
      h("strong", {}, formatDateTime(booking.starts_at)), badge(shownStatus(booking))),
    h("div", {}, `with ${other}`, booking.details?.therapy_type || booking.therapy_type
      ? h("span", { class: "muted" }, ` · ${booking.details?.therapy_type || booking.therapy_type}`) : null),
    h("div", { class: "row", style: "margin-top:.4rem" }, roomLink(booking),
      h("a", { class: "button secondary", href: `#/bookings/${encodeURIComponent(booking.booking_id)}` }, "Details"),
      isEnded(booking) ? [] : actions));
}

/**
 * Free slots of a therapist over two weeks, shown in the viewer's time zone.
 * `onPick(slot)` is called with the chosen `{starts_at, ends_at, local_start}`.
 */
export function slotPicker(therapistId, onPick) {
  const tz = userTimeZone();
  let from = new Date();
  const box = h("div", { class: "slot-picker" });
  const body = h("div", {}, loading("Finding free times…"));
  const range = h("p", { class: "muted small", id: "slot-range" });
  const prev = h("button", { type: "button", class: "secondary", onclick: () => move(-14) }, "Earlier");
  const next = h("button", { type: "button", class: "secondary", onclick: () => move(14) }, "Later");
  mount(box, h("p", { class: "small" }, `Times are shown in your time zone (${tz}).`),
    h("div", { class: "row" }, prev, range, next), body);

  function move(days) {
    const candidate = addDays(from, days);
    from = candidate < new Date() ? new Date() : candidate;
    load();
  }

  async function load() {
    const to = addDays(from, 13);
    range.textContent = `${isoDate(from)} to ${isoDate(to)}`;
    prev.disabled = from <= new Date();
    mount(body, loading("Finding free times…"));
    try {
      const data = await api(`/therapists/${encodeURIComponent(therapistId)}/slots`,
        { query: { from: isoDate(from), to: isoDate(to), tz }, auth: false });
      const slots = (data?.slots || []).filter((s) => Date.parse(s.starts_at) > Date.now());
      if (!slots.length) {
        mount(body, empty("No free times in these two weeks. Try later dates."));
        return;
      }
      const days = new Map();
      for (const slot of slots) {
        const key = dayKey(slot.starts_at, tz);
        if (!days.has(key)) days.set(key, []);
        days.get(key).push(slot);
      }
      mount(body, dayTabs([...days.entries()], (day, daySlots) => h("div", { class: "slot-times" },
        daySlots.map((slot) => h("button", {
          type: "button", "aria-pressed": "false", dataset: { startsAt: slot.starts_at },
          onclick: (event) => {
            box.querySelectorAll("[aria-pressed=true]").forEach((b) => b.setAttribute("aria-pressed", "false"));
            event.currentTarget.setAttribute("aria-pressed", "true");
            onPick(slot);
          },
        }, formatTime(slot.starts_at, tz))))));
    } catch (error) {
      mount(body, errorBox(error, load));
    }
  }
  load();
  return box;
}

function dayLabel(day, options) {
  return new Intl.DateTimeFormat(undefined, { ...options, timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
}

/**
 * Free times grouped by day as tabs: one day's times on screen at a time (two weeks of slots
 * as one list was 4,000 px tall on a phone). Arrow keys move between days, as for any tab list.
 */
function dayTabs(days, renderDay) {
  const tabs = [];
  const panels = [];
  function select(index, focus = false) {
    tabs.forEach((tab, i) => {
      tab.setAttribute("aria-selected", String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      panels[i].hidden = i !== index;
    });
    if (focus) tabs[index].focus();
  }
  days.forEach(([day, daySlots], i) => {
    const id = `slots-${day}`;
    tabs.push(h("button", { type: "button", role: "tab", id: `${id}-tab`, "aria-controls": id,
      onclick: () => select(i),
      onkeydown: (event) => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (step) select((i + step + days.length) % days.length, true);
      } }, dayLabel(day, { weekday: "short", day: "numeric", month: "short" })));
    panels.push(h("div", { class: "slot-day", role: "tabpanel", id, "aria-labelledby": `${id}-tab` },
      h("h3", {}, dayLabel(day, { weekday: "long", day: "numeric", month: "short" })),
      renderDay(day, daySlots)));
  });
  select(0);
  return h("div", { class: "slot-days-tabs" },
    h("div", { class: "slot-tabs", role: "tablist", "aria-label": "Days with free times" }, tabs), panels);
}

/** Load a list from the API into `container`, with loading, empty and error states. */
export async function listInto(container, path, query, pick, renderItem, emptyText) {
  mount(container, loading());
  try {
    const data = await get(path, query);
    const items = pick(data) || [];
    mount(container, items.length ? h("ul", { class: "list" }, items.map(renderItem)) : empty(emptyText));
    return items;
  } catch (error) {
    if (!error?.redirected) {
      mount(container, errorBox(error, () => listInto(container, path, query, pick, renderItem, emptyText)));
    }
    return [];
  }
}
