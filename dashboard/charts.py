"""Indicator series as server-side SVG: no JavaScript, every point a link to its article.

Pure: points in, markup out. The markup is built with escaped text only (`html.escape`), so a
label scraped from a page cannot inject anything into the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from storage.views_facts import Point

WIDTH, HEIGHT = 760, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 20, 16, 56
COLOURS = ("#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d")
_YEAR = re.compile(r"\d{4}")


def period_key(period: str) -> tuple[int, str]:
    """Sort periods by their first year, then as text ("2019" < "2020" < "2020-9M" < "2021")."""
    found = _YEAR.search(period)
    return (int(found.group(0)) if found else 0, period)


@dataclass(frozen=True)
class ChartPoint:
    point: Point
    changed: bool  # another value than the point before it in its series


def mark_changes(points: Sequence[Point]) -> list[ChartPoint]:
    """Each locality's points in period order, flagged where the value changed."""
    out: list[ChartPoint] = []
    previous: dict[str, float] = {}
    for p in sorted(points, key=lambda p: (p.locality, period_key(p.period), p.published_at is None, p.published_at, p.id)):
        before = previous.get(p.locality)
        out.append(ChartPoint(p, before is not None and before != p.value))
        previous[p.locality] = p.value
    return out


def format_number(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u00a0").replace(".", ",")  # Vietnamese: "," is the decimal sign


def series_svg(points: Sequence[ChartPoint], link: str = "/bai-viet/{article_id}?obs={id}#obs-{id}") -> str:
    """One line per locality over the periods; each point an <a> to its article and sentence."""
    if not points:
        return ""
    periods = sorted({c.point.period for c in points}, key=period_key)
    localities = list(dict.fromkeys(c.point.locality for c in points))
    top = max(c.point.value for c in points) * 1.1 or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(periods) - 1, 1)

    def x(period: str) -> float:
        return LEFT + (periods.index(period) * step if len(periods) > 1 else plot_w / 2)

    def y(value: float) -> float:
        return TOP + plot_h - value / top * plot_h

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" class="chart" role="img">']
    for i in range(5):
        value = top * i / 4
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" class="grid"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" class="axis" text-anchor="end">{format_number(round(value))}</text>')
    for period in periods:
        parts.append(f'<text x="{x(period):.1f}" y="{HEIGHT - BOTTOM + 18}" class="axis" text-anchor="middle">{escape(period)}</text>')
    for n, locality in enumerate(localities):
        colour = COLOURS[n % len(COLOURS)]
        mine = [c for c in points if c.point.locality == locality]
        coords = " ".join(f"{x(c.point.period):.1f},{y(c.point.value):.1f}" for c in mine)
        parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for c in mine:
            p = c.point
            href = escape(link.format(article_id=p.article_id, id=p.id))
            tip = escape(f"{locality} · {p.period}: {format_number(p.value)} {p.unit} — {p.article_title}")
            css = "point changed" if c.changed else "point"
            radius = 7 if c.changed else 5
            parts.append(
                f'<a href="{href}" class="point-link" data-period="{escape(p.period)}" data-value="{format_number(p.value)}">'
                f'<circle cx="{x(p.period):.1f}" cy="{y(p.value):.1f}" r="{radius}" fill="{colour}" class="{css}">'
                f"<title>{tip}</title></circle>"
                f'<text x="{x(p.period):.1f}" y="{y(p.value) - 10:.1f}" class="value" text-anchor="middle">{format_number(p.value)}</text></a>'
            )
        parts.append(
            f'<text x="{LEFT + 8 + 180 * n}" y="{HEIGHT - 12}" class="legend" fill="{colour}">■ {escape(locality)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
