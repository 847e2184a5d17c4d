"""Write a tiny YUV4MPEG2 (.y4m) clip for Chromium's fake camera from a real photo."""
from __future__ import annotations

from pathlib import Path

import numpy as np


def rgb_to_yuv420(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """BT.601 full-range RGB (H, W, 3 uint8, even sides) → Y (H, W), U and V (H/2, W/2)."""
    r, g, b = (rgb[..., i].astype(np.float32) for i in range(3))
    y = 0.299 * r + 0.587 * g + 0.114 * b
    u = -0.168736 * r - 0.331264 * g + 0.5 * b + 128
    v = 0.5 * r - 0.418688 * g - 0.081312 * b + 128
    h, w = y.shape
    sub = lambda c: c.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))  # noqa: E731 (2x2 average)
    clip = lambda c: np.clip(np.rint(c), 0, 255).astype(np.uint8)  # noqa: E731
    return clip(y), clip(sub(u)), clip(sub(v))


def write_y4m(path: Path, frames: list[np.ndarray], fps: int = 10) -> Path:
    """Write RGB frames (all the same even size) as a 4:2:0 y4m file Chromium can loop."""
    h, w = frames[0].shape[:2]
    with open(path, "wb") as out:
        out.write(f"YUV4MPEG2 W{w} H{h} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for frame in frames:
            out.write(b"FRAME\n")
            for plane in rgb_to_yuv420(frame):
                out.write(plane.tobytes())
    return path


def astronaut_clip(path: Path) -> Path:
    """A 640x480 clip of scikit-image's astronaut photo (a real, smiling face), gently moving."""
    return write_y4m(path, astronaut_frames())


def astronaut_frames() -> list[np.ndarray]:
    """The astronaut clip's RGB frames (also measured by benchmarks/face_detector.py)."""
    from skimage import data
    from skimage.transform import resize

    photo = data.astronaut()  # 512x512, the face in the upper middle
    face = (resize(photo[0:384, 0:512], (480, 640), anti_aliasing=True) * 255).astype(np.uint8)
    # A few frames shifted by a pixel or two, so the stream is not one frozen image.
    return [np.roll(face, shift, axis=1) for shift in (0, 2, 4, 2)]


def webcam_frame(photo_gray: np.ndarray, mark: int, mark_side: int) -> np.ndarray:
    """A 640x480 RGB frame: a face photo at about half the frame's height on a grey wall,
    and a square of grey level `mark` in the top-left corner (a code a test can read back)."""
    import cv2

    frame = np.full((480, 640), 96, np.uint8)
    height = 260
    width = round(photo_gray.shape[1] * height / photo_gray.shape[0])
    x, y = (640 - width) // 2, 110
    frame[y:y + height, x:x + width] = cv2.resize(photo_gray, (width, height), interpolation=cv2.INTER_AREA)
    frame[:mark_side, :mark_side] = mark
    return np.dstack([frame] * 3)
