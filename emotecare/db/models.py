"""Core tables every area shares: people, bookings, sessions, emotion records, reports.

Areas with their own tables (chat, journal, …) add a module to `registry._MODEL_MODULES`.
Times are stored as UTC ISO-8601 strings (`…Z`) so they sort lexicographically.
"""
from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    JSONAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model


class _ByEmail(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-email"
        projection = AllProjection()

    email = UnicodeAttribute(hash_key=True)


class _UsersByRole(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-role"
        projection = AllProjection()

    role = UnicodeAttribute(hash_key=True)
    user_id = UnicodeAttribute(range_key=True)


class User(Model):
    """An account: patient, therapist or admin (`user_id` is the Cognito `sub`)."""

    class Meta:
        table_name = "users"

    user_id = UnicodeAttribute(hash_key=True)
    email = UnicodeAttribute()
    role = UnicodeAttribute()  # patient | therapist | admin
    name = UnicodeAttribute(default="")
    time_zone = UnicodeAttribute(default="UTC")
    country = UnicodeAttribute(default="US")
    created_at = UnicodeAttribute()
    profile = JSONAttribute(default=dict)
    by_email = _ByEmail()
    by_role = _UsersByRole()


class _TherapistsByStatus(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-status"
        projection = AllProjection()

    status = UnicodeAttribute(hash_key=True)
    therapist_id = UnicodeAttribute(range_key=True)


class Therapist(Model):
    """A therapist's public profile, availability and approval state."""

    class Meta:
        table_name = "therapists"

    therapist_id = UnicodeAttribute(hash_key=True)
    status = UnicodeAttribute(default="pending")  # pending | approved | rejected
    profile = JSONAttribute(default=dict)  # name, bio, specialties, price, …
    availability = JSONAttribute(default=dict)  # weekly windows + exceptions
    by_status = _TherapistsByStatus()


class _BookingsByTherapist(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-therapist"
        projection = AllProjection()

    therapist_id = UnicodeAttribute(hash_key=True)
    starts_at = UnicodeAttribute(range_key=True)


class _BookingsByPatient(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-patient"
        projection = AllProjection()

    patient_id = UnicodeAttribute(hash_key=True)
    starts_at = UnicodeAttribute(range_key=True)


class _BookingsByStartDay(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-start-day"
        projection = AllProjection()

    start_day = UnicodeAttribute(hash_key=True)  # UTC "YYYY-MM-DD": reminders query a day
    starts_at = UnicodeAttribute(range_key=True)


class Booking(Model):
    """A booked therapy session between one therapist and one patient (plus invitees).

    `status`: pending → confirmed, or declined / cancelled / late_cancelled.
    """

    class Meta:
        table_name = "bookings"

    booking_id = UnicodeAttribute(hash_key=True)
    therapist_id = UnicodeAttribute()
    patient_id = UnicodeAttribute()
    starts_at = UnicodeAttribute()
    ends_at = UnicodeAttribute()
    status = UnicodeAttribute(default="pending")
    details = JSONAttribute(default=dict)  # therapy type, message, participants, history
    start_day = UnicodeAttribute()
    session_id = UnicodeAttribute(null=True)
    reminders_sent = UnicodeSetAttribute(null=True)  # "24h", "1h": each mail sent once
    by_therapist = _BookingsByTherapist()
    by_patient = _BookingsByPatient()
    by_start_day = _BookingsByStartDay()


class SlotClaim(Model):
    """A claim on a time slot ("therapist#ID#START" / "patient#ID#START").

    Written in the same transaction as the booking with an attribute_not_exists
    condition, so two requests for one slot cannot both succeed.
    """

    class Meta:
        table_name = "slot-claims"

    claim_id = UnicodeAttribute(hash_key=True)
    booking_id = UnicodeAttribute()


class _SessionsByPatient(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-patient"
        projection = AllProjection()

    patient_id = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class ConsentChange(MapAttribute):
    analysis_on = BooleanAttribute()
    at = UnicodeAttribute()
    user_id = UnicodeAttribute(null=True)  # whose switch; None: the session's patient


class Session(Model):
    """A live session (therapy, from a booking, or self-reflect) and its analysis consent."""

    class Meta:
        table_name = "sessions"

    session_id = UnicodeAttribute(hash_key=True)
    kind = UnicodeAttribute()  # therapy | self_reflect
    patient_id = UnicodeAttribute()
    therapist_id = UnicodeAttribute(null=True)
    booking_id = UnicodeAttribute(null=True)
    state = UnicodeAttribute(default="booked")  # booked|joinable|in_progress|ended|no_show
    created_at = UnicodeAttribute()
    starts_at = UnicodeAttribute(null=True)  # the booking's start (therapy sessions)
    started_at = UnicodeAttribute(null=True)
    ended_at = UnicodeAttribute(null=True)
    analysis_on = BooleanAttribute(default=False)  # the booking patient's own switch
    # Couple and family sessions: the invitees whose own switch is on (each decides for
    # their own face only; nobody else's consent covers them).
    invitee_consent = UnicodeSetAttribute(null=True)
    consent_log = ListAttribute(of=ConsentChange, default=list)
    joined = UnicodeSetAttribute(null=True)
    # Self-reflect sessions are the patient's alone until they share one with their therapist.
    shared = BooleanAttribute(default=False)
    by_patient = _SessionsByPatient()

    def consents(self, person_id: str) -> bool:
        """Whether `person_id`'s own analysis switch is on in this session."""
        if person_id == self.patient_id:
            return bool(self.analysis_on)
        return person_id in (self.invitee_consent or ())

    def analysis_allowed_for(self, person_id: str) -> bool:
        """True while `person_id`'s frames may be analysed: in progress with their consent on."""
        return self.state == "in_progress" and self.consents(person_id)


class _RecordsByPatient(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-patient-time"
        projection = AllProjection()

    patient_id = UnicodeAttribute(hash_key=True)
    captured_at = UnicodeAttribute(range_key=True)


class EmotionRecord(Model):
    """One analysed webcam frame.

    `record_key` is "<captured_at>#<frame index in batch>#<batch id>": deterministic, so
    a batch delivered twice overwrites its own records instead of duplicating them.
    """

    class Meta:
        table_name = "emotion-records"

    session_id = UnicodeAttribute(hash_key=True)
    record_key = UnicodeAttribute(range_key=True)
    patient_id = UnicodeAttribute()
    captured_at = UnicodeAttribute()
    face_found = BooleanAttribute()
    face_box = ListAttribute(of=NumberAttribute, null=True)  # x, y, w, h in pixels
    probabilities = MapAttribute(null=True)  # label → probability
    dominant = UnicodeAttribute(null=True)
    valence = NumberAttribute(null=True)  # -1 (negative) … +1 (positive)
    model_version = UnicodeAttribute()
    latency_ms = MapAttribute(null=True)  # decode, detect, classify, total
    expires_at = TTLAttribute(null=True)
    by_patient_time = _RecordsByPatient()


class Report(Model):
    """A patient's weekly report (`week` is ISO "YYYY-Www" in the patient's time zone)."""

    class Meta:
        table_name = "reports"

    patient_id = UnicodeAttribute(hash_key=True)
    week = UnicodeAttribute(range_key=True)
    created_at = UnicodeAttribute()
    summary = JSONAttribute(default=dict)
    html_key = UnicodeAttribute(null=True)
    notified_at = UnicodeAttribute(null=True)  # when "your report is ready" was emailed
