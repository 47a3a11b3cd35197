"""The custodian's letter inside a continuity package, and the sealed letter printed to go with
the password.

The letter travels inside the package (encrypted with its password): it says what the package
is, how to open it, and whom to contact first, clients at risk and those with sessions booked
at the top. The sealed letter is printed blank where the password goes; the clinician writes it
in by hand, so the password is never on any disk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from alliance_desktop.domain.continuity import ClientToContact, ContactReason, Custodian
from alliance_desktop.domain.practice_profile import DateStyle, PracticeProfile
from alliance_desktop.reports.formatting import long_date, markup, plural, short_date
from alliance_desktop.reports.opening import open_report
from alliance_desktop.reports.page_template import render
from alliance_desktop.reports.sections import facts_table, grid_table, writing_lines
from alliance_desktop.reports.styles import ReportStyles

LETTER_TITLE = "For the custodian of these records"
SEALED_TITLE = "Sealed letter: the continuity package password"


@dataclass(frozen=True)
class CustodianLetterData:
    profile: PracticeProfile
    custodian: Custodian
    made_on: dt.date
    package_folder: str  # the package's folder name, as the custodian will find it
    clients: Sequence[ClientToContact]  # in the order to contact them
    retention_years: int


def build_custodian_letter(data: CustodianLetterData) -> bytes:
    style = data.profile.date_style
    opening = open_report(
        kind=LETTER_TITLE,
        subject="Continuity package",
        profile=data.profile,
        generated_on=data.made_on,
        client_facing=False,
        title=LETTER_TITLE,
        subtitle=f"Prepared for {data.custodian.name} on {long_date(data.made_on, style)}",
    )
    setup, styles, width, story = opening.setup, opening.styles, opening.width, opening.story
    clinician = data.profile.clinician_name or "the clinician"
    story += _section(
        "What this is",
        [
            f"{markup(clinician)} named you as the custodian of their clinical records, to act "
            "if they die, become seriously ill or can no longer practise. This package holds "
            f"the records of {plural(len(data.clients), 'client')}, each as it would be handed "
            "over to another clinician, encrypted with one password given to you separately "
            "in a sealed letter.",
            "These are confidential health records. Keep the package and the password apart, "
            "share them only as the law and the clients' interests require, and keep the "
            f"records for {data.retention_years} years after each client's last session "
            "unless the law where you are says otherwise.",
        ],
        styles,
    )
    story += _section(
        "How to open it",
        [
            "With Alliance Desktop (free to install on any computer): choose File › Open a "
            "continuity package…, or run <font name='DejaVuSans-Bold'>alliance-desktop "
            "continuity import --vault NEW.vault FOLDER</font>. Every client is imported "
            "into a new vault of your own, or nothing is.",
            "Without it: each client's folder (clients/client-001 and so on) holds "
            "record.pdf, which any PDF reader opens with the package password. The password "
            "may be typed in capitals or with spaces.",
            f"The package folder is named {markup(data.package_folder)}.",
        ],
        styles,
    )
    story.append(Paragraph("Whom to contact first", styles.heading))
    story.append(
        Paragraph(
            "Clients at risk first, then those with sessions booked (soonest first), then "
            "those still in therapy. Tell them what has happened, cancel their sessions and "
            "offer a referral to another clinician.",
            styles.body,
        )
    )
    story.append(_contact_table(data.clients, styles, style, width))
    story += _crisis_section(data.profile, styles)
    return render(setup, story)


def build_sealed_letter(profile: PracticeProfile, custodian: Custodian, made_on: dt.date) -> bytes:
    """One page to print, sign, write the password on by hand, and seal."""
    opening = open_report(
        kind=SEALED_TITLE,
        subject="Continuity package password",
        profile=profile,
        generated_on=made_on,
        client_facing=False,
        title=SEALED_TITLE,
    )
    setup, styles, width, story = opening.setup, opening.styles, opening.width, opening.story
    story.append(Paragraph(f"Dear {markup(custodian.name)},", styles.body))
    story.append(
        Paragraph(
            "You have agreed to act as custodian of my clinical records. The continuity "
            "package is kept where we agreed; it opens only with the password below. Please "
            "keep this letter sealed and apart from the package until it is needed.",
            styles.body,
        )
    )
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph("Package password (written by hand):", styles.label))
    story.append(writing_lines(2, width))
    story.append(Spacer(1, 6 * mm))
    story.append(
        facts_table(
            [
                (
                    "Custodian",
                    custodian.name + (f" ({custodian.contact})" if custodian.contact else ""),
                ),
                ("Package made", long_date(made_on, profile.date_style)),
                ("Signed", ""),
            ],
            styles,
            width,
        )
    )
    return render(setup, story)


def _section(title: str, paragraphs: list[str], styles: ReportStyles) -> list[Flowable]:
    return [Paragraph(title, styles.heading), *(Paragraph(p, styles.body) for p in paragraphs)]


_REASONS = {
    ContactReason.AT_RISK: "At risk: contact first",
    ContactReason.BOOKED: "Sessions booked",
    ContactReason.CURRENT: "In therapy",
    ContactReason.FINISHED: "Finished",
}


def _contact_table(
    clients: Sequence[ClientToContact], styles: ReportStyles, style: DateStyle, width: float
) -> Flowable:
    if not clients:
        return Paragraph("The package holds no client records.", styles.body)
    header = [
        Paragraph(text, styles.cell_bold) for text in ("Client", "Why", "Next session", "Contact")
    ]
    rows = [header]
    for client in clients:
        when = (
            f"{short_date(client.next_session.date(), style)} {client.next_session:%H:%M}"
            if client.next_session
            else "None booked"
        )
        contact = "<br/>".join(markup(part) for part in (client.phone, client.email) if part)
        rows.append(
            [
                Paragraph(f"{markup(client.name)}<br/>({client.folder})", styles.cell),
                Paragraph(_REASONS[client.reason], styles.cell),
                Paragraph(when, styles.cell),
                Paragraph(contact or "—", styles.cell),
            ]
        )
    return grid_table(rows, [0.34 * width, 0.2 * width, 0.18 * width, 0.28 * width])


def _crisis_section(profile: PracticeProfile, styles: ReportStyles) -> list[Flowable]:
    if not profile.crisis_contacts:
        return []
    lines = [
        f"{markup(c.name)}: {markup(c.phone)}" + (f" ({markup(c.hours)})" if c.hours else "")
        for c in profile.crisis_contacts
    ]
    return [
        KeepTogether(
            [
                Paragraph("If a client is in crisis", styles.heading),
                *(Paragraph(line, styles.body) for line in lines),
            ]
        )
    ]
