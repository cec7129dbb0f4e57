"""The reports stage: one report dict, rendered as JSON, Markdown or a self-contained HTML page."""

from __future__ import annotations

FORMATS = ("json", "md", "html")


def render(report: dict, fmt: str) -> str:
    """Render ``report`` in ``fmt`` (one of FORMATS); JSON is validated against the schema first."""
    if fmt == "json":
        from factcheck.reports.json_report import render_json, validate_report

        validate_report(report)
        return render_json(report)
    if fmt == "md":
        from factcheck.reports.markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from factcheck.reports.html import render_html

        return render_html(report)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
