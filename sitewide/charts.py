"""Small bar charts, drawn on the server as SVG (practices/includes/bar_chart.html).

A chart is only a picture of numbers the page already states: the template
gives the SVG a title and a description that reads out every value, and a
table of the same data. Bars are laid out in percentages of the chart's width
with no viewBox, so text keeps its size from 360 px phones to wide screens.

    chart = bar_chart("network-categories", _("Practices per category"), rows)

`rows` are `Row`s; which numbers deserve a chart is the presenters' choice:
practices per category on the home page, a city's figures of one kind over
time, and a practice's context figures of one kind side by side.
"""

import textwrap
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from sitewide.figures import FigureKind
from sitewide.formatting import format_number, format_partial_date

# The longest bar takes this share of the width; the rest keeps room for its value.
MAX_BAR_PERCENT = 78
LINE_HEIGHT = 19
BAR_GAP = 6
BAR_HEIGHT = 18
ROW_GAP = 14
# Labels wrap at this many characters so they fit a 360 px phone, over at
# most LABEL_LINES lines (then they are shortened in the picture, never in the
# table or the description).
LABEL_CHARS = 34
LABEL_LINES = 3


@dataclass(frozen=True)
class Row:
    label: str
    value: int
    label_lang: str = ""
    approximate: bool = False
    note: str = ""  # a date, shown after the label
    source: str = ""
    source_lang: str = ""


@dataclass(frozen=True)
class Bar:
    row: Row
    display: str
    label_lines: list[str]
    percent: float
    label_y: int
    bar_y: int
    value_y: int

    @property
    def width(self):
        return f"{self.percent:.2f}%"


@dataclass
class BarChart:
    id: str
    title: str
    bars: list[Bar] = field(default_factory=list)
    label_heading: str = ""
    value_heading: str = ""
    height: int = 0

    @property
    def description(self):
        """Every value in words, for those who cannot see the bars."""
        return "; ".join(
            f"{bar.row.label}{f' ({bar.row.note})' if bar.row.note else ''}: {bar.display}"
            for bar in self.bars
        )

    @property
    def has_notes(self):
        return any(bar.row.note for bar in self.bars)

    @property
    def has_sources(self):
        return any(bar.row.source for bar in self.bars)


def label_lines(text, width=LABEL_CHARS, lines=LABEL_LINES):
    """The label, wrapped for the picture."""
    return textwrap.wrap(text, width=width, max_lines=lines, placeholder="…") or [""]


def without_title(label, title):
    """“Asylum seekers … in the ESTIA programme” under the title “Asylum seekers …”: “in the ESTIA programme”."""
    if title and label.casefold().startswith(title.casefold()) and len(label) > len(title) + 2:
        return label[len(title) :].strip(" ,:–-")
    return label


def bar_chart(chart_id, title, rows, *, label_heading=None, value_heading=None):
    rows = list(rows)
    largest = max((row.value for row in rows), default=0) or 1
    bars = []
    top = 0
    for row in rows:
        label = without_title(row.label, title)
        lines = label_lines(f"{label} ({row.note})" if row.note else label)
        bar_y = top + len(lines) * LINE_HEIGHT - LINE_HEIGHT + 4 + BAR_GAP + 12
        bars.append(
            Bar(
                row=row,
                display=("≈" if row.approximate else "") + format_number(row.value),
                label_lines=lines,
                percent=max(row.value / largest * MAX_BAR_PERCENT, 0.5),
                label_y=top + 15,
                bar_y=bar_y,
                value_y=bar_y + BAR_HEIGHT - 4,
            )
        )
        top = bar_y + BAR_HEIGHT + ROW_GAP
    return BarChart(
        id=chart_id,
        title=title,
        bars=bars,
        label_heading=label_heading or _("What is counted"),
        value_heading=value_heading or _("Number"),
        height=max(top - ROW_GAP + 2, 0),
    )


def kind_label(kind):
    try:
        return str(FigureKind(kind).label)
    except ValueError:
        return kind


def figure_row(figure, *, label=None, label_lang=None):
    return Row(
        label=label or figure.label,
        label_lang=label_lang or figure.label_lang,
        value=figure.value,
        approximate=figure.approximate,
        note=format_partial_date(figure.date) if figure.date else "",
        source=figure.source,
        source_lang=figure.source_lang,
    )


def figures_over_time(figures, chart_prefix, reader_language):
    """One chart per kind with two or more dated figures, oldest first (FigureViews in that order)."""
    by_kind = {}
    for figure in figures:
        if figure.date is not None:
            by_kind.setdefault((figure.kind, figure.label), []).append(figure)
    charts = []
    for index, ((kind, label), group) in enumerate(by_kind.items()):
        if len(group) < 2:
            continue
        title = label or kind_label(kind)
        # The date is the label here, so it is not repeated as a note.
        rows = [
            replace(
                figure_row(figure, label=format_partial_date(figure.date), label_lang=reader_language),
                note="",
            )
            for figure in group
        ]
        charts.append(
            bar_chart(
                f"{chart_prefix}-{index}",
                _("%(what)s over time") % {"what": title},
                rows,
                label_heading=_("Date"),
            )
        )
    return charts


def figures_side_by_side(figures, chart_prefix):
    """One chart per kind of which there are two or more figures: where a comparison helps."""
    by_kind = {}
    for figure in figures:
        by_kind.setdefault(figure.kind, []).append(figure)
    charts = []
    for index, (kind, group) in enumerate(by_kind.items()):
        if len(group) < 2 or kind == FigureKind.OTHER:
            continue
        charts.append(bar_chart(f"{chart_prefix}-{index}", kind_label(kind), [figure_row(f) for f in group]))
    return charts
