"""`emotecare demo-session`: a confirmed session starting now, to try the two-window room locally."""
from __future__ import annotations


def register(subparsers) -> None:
    from emotecare_dev.local.seed import DEMO_USERS

    patient = next(u for u in DEMO_USERS if u.role == "patient")
    therapists = [u.email for u in DEMO_USERS if u.role == "therapist"]
    parser = subparsers.add_parser(
        "demo-session", help="book and confirm a session starting in a minute (local stack only)")
    parser.add_argument("--patient", default=patient.email, help=f"default {patient.email}")
    parser.add_argument("--therapist", action="append",
                        help=f"try this therapist (repeatable); default: {', '.join(therapists)}, "
                             "the first one free now")
    parser.set_defaults(default_therapists=therapists)
    parser.add_argument("--in-minutes", type=int, default=1, help="start this many minutes from now")
    parser.set_defaults(func=run_demo_session)


def run_demo_session(args) -> int:
    from emotecare_dev.cli.main import CommandError
    from emotecare_dev.cli.stack_env import use_local_stack_if_unconfigured
    from emotecare.db import bind_models
    from emotecare.errors import ConflictError, EmoteCareError
    from emotecare_dev.local.demo_session import create_demo_session
    from emotecare.settings import get_settings

    try:
        use_local_stack_if_unconfigured()
        settings = get_settings()
        bind_models(settings)
        demo = None
        for therapist in args.therapist or args.default_therapists:
            try:
                demo = create_demo_session(settings, args.patient, therapist, args.in_minutes)
                break
            except ConflictError as exc:  # that therapist (or the patient) is booked then
                last_conflict = exc
        if demo is None:
            raise CommandError(f"no session possible now: {last_conflict}")
    except EmoteCareError as exc:
        raise CommandError(str(exc)) from exc
    frontend = settings.frontend_url
    print(f"Confirmed session at {demo.starts_at} (joinable now).")
    print(f"  window 1: sign in as {demo.therapist_email} → {frontend}/#/room/{demo.session_id}")
    print(f"  window 2: sign in as {demo.patient_email} → {frontend}/#/dashboard → Join session")
    print("Two tabs are enough: each tab keeps its own sign-in.")
    return 0
