"""Face detection and `analyze` on a real photo: scikit-image's astronaut (Eileen Collins)."""
from __future__ import annotations

import json

import cv2
import numpy as np
import pytest
from skimage import data

from emotecare.cli.main import main
from emotecare.vision.analyze import PhotoAnalyzer
from emotecare.vision.classifier import default_model_path
from emotecare.vision.faces import FaceDetector
from emotecare.vision.preprocess import LABELS

# Her face spans roughly x 170-270, y 60-170 of the 512x512 photo.
FACE_CENTRE = (222, 118)


def _plausible(box) -> bool:
    x, y, w, h = box
    centre = (x + w / 2, y + h / 2)
    return (abs(centre[0] - FACE_CENTRE[0]) < 30 and abs(centre[1] - FACE_CENTRE[1]) < 30
            and 70 <= w <= 160 and 70 <= h <= 160)


@pytest.fixture(scope="module")
def astronaut_bgr() -> np.ndarray:
    return cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)


class _FixedClassifier:
    labels = LABELS

    def predict(self, faces):
        assert faces.shape[1:] == (48, 48) and faces.dtype == np.uint8
        return np.tile(np.eye(len(LABELS))[3], (len(faces), 1))  # always "happy"


def test_detector_finds_the_one_face_in_the_astronaut_photo(astronaut_bgr):
    boxes = FaceDetector().detect(cv2.cvtColor(astronaut_bgr, cv2.COLOR_BGR2GRAY))

    assert len(boxes) == 1 and _plausible(boxes[0])


def test_analyzer_marks_the_largest_face_as_the_patient(astronaut_bgr):
    faces = PhotoAnalyzer(classifier=_FixedClassifier()).analyze(astronaut_bgr)

    assert len(faces) == 1 and faces[0].is_patient and faces[0].label == "happy"
    assert set(faces[0].to_dict()["probabilities"]) == set(LABELS)


def test_analyzer_finds_no_face_in_a_blank_frame():
    assert PhotoAnalyzer(classifier=_FixedClassifier()).analyze(np.zeros((480, 640), np.uint8)) == []


@pytest.mark.skipif(not default_model_path().exists(), reason="no shipped model yet")
def test_analyze_command_prints_the_face_box_and_seven_probabilities(astronaut_bgr, tmp_path, capsys):
    photo = tmp_path / "astronaut.jpg"
    cv2.imwrite(str(photo), astronaut_bgr)

    code = main(["model", "analyze", str(photo)])

    result = json.loads(capsys.readouterr().out)
    assert code == 0 and len(result["faces"]) == 1
    face = result["faces"][0]
    box = face["box"]
    assert _plausible((box["x"], box["y"], box["width"], box["height"]))
    assert list(face["probabilities"]) == list(LABELS)
    assert sum(face["probabilities"].values()) == pytest.approx(1.0, abs=1e-3)
