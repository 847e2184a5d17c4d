"""Free session slots: weekly availability − exceptions − bookings, DST-correct.

Sessions last 50 minutes and start on the hour in the therapist's time zone. Everything is
computed in UTC and shown in the viewer's zone; local wall-clock times that do not exist
(spring forward) are skipped and repeated ones (fall back) are offered once.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable
from zoneinfo import ZoneInfo

from emotecare.clock import iso_seconds, utc_now
from emotecare.db.models import Booking, Therapist
from emotecare.errors import ValidationError
from emotecare.fields import parse_date, parse_instant, parse_time_zone

SESSION_LENGTH = timedelta(minutes=50)
SLOT_STEP = timedelta(hours=1)
MAX_RANGE_DAYS = 31
ACTIVE_STATUSES = ("pending", "confirmed")

Interval = tuple[datetime, datetime]


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    ends_at: datetime


def _local_instant(day: date, minutes: int, zone: ZoneInfo) -> datetime | None:
    """The UTC instant of a wall-clock time in `zone`, None when it does not exist that day."""
    naive = datetime.combine(day, time()) + timedelta(minutes=minutes)
    aware = naive.replace(tzinfo=zone, fold=0)
    if aware.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) != naive:
        return None  # skipped by a DST change
    return aware.astimezone(timezone.utc)


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def candidate_slots(weekly: list[dict], zone: ZoneInfo, first: date, last: date) -> list[Slot]:
    """Every slot the weekly windows offer on the therapist's local days `first`..`last`."""
    step, length = int(SLOT_STEP.total_seconds() // 60), int(SESSION_LENGTH.total_seconds() // 60)
    found: dict[datetime, Slot] = {}
    day = first
    while day <= last:
        for window in weekly:
            if window["weekday"] != day.isoweekday():
                continue
            start, end = _minutes(window["start"]), _minutes(window["end"])
            minute = -(-start // step) * step  # first whole hour at or after the start
            while minute + length <= end:
                begins = _local_instant(day, minute, zone)
                if begins is not None:
                    found[begins] = Slot(begins, begins + SESSION_LENGTH)
                minute += step
        day += timedelta(days=1)
    return [found[k] for k in sorted(found)]


def _overlaps(slot: Slot, intervals: Iterable[Interval]) -> bool:
    return any(slot.starts_at < end and start < slot.ends_at for start, end in intervals)


def free_slots(therapist: Therapist, start: datetime, end: datetime, booked: list[Interval],
               now: datetime) -> list[Slot]:
    """Slots beginning in [start, end) that are in the future, outside exceptions and free."""
    availability = therapist.availability or {}
    zone = ZoneInfo((therapist.profile or {}).get("time_zone") or "UTC")
    first = (start.astimezone(zone) - timedelta(days=1)).date()
    last = (end.astimezone(zone) + timedelta(days=1)).date()
    exceptions = [(parse_instant(e["start"], "start"), parse_instant(e["end"], "end"))
                  for e in availability.get("exceptions", [])]
    return [slot for slot in candidate_slots(availability.get("weekly", []), zone, first, last)
            if start <= slot.starts_at < end and slot.starts_at > now
            and not _overlaps(slot, exceptions) and not _overlaps(slot, booked)]


def booked_intervals(therapist_id: str, start: datetime, end: datetime) -> list[Interval]:
    """Active bookings of the therapist overlapping [start, end) (one index query)."""
    query = Booking.by_therapist.query(
        therapist_id, Booking.starts_at.between(iso_seconds(start - SESSION_LENGTH), iso_seconds(end)),
        filter_condition=Booking.status.is_in(*ACTIVE_STATUSES))
    return [(parse_instant(b.starts_at, "starts_at"), parse_instant(b.ends_at, "ends_at"))
            for b in query]


def is_offered_slot(therapist: Therapist, starts_at: datetime, now: datetime | None = None) -> bool:
    """Whether availability and exceptions offer `starts_at` (bookings are not checked here:
    whether the time is still free is decided atomically by the slot claims)."""
    window_end = starts_at + timedelta(minutes=1)
    return any(s.starts_at == starts_at
               for s in free_slots(therapist, starts_at, window_end, [], now or utc_now()))


def slots_for_viewer(therapist: Therapist, query: dict) -> dict:
    """The free slots between two dates of the viewer's calendar, shown in their zone."""
    zone_name = parse_time_zone(query.get("tz") or "UTC", "tz")
    zone = ZoneInfo(zone_name)
    for name in ("from", "to"):
        if name not in query:
            raise ValidationError(f"{name}: is required (YYYY-MM-DD)", field=name)
    first, last = parse_date(query["from"], "from"), parse_date(query["to"], "to")
    if last < first:
        raise ValidationError("to: must not be before from", field="to")
    if (last - first).days >= MAX_RANGE_DAYS:
        raise ValidationError(f"to: at most {MAX_RANGE_DAYS} days after from", field="to")
    start = datetime.combine(first, time(), tzinfo=zone).astimezone(timezone.utc)
    end = datetime.combine(last + timedelta(days=1), time(), tzinfo=zone).astimezone(timezone.utc)
    booked = booked_intervals(therapist.therapist_id, start, end)
    slots = free_slots(therapist, start, end, booked, utc_now())
    return {"therapist_id": therapist.therapist_id, "tz": zone_name, "slots": [
        {"starts_at": iso_seconds(s.starts_at), "ends_at": iso_seconds(s.ends_at),
         "local_start": s.starts_at.astimezone(zone).isoformat(),
         "local_end": s.ends_at.astimezone(zone).isoformat()} for s in slots]}
