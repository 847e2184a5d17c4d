"""The weekly report's crisis-support line counts what it says (issue 29): offers made in the
chat, the journal or a PHQ-9, and a flag taken back afterwards is not a second offer."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from emotecare.reports.stats import safety_stats

TEMPLATE = Path(__file__).resolve().parents[2] / "emotecare" / "reports" / "templates" / "report.html"


def test_offers_from_every_source_count_and_a_retraction_does_not():
    events = [SimpleNamespace(type="crisis_flagged", source="chat", occurred_at="2026-11-18T10:00:00Z"),
              SimpleNamespace(type="crisis_flagged", source="journal", occurred_at="2026-11-19T10:00:00Z"),
              SimpleNamespace(type="crisis_flagged", source="questionnaire", occurred_at="2026-11-20T10:00:00Z"),
              SimpleNamespace(type="risk_retracted", source="chat", occurred_at="2026-11-21T10:00:00Z"),
              SimpleNamespace(type="distress_noted", source="chat", occurred_at="2026-11-22T10:00:00Z")]
    stats = safety_stats(events, ZoneInfo("Europe/London"))
    # Distress noted without an alert is counted on its own line, never as an offer.
    assert stats == {"events": 3, "dates": ["2026-11-18", "2026-11-19", "2026-11-20"], "distress": 1}


def test_the_report_names_every_source_it_counts():
    text = TEMPLATE.read_text()
    assert "Times the chat offered crisis support" not in text
    assert "Times crisis support was offered (chat, journal or PHQ-9)" in text
