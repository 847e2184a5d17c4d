"""`emotecare up`: start the whole platform on this machine (moto, API, front end, events)."""
from __future__ import annotations

import signal
import threading
from pathlib import Path

from emotecare.errors import SettingsError


def register(subparsers) -> None:
    from emotecare_dev.local.stack import StackOptions

    defaults = StackOptions()
    parser = subparsers.add_parser("up", help="start the local stack (Ctrl-C stops it)")
    parser.add_argument("--aws-port", type=int, default=defaults.aws_port,
                        help="moto server port (0: any free port)")
    parser.add_argument("--api-port", type=int, default=defaults.api_port)
    parser.add_argument("--frontend-port", type=int, default=defaults.frontend_port)
    parser.add_argument("--turn-port", type=int, default=defaults.turn_port,
                        help="coturn's port on 127.0.0.1, UDP and TCP (0: any free port)")
    parser.add_argument("--stripe-port", type=int, default=defaults.stripe_port,
                        help="localstripe (the Stripe stand-in) port (0: any free port)")
    parser.add_argument("--data-dir", type=Path, default=defaults.data_dir,
                        help="where state is kept between runs")
    parser.add_argument("--no-seed", action="store_true", help="skip the demo accounts")
    parser.set_defaults(func=run_up)


def run_up(args) -> int:
    from emotecare_dev.cli.main import CommandError
    from emotecare_dev.local.seed import DEMO_USERS
    from emotecare_dev.local.stack import LocalStack, StackOptions
    from emotecare_dev.local.state_file import remove_stack_file, write_stack_file
    from emotecare.settings import settings_to_env

    options = StackOptions(aws_port=args.aws_port, api_port=args.api_port,
                           frontend_port=args.frontend_port, turn_port=args.turn_port,
                           stripe_port=args.stripe_port,
                           data_dir=args.data_dir.resolve(),
                           seed=not args.no_seed)
    stack = LocalStack(options)
    stopped = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopped.set())
    try:
        settings = stack.start()
    except SettingsError as exc:
        raise CommandError(str(exc)) from exc
    urls = {"frontend": stack.frontend_url, "api": stack.api_url,
            "health": f"{stack.api_url}/health", "aws": stack.emulator.endpoint,
            "stripe": stack.stripe.url}
    write_stack_file(options.data_dir, settings_to_env(settings), urls)
    print("EmoteCare is running locally (Ctrl-C stops it; data is kept in "
          f"{options.data_dir}).", flush=True)
    for name, url in urls.items():
        print(f"  {name:<9} {url}", flush=True)
    if options.seed:
        print("Demo sign-in:", flush=True)
        for user in DEMO_USERS:
            print(f"  {user.role:<9} {user.email} / {user.password}", flush=True)
    print(f"Scheduled: {', '.join(stack.scheduler.jobs) or 'none'}", flush=True)
    stopped.wait()
    print("Stopping…", flush=True)
    stack.stop()
    remove_stack_file(options.data_dir)
    print("Stopped; state saved.", flush=True)
    return 0
