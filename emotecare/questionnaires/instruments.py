"""PHQ-9 and GAD-7: the exact public-domain items, answer options and severity bands.

Both were developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and
colleagues with an educational grant from Pfizer Inc.; no permission is required to
reproduce, translate, display or distribute them. The wording below must not be edited:
scores are only comparable when the items are asked exactly as validated.
"""
from __future__ import annotations

from dataclasses import dataclass

from emotecare.questionnaires.errors import UnknownInstrumentError

ANSWER_OPTIONS = ("Not at all", "Several days", "More than half the days", "Nearly every day")


@dataclass(frozen=True)
class Band:
    """A severity band: totals from `low` to `high` inclusive."""

    low: int
    high: int
    label: str


@dataclass(frozen=True)
class Instrument:
    """A questionnaire as shown to the patient and scored."""

    id: str
    name: str
    preamble: str
    items: tuple[str, ...]
    bands: tuple[Band, ...]
    options: tuple[str, ...] = ANSWER_OPTIONS
    crisis_item: int | None = None  # 0-based index of an item whose any non-zero answer is a crisis

    @property
    def max_score(self) -> int:
        return 3 * len(self.items)

    def to_dict(self) -> dict:
        """Return the JSON-ready form used to render the form."""
        return {"id": self.id, "name": self.name, "preamble": self.preamble,
                "items": [{"number": i + 1, "text": t} for i, t in enumerate(self.items)],
                "options": [{"value": v, "label": label} for v, label in enumerate(self.options)],
                "bands": [{"low": b.low, "high": b.high, "label": b.label} for b in self.bands],
                "max_score": self.max_score}


PHQ9 = Instrument(
    id="phq9",
    name="PHQ-9",
    preamble="Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself \u2014 or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite \u2014 being so "
        "fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    bands=(Band(0, 4, "minimal"), Band(5, 9, "mild"), Band(10, 14, "moderate"),
           Band(15, 19, "moderately severe"), Band(20, 27, "severe")),
    crisis_item=8,
)
# Asked after the nine items; recorded but not part of the score.
PHQ9_DIFFICULTY_QUESTION = ("If you checked off any problems, how difficult have these problems made it for you "
                            "to do your work, take care of things at home, or get along with other people?")
PHQ9_DIFFICULTY_OPTIONS = ("Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult")

GAD7 = Instrument(
    id="gad7",
    name="GAD-7",
    preamble="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    ),
    bands=(Band(0, 4, "minimal"), Band(5, 9, "mild"), Band(10, 14, "moderate"), Band(15, 21, "severe")),
)

INSTRUMENTS = {PHQ9.id: PHQ9, GAD7.id: GAD7}


def get_instrument(instrument_id: str) -> Instrument:
    """Return PHQ-9 or GAD-7 by id ("phq9", "gad7"; "PHQ-9" accepted)."""
    key = instrument_id.lower().replace("-", "").replace("_", "")
    try:
        return INSTRUMENTS[key]
    except KeyError:
        raise UnknownInstrumentError(instrument_id) from None


def find_band(instrument: Instrument, total: int) -> Band:
    """Return the severity band that holds `total`."""
    for band in instrument.bands:
        if band.low <= total <= band.high:
            return band
    raise ValueError(f"{total} is outside 0..{instrument.max_score} for {instrument.name}")
