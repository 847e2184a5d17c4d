"""Weekly availability (in the therapist's own time zone) and exceptions (time off)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from emotecare.clock import iso_seconds, utc_now
from emotecare.accounts.tokens import Principal
from emotecare.db.models import Therapist
from emotecare.errors import ValidationError
from emotecare.fields import Fields, check_year
from emotecare.therapists.profiles import _own_record, own_profile


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _day(moment: datetime, zone: ZoneInfo) -> str:
    """"Mon 4 Jan 2027": a date as the therapist reads it, on their own calendar."""
    local = moment.astimezone(zone)
    return f"{local:%a} {local.day} {local:%b %Y}"


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _weekly_window(item, name: str) -> dict:
    f = Fields(item, ("weekday", "start", "end"), prefix=name)
    window = {"weekday": f.integer("weekday", lo=1, hi=7), "start": f.hhmm("start"),
              "end": f.hhmm("end")}
    if _minutes(window["end"]) <= _minutes(window["start"]):
        day = _WEEKDAYS[window["weekday"] - 1]
        raise ValidationError(f"Your {day} window ends before it starts ({window['start']} to "
                              f"{window['end']}): choose an end time after the start time.",
                              field=f.name("end"))
    return window


def _local_or_utc(value, name: str, zone: ZoneInfo) -> datetime:
    """An exception bound: ISO with offset, or a local date-time in the therapist's zone."""
    if isinstance(value, str) and len(value) <= 40:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            parsed = None
        if parsed is not None:
            check_year(parsed, name)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
    raise ValidationError(f"{name}: must be an ISO-8601 date-time", field=name)


def _exception(zone: ZoneInfo):
    def parse(item, name: str) -> dict:
        f = Fields(item, ("start", "end", "reason"), prefix=name)
        start = _local_or_utc(item.get("start"), f.name("start"), zone)
        end = _local_or_utc(item.get("end"), f.name("end"), zone)
        if end <= start:
            raise ValidationError(f"Days off from {_day(start, zone)} end before they start "
                                  f"({_day(end, zone)}): choose a last day on or after the first.",
                                  field=f.name("end"))
        if end <= utc_now():
            raise ValidationError(f"Days off ending {_day(end, zone)} are already over: remove "
                                  "them or choose days ahead.", field=f.name("end"))
        return {"start": iso_seconds(start), "end": iso_seconds(end),
                "reason": f.text("reason", max_len=200, default="")}
    return parse


def set_availability(principal: Principal, body: dict) -> dict:
    """Replace the therapist's weekly windows and exceptions."""
    f = Fields(body, ("weekly", "exceptions"))
    therapist = _own_record(principal)
    zone = ZoneInfo((therapist.profile or {}).get("time_zone") or "UTC")
    weekly = f.items("weekly", _weekly_window, max_items=50)
    exceptions = f.items("exceptions", _exception(zone), max_items=200, default=[])
    therapist.update(actions=[Therapist.availability.set(
        {"weekly": weekly, "exceptions": sorted(exceptions, key=lambda e: e["start"])})])
    return own_profile(therapist)
