"""The report's charts as SVG data URIs, drawn with pygal from a stored summary.

pygal is pure Python (it ships in the API's zip, where matplotlib's numpy cannot: see
requirements.txt), is imported on first use, and renders a small chart in tens of
milliseconds. Charts are embedded as `<img>` data URIs: no scripts run and nothing is
fetched when a report page is opened.
"""
from __future__ import annotations

import base64
import functools

# One colour per FER2013 expression, the same in every chart and on the front end.
EXPRESSION_COLOURS = {
    "angry": "#d1495b", "disgust": "#8f5e99", "fear": "#edae49", "happy": "#66a182",
    "neutral": "#a0a4a8", "sad": "#00798c", "surprise": "#f2c14e",
}
_WIDTH = 640


def render_charts(summary: dict) -> dict[str, str | None]:
    """Chart name → `data:image/svg+xml;base64,…`, or None where the week has no data for it."""
    charts: dict[str, str | None] = dict.fromkeys(("daily_valence", "expressions", "mood"))
    if any(day["mean_valence"] is not None for day in summary["daily_valence"]):
        charts["daily_valence"] = _daily_valence(summary["daily_valence"])
    sessions = [s for s in summary["sessions"]["items"] if s["expressions"]]
    if sessions:
        charts["expressions"] = _expressions(sessions)
    if summary["journal"]["entries"]:
        charts["mood"] = _mood(summary["journal"]["daily_mood"])
    return charts


@functools.lru_cache(maxsize=8)
def _style(*colours: str):
    from pygal.style import Style

    return Style(background="white", plot_background="white", foreground="#23313a",
                 foreground_strong="#23313a", foreground_subtle="#5c6b75",
                 font_family="system-ui, sans-serif", colors=colours or ("#00798c",),
                 title_font_size=16, label_font_size=12, legend_font_size=12)


def _config(**options) -> dict:
    # js=[]: pygal would otherwise reference its tooltip script on a CDN.
    return {"width": _WIDTH, "js": [], "disable_xml_declaration": True, "pretty_print": False,
            "show_y_guides": True, **options}


def _data_uri(chart) -> str:
    svg = chart.render(is_unicode=True).encode("utf-8")
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def _daily_valence(days: list[dict]) -> str:
    import pygal

    chart = pygal.Line(**_config(height=260, range=(-1, 1), show_legend=False,
                                 allow_interruptions=True, style=_style("#00798c"),
                                 title="How your expressions felt, day by day",
                                 y_title="mean valence (−1 to +1)"))
    chart.x_labels = [day["weekday"] for day in days]
    chart.add("mean valence", [day["mean_valence"] for day in days])
    return _data_uri(chart)


def _expressions(sessions: list[dict]) -> str:
    import pygal

    sessions = sessions[::-1]  # pygal draws the first bar at the bottom; read top-down in time
    labels = [label for label in EXPRESSION_COLOURS
              if any(s["expressions"].get(label) for s in sessions)]
    chart = pygal.HorizontalStackedBar(**_config(
        height=140 + 40 * len(sessions), range=(0, 1), legend_at_bottom=True,
        legend_at_bottom_columns=len(labels), style=_style(*(EXPRESSION_COLOURS[l] for l in labels)),
        title="Expressions in each session", x_title="share of frames with a face"))
    chart.x_labels = [f"{s['weekday']} {s['local_start'][11:]} "
                      f"{'therapy' if s['kind'] == 'therapy' else 'self-reflect'}" for s in sessions]
    for label in labels:
        chart.add(label, [s["expressions"].get(label, 0.0) for s in sessions])
    return _data_uri(chart)


def _mood(days: list[dict]) -> str:
    import pygal

    chart = pygal.Bar(**_config(height=240, range=(0, 10), show_legend=False,
                                style=_style("#66a182"), title="Your mood journal",
                                y_title="mood (1–10)"))
    chart.x_labels = [day["weekday"] for day in days]
    chart.add("mood", [day["mood_average"] for day in days])
    return _data_uri(chart)
