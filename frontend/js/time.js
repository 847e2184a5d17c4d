// Dates on the wire are UTC ISO-8601; people see them in their own time zone.
import { currentUser } from "./session.js";

export function browserTimeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** The signed-in person's time zone (their profile's), else the browser's. */
export function userTimeZone() {
  return currentUser()?.time_zone || browserTimeZone();
}

export function formatDateTime(iso, timeZone = userTimeZone()) {
  if (!iso) return "";
  return new Intl.DateTimeFormat(undefined, {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone,
  }).format(new Date(iso));
}

export function formatDate(iso, timeZone = userTimeZone()) {
  if (!iso) return "";
  return new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric", timeZone })
    .format(new Date(iso));
}

/** "18:05", or "18:05:30" with `seconds` (points of one session, seconds apart). */
export function formatTime(iso, timeZone = userTimeZone(), { seconds = false } = {}) {
  return new Intl.DateTimeFormat(undefined, {
    hour: "2-digit", minute: "2-digit", second: seconds ? "2-digit" : undefined, timeZone,
  }).format(new Date(iso));
}

/** "YYYY-MM-DD" of `date` in `timeZone` (for grouping slots by the viewer's day). */
export function dayKey(iso, timeZone = userTimeZone()) {
  const parts = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone })
    .format(new Date(iso));
  return parts;
}

export function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

export function addDays(date, days) {
  const copy = new Date(date);
  copy.setUTCDate(copy.getUTCDate() + days);
  return copy;
}

export const JOIN_OPENS_MS = 10 * 60_000;

/** Joinable from 10 minutes before the start until the end (the API has the final word). */
export function joinable(booking, now = Date.now()) {
  const start = Date.parse(booking.starts_at);
  const end = Date.parse(booking.ends_at || booking.starts_at) + 15 * 60_000;
  if (booking.session_state === "ended") return false;
  return ["confirmed", "in_progress"].includes(booking.status || booking.session_state)
    && now >= start - JOIN_OPENS_MS && now <= end;
}

/** The IANA time zones the browser knows (for profile forms). */
export function timeZones() {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC", "Europe/London", "America/New_York"];
  }
}
