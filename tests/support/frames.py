"""Real face photos as webcam frames, batches of them, and uploads through a grant."""
from __future__ import annotations

import functools
import json
import time
from urllib.parse import unquote_plus

import cv2
import numpy as np
import requests
from skimage import data as skdata

from emotecare.pipeline.batch_format import Frame, encode_batch

# Photos in scikit-image that show one clear frontal face, with a 4:3 crop around it.
def _grace_hopper() -> np.ndarray:
    from matplotlib import cbook  # matplotlib's bundled sample photo
    with cbook.get_sample_data("grace_hopper.jpg") as handle:
        return cv2.cvtColor(cv2.imdecode(np.frombuffer(handle.read(), np.uint8), 1), cv2.COLOR_BGR2RGB)


def _lfw_face(index: int) -> np.ndarray:
    """An LFW face (25x25 in scikit-image's subset) enlarged onto a grey 320x240 frame."""
    face = (np.asarray(skdata.lfw_subset()[index]) * 255).astype(np.uint8)
    canvas = np.full((240, 320), 110, np.uint8)
    canvas[30:210, 70:250] = cv2.resize(face, (180, 180), interpolation=cv2.INTER_CUBIC)
    return canvas


# Real photos with one clear face, with a 4:3 crop (top, bottom, left, right) around it.
FACE_PHOTOS = {
    "astronaut": (skdata.astronaut, (0, 240, 87, 407)),  # Eileen Collins, smiling, webcam-close
    "camera": (skdata.camera, (0, 384, 64, 576)),  # the cameraman, in half profile
    "grace_hopper": (_grace_hopper, (40, 424, 0, 512)),
    "lfw_0": (lambda: _lfw_face(0), (0, 240, 0, 320)),
    "lfw_1": (lambda: _lfw_face(1), (0, 240, 0, 320)),
}
BENCHMARK_FACES = ("astronaut", "grace_hopper", "lfw_0", "camera", "lfw_1")


@functools.lru_cache(maxsize=None)
def face_jpeg(name: str = "astronaut", size: tuple[int, int] = (320, 240)) -> bytes:
    """A webcam-sized JPEG of a scikit-image face photo (RGB → BGR for OpenCV)."""
    loader, (top, bottom, left, right) = FACE_PHOTOS[name]
    image = np.asarray(loader())
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    else:
        image = cv2.cvtColor(image[..., :3], cv2.COLOR_RGB2BGR)
    crop = image[top:bottom, max(left, 0):min(right, image.shape[1])]
    ok, encoded = cv2.imencode(".jpg", cv2.resize(crop, size, interpolation=cv2.INTER_AREA),
                               [cv2.IMWRITE_JPEG_QUALITY, 80])
    assert ok
    return encoded.tobytes()


def blank_jpeg(size: tuple[int, int] = (320, 240)) -> bytes:
    """A frame with no face in it (an empty grey room)."""
    ok, encoded = cv2.imencode(".jpg", np.full((size[1], size[0], 3), 128, np.uint8))
    assert ok
    return encoded.tobytes()


def batch_of(jpegs: list[bytes], start_ms: int | None = None, interval_ms: int = 500) -> bytes:
    """A batch of `jpegs` captured `interval_ms` apart, the last one just now."""
    start_ms = start_ms if start_ms is not None else int(time.time() * 1000) - interval_ms * len(jpegs)
    return encode_batch([Frame(start_ms + i * interval_ms, jpeg) for i, jpeg in enumerate(jpegs)])


def upload(grant: dict, batch: bytes) -> requests.Response:
    """POST `batch` to the presigned form, as the browser does."""
    return requests.post(grant["url"], data=grant["fields"],
                         files={"file": ("batch.ecb", batch, grant["fields"]["Content-Type"])},
                         timeout=30)


def wait_for(condition, timeout_s: float = 30, interval_s: float = 0.25, what: str = "condition"):
    """Poll `condition()` until it returns something truthy; return that."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval_s)
    raise TimeoutError(f"timed out waiting for {what}")


def dead_lettered_keys(stack) -> set[str]:
    """Object keys of the frame-batch notifications now in the frames dead-letter queue.

    A peek at every message: each receive hides what it returned for a moment, so the next
    returns others (receiving with no hiding returns the same oldest ten every time, and a
    queue holding more than ten, as after the grant tests, never shows the newest), and the
    messages are then made visible again for whoever looks next.
    """
    sqs = stack.client("sqs")
    url = sqs.get_queue_url(QueueName="emotecare-local-frames-dlq")["QueueUrl"]
    keys: set[str] = set()
    seen: list[dict] = []
    for _ in range(100):  # a receive returns at most 10
        messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                                       VisibilityTimeout=30).get("Messages", [])
        if not messages:
            break
        seen += messages
        for message in messages:
            for record in json.loads(message["Body"]).get("Records", []):
                keys.add(unquote_plus(record["s3"]["object"]["key"]))  # S3 encodes keys
    for start in range(0, len(seen), 10):
        sqs.change_message_visibility_batch(QueueUrl=url, Entries=[
            {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"], "VisibilityTimeout": 0}
            for i, m in enumerate(seen[start:start + 10])])
    return keys
