// The API names a bad field by its path ("goals[1].target: must be between 0 and 27"); people
// read "Goal 2, target: must be between 0 and 27". Used by api.js for every error it shows.

// Path words whose plain reading differs from the word with spaces; lists by their one item.
const NAMES = {
  goals: "goal", interventions: "intervention", weekly: "time window", exceptions: "days off",
  review_by: "review date", homework_every_days: "homework every (days)", type: "kind",
  summary_for_patient: "summary for the patient", price_per_session: "price per session",
  source_url: "source address", reading_minutes: "reading minutes", starts_at: "start time",
  time_zone: "time zone", licence_number: "licence number",
};

const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** "goals[1].target" → "Goal 2, target"; "topic" → "Topic". */
export function fieldLabel(path) {
  const parts = [...String(path).matchAll(/([^.[\]]+)(?:\[(\d+)\])?/g)].map(([, name, index]) => {
    const words = NAMES[name] || name.replace(/_/g, " ");
    return index === undefined ? words : `${words} ${Number(index) + 1}`;
  });
  return capitalised(parts.join(", "));
}

/** The API's message with its field path in words and Python's list brackets gone. */
export function forPeople(message, field) {
  let text = String(message);
  if (field && text.startsWith(`${field}: `)) text = `${fieldLabel(field)}: ${text.slice(field.length + 2)}`;
  return text.replace(/one of \[([^\]]*)\]/g, (_, list) => `one of ${list.replace(/'/g, "").replace(/-/g, " ")}`);
}
