"""Rank approved therapists for a patient's intake, with the reasons for each score.

Hard requirements (licensed where the patient is, therapy type, language) filter; everything
else adds points:
concerns covered by the therapist's specialties (up to 50), price within budget (up to
20), free slots at the times that suit in the next two weeks (up to 20), experience (up to
10). Scores are 0–100.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from emotecare.clock import utc_now
from emotecare.db.models import Therapist, User
from emotecare.errors import ValidationError
from emotecare.fields import Fields
from emotecare.therapists.licensing import INTAKE_LOCATION, covers, licensed_in, parse_location, patient_location
from emotecare.therapists.profiles import SPECIALTIES, THERAPY_TYPES, public_profile
from emotecare.therapists.slots import booked_intervals, free_slots

LOOKAHEAD = timedelta(days=14)


def _time_window(item, name: str) -> dict:
    f = Fields(item, ("weekday", "from", "to"), prefix=name)
    window = {"weekday": f.integer("weekday", lo=1, hi=7), "from": f.hhmm("from"),
              "to": f.hhmm("to")}
    if window["to"] <= window["from"]:
        raise f.fail("to", "must be after from")
    return window


def parse_intake(body: dict) -> dict:
    f = Fields(body, ("concerns", "therapy_type", "language", "times", "budget", "location"))
    intake = {
        "concerns": f.texts("concerns", max_items=len(SPECIALTIES), choices=SPECIALTIES),
        "therapy_type": f.choice("therapy_type", THERAPY_TYPES, default="individual"),
        "language": f.text("language", max_len=2, min_len=2, default="en").lower(),
        "times": f.items("times", _time_window, max_items=21, default=[]),
        "budget": f.number("budget", lo=0, hi=10_000, default=None),
        "location": parse_location(f.text("location", max_len=10)) if f.has("location") else None,
    }
    if not intake["concerns"]:
        raise ValidationError("concerns: name at least one concern", field="concerns")
    return intake


def _suits(slot_start: datetime, times: list[dict], zone: ZoneInfo) -> bool:
    local = slot_start.astimezone(zone)
    hhmm = local.strftime("%H:%M")
    return any(w["weekday"] == local.isoweekday() and w["from"] <= hhmm < w["to"] for w in times)


def score_therapist(therapist: Therapist, intake: dict, patient_zone: ZoneInfo,
                    now: datetime) -> tuple[int, list[str]]:
    profile = therapist.profile or {}
    reasons: list[str] = []
    covered = [c for c in intake["concerns"] if c in profile.get("specialties", [])]
    score = round(50 * len(covered) / len(intake["concerns"]))
    reasons.append(f"specialises in {', '.join(covered)}" if covered
                   else "none of your concerns is among their specialties")
    price, budget = float(profile.get("price_per_session") or 0), intake["budget"]
    if budget is None:
        score += 10
    elif price <= budget:
        score += 20
        reasons.append(f"within your budget ({price:g} per session)")
    else:
        score += max(0, round(20 - 20 * (price - budget) / max(budget, 1)))
        reasons.append(f"above your budget ({price:g} per session)")
    if intake["times"]:
        booked = booked_intervals(therapist.therapist_id, now, now + LOOKAHEAD)
        fitting = [s for s in free_slots(therapist, now, now + LOOKAHEAD, booked, now)
                   if _suits(s.starts_at, intake["times"], patient_zone)]
        score += min(20, 4 * len(fitting))
        reasons.append(f"{len(fitting)} free slots at times that suit you in the next two weeks"
                       if fitting else "no free slots at the times that suit you soon")
    else:
        score += 10
    years = int(profile.get("years_experience") or 0)
    score += min(10, years)
    if years:
        reasons.append(f"{years} years of experience")
    return min(score, 100), reasons


def rank_matches(body: dict, patient: User) -> dict:
    """The approved therapists licensed where the patient is that offer the therapy type and
    language, best first. A `location` given at intake is kept as the patient's."""
    intake = parse_intake(body)
    if intake["location"] and intake["location"] != (patient.profile or {}).get(INTAKE_LOCATION):
        patient.update(actions=[User.profile.set({**(patient.profile or {}),
                                                  INTAKE_LOCATION: intake["location"]})])
    location = intake["location"] or patient_location(patient)
    intake["location"] = location
    zone, now = ZoneInfo(patient.time_zone or "UTC"), utc_now()
    matches = []
    for therapist in Therapist.by_status.query("approved"):
        profile = therapist.profile or {}
        if not covers(licensed_in(therapist), location):
            continue
        if intake["therapy_type"] not in profile.get("therapy_types", []):
            continue
        if intake["language"] not in profile.get("languages", []):
            continue
        score, reasons = score_therapist(therapist, intake, zone, now)
        reasons.insert(0, f"licensed where you are ({location}); offers "
                          f"{intake['therapy_type']} therapy in {intake['language']}")
        matches.append({"therapist": public_profile(therapist), "score": score,
                        "reasons": reasons})
    matches.sort(key=lambda m: (-m["score"], m["therapist"]["name"] or ""))
    for rank, match in enumerate(matches, 1):
        match["rank"] = rank
    return {"matches": matches, "intake": intake}
