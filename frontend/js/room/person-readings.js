// The therapist's readings by person (couple and family sessions): one row for each person
// whose frames were analysed, labelled with their name. Only people whose own switch is on
// are ever analysed (the API and the inference function check it per person), so nobody
// else gets a row; a person who switches off is shown as off and their row stops changing.
import { h } from "../ui.js";

export function personReadings(nameOf) {
  const list = h("ul", { class: "list person-readings" });
  const element = h("div", {}, h("h3", {}, "By person"),
    h("p", { class: "small muted" }, "Each person's own latest reading; only those who switched analysis on are analysed."),
    list);
  const people = new Map();  // person id → {row, frames, latest}

  function row(person) {
    let entry = people.get(person);
    if (!entry) {
      const latest = h("strong", { "data-testid": "person-latest" }, "—");
      const frames = h("span", { class: "small muted", "data-testid": "person-frames" }, "");
      const state = h("span", { class: "small" }, "");
      entry = { frames: 0, latest, framesLabel: frames, state,
        row: h("li", { "data-testid": "person-reading", "data-person": person },
          h("span", {}, `${nameOf(person)}: `), latest, " ", frames, " ", state) };
      people.set(person, entry);
      list.append(entry.row);
    }
    return entry;
  }

  return {
    element,
    /** Fold one feed answer in: its new records and who has analysis on now. */
    update(data) {
      for (const record of data.records || []) {
        if (!record.person) continue;
        const entry = row(record.person);
        entry.frames += 1;
        entry.latest.textContent = record.face_found ? (record.dominant || "—") : "no face in view";
        entry.framesLabel.textContent = `(${entry.frames} frame${entry.frames === 1 ? "" : "s"})`;
      }
      const on = new Set(data.consenting || []);
      for (const [person, entry] of people) entry.state.textContent = on.has(person) ? "" : "· analysis now off";
    },
  };
}
