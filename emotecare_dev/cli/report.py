"""`emotecare report`: compile weekly reports on demand."""
from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser("report", help="compile weekly reports now")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--now", action="store_true",
                       help="do what the weekly schedule does: queue last week's fan-out job; "
                            "the report worker queues and compiles every patient")
    group.add_argument("--week", help="ISO week to compile, e.g. 2026-W47: queues every "
                                      "patient's job now (or compiles one with --patient)")
    parser.add_argument("--patient", help="only this patient's report (with --week)")
    parser.set_defaults(func=run_report)


def run_report(args) -> int:
    from emotecare_dev.cli.main import CommandError
    from emotecare_dev.cli.stack_env import use_local_stack_if_unconfigured
    from emotecare.db import bind_models
    from emotecare.errors import EmoteCareError
    from emotecare.reports.compile import compile_weekly_report
    from emotecare.reports.scheduling import enqueue_weekly_reports, start_weekly_fanout
    from emotecare.settings import get_settings

    if args.patient and not args.week:
        raise CommandError("--patient needs --week")
    try:
        use_local_stack_if_unconfigured()
        settings = get_settings()
        bind_models(settings)
        if args.patient:
            report = compile_weekly_report(args.patient, args.week, settings)
            summary = report.summary
            print(f"compiled {report.week} for {report.patient_id}: "
                  f"{'empty' if summary['empty'] else str(summary['emotions']['frames']) + ' frame(s)'}, "
                  f"{summary['sessions']['attended']} therapy / {summary['sessions']['self_reflect']} "
                  f"self-reflect session(s); html s3://{settings.reports_bucket}/{report.html_key}")
            return 0
        if args.now:
            week = start_weekly_fanout(settings)
            print(f"queued the fan-out of {week}; the report worker queues and compiles "
                  "every patient's report")
            return 0
        queued = enqueue_weekly_reports(settings, week=args.week)
    except EmoteCareError as exc:
        raise CommandError(str(exc)) from exc
    print(f"queued {queued} report job(s) for {args.week}; the report worker compiles them")
    return 0
