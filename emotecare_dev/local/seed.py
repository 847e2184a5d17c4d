"""Demo data for the local stack: an admin, two approved therapists with availability, a patient
in the care of one of them (a request the therapist accepted), and the resources library from
the repo's seed file."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from emotecare import aws
from emotecare.accounts.tokens import Principal
from emotecare.care import relationships
from emotecare.db.models import Therapist, User
from emotecare.library.store import seed_library
from emotecare.settings import Settings


@dataclass(frozen=True)
class DemoUser:
    email: str
    password: str
    role: str
    name: str
    time_zone: str


DEMO_USERS = (
    DemoUser("admin@emotecare.example", "Demo-Admin-2026", "admin", "Ada Admin", "UTC"),
    DemoUser("dr.rivera@emotecare.example", "Demo-Therapist-2026", "therapist",
             "Dr. Elena Rivera", "America/New_York"),
    DemoUser("dr.okafor@emotecare.example", "Demo-Therapist-2026", "therapist",
             "Dr. Chidi Okafor", "Europe/London"),
    DemoUser("sam@emotecare.example", "Demo-Patient-2026", "patient", "Sam Patel",
             "Europe/London"),
    # Signed up but not yet vetted: the admin's review queue has someone in it.
    DemoUser("dr.novak@emotecare.example", "Demo-Therapist-2026", "therapist",
             "Dr. Petra Novak", "Europe/Prague"),
)

_THERAPIST_PROFILES = {
    "dr.rivera@emotecare.example": {
        "bio": "Cognitive behavioural therapist helping adults with anxiety and stress.",
        "credentials": "PsyD, Licensed Clinical Psychologist", "licence_number": "NY-PSY-024871",
        "jurisdiction": "US-NY, GB", "years_experience": 12,
        "therapy_types": ["individual", "couple"],
        "specialties": ["anxiety", "stress", "depression"], "languages": ["en", "es"],
        "price_per_session": 60, "currency": "USD", "photo_url": "img/therapist-1.svg",
    },
    "dr.okafor@emotecare.example": {
        "bio": "Integrative counsellor for grief, trauma and family relationships.",
        "credentials": "MSc, BACP accredited counsellor", "licence_number": "BACP-381245",
        "jurisdiction": "UK", "years_experience": 8,
        "therapy_types": ["individual", "family"],
        "specialties": ["grief", "trauma", "relationships"], "languages": ["en"],
        "price_per_session": 45, "currency": "USD", "photo_url": "img/therapist-2.svg",
    },
    "dr.novak@emotecare.example": {
        "bio": "Psychotherapist for anxiety, sleep and work stress.",
        "credentials": "Mgr., Czech Psychotherapy Society", "licence_number": "CZ-PSY-5521",
        "jurisdiction": "CZ", "years_experience": 6, "therapy_types": ["individual"],
        "specialties": ["anxiety", "sleep", "work"], "languages": ["en", "cs"],
        "price_per_session": 35, "currency": "EUR", "photo_url": "img/therapist-1.svg",
    },
}
_APPROVED = ("dr.rivera@emotecare.example", "dr.okafor@emotecare.example")
# The demo patient is in this therapist's care from the start, so messages, check-ins and
# reports reach a therapist before anyone books (README "Demo users").
_CARE = ("sam@emotecare.example", "dr.okafor@emotecare.example")

# Weekly windows in the therapist's own time zone (ISO weekday 1 = Monday).
_WEEKLY_AVAILABILITY = {
    "dr.rivera@emotecare.example": [{"weekday": d, "start": "09:00", "end": "17:00"}
                                    for d in (1, 2, 3, 4, 5)],
    "dr.okafor@emotecare.example": [{"weekday": d, "start": "10:00", "end": "18:00"}
                                    for d in (1, 3, 5, 6)],
    "dr.novak@emotecare.example": [{"weekday": d, "start": "08:00", "end": "14:00"}
                                   for d in (1, 2, 3, 4)],
}


def seed_demo_data(settings: Settings) -> bool:
    """Create the demo accounts and resources unless they exist; True when anything was created."""
    cognito = aws.client("cognito-idp", settings)
    created = False
    for demo in DEMO_USERS:
        existing = list(User.by_email.query(demo.email, limit=1))
        if existing:
            continue
        user_id = _create_cognito_user(cognito, settings.user_pool_id, demo)
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        User(user_id, email=demo.email, role=demo.role, name=demo.name,
             time_zone=demo.time_zone, country="GB" if "London" in demo.time_zone else "US",
             created_at=now, profile={"status": "active"}).save()
        if demo.role == "therapist":
            profile = {"name": demo.name, "time_zone": demo.time_zone,
                       **_THERAPIST_PROFILES[demo.email]}
            approved = demo.email in _APPROVED
            if approved:
                profile["approval"] = {
                    "decision": "approved", "by": "seed", "at": now, "licence_verified": True,
                    "notes": "demo data", "credentials": profile["credentials"],
                    "licence_number": profile["licence_number"],
                    "jurisdiction": profile["jurisdiction"]}
            Therapist(user_id, status="approved" if approved else "pending", profile=profile,
                      availability={"weekly": _WEEKLY_AVAILABILITY[demo.email],
                                    "exceptions": []}).save()
        created = True
    if created:
        _start_care(*_CARE)
    return seed_library() > 0 or created


def _start_care(patient_email: str, therapist_email: str) -> None:
    """The patient asks the therapist for care and the therapist accepts, as in the app."""
    patient, therapist = (next(iter(User.by_email.query(e, limit=1))) for e in
                          (patient_email, therapist_email))
    if relationships.pair_records(patient.user_id, therapist.user_id):
        return
    relationships.request_care(Principal(patient.user_id, patient.email, "patient"),
                               therapist.user_id)
    relationships.accept(Principal(therapist.user_id, therapist.email, "therapist"),
                         patient.user_id)
    patient.update(actions=[User.profile.set({**(patient.profile or {}),
                                              "therapist_id": therapist.user_id})])


def _create_cognito_user(cognito, pool_id: str, demo: DemoUser) -> str:
    response = cognito.admin_create_user(
        UserPoolId=pool_id, Username=demo.email, MessageAction="SUPPRESS",
        UserAttributes=[{"Name": "email", "Value": demo.email},
                        {"Name": "email_verified", "Value": "true"},
                        {"Name": "name", "Value": demo.name}])
    cognito.admin_set_user_password(UserPoolId=pool_id, Username=demo.email,
                                    Password=demo.password, Permanent=True)
    cognito.admin_add_user_to_group(UserPoolId=pool_id, Username=demo.email, GroupName=demo.role)
    return next(a["Value"] for a in response["User"]["Attributes"] if a["Name"] == "sub")
