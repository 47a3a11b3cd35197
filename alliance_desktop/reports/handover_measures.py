"""The handover record's alliance and questionnaire parts: charts first, then the first and
latest score of each questionnaire (a long course has over a hundred readings; the chart shows
them all, the table what a receiver compares).

Without the rupture log in the handover the alliance chart has no rupture markers and no
rupture legend: nothing hints at a log the receiver was not given.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from alliance_desktop.domain.alliance_check_in import Instrument
from alliance_desktop.domain.alliance_flags import CheckInPoint
from alliance_desktop.domain.handover import ClientRecord, HandoverOptions
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.share_consent import ShareCategory
from alliance_desktop.reports.charts import (
    _date_scale,
    _date_ticks,
    _drawing,
    _text,
    alliance_chart,
    alliance_points,
)
from alliance_desktop.reports.formatting import number, plural, short_date, whole_or_decimal
from alliance_desktop.reports.report_data import InstrumentReading
from alliance_desktop.reports.sections import instrument_summary_table
from alliance_desktop.reports.styles import ACCENT, MUTED, RULE, ReportStyles

_TICK_SIZE = 7.5


def alliance_part(
    record: ClientRecord,
    options: HandoverOptions,
    styles: ReportStyles,
    style: DateStyle,
    width: float,
) -> list[Flowable]:
    heading = Paragraph("The alliance over time", styles.heading)
    if not options.includes(ShareCategory.MEASURES):
        return [heading, not_included("Check-ins", styles)]
    check_ins = check_in_points(record)
    rated = [point for point in check_ins if point.ratings is not None]
    if not rated:
        return [heading, Paragraph("No check-ins were recorded.", styles.body)]
    ruptures = record.ruptures if options.include_ruptures else ()
    _, group = alliance_points(check_ins)
    text = (
        f"{plural(len(rated), 'session check-in')} (the client’s own ratings where given, "
        "otherwise the clinician’s)"
        + (f", each point the average of {group} in a row" if group > 1 else "")
        + (", with a marker at each rupture, coloured by its outcome." if ruptures else ".")
    )
    overall = [p.ratings.overall for p in rated if p.ratings is not None]
    early, late = overall[:3], overall[-3:]
    text += (
        f" Overall rating: {number(sum(early) / len(early))} on average over the first "
        f"{plural(len(early), 'check-in')}, {number(sum(late) / len(late))} over the last "
        f"{len(late)}."
    )
    chart = alliance_chart(check_ins, ruptures, style, width, rupture_legend=bool(ruptures))
    return [KeepTogether([heading, Paragraph(text, styles.body), chart])]


def questionnaires_part(
    record: ClientRecord,
    options: HandoverOptions,
    styles: ReportStyles,
    style: DateStyle,
    width: float,
) -> list[Flowable]:
    heading = Paragraph("Questionnaire scores", styles.heading)
    if not options.includes(ShareCategory.MEASURES):
        return [heading, not_included("Questionnaire scores", styles)]
    readings = readings_of(record)
    if not readings:
        return [heading, Paragraph("No questionnaire scores were recorded.", styles.body)]
    flowables: list[Flowable] = [heading]
    by_instrument: dict[Instrument, list[InstrumentReading]] = {}
    for reading in sorted(readings, key=lambda r: r.on):
        by_instrument.setdefault(reading.instrument, []).append(reading)
    for instrument in sorted(by_instrument, key=lambda i: i.spec.label):
        series = by_instrument[instrument]
        caption = (
            f"{instrument.spec.label}: {plural(len(series), 'score')}, "
            f"{short_date(series[0].on, style)} to {short_date(series[-1].on, style)}"
        )
        chart = score_chart(series, instrument.spec.maximum, style, min(width, 420.0))
        flowables.append(KeepTogether([Paragraph(caption, styles.caption), chart]))
    flowables.append(Paragraph("First and latest", styles.label))
    flowables.append(instrument_summary_table(readings, styles, style, width))
    return flowables


def score_chart(
    series: Sequence[InstrumentReading],
    maximum: float,
    style: DateStyle,
    width: float,
    height: float = 90,
) -> Drawing:
    """One questionnaire's totals over time, on its own scale from 0 to its maximum."""
    drawing = _drawing(width, height)
    left, right, bottom, top = 30.0, width - 10, 20.0, height - 8

    def y_of(score: float) -> float:
        return bottom + score / maximum * (top - bottom)

    for grid in (0.0, maximum / 2, maximum):
        y = y_of(grid)
        drawing.add(Line(left, y, right, y, strokeColor=RULE, strokeWidth=0.5))
        label = whole_or_decimal(grid)
        drawing.add(_text(left - 5, y - 3, label, size=_TICK_SIZE, anchor="end"))
    first, last = series[0].on, series[-1].on
    x_of = _date_scale(first, last, left + 6, right - 6)
    _date_ticks(drawing, first, last, x_of, bottom, style, right - left)
    coordinates = [(x_of(r.on), y_of(r.total)) for r in series]
    if len(coordinates) > 1:
        drawing.add(
            PolyLine([v for c in coordinates for v in c], strokeColor=ACCENT, strokeWidth=1.3)
        )
    if len(coordinates) <= 60:
        for x, y in coordinates:
            drawing.add(Circle(x, y, 2.0, fillColor=ACCENT, strokeColor=None))
    drawing.add(Line(left, bottom, right, bottom, strokeColor=MUTED, strokeWidth=0.5))
    return drawing


def not_included(what: str, styles: ReportStyles) -> Paragraph:
    return Paragraph(
        f"{what} were not included: the client did not agree to share them, or the "
        "clinician left them out.",
        styles.body,
    )


def check_in_points(record: ClientRecord) -> list[CheckInPoint]:
    return [
        CheckInPoint(session.id or 0, session.start.date(), check_in.client, check_in.clinician)
        for session in record.sessions
        if (check_in := session.check_in).client or check_in.clinician
    ]


def readings_of(record: ClientRecord) -> tuple[InstrumentReading, ...]:
    return tuple(
        InstrumentReading(session.start.date(), score.instrument, score.total)
        for session in record.sessions
        for score in session.check_in.instruments
    )
