"""The safety plan, printed for the client to keep: their own words under the seven steps, in
large plain type on one or two pages, and the practice's crisis contacts, always.

Nothing from the clinician's record is printed: no risk level, no review, no notes. The data
type holds the plan and the contacts only, so nothing else can be slipped in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from alliance_desktop.domain.crisis_contacts import CrisisContact
from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.domain.risk import (
    SAFETY_PLAN_SECTIONS,
    SafetyPlan,
    require_printable,
    section_entries,
)
from alliance_desktop.reports.formatting import long_date, markup
from alliance_desktop.reports.opening import open_report
from alliance_desktop.reports.page_template import render
from alliance_desktop.reports.sections import writing_lines
from alliance_desktop.reports.styles import (
    ACCENT,
    FONT,
    FONT_BOLD,
    INK,
    SHADE,
    ReportStyles,
)

TITLE = "My safety plan"
INTRO = (
    "This plan is yours. Keep it somewhere you can find it quickly. When things start to get "
    "harder, work down the steps, one at a time, until you feel safer."
)
IN_DANGER = "If you are in danger right now, or can’t keep yourself safe, call:"
NO_CONTACTS = (
    "Your local emergency number (999 in the UK, 112 in Europe, 911 in North America), or go "
    "to the nearest emergency department."
)
PROFESSIONALS_NOTE = "The crisis lines at the top of this plan are there for you too, any time."
EMPTY_SECTION = "We haven’t written this part yet. You can add to it here:"


@dataclass(frozen=True)
class SafetyPlanData:
    profile: PracticeProfile
    client_name: str  # what the client likes to be called
    generated_on: dt.date
    plan: SafetyPlan

    @property
    def crisis_contacts(self) -> tuple[CrisisContact, ...]:
        return self.profile.crisis_contacts


@dataclass(frozen=True)
class _LargeStyles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    intro: ParagraphStyle
    step: ParagraphStyle
    entry: ParagraphStyle
    quiet: ParagraphStyle
    contact: ParagraphStyle
    contact_bold: ParagraphStyle


@cache
def _large_styles(base: ReportStyles) -> _LargeStyles:
    """Larger than the other client reports (14 pt): read when things are hard."""

    def style(name: str, size: float, **extra: object) -> ParagraphStyle:
        options: dict[str, object] = {"fontSize": size, "leading": round(size * 1.3, 1)}
        options.update(extra)
        return ParagraphStyle(f"safety-{name}", parent=base.body, **options)

    return _LargeStyles(
        title=style("title", 24, fontName=FONT_BOLD, spaceAfter=2),
        subtitle=style("subtitle", 14, textColor=base.subtitle.textColor, spaceAfter=6),
        intro=style("intro", 14, spaceAfter=6),
        step=style(
            "step",
            16,
            fontName=FONT_BOLD,
            textColor=ACCENT,
            spaceBefore=9,
            spaceAfter=3,
            keepWithNext=1,
        ),
        entry=style("entry", 14, leftIndent=18, bulletIndent=4, spaceAfter=2),
        quiet=style("quiet", 12, textColor=base.small.textColor, spaceAfter=2),
        contact=style("contact", 14, spaceAfter=0),
        contact_bold=style("contact-bold", 14, fontName=FONT_BOLD, spaceAfter=0),
    )


def build_safety_plan(data: SafetyPlanData) -> bytes:
    """The client's copy; an empty plan is refused (InvalidInput), nothing is drawn."""
    plan = require_printable(data.plan)
    style = data.profile.date_style
    opening = open_report(
        kind=TITLE,
        subject="A safety plan written together, for the client to keep",
        profile=data.profile,
        generated_on=data.generated_on,
        client_facing=True,
        title=TITLE,
        subtitle=f"For {data.client_name} · written together, last changed "
        f"{long_date(plan.updated_on, style)}",
    )
    setup, width, story = opening.setup, opening.width, opening.story
    styles = _large_styles(opening.styles)
    story.append(Paragraph(INTRO, styles.intro))
    story.append(crisis_box(data.crisis_contacts, width, opening.styles))
    for number, section in enumerate(SAFETY_PLAN_SECTIONS, start=1):
        entries = section_entries(plan, section)
        block: list[Flowable] = [Paragraph(f"{number}. {section.heading}", styles.step)]
        if entries:
            block += [Paragraph(markup(entry), styles.entry, bulletText="•") for entry in entries]
        else:
            block += [Paragraph(EMPTY_SECTION, styles.quiet), writing_lines(2, width, 8 * mm)]
        if section.field == "professionals":
            block.append(Paragraph(PROFESSIONALS_NOTE, styles.quiet))
        story.append(KeepTogether(block))
    return render(setup, story)


def crisis_box(contacts: tuple[CrisisContact, ...], width: float, base: ReportStyles) -> Table:
    """A shaded box: who to call now, with their numbers and hours; never empty."""
    styles = _large_styles(base)
    rows: list[list[Flowable]] = [[Paragraph(IN_DANGER, styles.contact_bold), Spacer(1, 1)]]
    if contacts:
        for contact in contacts:
            name = markup(contact.name)
            if contact.hours:
                name += f" <font size=11>({markup(contact.hours)})</font>"
            rows.append(
                [
                    Paragraph(name, styles.contact),
                    Paragraph(markup(contact.phone), styles.contact_bold),
                ]
            )
    else:
        rows.append([Paragraph(NO_CONTACTS, styles.contact), Spacer(1, 1)])
    table = Table(rows, colWidths=[0.66 * width, 0.34 * width])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
            + ([("SPAN", (0, 1), (-1, 1))] if not contacts else [])
        )
    )
    return table
