"""The one pre-processing module: any image in, a 48x48 uint8 face out."""
from __future__ import annotations

import numpy as np
import pytest

from emotecare.vision.preprocess import crop_box, normalise, prepare_face, to_gray


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
