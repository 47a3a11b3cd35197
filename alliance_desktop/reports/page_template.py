"""The page every report shares: paper size from the profile, the practice letterhead, and a
footer on every page with "Confidential", the date generated and "Page 2 of 3".

Documents are built with ReportLab's `invariant=1`, so the same data gives the same bytes, and
the PDF metadata names the kind of report only, never the client. Invariant mode would date
every PDF 1 January 2000 and give documents of one kind one ID; instead the creation date is
the day the report was generated (midnight UTC: same data, same day, same bytes), and the ID
of an unencrypted PDF is a hash of its own content, so two different documents never share one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import io
import re
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
)

from alliance_desktop.domain.practice_profile import PaperSize, PracticeProfile
from alliance_desktop.reports.formatting import markup, short_date
from alliance_desktop.reports.styles import FONT, MUTED, RULE, ReportStyles, register_fonts

_PAGE_SIZES = {PaperSize.A4: A4, PaperSize.LETTER: LETTER}
MARGIN = 20 * mm
FOOTER_SIZE = 9


@dataclass(frozen=True)
class PageSetup:
    title: str  # the kind of report: "Goal review"; goes into the metadata, so never a name
    subject: str
    profile: PracticeProfile
    generated_on: dt.date

    @property
    def page_size(self) -> tuple[float, float]:
        width, height = _PAGE_SIZES[self.profile.paper_size]
        return (float(width), float(height))

    @property
    def content_width(self) -> float:
        return self.page_size[0] - 2 * float(MARGIN)


def letterhead(profile: PracticeProfile, styles: ReportStyles) -> list[Flowable]:
    """Practice name, clinician and credentials, address and contact; left out when blank."""
    flowables: list[Flowable] = []
    practice = profile.practice_name or profile.clinician_name
    if practice:
        flowables.append(Paragraph(markup(practice), styles.practice))
    clinician = ", ".join(
        part
        for part in (
            profile.clinician_name if profile.practice_name else "",
            profile.credentials,
        )
        if part
    )
    lines = [clinician, ", ".join(profile.address.splitlines())]
    lines.append("  ·  ".join(p for p in (profile.phone, profile.email, profile.website) if p))
    for line in lines:
        if line.strip():
            flowables.append(Paragraph(markup(line), styles.letterhead))
    if not flowables:
        return []  # no profile written yet: no empty letterhead
    flowables.append(Spacer(1, 2 * mm))
    flowables.append(HRFlowable(width="100%", thickness=0.8, color=RULE, spaceAfter=4 * mm))
    return flowables


def render(
    setup: PageSetup,
    story: Sequence[Flowable],
    encryption: StandardEncryption | None = None,
    footer_subject: str = "",
) -> bytes:
    """Lay the story out on pages and return the PDF, encrypted when `encryption` is given;
    `footer_subject` (the client, in clinician documents) starts every page's footer."""
    register_fonts()
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=setup.page_size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=setup.title,
        subject=setup.subject,
        author=setup.profile.practice_name or setup.profile.clinician_name,
        creator="Alliance Desktop",
        producer="Alliance Desktop (ReportLab)",
        invariant=1,
        pageCompression=1,
        lang="en",
        initialFontName=FONT,
        encrypt=encryption,
    )
    frame = Frame(
        document.leftMargin,
        document.bottomMargin,
        document.width,
        document.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    generated = short_date(setup.generated_on, setup.profile.date_style)
    footer = f"Confidential  ·  {setup.title}  ·  Generated {generated}"
    if footer_subject:  # the client first; the date generated is in the document itself
        footer = f"{footer_subject}  ·  Confidential {setup.title.lower()}"

    def canvas_maker(*args: Any, **kwargs: Any) -> Canvas:
        canvas = _NumberedCanvas(footer, *args, **kwargs)
        canvas._doc._timeStamp = generation_stamp(setup.generated_on)
        if encryption is not None:
            # Its keys are random anyway; a random ID keeps two handovers of one day apart.
            canvas._doc.updateSignature(secrets.token_bytes(16))
        return canvas

    document.build(list(story), canvasmaker=canvas_maker)
    pdf = buffer.getvalue()
    # An encrypted PDF's keys are derived from its ID: it keeps the one it was built with.
    return pdf if encryption is not None else with_content_id(pdf)


def generation_stamp(day: dt.date) -> TimeStamp:
    """ReportLab's document time stamp set to midnight UTC of the day the report was made."""
    stamp = TimeStamp(invariant=True)
    seconds = calendar.timegm(day.timetuple())
    stamp.t = seconds
    stamp.lt = time.gmtime(seconds)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    return stamp


_ID = re.compile(rb"/ID \s*\[<([0-9a-fA-F]{32})><([0-9a-fA-F]{32})>\]")


def with_content_id(pdf: bytes) -> bytes:
    """The trailer's /ID replaced by an MD5 of the document with the ID left out (the same
    length, so every byte offset in the file stays true)."""
    found = _ID.search(pdf)
    if found is None:
        return pdf
    start, end = found.span()
    digest = hashlib.md5(pdf[:start] + pdf[end:], usedforsecurity=False).hexdigest().encode()
    return (
        pdf[:start]
        + found.group(0).replace(found.group(1), digest).replace(found.group(2), digest)
        + pdf[end:]
    )


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page back until the end so each footer can say "Page n of total"."""

    def __init__(self, footer: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        y = MARGIN - 4 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(MARGIN, y + 4.5 * mm, width - MARGIN, y + 4.5 * mm)
        self.setFont(FONT, FOOTER_SIZE)
        self.setFillColor(MUTED)
        self.drawString(MARGIN, y, self._footer)
        self.drawRightString(width - MARGIN, y, f"Page {number} of {total}")
        self.restoreState()
