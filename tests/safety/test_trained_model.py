"""The crisis model file: it loads, says its version, refuses files it cannot read, holds no text."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from emotecare.safety import check_message
from emotecare.safety.features import FEATURE_SPEC, extract_features, fold_text
from emotecare.safety.fragments import CATEGORY_PRIORITY
from emotecare.safety.model import MODEL_PATH, CrisisModel, ModelFileError, load_model

ROOT = Path(__file__).resolve().parents[2]
CARD = ROOT / "emotecare" / "safety" / "MODEL_CARD.md"


def _exported() -> dict:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def test_model_loads_from_the_shipped_file_with_a_version_threshold_and_five_categories():
    model = load_model()
    assert re.fullmatch(r"crisis-\d+\.\d+\.\d+", model.version)
    assert 0.0 < model.threshold < 1.0
    assert tuple(model.classes) == CATEGORY_PRIORITY
    assert MODEL_PATH.stat().st_size <= 10_000_000  # issue 20: at most 10 MB in the API zip


def test_model_card_names_the_shipped_version():
    assert load_model().version in CARD.read_text(encoding="utf-8")


@pytest.mark.parametrize("change, message", [
    ({"format": 1}, "format"),
    ({"feature_spec": "fold0-other-features"}, "features"),
])
def test_a_model_file_of_another_format_or_feature_spec_is_refused(change, message):
    with pytest.raises(ModelFileError, match=message):
        CrisisModel({**_exported(), **change})


def test_a_model_head_of_the_wrong_size_is_refused():
    exported = _exported()
    exported["heads"] = [{"scale": 1.0, "int16_le": "AAAA"}, *exported["heads"][1:]]
    with pytest.raises(ModelFileError, match="weights"):
        CrisisModel(exported)


def test_the_model_file_holds_weights_and_bucket_numbers_only_no_text():
    exported = _exported()
    assert exported["feature_spec"] == FEATURE_SPEC
    strings = [exported["version"], exported["feature_spec"], *exported["classes"]]
    assert set(exported) == {"format", "version", "feature_spec", "threshold", "classes", "crisis_bias",
                             "category_bias", "heads", "trained_on", "distress_head", "distress_bias",
                             "distress_threshold", "long_text_chars", "cue_threshold", "sure_threshold"}
    assert all(isinstance(v, int) for v in exported["trained_on"].values())
    assert all(set(head) == {"scale", "int16_le"} for head in [*exported["heads"], exported["distress_head"]])
    assert all(len(s) < 60 for s in strings)


def test_scores_are_identical_on_every_run_and_on_a_fresh_load():
    text = "I have made my peace and said my goodbyes"
    fresh = CrisisModel(_exported())
    assert load_model().predict(text) == load_model().predict(text) == fresh.predict(text)
    assert extract_features(text) == extract_features(text)


def test_features_fold_case_punctuation_and_apostrophes_like_the_real_posts():
    assert fold_text("I DON'T want to be here!!") == fold_text("i dont want to be here") == "i dont want to be here"
    assert extract_features("") == extract_features("?!") == {}


def test_the_check_runs_on_the_standard_library_alone_as_in_the_api_zip(tmp_path):
    # -I: no environment or user site; -S: no site-packages (so no numpy, scipy or scikit-learn).
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from emotecare.safety import check_message; "
            "print(check_message('i want to end my life tonight').crisis, check_message('hello there').crisis, "
            "sorted(m for m in sys.modules if m.split('.')[0] not in sys.stdlib_module_names "
            "and not m.startswith('emotecare') and m != '__main__'))")
    done = subprocess.run([sys.executable, "-I", "-S", "-c", code, str(ROOT)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True False []"


def test_the_evidence_names_the_model_version_and_its_score():
    result = check_message("I want to end my life tonight")
    assert result.crisis
    assert any(e.startswith(f"crisis model {load_model().version}: probability") for e in result.evidence)


def test_training_twice_on_the_same_rows_exports_identical_models():
    training = pytest.importorskip("emotecare_dev.safety.training")  # dev-only: needs scikit-learn
    rows = training.corpus.read_written(training.corpus.DATA_DIR / "eval_messages.tsv")
    matrix = training.build_matrix([r.text for r in rows])
    distress = training.make_model(1.0).fit(matrix, [r.crisis for r in rows])  # any head of the right shape
    first, second = (training.export_model(*training.fit_heads(matrix, rows), threshold=0.5, version="crisis-0.0.1",
                                           trained_on={"written_rows": len(rows)}, distress_head=distress)
                     for _ in range(2))
    assert first == second
    assert CrisisModel(first).predict("i want to kill myself").score > CrisisModel(first).predict("hello").score
