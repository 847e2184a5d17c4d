"""Render a stored weekly summary to a self-contained HTML page (jinja2, charts inline)."""
from __future__ import annotations

import functools

from emotecare.reports.charts import EXPRESSION_COLOURS, render_charts


@functools.lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("emotecare.reports", "templates"),
                      autoescape=select_autoescape(["html"]), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["percent"] = lambda v: "–" if v is None else f"{v * 100:.0f}%"
    env.filters["signed"] = lambda v, digits=2: "–" if v is None else f"{v:+.{digits}f}"
    env.filters["points"] = lambda v: "–" if v is None else f"{v * 100:+.0f} points"
    env.filters["number"] = lambda v, digits=2: "–" if v is None else f"{v:.{digits}f}"
    return env


def render_report_html(summary: dict, patient_name: str) -> str:
    """The report page of `summary` for `patient_name` (empty weeks get a short, kind page)."""
    template = "empty_report.html" if summary["empty"] else "report.html"
    charts = {} if summary["empty"] else render_charts(summary)
    return _environment().get_template(template).render(
        s=summary, name=patient_name or "there", charts=charts, colours=EXPRESSION_COLOURS)
