"""Train the crisis model, choose the kept phrases and the threshold, write the shipped files.

Usage: nice -n 10 python scripts/train_safety_classifier.py [--version crisis-3.0.0]
(about a minute on one core; deterministic; needs ../shared/datasets/crisis-posts.tsv and distress-posts.tsv)

Everything is chosen on the train part only, by 5-fold cross-validation (written rounds kept
whole in one fold): first the model's out-of-fold scores, then which listed phrases earn
their place beside it, then the lowest threshold whose false alarms stay within the ceiling
on the train posts and on the written rows. Writes `emotecare/safety/crisis_model.json` and the
`kept` marks in `emotecare/safety/crisis_phrases.json`. `benchmarks/safety_eval.py` then scores
the held-out posts and the first-sight sets, once.
"""
from __future__ import annotations

import argparse
import json

import numpy as np

from emotecare_dev.safety import training
from emotecare.safety.model import MODEL_PATH
from emotecare.safety.rules import PHRASES_PATH, find_phrases, load_phrases

# A phrase is kept when, beyond the model at its CV threshold, it catches at least this many
# at-risk train rows the model missed, more of them than calm rows it newly flags, and adds no
# more than this share of false alarms on either source.
MIN_ADDED_CATCHES = 2
MAX_ADDED_FALSE_ALARMS = 0.005


def choose_phrases(data: training.TrainingData, model_flags: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Return the ids of the phrases that earn their place, and the train rows they flag together."""
    kept, kept_flags = [], np.zeros(len(data.rows), dtype=bool)
    crisis = data.crisis
    for phrase in load_phrases():
        flags = np.array([bool(find_phrases(r.text, (phrase,))) for r in data.rows])
        new = flags & ~model_flags
        caught, false = int((new & crisis).sum()), int((new & ~crisis).sum())
        worst_fa = max(training.false_alarm_rate(new, crisis, among)
                       for among in (data.is_post, data.is_distress, data.is_written_original))
        earns = caught >= MIN_ADDED_CATCHES and caught > false and worst_fa <= MAX_ADDED_FALSE_ALARMS
        print(f"  phrase {phrase.id:24s} fires {int(flags.sum()):4d}; beyond the model +{caught} at risk, "
              f"+{false} calm (worst source FA +{worst_fa:.4f}) -> {'kept' if earns else 'dropped'}")
        if earns:
            kept.append(phrase.id)
            kept_flags |= flags
    return kept, kept_flags


def report(name: str, flags: np.ndarray, data: training.TrainingData) -> None:
    for source, among in (("train posts", data.is_post), ("train distress posts", data.is_distress),
                          ("written rows", data.is_written_original)):
        print(f"  {name} on {source}: recall {training.recall(flags, data.crisis, among):.3f}, "
              f"false alarms {training.false_alarm_rate(flags, data.crisis, among):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="crisis-3.0.0")
    args = parser.parse_args()
    data = training.load_training_data()
    print(f"train rows: {len(data.rows)} ({int(data.is_post.sum())} posts, {int(data.is_distress.sum())} distress posts, "
          f"{int(data.is_written_original.sum())} written, the rest written rewrites)")
    scores = training.cross_validated_scores(data)
    model_threshold = training.choose_threshold(scores, data)
    long, cue = data.is_long, data.has_cue
    model_flags = training.two_stage_flags(scores, model_threshold, long, cue)
    print(f"model alone: CV threshold {model_threshold}")
    report("model alone", model_flags, data)
    kept, phrase_flags = choose_phrases(data, model_flags)
    threshold = training.choose_threshold(scores, data, extra_flags=phrase_flags)
    print(f"model + {len(kept)} kept phrases: CV threshold {threshold}")
    report("model + phrases", training.two_stage_flags(scores, threshold, long, cue) | phrase_flags, data)
    for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7):  # the CV curve, for the model card
        report(f"curve t={t}", training.two_stage_flags(scores, t, long, cue) | phrase_flags, data)
        report(f"one-stage t={t}", (scores >= t) | phrase_flags, data)

    crisis_head, category_head = training.fit_heads(data.matrix, data.rows)
    distress_head = training.fit_distress_head(data)
    trained_on = {"train_posts": int(data.is_post.sum()), "train_distress_posts": int(data.is_distress.sum()),
                  "written_rows": int(data.is_written_original.sum()),
                  "written_rewrites": int((~data.is_post & ~data.is_distress & ~data.is_written_original).sum())}
    exported = training.export_model(crisis_head, category_head, threshold, args.version, trained_on, distress_head)
    MODEL_PATH.write_text(json.dumps(exported, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    listed = json.loads(PHRASES_PATH.read_text(encoding="utf-8"))
    for phrase in listed["phrases"]:
        phrase["kept"] = phrase["id"] in kept
    PHRASES_PATH.write_text(json.dumps(listed, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.1f} MB), version {args.version}, "
          f"threshold {threshold}; kept phrases: {', '.join(kept) or 'none'}")


if __name__ == "__main__":
    main()
