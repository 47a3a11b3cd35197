"""Questionnaire scores as a client reads them, when the clinician ticks them in: a plain name
("Mood questionnaire (PHQ-9)"), the real range, which way is better, and the first and latest
score only. The client's own rating of our sessions is kept apart from how they have been
feeling, so a score about us is never read as a score about them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from alliance_desktop.domain.alliance_check_in import Instrument
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.reports.formatting import long_date, whole_or_decimal
from alliance_desktop.reports.report_data import InstrumentReading
from alliance_desktop.reports.sections import grid_table
from alliance_desktop.reports.styles import ReportStyles


@dataclass(frozen=True)
class PlainMeasure:
    name: str
    lower_is_better: bool
    about_sessions: bool  # the client's rating of our work, not of how they feel


PLAIN_MEASURES = {
    Instrument.PHQ9: PlainMeasure("Mood questionnaire (PHQ-9)", True, False),
    Instrument.GAD7: PlainMeasure("Worry and anxiety questionnaire (GAD-7)", True, False),
    Instrument.ORS: PlainMeasure("How life has been going (ORS)", False, False),
    Instrument.SRS: PlainMeasure("How our sessions felt to you (SRS)", False, True),
    Instrument.WAI_SR: PlainMeasure("How we work together (WAI-SR)", False, True),
}


@dataclass(frozen=True)
class MeasureRow:
    name: str
    scale: str  # "0–27, lower is better"
    first: str  # "17 (5 January 2026)"
    latest: str  # "" when filled in only once


def measure_rows(
    readings: Sequence[InstrumentReading], style: DateStyle, about_sessions: bool
) -> list[MeasureRow]:
    by_instrument: dict[Instrument, list[InstrumentReading]] = {}
    for reading in sorted(readings, key=lambda r: (r.on, r.instrument.value)):
        if PLAIN_MEASURES[reading.instrument].about_sessions is about_sessions:
            by_instrument.setdefault(reading.instrument, []).append(reading)
    rows = []
    for instrument in sorted(by_instrument, key=lambda i: PLAIN_MEASURES[i].name):
        series = by_instrument[instrument]
        spec, plain = instrument.spec, PLAIN_MEASURES[instrument]
        better = "lower is better" if plain.lower_is_better else "higher is better"
        scale = f"{whole_or_decimal(spec.minimum)}–{whole_or_decimal(spec.maximum)}, {better}"
        latest = _score(series[-1], style) if len(series) > 1 else ""
        rows.append(MeasureRow(plain.name, scale, _score(series[0], style), latest))
    return rows


def client_measures_section(
    readings: Sequence[InstrumentReading], styles: ReportStyles, style: DateStyle, width: float
) -> list[Flowable]:
    flowables: list[Flowable] = []
    for about_sessions, title in (
        (False, "Questionnaires about how you have been"),
        (True, "Your ratings of our sessions"),
    ):
        rows = measure_rows(readings, style, about_sessions)
        if rows:
            flowables.append(
                KeepTogether([Paragraph(title, styles.heading), _table(rows, styles, width)])
            )
    return flowables


def _table(rows: Sequence[MeasureRow], styles: ReportStyles, width: float) -> Table:
    header = ("Questionnaire", "Scores run", "First", "Latest")
    cells = [[Paragraph(h, styles.cell_bold) for h in header]]
    cells += [
        [
            Paragraph(row.name, styles.cell),
            Paragraph(row.scale, styles.cell),
            Paragraph(row.first, styles.cell),
            Paragraph(row.latest or "Filled in once", styles.cell),
        ]
        for row in rows
    ]
    return grid_table(cells, [0.34 * width, 0.24 * width, 0.21 * width, 0.21 * width])


def _score(reading: InstrumentReading, style: DateStyle) -> str:
    return f"{whole_or_decimal(reading.total)} ({long_date(reading.on, style)})"
