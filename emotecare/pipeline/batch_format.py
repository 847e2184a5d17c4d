"""The frame batch container (`.ecb`): up to 20 JPEG webcam frames of one session.

A browser builds it natively from `canvas.toBlob("image/jpeg")` results with a `DataView`
and a `Blob` — no base64, so the upload is the JPEG bytes plus 16 bytes per frame.

Layout (all integers little-endian)::

    offset  size  field
    0       4     magic  b"ECB1"
    4       1     version (1)
    5       1     frame count N (1..20)
    6       2     reserved, 0
    then N times:
    +0      8     capture time, milliseconds since the Unix epoch (uint64)
    +8      4     JPEG length L in bytes (uint32, > 0)
    +12     4     reserved, 0
    +16     L     the JPEG (starts FF D8 FF, ends FF D9)

Nothing may follow the last frame. The whole batch is at most `MAX_BATCH_BYTES`.

Building one in the browser::

    const jpegs = await Promise.all(frames.map(f => f.blob.arrayBuffer()));
    const head = new DataView(new ArrayBuffer(8));
    head.setUint32(0, 0x31424345, true);           // "ECB1"
    head.setUint8(4, 1); head.setUint8(5, jpegs.length);
    const parts = [head.buffer];
    jpegs.forEach((jpeg, i) => {
      const h = new DataView(new ArrayBuffer(16));
      h.setBigUint64(0, BigInt(frames[i].capturedAtMs), true);
      h.setUint32(8, jpeg.byteLength, true);
      parts.push(h.buffer, jpeg);
    });
    const batch = new Blob(parts, {type: "application/octet-stream"});
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

from emotecare.errors import BatchRejectedError

MAGIC = b"ECB1"
VERSION = 1
MAX_FRAMES = 20
MAX_BATCH_BYTES = 2 * 1024 * 1024
CONTENT_TYPE = "application/octet-stream"
_HEADER = struct.Struct("<4sBBH")
_FRAME_HEADER = struct.Struct("<QII")
_JPEG_START = b"\xff\xd8\xff"
_JPEG_END = b"\xff\xd9"
# Capture times before 2020 or absurdly far ahead are a broken clock or a forged batch.
_EARLIEST_MS = 1_577_836_800_000
_LATEST_MS = 4_102_444_800_000


class MalformedBatchError(BatchRejectedError):
    """The bytes are not a valid frame batch; the message says where and why."""

    code = "malformed"


@dataclass(frozen=True)
class Frame:
    """One webcam frame: when it was captured and its JPEG bytes."""

    captured_at_ms: int
    jpeg: bytes


def encode_batch(frames: list[Frame]) -> bytes:
    """Build a batch from frames (what the browser does; used by tests and the benchmark)."""
    if not 1 <= len(frames) <= MAX_FRAMES:
        raise ValueError(f"a batch holds 1..{MAX_FRAMES} frames, not {len(frames)}")
    parts = [_HEADER.pack(MAGIC, VERSION, len(frames), 0)]
    for frame in frames:
        parts.append(_FRAME_HEADER.pack(frame.captured_at_ms, len(frame.jpeg), 0))
        parts.append(frame.jpeg)
    return b"".join(parts)


def decode_batch(data: bytes) -> list[Frame]:
    """Parse and check a batch; raise `MalformedBatchError` naming the first problem."""
    if len(data) > MAX_BATCH_BYTES:
        raise MalformedBatchError(f"batch is {len(data)} bytes, over the {MAX_BATCH_BYTES} cap")
    if len(data) < _HEADER.size:
        raise MalformedBatchError("truncated: shorter than the batch header")
    magic, version, count, _ = _HEADER.unpack_from(data, 0)
    if magic != MAGIC:
        raise MalformedBatchError("not a frame batch (bad magic)")
    if version != VERSION:
        raise MalformedBatchError(f"unsupported batch version {version}")
    if not 1 <= count <= MAX_FRAMES:
        raise MalformedBatchError(f"frame count {count} outside 1..{MAX_FRAMES}")
    frames, offset = [], _HEADER.size
    for index in range(count):
        if offset + _FRAME_HEADER.size > len(data):
            raise MalformedBatchError(f"truncated: frame {index} header missing")
        captured_at_ms, length, _ = _FRAME_HEADER.unpack_from(data, offset)
        offset += _FRAME_HEADER.size
        if length == 0 or offset + length > len(data):
            raise MalformedBatchError(
                f"truncated: frame {index} declares {length} bytes, {len(data) - offset} remain")
        jpeg = data[offset:offset + length]
        offset += length
        if not (jpeg.startswith(_JPEG_START) and jpeg.endswith(_JPEG_END)):
            raise MalformedBatchError(f"frame {index} is not a complete JPEG")
        if not _EARLIEST_MS <= captured_at_ms <= _LATEST_MS:
            raise MalformedBatchError(f"frame {index} has an implausible capture time")
        frames.append(Frame(captured_at_ms, jpeg))
    if offset != len(data):
        raise MalformedBatchError(f"{len(data) - offset} unexpected bytes after the last frame")
    return frames
