"""What the care team sees of a report stored before the care team's view existed."""
from __future__ import annotations

from emotecare.sessions.sharing import care_team_summary

THERAPY = {"kind": "therapy", "session_id": "s-1"}
REFLECT = {"kind": "self_reflect", "session_id": "s-2"}
EMOTIONS = {"frames": 10, "face_share": 0.9, "mean_valence": 0.2, "expressions": {"happy": 1.0}}


def test_an_old_report_without_self_reflect_is_shown_whole():
    summary = {"sessions": {"attended": 1, "self_reflect": 0, "items": [THERAPY]},
               "emotions": EMOTIONS}
    assert care_team_summary(summary) == summary


def test_an_old_report_with_self_reflect_hides_it_and_the_figures_that_mix_it_in():
    summary = {"sessions": {"attended": 1, "self_reflect": 1, "items": [THERAPY, REFLECT]},
               "emotions": EMOTIONS, "daily_valence": [{"date": "2026-01-05"}], "journal": {"entries": 2}}
    view = care_team_summary(summary)
    assert view["sessions"] == {"attended": 1, "self_reflect": 0, "items": [THERAPY]}
    assert view["emotions"]["frames"] is None and view["daily_valence"] == []
    assert view["journal"] == {"entries": 2}
    assert summary["sessions"]["self_reflect"] == 1  # the stored summary is left as it was


def test_a_compiled_care_team_view_is_used_as_it_is():
    care = {"sessions": {"self_reflect": 0, "items": []}}
    assert care_team_summary({"sessions": {"self_reflect": 1}, "care_team": care}) is care
