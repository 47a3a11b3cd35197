"""A signed progress note as records must show it: the note as signed, then each dated
amendment, none rewritten. One function any report can call for one session's note, and a
section for the clinician's ending summary listing the notes that were amended."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.signed_note import SignedNote, version_heading
from alliance_desktop.reports.formatting import long_date, markup
from alliance_desktop.reports.styles import ReportStyles


def _version_label(styles: ReportStyles) -> ParagraphStyle:
    return ParagraphStyle(
        f"{styles.small.name}-note-version", parent=styles.small, spaceBefore=4, keepWithNext=1
    )


def signed_note_flowables(signed: SignedNote, styles: ReportStyles) -> list[Flowable]:
    """ "Signed 3 Mar 2026, 16:40" and the note; then "Amendment 1, 4 Mar 2026, 10:05" and the
    note as amended; and so on. Empty when the note was never signed."""
    flowables: list[Flowable] = []
    for index, version in enumerate(signed.versions):
        flowables.append(
            Paragraph(f"<i>{version_heading(index, version)}</i>", _version_label(styles))
        )
        paragraphs = [p for p in version.note.split("\n\n") if p.strip()] or ["(left empty)"]
        flowables += [Paragraph(markup(p), styles.body) for p in paragraphs]
    return flowables


def amended_notes_section(
    amended: Sequence[tuple[dt.date, SignedNote]], styles: ReportStyles, style: DateStyle
) -> list[Flowable]:
    """The notes changed after they were signed, each with its original and amendments."""
    flowables: list[Flowable] = [
        Paragraph("Amended session notes", styles.heading),
        Paragraph(
            "Notes changed after they were signed. The note as signed and each dated "
            "amendment are kept; none was rewritten.",
            styles.aside,
        ),
    ]
    for day, signed in amended:
        flowables.append(Paragraph(f"<b>Session of {long_date(day, style)}</b>", styles.body))
        flowables += signed_note_flowables(signed, styles)
    return flowables
