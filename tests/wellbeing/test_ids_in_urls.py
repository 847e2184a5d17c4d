"""Time ids (with colons) in URL paths reach the views decoded, over the local server and
through an API Gateway proxy event alike (issue 16, item 1: "no such safety event").

The front end sends ids with `encodeURIComponent` (`:` → `%3A`). API Gateway's REST API
passes path parameters to Lambda as the client sent them, still encoded; `chalice local`
does the same. Both must reach the same view with the same id.
"""
from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from tests.support.mail import wait_for_mail
from tests.support.stack import this_process_on

pytestmark = pytest.mark.stack
CRISIS = "I am going to kill myself tonight, I have the pills ready"


def _crisis_event(patient) -> str:
    answer = patient.post("/chat/messages", json={"text": CRISIS})
    assert answer.status_code == 200 and answer.json()["crisis"], answer.text
    event_id = answer.json()["safety_event_id"]
    assert ":" in event_id  # the case that broke: the page encodes these
    return event_id


@pytest.mark.parametrize("encode", [True, False], ids=["percent-encoded", "raw-colons"])
def test_tell_my_therapist_works_with_the_id_encoded_or_not(stack, patient, therapist, encode):
    event_id = _crisis_event(patient)
    segment = quote(event_id, safe="") if encode else event_id
    response = patient.post(f"/safety-events/{segment}/alert-therapist")
    assert response.status_code == 200, response.text
    assert response.json()["event_id"] == event_id and response.json()["alert_sent"] is True
    assert wait_for_mail(stack, therapist.email, "asked you to reach out")


def test_journal_entries_are_edited_and_deleted_by_their_encoded_id(patient):
    entry_id = patient.post("/journal", json={"mood": 5}).json()["entry_id"]
    path = f"/journal/{quote(entry_id, safe='')}"
    edited = patient.put(path, json={"mood": 7})
    assert edited.status_code == 200 and edited.json()["mood"] == 7, edited.text
    assert patient.delete(path).status_code == 204
    assert patient.delete(path).status_code == 404


@pytest.fixture
def app_in_process(stack):
    """The Chalice app object of this process, configured for the running stack."""
    with this_process_on(stack):
        import app

        yield app.app


def _api_gateway_event(method: str, resource: str, path: str, params: dict, token: str) -> dict:
    """A REST API (v1) Lambda proxy event as API Gateway builds it: the raw path and its
    parameters as the client sent them, percent-encoding included."""
    return {
        "resource": resource, "path": path, "httpMethod": method,
        "headers": {"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        "multiValueHeaders": {}, "queryStringParameters": None,
        "multiValueQueryStringParameters": None, "pathParameters": params,
        "stageVariables": None, "body": None, "isBase64Encoded": False,
        "requestContext": {"resourcePath": resource, "httpMethod": method, "path": f"/api{path}",
                           "stage": "api", "requestId": "test-request", "apiId": "test",
                           "identity": {"sourceIp": "127.0.0.1"}},
    }


def test_an_api_gateway_event_with_an_encoded_id_reaches_the_event(app_in_process, patient,
                                                                   therapist):
    event_id = _crisis_event(patient)
    encoded = quote(event_id, safe="")
    event = _api_gateway_event("POST", "/safety-events/{event_id}/alert-therapist",
                               f"/safety-events/{encoded}/alert-therapist",
                               {"event_id": encoded}, patient.id_token)
    answer = app_in_process(event, None)
    assert answer["statusCode"] == 200, answer
    assert json.loads(answer["body"])["event_id"] == event_id
