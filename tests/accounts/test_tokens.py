"""The API's own token check rejects everything but a valid ID token of our pool and client.

Tokens are signed with a local RSA key whose JWKS a small HTTP server publishes, so the
real PyJWKClient fetch and PyJWT verification run: nothing is mocked.
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from emotecare.accounts.tokens import TokenVerifier
from emotecare.errors import AuthenticationError
from emotecare.settings import Settings

ISSUER = "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_TEST"
CLIENT_ID = "client-123"


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def signing_key():
    return _key()


@pytest.fixture(scope="module")
def jwks_url(signing_key):
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(signing_key.public_key()))
    body = json.dumps({"keys": [{**public, "kid": "test-key", "use": "sig",
                                 "alg": "RS256"}]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/.well-known/jwks.json"
    server.shutdown()


@pytest.fixture
def verifier(jwks_url):
    return TokenVerifier(Settings(
        stage="test", region="eu-west-2", frames_bucket="f", reports_bucket="r",
        frames_queue_url="q", reports_queue_url="q", user_pool_id="eu-west-2_TEST",
        user_pool_client_id=CLIENT_ID, table_prefix="t", jwks_url=jwks_url,
        token_issuer=ISSUER))


def _claims(**overrides):
    now = int(time.time())
    claims = {"sub": "user-1", "email": "a@example.com", "aud": CLIENT_ID, "iss": ISSUER,
              "token_use": "id", "iat": now, "exp": now + 3600,
              "cognito:groups": ["patient"]}
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _token(key, kid="test-key", **overrides):
    return jwt.encode(_claims(**overrides), key, algorithm="RS256", headers={"kid": kid})


def test_valid_id_token_gives_the_principal_and_role(verifier, signing_key):
    principal = verifier.verify(_token(signing_key, **{"cognito:groups": ["therapist"]}))
    assert (principal.user_id, principal.email, principal.role) == (
        "user-1", "a@example.com", "therapist")


def test_admin_group_wins_over_others(verifier, signing_key):
    token = _token(signing_key, **{"cognito:groups": ["patient", "admin"]})
    assert verifier.verify(token).role == "admin"


@pytest.mark.parametrize("overrides, reason", [
    ({"exp": int(time.time()) - 60}, "expired"),
    ({"aud": "another-client"}, "(?i)audience"),
    ({"iss": "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_OTHER"}, "(?i)issuer"),
    ({"token_use": "access"}, "ID token"),
    ({"token_use": None}, "token_use"),
    ({"sub": None}, "sub"),
    ({"cognito:groups": []}, "no role"),
])
def test_token_with_bad_claims_is_rejected(verifier, signing_key, overrides, reason):
    with pytest.raises(AuthenticationError, match=reason):
        verifier.verify(_token(signing_key, **overrides))


def test_token_signed_by_another_key_is_rejected(verifier):
    with pytest.raises(AuthenticationError, match="invalid token"):
        verifier.verify(_token(_key()))


def test_token_with_unknown_key_id_is_rejected(verifier, signing_key):
    with pytest.raises(AuthenticationError, match="invalid token"):
        verifier.verify(_token(signing_key, kid="not-ours"))


def test_unsigned_token_is_rejected(verifier):
    unsigned = jwt.encode(_claims(), key=None, algorithm="none", headers={"kid": "test-key"})
    with pytest.raises(AuthenticationError):
        verifier.verify(unsigned)


def test_hs256_token_made_with_the_public_key_is_rejected(verifier, signing_key):
    # The classic algorithm-confusion attack: HMAC keyed with the (public) RSA key.
    header = {"alg": "HS256", "kid": "test-key", "typ": "JWT"}
    segments = [jwt.utils.base64url_encode(json.dumps(part).encode())
                for part in (header, _claims())]
    signing_input = b".".join(segments)
    import hashlib
    import hmac

    from cryptography.hazmat.primitives import serialization

    secret = signing_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    signature = jwt.utils.base64url_encode(hmac.new(secret, signing_input,
                                                    hashlib.sha256).digest())
    with pytest.raises(AuthenticationError):
        verifier.verify((signing_input + b"." + signature).decode())


@pytest.mark.parametrize("garbage", ["", "abc", "a.b.c", "e30.e30.", "x" * 5000])
def test_garbage_is_rejected(verifier, garbage):
    with pytest.raises(AuthenticationError):
        verifier.verify(garbage)
