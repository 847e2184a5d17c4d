"""Read and write plans: the current plan, its versions (saved with it in one transaction),
custom values and homework ticks. Key queries only."""
from __future__ import annotations

import functools

from pynamodb.connection import Connection
from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from emotecare.db.plans import CarePlan, CarePlanEntry, CarePlanVersion
from emotecare.errors import ConflictError

NO_REVIEW = "9999-12-31"
MAX_VERSIONS_LISTED = 100


@functools.lru_cache(maxsize=4)
def _connection(region: str, host: str | None) -> Connection:
    return Connection(region=region, host=host)


def load_plan(patient_id: str, therapist_id: str) -> CarePlan | None:
    try:
        return CarePlan.get(patient_id, therapist_id)
    except DoesNotExist:
        return None


def _version_key(therapist_id: str, version: int) -> str:
    return f"{therapist_id}#{version:06d}"


def save_plan(patient_id: str, therapist_id: str, body: dict, expected: int, saved_at: str,
              saved_by: str) -> CarePlan:
    """Store `body` as version `expected + 1`; 409 when someone saved since `expected`."""
    version = expected + 1
    reviews = [goal["review_by"] for goal in body["goals"]]
    plan = CarePlan(patient_id, therapist_id, version=version, body=body, updated_at=saved_at,
                    updated_by=saved_by, next_review_by=min(reviews, default=NO_REVIEW))
    snapshot = CarePlanVersion(patient_id, _version_key(therapist_id, version),
                               therapist_id=therapist_id, version=version, body=body,
                               saved_at=saved_at, saved_by=saved_by)
    unchanged = (CarePlan.version.does_not_exist() if expected == 0
                 else CarePlan.version == expected)
    try:
        with TransactWrite(connection=_connection(CarePlan.Meta.region, CarePlan.Meta.host)) as tx:
            tx.save(plan, condition=unchanged)
            tx.save(snapshot, condition=CarePlanVersion.version_key.does_not_exist())
    except TransactWriteError as exc:
        raise ConflictError("the plan was changed meanwhile: reload it and make your "
                            "changes again") from exc
    return plan


def list_versions(patient_id: str, therapist_id: str) -> list[CarePlanVersion]:
    """Versions of the pair's plan, newest first."""
    return list(CarePlanVersion.query(
        patient_id, CarePlanVersion.version_key.startswith(f"{therapist_id}#"),
        scan_index_forward=False, limit=MAX_VERSIONS_LISTED))


def plans_for_review(therapist_id: str, today: str) -> list[CarePlan]:
    """The therapist's current plans with a goal whose review date is before `today`."""
    return list(CarePlan.by_therapist_review.query(
        therapist_id, CarePlan.next_review_by < today))


def record_value(patient_id: str, therapist_id: str, goal_id: str, value: float,
                 recorded_at: str) -> CarePlanEntry:
    entry = CarePlanEntry(patient_id, f"value#{therapist_id}#{goal_id}#{recorded_at}",
                          value=value, recorded_at=recorded_at, recorded_by=therapist_id)
    entry.save()
    return entry


def _tick_prefix(therapist_id: str, intervention_id: str) -> str:
    return f"tick#{therapist_id}#{intervention_id}#"


def set_tick(patient_id: str, therapist_id: str, intervention_id: str, day: str, done: bool,
             recorded_at: str) -> None:
    entry = CarePlanEntry(patient_id, f"{_tick_prefix(therapist_id, intervention_id)}{day}",
                          recorded_at=recorded_at, recorded_by=patient_id)
    if done:
        entry.save()
    else:
        entry.delete()


def ticked_days(patient_id: str, therapist_id: str, intervention_id: str, since_day: str) -> list[str]:
    """Days (YYYY-MM-DD, oldest first) the patient ticked the intervention's homework."""
    prefix = _tick_prefix(therapist_id, intervention_id)
    rows = CarePlanEntry.query(patient_id, CarePlanEntry.entry_key.between(
        f"{prefix}{since_day}", f"{prefix}9999"))
    return [row.entry_key[len(prefix):] for row in rows]
