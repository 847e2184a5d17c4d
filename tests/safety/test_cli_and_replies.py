"""`emotecare safety classify`, the helplines table and the crisis reply."""
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from emotecare_dev.cli.main import main
from emotecare.safety import build_crisis_reply, list_helplines

ROOT = Path(__file__).resolve().parents[2]


def test_classify_prints_one_json_verdict_per_input_line_in_order(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("kms\n\nthis exam is killing me\nmy dad beats me\n"))
    assert main(["safety", "classify"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [{"crisis": True, "category": "suicidal_ideation"}, {"crisis": False, "category": None},
                     {"crisis": False, "category": None}, {"crisis": True, "category": "abuse"}]


def test_classify_runs_as_a_command_in_a_pipe():
    done = subprocess.run([sys.executable, "-m", "emotecare_dev.cli", "safety", "classify"], input="i want to die\nhi",
                          capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["crisis"] for line in done.stdout.splitlines()] == [True, False]


@pytest.mark.parametrize("country, number", [("US", "988"), ("GB", "116 123"), ("UK", "116 123"),
                                             ("IE", "116 123"), ("IN", "14416")])
def test_required_crisis_lines_by_country(country, number):
    lines = list_helplines(country)
    assert number in (lines[0].phone or "")
    assert lines[-1].url == "https://findahelpline.com"


def test_unknown_country_still_gets_the_international_directory():
    reply = build_crisis_reply("suicidal_ideation", "ZZ")
    assert "findahelpline.com" in reply.text and "local emergency number" in reply.text


def test_crisis_reply_is_warm_gives_numbers_and_offers_the_therapist_alert():
    reply = build_crisis_reply("suicidal_ideation", "US", therapist_name="Dr Rivera")
    assert "988" in reply.text and "911" in reply.text and "Dr Rivera" in reply.text
    assert reply.offer_therapist_alert and "alert_therapist" in reply.actions
    assert "Are you safe right now?" in reply.text


def test_abuse_reply_leads_with_the_specialist_line_and_medical_with_the_emergency_number():
    assert "Domestic" in build_crisis_reply("abuse", "GB").helplines[0].name
    assert "call 999 now" in build_crisis_reply("medical_emergency", "GB").text
