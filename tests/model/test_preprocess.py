"""The one pre-processing module: any image in, a 48x48 uint8 face out."""
from __future__ import annotations

import numpy as np
import pytest

from emotecare.vision.preprocess import align_face, crop_box, normalise, prepare_face, to_gray


@pytest.mark.parametrize("image", [
    np.zeros((60, 80), np.uint8),
    np.zeros((60, 80, 3), np.uint8),
    np.zeros((60, 80, 4), np.uint8),
    np.full((60, 80), 65535, np.uint16),
])
def test_any_image_becomes_a_48x48_gray_face(image):
    face = prepare_face(image)
    assert face.shape == (48, 48) and face.dtype == np.uint8


def test_sixteen_bit_images_are_scaled_not_truncated():
    assert to_gray(np.full((4, 4), 65535, np.uint16)).max() == 255


def test_crop_box_widens_to_a_square_and_stays_inside_the_image():
    gray = np.zeros((100, 200), np.uint8)
    assert crop_box(gray, (50, 20, 40, 60)).shape == (72, 72)  # 60 px + 10% each side
    assert crop_box(gray, (0, 0, 50, 50)).shape == (55, 55)  # clipped at the corner


def test_normalise_gives_float_inputs_in_unit_range_with_a_channel_axis():
    batch = normalise(np.full((2, 48, 48), 255, np.uint8))
    assert batch.shape == (2, 48, 48, 1) and batch.dtype == np.float32 and batch.max() == 1.0


def _dot_rows_and_columns(face: np.ndarray) -> list[tuple[float, float]]:
    """Centres (row, column) of the bright blobs of a 48x48 face, left to right."""
    import cv2
    count, _, _, centres = cv2.connectedComponentsWithStats((face > 128).astype(np.uint8))
    return sorted(((float(y), float(x)) for x, y in centres[1:count]), key=lambda c: c[1])


def test_align_face_levels_tilted_eyes_and_frames_them_in_the_upper_half():
    import cv2
    gray = np.zeros((400, 400), np.uint8)
    right_eye, left_eye = (150.0, 150.0), (250.0, 200.0)  # tilted by about 27 degrees
    for x, y in (right_eye, left_eye):
        cv2.circle(gray, (int(x), int(y)), 12, 255, -1)

    face = align_face(gray, right_eye, left_eye, box_side=200)

    (row_r, col_r), (row_l, col_l) = _dot_rows_and_columns(face)
    assert face.shape == (48, 48) and abs(row_r - row_l) < 1.0  # level
    assert row_r < 24 and col_r < 24 < col_l  # eyes above the middle, the right eye on the left


def test_align_face_repeats_the_edge_when_the_crop_runs_off_the_image():
    face = align_face(np.full((100, 100), 200, np.uint8), (30, 40), (70, 40), box_side=100)
    assert face.min() == 200  # no black corners
