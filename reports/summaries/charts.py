"""Bar charts as SVG (vector in the PDF, sharp on screen), written by hand: the charting
libraries at hand draw with scripts or CSS that WeasyPrint does not run. Every label is escaped."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 480, 200
LEFT, BOTTOM, TOP = 52, 34, 24
COLOURS = ("#1d4f91", "#9bb7d4", "#c0392b")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | int | Decimal | None, ...]


def bar_chart(
    *, labels: tuple[str, ...], series: tuple[Series, ...], unit: str = "", title: str = ""
) -> SafeString:
    """Grouped bars, one group per label, one colour per series, with a legend and a scale."""
    top = max((float(v) for s in series for v in s.values if v is not None), default=0) or 1
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    group_w = plot_w / max(len(labels), 1)
    bar_w = group_w * 0.7 / max(len(series), 1)
    parts = [_axis(top, unit, plot_h)]
    for g, label in enumerate(labels):
        x0 = LEFT + g * group_w + group_w * 0.15
        for k, s in enumerate(series):
            value = s.values[g] if g < len(s.values) else None
            if value is None:
                continue
            h = float(value) / top * plot_h
            x, y = x0 + k * bar_w, TOP + plot_h - h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 1:.1f}" height="{h:.1f}" '
                f'fill="{COLOURS[k % len(COLOURS)]}"><title>{escape(s.name)}: '
                f"{escape(_number(value))}</title></rect>"
            )
        parts.append(
            f'<text x="{LEFT + g * group_w + group_w / 2:.1f}" y="{HEIGHT - BOTTOM + 14}" '
            f'text-anchor="middle" font-size="10">{escape(label)}</text>'
        )
    parts.append(_legend(series))
    heading = f"<title>{escape(title)}</title>" if title else ""
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="chart" role="img" font-family="Liberation Serif, serif">{heading}'
        + "".join(parts)
        + "</svg>"
    )
    return mark_safe(svg)  # noqa: S308 - every text above is escaped


def _axis(top: float, unit: str, plot_h: float) -> str:
    lines = []
    for step in range(5):
        value = top * step / 4
        y = TOP + plot_h - plot_h * step / 4
        lines.append(
            f'<line x1="{LEFT}" x2="{WIDTH - 8}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ccc" '
            f'stroke-width="0.5"/><text x="{LEFT - 4}" y="{y + 3:.1f}" text-anchor="end" '
            f'font-size="9">{escape(_number(value))}</text>'
        )
    if unit:
        lines.append(f'<text x="4" y="10" font-size="9">{escape(unit)}</text>')
    return "".join(lines)


def _legend(series: tuple[Series, ...]) -> str:
    items = []
    for k, s in enumerate(series):
        x = LEFT + k * 150
        items.append(
            f'<rect x="{x}" y="{HEIGHT - 12}" width="10" height="8" '
            f'fill="{COLOURS[k % len(COLOURS)]}"/><text x="{x + 14}" y="{HEIGHT - 4}" '
            f'font-size="10">{escape(s.name)}</text>'
        )
    return "".join(items)


def _number(value: float | int | Decimal) -> str:
    """Vietnamese grouping: 1.477.179; one decimal with a comma below 100."""
    number = float(value)
    if abs(number) >= 100 or number == int(number):
        return f"{round(number):,}".replace(",", ".")
    return f"{number:.1f}".replace(".", ",")
