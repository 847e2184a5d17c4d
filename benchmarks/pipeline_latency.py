#!/usr/bin/env python3
"""Frame pipeline latency and inference cost, measured on the local stack.

Starts `emotecare up` (its own data folder and free ports), then for 1 and for 5 concurrent
sessions streams real face photos at 2 frames/s the way the front end does (a batch every
`--batch-s` seconds through a presigned POST) while the therapist's side reads the feed as
the dashboard does (long polls of up to `--wait-s`, the next one as soon as one returns).
Sessions start at phases spread evenly over the batch period, as independent sessions
would, and each asks for the next batch's upload grant as soon as it uses one, as the front
end does. Per frame it measures capture → visible in the feed (including the wait for the
batch to fill) and batch sent → visible (the pipeline alone), split into sent → classified
in the handler and classified → seen by the poller. Inference ms/frame comes from the
records' own latency figures (inside the handler); handler ms/batch from its log lines.
Prints the figures and the Lambda vs Rekognition cost per 1,000 frames.

    python benchmarks/pipeline_latency.py [--seconds 30] [--batch-s 2] [--wait-s 5] [--poll-s 0]

`--changes` plays instead real photos of ../shared/datasets/photos-dev.zip (the insight-panel
browser test's happy, sad and surprised exemplars, framed as its fake camera shows them) whose
expression changes on a schedule (every 5-15 s, seeded), sent two ways in the same run:
today's fixed 2-s batches, and the front end's send-on-change policy (frames.js, simulated
here tick by tick with its own constants, read from that file). Per change it measures change
→ visible (the first record of a frame of the new face seen by the reader) and change →
headline (the feed's reading names the new expression), for 1 and 5 sessions, and the cost
of each policy per 1,000 frames and per session-hour.

    python benchmarks/pipeline_latency.py --changes [--seconds 90]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from emotecare.pipeline.batch_format import Frame, encode_batch  # noqa: E402
from tests.support.accounts import make_user  # noqa: E402
from tests.support.frames import BENCHMARK_FACES, face_jpeg, upload  # noqa: E402
from tests.support.sessions import live_session  # noqa: E402
from tests.support.stack import StackProcess  # noqa: E402

FPS = 2
# Lambda prices (us-east-1 / eu-west-2 list prices, per GB-second and per request).
PRICE_GB_S = {"x86_64": 0.0000166667, "arm64": 0.0000133334}
PRICE_REQUEST = 0.20 / 1_000_000
REKOGNITION_PER_1000 = 1.00
# 1,769 MB is where Lambda gives a function one full vCPU. The handler is CPU-bound and
# single-threaded, so below that the same work takes proportionally longer (same GB-s, more
# latency) and above it the extra CPU sits idle. The ms measured here are on one local core,
# taken as the time on one vCPU. Costs are given at that size and at the deployed one.
ONE_VCPU_MB = 1769
# Waiting on AWS per batch (not CPU): session + ledger reads, S3 GET and DELETE, one PutItem
# per frame (~4), the ledger write: ~9 in-region calls at ~10 ms. An assumption, not measured.
AWS_IO_MS_PER_BATCH = 90


def deployed_memory_mb() -> int:
    """The inference function's memory in the deployment parameters (infra/stages.json)."""
    stages = json.loads((ROOT / "infra" / "stages.json").read_text())
    return int(stages["defaults"]["inference"]["memory_mb"])


class SessionRun:
    """One patient streaming frames and one therapist polling the feed."""

    def __init__(self, stack, index: int, seconds: float, batch_s: float, poll_s: float,
                 drain_s: float, phase_s: float = 0.0, wait_s: float = 0.0):
        self.patient, self.therapist = make_user(stack, "patient"), make_user(stack, "therapist")
        self.session_id = live_session(stack, self.patient, self.therapist)
        self.seconds, self.batch_s, self.poll_s, self.drain_s = seconds, batch_s, poll_s, drain_s
        self.wait_s = wait_s
        self.jpegs = [face_jpeg(name) for name in BENCHMARK_FACES]
        self.offset = index
        self.phase_s = phase_s
        self.captured: dict[str, float] = {}  # captured_at ISO → capture wall time
        self.sent: dict[str, float] = {}  # captured_at ISO → batch upload start
        self.visible: dict[str, float] = {}
        self.done = threading.Event()
        self._grants = ThreadPoolExecutor(max_workers=1)
        self._next_grant: Future | None = None
        self._grant_lock = threading.Lock()

    def stream(self) -> None:
        time.sleep(self.phase_s)
        # As the front end's timers do: the first frame one interval in, the batch sent with
        # the frame that completes its period (ages 1.5, 1.0, 0.5 and 0 s at 2 s batches).
        batch_started = time.time()
        frames, senders, next_capture, end = [], [], batch_started + 1 / FPS, batch_started + self.seconds
        i = 0
        while time.time() < end:
            time.sleep(max(0.0, next_capture - time.time()))
            now_ms = int(time.time() * 1000)
            frames.append(Frame(now_ms, self.jpegs[(i + self.offset) % len(self.jpegs)]))
            i += 1
            next_capture += 1 / FPS
            if time.time() - batch_started >= self.batch_s - 1e-3 or len(frames) == 20:
                # Sent in the background, as the browser's fetch is: capture keeps its pace.
                sender = threading.Thread(target=self._send, args=(frames,))
                sender.start()
                senders.append(sender)
                frames, batch_started = [], batch_started + self.batch_s
        if frames:
            self._send(frames)
        for sender in senders:
            sender.join()
        time.sleep(self.drain_s)  # let the last batches arrive
        self.done.set()

    def _take_grant(self) -> dict:
        """The grant asked for after the previous batch (as the front end does), and the next."""
        with self._grant_lock:
            pending = self._next_grant or self._grants.submit(self._request_grant)
            self._next_grant = self._grants.submit(self._request_grant)
        return pending.result()

    def _request_grant(self) -> dict:
        return self.patient.post(f"/sessions/{self.session_id}/frames/grant").json()

    def _send(self, frames: list[Frame]) -> None:
        sent = time.time()
        grant = self._take_grant()
        for frame in frames:
            key = _iso_ms(frame.captured_at_ms)
            self.captured[key], self.sent[key] = frame.captured_at_ms / 1000, sent
        upload(grant, encode_batch(frames))

    def poll(self) -> None:
        cursor = None
        while not self.done.is_set():
            params = {"since": cursor, "wait": self.wait_s} if cursor else {"wait": self.wait_s}
            feed = self.therapist.get(f"/sessions/{self.session_id}/feed", params=params).json()
            seen = time.time()
            for record in feed["records"]:
                self.visible.setdefault(record["captured_at"], seen)
            self.on_feed(feed, seen)
            cursor = feed["next"] or cursor
            time.sleep(self.poll_s)

    def on_feed(self, feed: dict, seen: float) -> None:
        """What a mode records of each feed answer beyond when its records became visible."""


def _iso_ms(epoch_ms: int) -> str:
    from emotecare.clock import iso_from_ms
    return iso_from_ms(epoch_ms)


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run_scenario(stack, sessions: int, args) -> dict:
    # Independent sessions start at unrelated moments, so their batches are spread over the
    # batch period rather than all landing in the same instant.
    runs = [SessionRun(stack, i, args.seconds, args.batch_s, args.poll_s, args.drain_s,
                       phase_s=i * args.batch_s / sessions, wait_s=args.wait_s)
            for i in range(sessions)]
    threads = [threading.Thread(target=target) for run in runs for target in (run.stream, run.poll)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    capture, pipeline, to_handler, to_reader, lost = [], [], [], [], 0
    records = {run.session_id: list(_session_records(stack, run.session_id)) for run in runs}
    for run in runs:
        handled = handled_times(records[run.session_id])
        for key, captured in run.captured.items():
            if key not in run.visible:
                lost += 1
                continue
            capture.append(run.visible[key] - captured)
            pipeline.append(run.visible[key] - run.sent[key])
            if key in handled:
                to_handler.append(handled[key] - run.sent[key])
                to_reader.append(run.visible[key] - handled[key])
    return {"sessions": sessions, "frames": len(capture), "not_seen": lost,
            "capture_p50_s": _pct(capture, 0.5), "capture_p95_s": _pct(capture, 0.95),
            "pipeline_p50_s": _pct(pipeline, 0.5), "pipeline_p95_s": _pct(pipeline, 0.95),
            "to_handler_p50_s": _pct(to_handler, 0.5), "to_handler_p95_s": _pct(to_handler, 0.95),
            "to_reader_p50_s": _pct(to_reader, 0.5), "to_reader_p95_s": _pct(to_reader, 0.95),
            "records": records}


def _session_records(stack, session_id: str):
    dynamodb = stack.client("dynamodb")
    table = f"{stack.env['EMOTECARE_TABLE_PREFIX']}-emotion-records"
    pages = dynamodb.get_paginator("query").paginate(
        TableName=table, KeyConditionExpression="session_id = :s",
        ExpressionAttributeValues={":s": {"S": session_id}})
    for page in pages:
        yield from page["Items"]


def handled_times(items: list[dict]) -> dict[str, float]:
    """captured_at → when the handler had classified the frame (from the record's latency)."""
    return {item["captured_at"]["S"]:
            _epoch_s(item["captured_at"]["S"]) + float(item["latency_ms"]["M"]["capture_to_stored"]["N"]) / 1000
            for item in items}


def _epoch_s(iso: str) -> float:
    from emotecare.clock import ms_from_iso
    return ms_from_iso(iso) / 1000


def inference_figures(stack, records: dict[str, list[dict]]) -> dict:
    """ms/frame inside the handler, from the stored records and the handler's log lines."""
    per_frame, cpu_frame, faces = [], [], 0
    for items in records.values():
        for item in items:
            latency = item["latency_ms"]["M"]
            per_frame.append(float(latency["total"]["N"]))
            cpu_frame.append(float(latency["cpu"]["N"]))
            faces += item["face_found"]["BOOL"]
    handler_ms, handler_cpu_ms, frames_per_batch = [], [], []
    for line in stack.log().splitlines():
        if line.startswith("{") and '"frame batch processed"' in line:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:  # two processes' lines interleaved: rare, skipped
                continue
            if entry.get("session") in records and not entry.get("duplicate"):
                handler_ms.append(entry["handler_ms"])
                handler_cpu_ms.append(entry["handler_cpu_ms"])
                frames_per_batch.append(entry["frames"])
    return {"frames": len(per_frame), "face_share": faces / max(len(per_frame), 1),
            "inference_ms_p50": _pct(per_frame, 0.5), "inference_ms_mean": statistics.mean(per_frame),
            "cpu_ms_p50": _pct(cpu_frame, 0.5), "cpu_ms_mean": statistics.mean(cpu_frame),
            "handler_ms_per_batch_mean": statistics.mean(handler_ms),
            "handler_cpu_ms_per_batch_mean": statistics.mean(handler_cpu_ms),
            "frames_per_batch_mean": statistics.mean(frames_per_batch)}


def cost_per_1000(figures: dict, memory_mb: int) -> dict:
    """$ per 1,000 frames on Lambda at `memory_mb`, one invocation per batch.

    Billed time per batch = the handler's CPU time (what it takes on a dedicated vCPU; the
    wall time here is inflated by the shared machine) + AWS_IO_MS_PER_BATCH for its calls.
    """
    batches = 1000 / figures["frames_per_batch_mean"]
    billed_ms = figures["handler_cpu_ms_per_batch_mean"] + AWS_IO_MS_PER_BATCH
    seconds = batches * billed_ms / 1000
    gb_s = seconds * memory_mb / 1024
    costs = {arch: gb_s * price + batches * PRICE_REQUEST for arch, price in PRICE_GB_S.items()}
    return {**costs, "gb_s": gb_s}


FRAMES_JS = ROOT / "frontend" / "js" / "room" / "frames.js"


def frames_js_constants() -> dict[str, float]:
    """The sending policy's numbers as the front end has them (`export const NAME = number;`)."""
    text = FRAMES_JS.read_text()
    return {name: float(value) for name, value in
            re.findall(r"^export const ([A-Z_]+) = ([0-9.]+);", text, flags=re.MULTILINE)}


class BrowserSender:
    """When the page captures a frame and when it sends a batch, tick by tick, as frames.js does.

    `on_change=False` is the policy before issue 25: a frame every 500 ms, a batch every 2 s.
    """

    def __init__(self, on_change: bool, constants: dict[str, float], seed: int):
        import numpy as np

        self.on_change, self.c, self.noise = on_change, constants, np.random.default_rng(seed)
        self.last_capture = self.last_flush = self.earned_at = None
        self.sent_thumb = self.newest_thumb = None
        self.early_sends = constants["EARLY_SENDS_HELD"]
        self.follow_up_at: float | None = None
        self.early = 0

    def thumbnail(self, gray):
        import cv2
        import numpy as np

        thumb = cv2.resize(gray, (int(self.c["THUMB_WIDTH"]), int(self.c["THUMB_HEIGHT"])),
                           interpolation=cv2.INTER_AREA).astype(np.int16)
        # A webcam's sensor noise between frames (numpy's generator: the simulated pages must
        # not hold the interpreter's lock from the threads that send and read).
        return np.clip(thumb + self.noise.normal(0, 3, thumb.shape), 0, 255)

    def changed(self, thumb) -> bool:
        import numpy as np

        share = float(np.mean(np.abs(thumb - self.sent_thumb) > self.c["PIXEL_CHANGED_AT"]))
        return share >= self.c["CHANGED_SHARE_AT"]

    def take_early_send(self, now_ms: float) -> bool:
        self.early_sends = min(self.c["EARLY_SENDS_HELD"],
                               self.early_sends + (now_ms - self.earned_at) / self.c["EARLY_SEND_EARNED_MS"])
        self.earned_at = now_ms
        if self.early_sends < 1:
            return False
        self.early_sends -= 1
        return True

    def tick(self, now_ms: float, gray) -> tuple[bool, bool]:
        """(capture a frame now, send the batch now) at this tick."""
        if self.last_flush is None:
            self.last_flush = self.earned_at = now_ms
            self.last_capture = 0.0 if self.on_change else now_ms
        if not self.on_change:
            capture = now_ms - self.last_capture >= self.c["FRAME_INTERVAL_MS"] - 1
            self.last_capture = now_ms if capture else self.last_capture
            send = now_ms - self.last_flush >= self.c["BATCH_INTERVAL_MS"] - 1
            self.last_flush = now_ms if send else self.last_flush
            return capture, send
        if self.follow_up_at is not None:  # the second frame of a change, then the batch
            if now_ms < self.follow_up_at:
                return False, False
            self.follow_up_at = None
            self.early += 1
            return self._captured(now_ms, self.thumbnail(gray)), self._flushed(now_ms)
        thumb = self.thumbnail(gray)
        first = self.sent_thumb is None
        if first or (self.changed(thumb) and self.take_early_send(now_ms)):
            self.follow_up_at = now_ms + self.c["FOLLOW_UP_MS"]
            return self._captured(now_ms, thumb), False
        capture = now_ms - self.last_capture >= self.c["FRAME_INTERVAL_MS"] - 1
        if capture:
            self._captured(now_ms, thumb)
        send = now_ms - self.last_flush >= self.c["BATCH_INTERVAL_MS"] - 1
        return capture, self._flushed(now_ms) if send else False

    def _captured(self, now_ms: float, thumb) -> bool:
        self.last_capture, self.newest_thumb = now_ms, thumb
        return True

    def _flushed(self, now_ms: float) -> bool:
        self.last_flush, self.sent_thumb = now_ms, self.newest_thumb
        return True


def change_photos() -> list[tuple[str, bytes, object]]:
    """(expression, 320x240 JPEG, its grey pixels) for each exemplar, framed as the fake camera does."""
    import zipfile

    import cv2
    import numpy as np

    from tests.browser.test_insight_panel import EXEMPLARS
    from tests.browser.y4m import webcam_frame
    from tests.support.datasets import shared_dataset

    archive_path = shared_dataset("photos-dev.zip")
    if archive_path is None:
        raise SystemExit("--changes needs ../shared/datasets/photos-dev.zip")
    photos = []
    with zipfile.ZipFile(archive_path) as archive:
        for label, name in EXEMPLARS:
            gray = cv2.imdecode(np.frombuffer(archive.read(name), np.uint8), cv2.IMREAD_GRAYSCALE)
            frame = cv2.resize(webcam_frame(gray, 128, 48), (320, 240), interpolation=cv2.INTER_AREA)
            jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 80])[1].tobytes()
            photos.append((label, jpeg, cv2.cvtColor(frame, cv2.COLOR_RGB2GRAY)))
    return photos


class ChangingSessionRun(SessionRun):
    """A patient whose expression changes every 5-15 s, sent by `BrowserSender`."""

    TICK_S = 0.1

    def __init__(self, stack, index: int, args, photos, on_change: bool):
        super().__init__(stack, index, args.seconds, args.batch_s, args.poll_s, args.drain_s,
                         wait_s=args.wait_s)
        # The schedule has its own generator, so both policies play the same changes.
        self.photos, self.rng = photos, random.Random(1000 + index)
        self.sender = BrowserSender(on_change, frames_js_constants(), 2000 + index)
        self.changes: list[tuple[float, str]] = []  # (wall time the camera changed, expression)
        self.headlines: list[tuple[float, str | None]] = []  # (wall time seen, reading's expression)
        self.phase_s = index * 2.0 / 5 + self.rng.uniform(0, 1)

    def stream(self) -> None:
        time.sleep(self.phase_s)
        start = time.time()
        end, order, frames, senders = start + self.seconds, list(range(len(self.photos))), [], []
        photo = self.rng.choice(order)
        next_change = start + self.rng.uniform(5, 15)
        self.changes.append((start, self.photos[photo][0]))
        tick = start
        while tick < end:
            time.sleep(max(0.0, tick - time.time()))
            if time.time() >= next_change:
                photo = self.rng.choice([i for i in order if i != photo])
                self.changes.append((time.time(), self.photos[photo][0]))
                next_change += self.rng.uniform(5, 15)
            label, jpeg, gray = self.photos[photo]
            capture, send = self.sender.tick(time.time() * 1000, gray)
            if capture:
                frames.append(Frame(int(time.time() * 1000), jpeg))
            if send and frames:
                sender = threading.Thread(target=self._send, args=(frames,))
                sender.start()
                senders.append(sender)
                frames = []
            tick += self.TICK_S
        for sender in senders:
            sender.join()
        time.sleep(self.drain_s)
        self.done.set()

    def on_feed(self, feed: dict, seen: float) -> None:  # the headline each answer shows
        self.headlines.append((seen, (feed.get("reading") or {}).get("expression")))

    def change_latencies(self) -> tuple[list[float], list[float], int]:
        """Change → first record of the new face seen; change → headline names it; changes never named."""
        to_visible, to_headline, never = [], [], 0
        captured = sorted((_epoch_s(key), seen) for key, seen in self.visible.items())
        bounds = [at for at, _ in self.changes[1:]] + [float("inf")]
        for (at, label), until in zip(self.changes[1:], bounds[1:]):
            seen = [v for c, v in captured if at <= c < until]
            if seen:
                to_visible.append(min(seen) - at)
            named = [t for t, expression in self.headlines if at <= t < until and expression == label]
            if named:
                to_headline.append(min(named) - at)
            else:
                never += 1
        return to_visible, to_headline, never


def run_changes(stack, sessions: int, on_change: bool, photos, args) -> dict:
    runs = [ChangingSessionRun(stack, i, args, photos, on_change) for i in range(sessions)]
    threads = [threading.Thread(target=target) for run in runs for target in (run.stream, run.poll)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    to_visible, to_headline, never = [], [], 0
    for run in runs:
        visible, headline, missed = run.change_latencies()
        to_visible += visible
        to_headline += headline
        never += missed
    records = {run.session_id: list(_session_records(stack, run.session_id)) for run in runs}
    figures = inference_figures(stack, records)
    batches = sum(1 for line in stack.log().splitlines() if line.startswith("{")
                  and '"frame batch processed"' in line and any(r.session_id in line for r in runs))
    return {"sessions": sessions, "on_change": on_change,
            "changes": sum(len(run.changes) - 1 for run in runs),
            "visible_p50_s": _pct(to_visible, 0.5), "visible_p95_s": _pct(to_visible, 0.95),
            "headline_p50_s": _pct(to_headline, 0.5) if to_headline else None,
            "headline_p95_s": _pct(to_headline, 0.95) if to_headline else None,
            "never_named": never, "frames": figures["frames"], "batches": batches,
            "early": sum(run.sender.early for run in runs),
            "session_hours": sessions * args.seconds / 3600, "figures": figures}


def report_changes(stack, args) -> None:
    photos = change_photos()
    rows = [run_changes(stack, n, on_change, photos, args) for n in (1, 5) for on_change in (False, True)]
    memory_mb = ONE_VCPU_MB
    print(f"Expression changes every 5-15 s ({', '.join(label for label, _, _ in photos)} photos of "
          f"photos-dev), {args.seconds:g} s per run, feed read with waits of up to {args.wait_s:g} s")
    print("sessions  policy        changes  change→visible p50 / p95  change→headline p50 / p95 (never)"
          "  frames  batches (early)  $/1,000 frames x86  $/session-hour x86")
    costs = {}
    for r in rows:
        cost = cost_per_1000(r["figures"], memory_mb)["x86_64"]
        per_hour = cost * r["frames"] / 1000 / r["session_hours"]
        costs[(r["sessions"], r["on_change"])] = (cost, per_hour)
        headline = (f"{r['headline_p50_s']:.2f} s / {r['headline_p95_s']:.2f} s"
                    if r["headline_p50_s"] is not None else "none")
        print(f"{r['sessions']:>8}  {'on change' if r['on_change'] else 'fixed 2 s':<12}  {r['changes']:>7}"
              f"  {r['visible_p50_s']:>8.2f} s / {r['visible_p95_s']:.2f} s   {headline:>22} ({r['never_named']})"
              f"  {r['frames']:>6}  {r['batches']:>7} ({r['early']})   ${cost:.5f}   ${per_hour:.4f}")
    for n in (1, 5):
        (fixed, fixed_hour), (change, change_hour) = costs[(n, False)], costs[(n, True)]
        print(f"{n} session(s): send-on-change costs {change / fixed:.2f}x per 1,000 frames, "
              f"{change_hour / fixed_hour:.2f}x per session-hour (Lambda at {memory_mb} MB, "
              f"CPU + {AWS_IO_MS_PER_BATCH} ms of AWS calls per batch)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--batch-s", type=float, default=2.0)
    parser.add_argument("--wait-s", type=float, default=5.0,
                        help="how long each feed read may wait for new records (the dashboard's 5)")
    parser.add_argument("--poll-s", type=float, default=0.0, help="pause between feed reads")
    parser.add_argument("--drain-s", type=float, default=15.0,
                        help="how long to keep polling after the last batch (later = not seen)")
    parser.add_argument("--changes", action="store_true",
                        help="real photos whose expression changes on a schedule: fixed 2-s batches "
                             "against sending on change")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="emotecare-bench-") as tmp:
        stack = StackProcess(Path(tmp) / "data", "--no-seed").start()
        if args.changes:
            try:
                report_changes(stack, args)
            finally:
                stack.stop()
            return 0
        try:
            results = [run_scenario(stack, n, args) for n in (1, 5)]
            figures = inference_figures(stack, {s: items for r in results for s, items in r["records"].items()})
        finally:
            stack.stop()
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
          "(shared; the figures include that contention)")
    print(f"Frame pipeline on the local stack: {FPS} frames/s per session, a batch every "
          f"{args.batch_s:g} s, feed read with waits of up to {args.wait_s:g} s "
          f"and {args.poll_s:g} s between reads, {args.seconds:g} s per run")
    print("sessions  frames  capture→visible p50 / p95   batch sent→visible p50 / p95   not seen")
    for r in results:
        print(f"{r['sessions']:>8}  {r['frames']:>6}  {r['capture_p50_s']:>9.2f} s / {r['capture_p95_s']:.2f} s"
              f"   {r['pipeline_p50_s']:>12.2f} s / {r['pipeline_p95_s']:.2f} s   {r['not_seen']:>8}")
    print("of which: sent → classified in the handler, p50 / p95; classified → seen by the poller, p50 / p95")
    for r in results:
        print(f"{r['sessions']:>8}  {r['to_handler_p50_s']:.2f} s / {r['to_handler_p95_s']:.2f} s;"
              f"  {r['to_reader_p50_s']:.2f} s / {r['to_reader_p95_s']:.2f} s")
    print(f"inference inside the handler over {figures['frames']} frames (face found in "
          f"{figures['face_share']:.0%}): wall {figures['inference_ms_p50']:.1f} ms/frame p50 "
          f"({figures['inference_ms_mean']:.1f} mean), CPU {figures['cpu_ms_p50']:.1f} ms/frame p50 "
          f"({figures['cpu_ms_mean']:.1f} mean)")
    print(f"handler per batch of {figures['frames_per_batch_mean']:.1f} frames: wall "
          f"{figures['handler_ms_per_batch_mean']:.0f} ms, CPU {figures['handler_cpu_ms_per_batch_mean']:.0f} ms; "
          f"billed as CPU + {AWS_IO_MS_PER_BATCH} ms of AWS calls")
    for memory_mb in sorted({ONE_VCPU_MB, deployed_memory_mb()}):
        cost = cost_per_1000(figures, memory_mb)
        print(f"cost per 1,000 frames at {memory_mb} MB: Lambda x86 ${cost['x86_64']:.4f}, "
              f"arm ${cost['arm64']:.4f} ({cost['gb_s']:.2f} GB-s) vs Rekognition DetectFaces "
              f"${REKOGNITION_PER_1000:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
