"""Time the crisis check per message on one core, the way the API runs it (pure Python).

Usage: python benchmarks/safety_speed.py [--repeat 5]   (best of N runs per message: the shared machine is noisy)

Prints the model file's size, the first-use load time, and per-message latency of
`check_message` (model + phrases) over the written first-sight sets (chat-length messages)
and, when the shared posts file is present, the held-out posts (up to a few thousand
characters; longer texts are read as their first and last 2,000), and the held-out distress posts
(therapy-context text). Issue 23: p99 <= 20 ms a message on one core; the model file <= 10 MB.
"""
from __future__ import annotations

import argparse
import statistics
import time

from emotecare.safety import check_message
from emotecare_dev.safety import corpus
from emotecare.safety.model import MODEL_PATH, load_model

BUDGET_MS = 20.0


def time_messages(texts: list[str], repeat: int) -> list[float]:
    """Return the best-of-`repeat` milliseconds per message."""
    best = []
    for text in texts:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            check_message(text)
            runs.append((time.perf_counter() - start) * 1000)
        best.append(min(runs))
    return best


def describe(name: str, texts: list[str], millis: list[float]) -> None:
    ordered = sorted(millis)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    p99 = ordered[int(0.99 * (len(ordered) - 1))]
    chars = sorted(len(t) for t in texts)
    print(f"{name}: {len(texts)} messages (median {chars[len(chars) // 2]} chars, longest {chars[-1]}): "
          f"median {statistics.median(millis):.2f} ms, p95 {p95:.2f} ms, p99 {p99:.2f} ms, max {ordered[-1]:.2f} ms, "
          f"over {BUDGET_MS:.0f} ms: {sum(m > BUDGET_MS for m in millis)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    model = load_model()
    print(f"model {model.version}: {MODEL_PATH.stat().st_size / 1e6:.2f} MB, "
          f"first load {(time.perf_counter() - start) * 1000:.0f} ms")
    check_message("warm up the phrase list")
    written = [r.text for path in corpus.first_sight_sets() for r in corpus.read_written(path)]
    describe("first-sight chat messages", written, time_messages(written, args.repeat))
    if corpus.POSTS_PATH.exists():
        posts = [p.text for p in corpus.split_posts(corpus.read_posts())[1]]
        describe("held-out posts", posts, time_messages(posts, args.repeat))
    if corpus.DISTRESS_PATH.exists():
        distress = [p.text for p in corpus.split_distress(corpus.read_distress_posts())[1]]
        describe("held-out distress posts", distress, time_messages(distress, args.repeat))


if __name__ == "__main__":
    main()
