"""The report's charts as PNG data URIs, drawn with matplotlib from a stored summary.

matplotlib is imported on first use (the API's routes never pay for it) and driven through
its object API with the Agg canvas: no pyplot global state, safe in a warm Lambda.
"""
from __future__ import annotations

import base64
import io

# One colour per FER2013 expression, the same in every chart and on the front end.
EXPRESSION_COLOURS = {
    "angry": "#d1495b", "disgust": "#8f5e99", "fear": "#edae49", "happy": "#66a182",
    "neutral": "#a0a4a8", "sad": "#00798c", "surprise": "#f2c14e",
}
_DPI = 100


def render_charts(summary: dict) -> dict[str, str | None]:
    """Chart name → `data:image/png;base64,…`, or None where the week has no data for it."""
    charts: dict[str, str | None] = dict.fromkeys(("daily_valence", "expressions", "mood"))
    if any(day["mean_valence"] is not None for day in summary["daily_valence"]):
        charts["daily_valence"] = _daily_valence(summary["daily_valence"])
    sessions = [s for s in summary["sessions"]["items"] if s["expressions"]]
    if sessions:
        charts["expressions"] = _expressions(sessions)
    if summary["journal"]["entries"]:
        charts["mood"] = _mood(summary["journal"]["daily_mood"])
    return charts


def _figure(width: float, height: float, left: float = 0.9, bottom: float = 0.45,
            top: float = 0.4, right: float = 0.2):
    """A figure whose margins are fixed in inches: one draw per chart, no "tight" re-layout."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=_DPI)
    FigureCanvasAgg(figure)
    figure.subplots_adjust(left=left / width, right=1 - right / width, bottom=bottom / height,
                           top=1 - top / height)
    return figure


def _data_uri(figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _daily_valence(days: list[dict]) -> str:
    figure = _figure(6.4, 2.6)
    axes = figure.add_subplot()
    labels = [day["weekday"] for day in days]
    values = [day["mean_valence"] if day["mean_valence"] is not None else float("nan")
              for day in days]
    axes.axhline(0, color="#cccccc", linewidth=1)
    positions = list(range(len(days)))  # numeric x: days without data keep their place
    axes.plot(positions, values, marker="o", color="#00798c")
    axes.set_xticks(positions, labels)
    axes.set_xlim(-0.5, len(days) - 0.5)
    axes.set_ylim(-1, 1)
    axes.set_ylabel("mean valence")
    axes.set_title("How your expressions felt, day by day")
    return _data_uri(figure)


def _expressions(sessions: list[dict]) -> str:
    figure = _figure(6.4, 1.5 + 0.4 * len(sessions), left=1.7, bottom=0.95)
    axes = figure.add_subplot()
    names = [f"{s['weekday']} {s['local_start'][11:]} "
             f"{'therapy' if s['kind'] == 'therapy' else 'self-reflect'}" for s in sessions]
    left = [0.0] * len(sessions)
    for label, colour in EXPRESSION_COLOURS.items():
        shares = [s["expressions"].get(label, 0.0) for s in sessions]
        if any(shares):
            axes.barh(names, shares, left=left, color=colour, label=label)
            left = [a + b for a, b in zip(left, shares)]
    axes.set_xlim(0, 1)
    axes.invert_yaxis()
    axes.set_xlabel("share of frames with a face")
    figure.legend(ncol=7, fontsize="small", loc="lower center", frameon=False)
    axes.set_title("Expressions in each session")
    return _data_uri(figure)


def _mood(days: list[dict]) -> str:
    figure = _figure(6.4, 2.4)
    axes = figure.add_subplot()
    axes.bar([d["weekday"] for d in days], [d["mood_average"] or 0 for d in days],
             color="#66a182")
    axes.set_ylim(0, 10)
    axes.set_ylabel("journal mood (1–10)")
    axes.set_title("Your mood journal")
    return _data_uri(figure)
