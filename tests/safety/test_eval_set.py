"""The labelled data: the written sets in data/safety, the reproducible split of the real posts,
and the evaluation script that reports the figures."""
import subprocess
import sys
from pathlib import Path

import pytest

from emotecare_dev.safety import corpus

ROOT = Path(__file__).resolve().parents[2]
needs_posts = pytest.mark.skipif(not corpus.POSTS_PATH.exists(),
                                 reason="crisis-posts.tsv lives in ../shared/datasets, never in the project")


def test_written_sets_live_in_the_data_folder_with_a_readme():
    assert (corpus.DATA_DIR / "README.md").exists()
    assert [p.name for p in corpus.first_sight_sets()][:1] == ["firstsight_r27.tsv"]
    assert not list((ROOT / "tests" / "safety").glob("*.tsv"))


def test_first_sight_messages_and_their_rewrites_are_never_trained_on():
    first_sight = {r.text for path in corpus.first_sight_sets() for r in corpus.read_written(path)}
    trained = corpus.read_written_train()
    assert first_sight and trained
    assert not first_sight & {r.text for r in trained}
    assert not corpus.first_sight_rounds() & {r.group for r in trained}


def test_every_written_crisis_row_names_one_of_the_five_categories():
    rows = corpus.read_written_train()
    assert {r.category for r in rows if r.crisis} == {"suicidal_ideation", "self_harm", "harm_to_others", "abuse",
                                                       "medical_emergency"}


@needs_posts
def test_the_posts_split_is_stratified_disjoint_and_the_same_every_time():
    posts = corpus.read_posts()
    train, held_out = corpus.split_posts(posts)
    again_train, again_held_out = corpus.split_posts(list(reversed(posts)))
    assert {p.text for p in held_out} == {p.text for p in again_held_out}
    assert not {p.text for p in train} & {p.text for p in held_out}
    assert (len(train), len(held_out)) == (6363, 1590)  # the counts recorded in data/safety/README.md
    assert (sum(p.crisis for p in train), sum(p.crisis for p in held_out)) == (2838, 709)


@needs_posts
def test_the_distress_split_is_stratified_disjoint_stable_and_every_risky_post_was_reviewed():
    posts = corpus.read_distress_posts()  # raises if a post mentioning death or violence has no review
    train, held_out = corpus.split_distress(posts)
    _, again_held_out = corpus.split_distress(list(reversed(posts)))
    assert {p.text for p in held_out} == {p.text for p in again_held_out}
    assert not {p.text for p in train} & {p.text for p in held_out}
    assert (len(train), len(held_out)) == (2268, 567)  # the counts recorded in data/safety/README.md
    assert (sum(p.crisis for p in train), sum(p.crisis for p in held_out)) == (40, 10)
    assert {p.stratum for p in held_out} == {p.stratum for p in posts}


def test_the_review_holds_hashes_and_levels_only():
    review = corpus.read_review()
    assert len(review) == 356 and all(len(key) == 64 for key in review)
    assert {level for level, _ in review.values()} <= {"none", "distress", "passive_ideation", "active_ideation",
                                                        "method_intent_plan", "behaviour_or_danger"}


@needs_posts
def test_the_model_was_trained_on_the_train_posts_only():
    from emotecare.safety.model import load_model
    assert load_model().trained_on["train_posts"] == len(corpus.split_posts(corpus.read_posts())[0])
    assert load_model().trained_on["train_distress_posts"] == len(corpus.split_distress(corpus.read_distress_posts())[0])


def test_the_evaluation_script_prints_first_sight_figures():
    done = subprocess.run([sys.executable, "benchmarks/safety_eval.py", "--first-sight"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={"PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert "first-sight sets pooled: n=1242 recall" in done.stdout
