"""The one way every report opens: its styles, its page setup, the practice letterhead and the
title lines. Written once so the goal review, the ending plan, both ending summaries, the
handover record and any report added later look like one practice's papers, and a change to
the letterhead or the title styles reaches them all."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, Paragraph

from alliance_desktop.domain.practice_profile import DateStyle, PracticeProfile
from alliance_desktop.reports.formatting import markup
from alliance_desktop.reports.page_template import PageSetup, letterhead
from alliance_desktop.reports.styles import ReportStyles, report_styles


@dataclass
class ReportOpening:
    """What a builder needs to go on: the setup to render with, the styles, and the story so
    far (letterhead, title, subtitle); the builder appends its own sections to `story`."""

    setup: PageSetup
    styles: ReportStyles
    story: list[Flowable] = field(default_factory=list)

    @property
    def width(self) -> float:
        return self.setup.content_width

    @property
    def date_style(self) -> DateStyle:
        return self.setup.profile.date_style


def open_report(
    *,
    kind: str,
    subject: str,
    profile: PracticeProfile,
    generated_on: dt.date,
    client_facing: bool,
    title: str,
    subtitle: str = "",
) -> ReportOpening:
    """`kind` ("Goal review") goes into the PDF metadata and the footer, so never a name;
    `title` and `subtitle` are printed under the letterhead and may name the client (they are
    escaped here)."""
    styles = report_styles(client_facing=client_facing)
    setup = PageSetup(title=kind, subject=subject, profile=profile, generated_on=generated_on)
    story: list[Flowable] = letterhead(profile, styles)
    story.append(Paragraph(markup(title), styles.title))
    if subtitle:
        story.append(Paragraph(markup(subtitle), styles.subtitle))
    return ReportOpening(setup=setup, styles=styles, story=story)
