"""The trained second detector: shipped weights, determinism, and what it adds to the rules."""
import json

import pytest

from emotecare.safety import SafetyResult, check_message
from emotecare.safety.features import FEATURE_DIM, extract_features
from emotecare.safety.model import WEIGHTS_PATH, LinearSafetyModel, load_model
from emotecare.safety.rules import check_rules, read_rules

# Written for this test before any of them was scored; none is in a labelled set. Of the eight
# written, the rules caught two ("collecting my tablets ... make an end of it", "bottle of pills
# ... a date tonight"); of the six the rules miss, the model flags these two:
UNSEEN_INDIRECT_CRISIS = [
    "bro im finna dip out permanently, the rope's already up in the garage",
    "Please make sure my mother gets my savings, I won't be here to sort it out after tonight",
    # Two known misses of the first model that the retrained one (rounds 27-33, rewrites,
    # concept n-grams) flags. Neither is in a labelled set, but rounds 27-33 were written by
    # someone who had read them, so these are no longer clean first-sight catches.
    "Tell the kids I am sorry. It is better this way and I have made up my mind",
    "im just gonna go for a long walk off the pier tonight and not come back",
]
# ... and scores these two under its threshold: known misses, in line with the model's
# grouped-CV recall (benchmarks/SAFETY_RESULTS.md).
KNOWN_MISSES = [
    "I've sorted out who gets the cat and I've written to my sister, so that's everything done before Friday",
    "I won't be needing my winter coat this year, give it to someone who will",
]


def test_model_loads_from_the_shipped_weights_file():
    weights = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    model = load_model()
    assert weights["feature_dim"] == FEATURE_DIM
    assert 0.0 < model.threshold < 1.0
    assert set(model.classes) == {"suicidal_ideation", "self_harm", "harm_to_others", "abuse", "medical_emergency"}
    assert WEIGHTS_PATH.stat().st_size < 10_000_000  # small enough for the API zip


def test_training_twice_on_the_same_messages_exports_identical_weights():
    training = pytest.importorskip("emotecare.safety.training")  # dev-only: needs scikit-learn
    messages = [m for m in training.read_labelled_messages() if m.round == "eval"]
    matrix = training.build_matrix([m.text for m in messages])
    first, second = (training.export_weights(*training.fit_heads(matrix, messages), threshold=0.5) for _ in range(2))
    assert first == second and first["rows"]


def test_model_gives_identical_scores_on_every_run_and_fresh_load():
    text = "I have made my peace and said my goodbyes"
    fresh = LinearSafetyModel(json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")))
    assert load_model().predict(text) == load_model().predict(text) == fresh.predict(text)
    assert extract_features(text) == extract_features(text)


@pytest.mark.parametrize("text", UNSEEN_INDIRECT_CRISIS)
def test_model_flags_unseen_indirect_crisis_messages_the_rules_miss(text):
    assert not check_rules(text).crisis  # the reason the model is there
    result = check_message(text)
    assert result.crisis and result.category == "suicidal_ideation", result
    assert result.evidence[0].startswith("trained model")


@pytest.mark.xfail(strict=True, reason="first-sight misses the model scores under its threshold")
@pytest.mark.parametrize("text", KNOWN_MISSES)
def test_known_first_sight_misses_stay_documented(text):
    assert check_message(text).crisis


@pytest.mark.parametrize("text", [
    "this exam is killing me",
    "my boss is killing me with these deadlines lol",
    "I'm dying to see the new film",
])
def test_model_does_not_flag_figures_of_speech(text):
    assert not load_model().predict(text).crisis
    assert not check_message(text).crisis


def test_a_denial_the_rules_explain_away_is_not_overruled_by_the_model():
    text = "I'm not going to hurt myself"
    assert read_rules(text)[1] == ("hurt myself",)  # found, then read as a denial: the model is not asked
    assert check_message(text) == check_rules(text) == SafetyResult(crisis=False)


def test_rules_verdict_and_category_stand_when_the_rules_fire():
    text = "my husband hits me when he's drunk"
    assert check_message(text) == check_rules(text)
