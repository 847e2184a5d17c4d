"""Face detection and `analyze` on a real photo: scikit-image's astronaut (Eileen Collins)."""
from __future__ import annotations

import json

import cv2
import numpy as np
import pytest
from skimage import data

from emotecare_dev.cli.main import main
from emotecare.pipeline.analyzer import VisionAnalyzer
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


def _inside(box, point) -> bool:
    x, y, w, h = box
    return x <= point[0] <= x + w and y <= point[1] <= y + h


@pytest.fixture(scope="module")
def astronaut_bgr() -> np.ndarray:
    return cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)


class _FixedClassifier:
    labels = LABELS

    def predict(self, faces):
        assert faces.shape[1:] == (48, 48) and faces.dtype == np.uint8
        return np.tile(np.eye(len(LABELS))[3], (len(faces), 1))  # always "happy"


def test_detector_finds_the_one_face_in_the_astronaut_photo(astronaut_bgr):
    faces = FaceDetector().detect(cv2.cvtColor(astronaut_bgr, cv2.COLOR_BGR2GRAY))

    assert len(faces) == 1 and _plausible(faces[0].box)
    right_eye, left_eye = faces[0].right_eye, faces[0].left_eye
    assert right_eye[0] < left_eye[0]  # the subject's right eye is on the photo's left
    assert all(_inside(faces[0].box, point) for point in (right_eye, left_eye))


def test_analyzer_reads_the_patients_face(astronaut_bgr):
    result = VisionAnalyzer(classifier=_FixedClassifier()).analyze_image(astronaut_bgr)

    assert result.face_found and result.expression == "happy" and _plausible(result.box)
    assert set(result.to_dict()["probabilities"]) == set(LABELS)


def test_analyzer_finds_no_face_in_a_blank_frame():
    result = VisionAnalyzer(classifier=_FixedClassifier()).analyze_image(np.zeros((480, 640), np.uint8))
    assert not result.face_found and result.expression is None


@pytest.mark.skipif(not default_model_path().exists(), reason="no shipped model yet")
def test_analyze_command_prints_the_face_box_and_seven_probabilities(astronaut_bgr, tmp_path, capsys):
    photo = tmp_path / "astronaut.jpg"
    cv2.imwrite(str(photo), astronaut_bgr)

    code = main(["model", "analyze", str(photo)])

    face = json.loads(capsys.readouterr().out)
    assert code == 0 and face["face_found"] and face["expression"] in LABELS
    box = face["box"]
    assert _plausible((box["x"], box["y"], box["width"], box["height"]))
    assert list(face["probabilities"]) == list(LABELS)
    assert sum(face["probabilities"].values()) == pytest.approx(1.0, abs=1e-3)


def test_detector_eyes_follow_a_tilted_head(astronaut_bgr):
    gray = cv2.cvtColor(astronaut_bgr, cv2.COLOR_BGR2GRAY)
    upright = FaceDetector().detect(gray)[0]
    # Turn the photo 20 degrees counter-clockwise about her face: her eye line tilts by -20.
    turn = cv2.getRotationMatrix2D(FACE_CENTRE, 20, 1.0)
    tilted = FaceDetector().detect(cv2.warpAffine(gray, turn, gray.shape[::-1]))[0]

    def eye_angle(face) -> float:
        (rx, ry), (lx, ly) = face.right_eye, face.left_eye
        return float(np.degrees(np.arctan2(ly - ry, lx - rx)))

    assert eye_angle(tilted) - eye_angle(upright) == pytest.approx(-20, abs=5)


def test_weighted_nms_merges_overlapping_boxes_and_keeps_apart_ones():
    from emotecare.vision.faces import weighted_nms

    def points(x0, y0, x1, y1):
        return np.array([[x0, y0], [x1, y1]] + [[x0, y0]] * 6, np.float32)

    merged = weighted_nms(np.stack([points(0, 0, 10, 10), points(2, 0, 12, 10), points(50, 50, 60, 60)]),
                          np.array([0.9, 0.6, 0.8]), 0.3)

    assert [round(score, 2) for _, score in merged] == [0.9, 0.8]
    assert merged[0][0][0, 0] == pytest.approx(2 * 0.6 / 1.5)  # score-weighted mean of 0 and 2
