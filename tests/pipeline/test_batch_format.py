"""The frame batch container: round trip, and every malformation refused with a reason."""
from __future__ import annotations

import struct

import pytest
from hypothesis import given, strategies as st

from emotecare.pipeline.batch_format import (
    MAX_BATCH_BYTES, MAX_FRAMES, Frame, MalformedBatchError, decode_batch, encode_batch)

T0 = 1_790_000_000_000
JPEG = b"\xff\xd8\xff\xe0" + b"x" * 50 + b"\xff\xd9"


def _frames(n: int) -> list[Frame]:
    return [Frame(T0 + 500 * i, JPEG) for i in range(n)]


@given(st.lists(st.tuples(st.integers(T0, T0 + 10**9), st.binary(max_size=300)),
                min_size=1, max_size=MAX_FRAMES))
def test_encoded_batch_decodes_to_the_same_frames(parts):
    frames = [Frame(t, b"\xff\xd8\xff" + body + b"\xff\xd9") for t, body in parts]
    assert decode_batch(encode_batch(frames)) == frames


def test_overhead_is_sixteen_bytes_per_frame_plus_header():
    assert len(encode_batch(_frames(3))) == 8 + 3 * (16 + len(JPEG))


@pytest.mark.parametrize("mangle, reason", [
    (lambda b: b[:-5], "truncated: frame 1 declares"),  # upload cut short
    (lambda b: b[:-(len(JPEG) + 2)], "truncated"),  # last frame's bytes missing
    (lambda b: b[:6], "truncated"),
    (lambda b: b"PNG!" + b[4:], "bad magic"),
    (lambda b: b[:4] + b"\x02" + b[5:], "version"),
    (lambda b: b[:5] + b"\x00" + b[6:], "frame count"),
    (lambda b: b[:5] + bytes([MAX_FRAMES + 1]) + b[6:], "frame count"),
    (lambda b: b + b"junk", "unexpected bytes"),
])
def test_malformed_batches_are_refused_with_the_reason(mangle, reason):
    with pytest.raises(MalformedBatchError, match=reason):
        decode_batch(mangle(encode_batch(_frames(2))))


def test_non_jpeg_frame_is_refused():
    png = b"\x89PNG\r\n\x1a\n" + b"x" * 40
    with pytest.raises(MalformedBatchError, match="frame 1 is not a complete JPEG"):
        decode_batch(encode_batch([Frame(T0, JPEG), Frame(T0 + 1, png)]))


def test_jpeg_cut_short_inside_a_consistent_container_is_refused():
    with pytest.raises(MalformedBatchError, match="frame 0 is not a complete JPEG"):
        decode_batch(encode_batch([Frame(T0, JPEG[:-10])]))


def test_implausible_capture_time_is_refused():
    with pytest.raises(MalformedBatchError, match="capture time"):
        decode_batch(encode_batch([Frame(12, JPEG)]))


def test_batch_over_the_size_cap_is_refused_before_parsing():
    with pytest.raises(MalformedBatchError, match="over the"):
        decode_batch(b"ECB1" + b"\x00" * MAX_BATCH_BYTES)


def test_length_field_past_the_end_is_truncation_not_a_crash():
    data = bytearray(encode_batch(_frames(1)))
    struct.pack_into("<I", data, 8 + 8, 10**9)
    with pytest.raises(MalformedBatchError, match="truncated"):
        decode_batch(bytes(data))
