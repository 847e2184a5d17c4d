"""Admins vet therapists: credentials, licence number and jurisdiction are recorded."""
from __future__ import annotations

from emotecare.clock import iso_seconds, utc_now
from emotecare.accounts.tokens import Principal
from emotecare.db.models import Therapist, User
from emotecare.errors import ConflictError, ForbiddenError
from emotecare.fields import Fields
from emotecare.therapists.profiles import load_therapist, own_profile

STATUSES = ("pending", "approved", "rejected")
_REQUIRED_FOR_APPROVAL = ("name", "credentials", "licence_number", "jurisdiction")


def list_for_review(query: dict) -> dict:
    status = Fields(query, ("status",)).choice("status", STATUSES, default="pending")
    found = list(Therapist.by_status.query(status))
    emails = {u.user_id: u.email for u in User.batch_get(
        [t.therapist_id for t in found], attributes_to_get=["user_id", "email"])} if found else {}
    return {"therapists": [{**own_profile(t), "email": emails.get(t.therapist_id)}
                           for t in found]}


def approve(admin: Principal, therapist_id: str, body: dict) -> dict:
    """Approve a therapist whose licence the admin has checked; the check is recorded."""
    f = Fields(body, ("licence_verified", "notes"))
    if f.boolean("licence_verified") is not True:
        raise f.fail("licence_verified", "must be true: verify the licence before approving")
    notes = f.text("notes", max_len=1000, default="")
    therapist = load_therapist(therapist_id)
    profile = therapist.profile or {}
    missing = [name for name in _REQUIRED_FOR_APPROVAL if not profile.get(name)]
    if missing:
        raise ConflictError(f"profile incomplete: {', '.join(missing)} missing")
    record = {"decision": "approved", "by": admin.user_id, "at": iso_seconds(utc_now()),
              "licence_verified": True, "notes": notes,
              "credentials": profile["credentials"], "licence_number": profile["licence_number"],
              "jurisdiction": profile["jurisdiction"]}
    return _decide(therapist, "approved", record)


def reject(admin: Principal, therapist_id: str, body: dict) -> dict:
    reason = Fields(body, ("reason",)).text("reason", max_len=1000)
    therapist = load_therapist(therapist_id)
    record = {"decision": "rejected", "by": admin.user_id, "at": iso_seconds(utc_now()),
              "reason": reason}
    return _decide(therapist, "rejected", record)


def _decide(therapist: Therapist, status: str, record: dict) -> dict:
    if therapist.status == status:
        raise ConflictError(f"therapist is already {status}")
    profile = dict(therapist.profile or {})
    profile["approval"] = record
    profile["approval_history"] = [*profile.get("approval_history", []), record]
    therapist.update(actions=[Therapist.status.set(status), Therapist.profile.set(profile)])
    return own_profile(therapist)


def require_approved(therapist_id: str) -> Therapist:
    therapist = load_therapist(therapist_id)
    if therapist.status != "approved":
        raise ForbiddenError("your therapist account is awaiting approval by an admin")
    return therapist
