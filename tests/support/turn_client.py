"""A minimal TURN client (RFC 5766 Allocate over UDP) to ask a relay whether it takes credentials."""
from __future__ import annotations

import hashlib
import hmac
import os
import socket
import struct

MAGIC = 0x2112A442
ALLOCATE, ALLOCATE_OK, ALLOCATE_ERROR = 0x0003, 0x0103, 0x0113
USERNAME, MESSAGE_INTEGRITY, ERROR_CODE, REALM, NONCE, REQUESTED_TRANSPORT = (
    0x0006, 0x0008, 0x0009, 0x0014, 0x0015, 0x0019)
XOR_RELAYED_ADDRESS = 0x0016
UDP = 17


def _attribute(kind: int, value: bytes) -> bytes:
    return struct.pack("!HH", kind, len(value)) + value + b"\0" * (-len(value) % 4)


def _message(kind: int, attributes: bytes, integrity_key: bytes | None = None) -> bytes:
    transaction = os.urandom(12)
    if integrity_key is None:
        return struct.pack("!HHI", kind, len(attributes), MAGIC) + transaction + attributes
    # MESSAGE-INTEGRITY covers the header with the length including itself (24 bytes).
    head = struct.pack("!HHI", kind, len(attributes) + 24, MAGIC) + transaction
    mac = hmac.new(integrity_key, head + attributes, hashlib.sha1).digest()
    return head + attributes + _attribute(MESSAGE_INTEGRITY, mac)


def _parse(data: bytes) -> tuple[int, dict[int, bytes]]:
    kind, length = struct.unpack("!HH", data[:4])
    attributes, offset = {}, 20
    while offset < 20 + length:
        a_kind, a_len = struct.unpack("!HH", data[offset:offset + 4])
        attributes[a_kind] = data[offset + 4:offset + 4 + a_len]
        offset += 4 + a_len + (-a_len % 4)
    return kind, attributes


def allocate(host: str, port: int, username: str, password: str, timeout_s: float = 5) -> dict:
    """Try to allocate a relay: {"ok": bool, "error": code or None, "relayed": bool}."""
    transport = _attribute(REQUESTED_TRANSPORT, bytes([UDP, 0, 0, 0]))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout_s)
        sock.sendto(_message(ALLOCATE, transport), (host, port))
        kind, attrs = _parse(sock.recv(2048))  # 401 with the realm and a nonce
        if kind != ALLOCATE_ERROR or REALM not in attrs:
            raise AssertionError(f"unexpected first answer {kind:#06x}")
        realm, nonce = attrs[REALM], attrs[NONCE]
        key = hashlib.md5(f"{username}:{realm.decode()}:{password}".encode()).digest()
        signed = (transport + _attribute(USERNAME, username.encode()) + _attribute(REALM, realm)
                  + _attribute(NONCE, nonce))
        sock.sendto(_message(ALLOCATE, signed, key), (host, port))
        kind, attrs = _parse(sock.recv(2048))
    error = None
    if ERROR_CODE in attrs:
        raw = attrs[ERROR_CODE]
        error = raw[2] * 100 + raw[3]
    return {"ok": kind == ALLOCATE_OK, "error": error, "relayed": XOR_RELAYED_ADDRESS in attrs}
