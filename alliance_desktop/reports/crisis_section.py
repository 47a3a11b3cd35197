""" "If things get worse": on every page a client takes home, never empty.

The practice profile's crisis contacts fill it, after anything the client and clinician wrote
together. A practice with no contacts yet still gives the client somewhere to turn: the
practice's phone, and the local emergency number.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from alliance_desktop.domain.crisis_contacts import CrisisContact
from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.reports.formatting import markup
from alliance_desktop.reports.styles import ReportStyles

HEADING = "If things get worse"
EMERGENCY = "In an emergency, call your local emergency number."


def crisis_lines(profile: PracticeProfile) -> list[str]:
    """One line per contact ("Samaritans: 116 123 (24 hours, every day)"), or the fallback."""
    if profile.crisis_contacts:
        return [contact_line(contact) for contact in profile.crisis_contacts]
    practice = profile.practice_name or profile.clinician_name or "the practice"
    lines = [f"Call {practice} on {profile.phone}." if profile.phone else ""]
    return [line for line in (*lines, EMERGENCY) if line]


def contact_line(contact: CrisisContact) -> str:
    hours = f" ({contact.hours})" if contact.hours else ""
    return f"{contact.name}: {contact.phone}{hours}"


def crisis_section(
    profile: PracticeProfile, styles: ReportStyles, written_together: str = ""
) -> list[Flowable]:
    """The heading, what the client and clinician wrote (if anything), then who to call."""
    flowables: list[Flowable] = [Paragraph(HEADING, styles.heading)]
    if written_together.strip():
        flowables.append(Paragraph(markup(written_together), styles.body))
    flowables.append(
        Paragraph("If you feel unsafe or can’t keep going, you can contact:", styles.body)
    )
    flowables += [
        Paragraph(markup(line), styles.bullet, bulletText="•") for line in crisis_lines(profile)
    ]
    return [KeepTogether(flowables)]
