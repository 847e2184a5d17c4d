"""The local scheduler reads EventBridge's cron dialect as AWS does (1 = Sunday, `?`, a year)."""
from __future__ import annotations

from datetime import datetime

import pytest

from emotecare_dev.local.cron import rate_seconds, schedule_matches
from functions.schedules import WEEKLY_REPORTS

MONDAY_1300 = datetime(2026, 12, 7, 13, 0)


@pytest.mark.parametrize("expression, when, fires", [
    ("cron(0 13 ? * MON *)", MONDAY_1300, True),
    ("cron(0 13 ? * MON *)", datetime(2026, 12, 8, 13, 0), False),  # Tuesday
    ("cron(0 13 ? * 2 *)", MONDAY_1300, True),  # EventBridge: 2 = Monday
    ("cron(0 13 ? * 1 *)", datetime(2026, 12, 6, 13, 0), True),  # 1 = Sunday
    ("cron(*/15 * * * ? 2026)", datetime(2026, 12, 8, 13, 30), True),
    ("cron(*/15 * * * ? 2025-2026)", datetime(2026, 12, 8, 13, 31), False),
    ("cron(*/15 * * * ? 2025)", datetime(2026, 12, 8, 13, 30), False),
])
def test_cron_expressions_fire_when_eventbridge_would(expression, when, fires):
    assert schedule_matches(expression, when) is fires


def test_the_weekly_report_schedule_fires_on_monday_at_one_pm_only():
    expression = WEEKLY_REPORTS.to_string()
    assert schedule_matches(expression, MONDAY_1300)
    assert not schedule_matches(expression, MONDAY_1300.replace(minute=1))


def test_rates_are_seconds_and_cron_is_not_a_rate():
    assert rate_seconds("rate(1 minute)") == 60
    assert rate_seconds("rate(2 hours)") == 7200
    assert rate_seconds("cron(0 13 ? * MON *)") is None
