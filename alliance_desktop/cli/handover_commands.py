"""`handover export` and `handover import`: a client's record for the next clinician.

Export always makes a new password (it is generated, never chosen): it is printed once on
stdout, with a reminder to give it to the receiver by another channel, and stored nowhere.
ALLIANCE_HANDOVER_PASSWORD is for import only; set during an export it is ignored, and a note
on stderr says so.

Import takes the password from ALLIANCE_HANDOVER_PASSWORD, or asks for it at a terminal (a few
tries), prints what would be created, and imports. At a terminal it asks before importing
(unless --yes); without a terminal it imports directly, so scripts need no stdin.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_desktop.cli.clinical_commands import known_client
from alliance_desktop.cli.handover_options import HANDOVER_PASSWORD_ENV
from alliance_desktop.cli.passphrase import opened_practice
from alliance_desktop.cli.running import CommandFailed
from alliance_desktop.cli.text_tables import counted, text_table
from alliance_desktop.domain.handover import (
    HandoverDetails,
    HandoverOptions,
    ImportPreview,
    listed_labels,
    options_within_consent,
)
from alliance_desktop.domain.handover_errors import WrongHandoverPassword
from alliance_desktop.domain.share_consent import (
    ShareCategory,
    format_share_scope,
    parse_share_scope,
)

if TYPE_CHECKING:
    from alliance_desktop.services.practice import Practice

PASSWORD_ATTEMPTS = 3
_NOTHING_IMPORTED = "Nothing was imported."


def handover_export(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.exists() and (not out.is_dir() or any(out.iterdir())):  # said before unlocking
        raise CommandFailed(
            f"{out} already exists and is not an empty folder; choose a new folder for the "
            "handover."
        )
    if os.environ.get(HANDOVER_PASSWORD_ENV):
        print(
            f"note: {HANDOVER_PASSWORD_ENV} is only read by 'handover import'; an export always "
            "makes a new password, printed below.",
            file=sys.stderr,
        )
    options = _options_within_consent(args)
    with opened_practice(args) as practice:
        known_client(practice, args.client)
        details = HandoverDetails(
            receiver_name=args.to_name,
            receiver_organisation=args.to_organisation,
            receiver_contact=args.to_contact,
            handed_over_on=args.date or practice.today(),
            consent_given_on=args.consent_date,
            consent_scope=args.consent_scope,
            reason=args.reason,
        )
        result = practice.handover.export(args.client, out, details, options)
        cancelled = (
            practice.handover.cancel_future_sessions(args.client)
            if args.cancel_future_sessions
            else None
        )
    receiver = details.receiver_name.strip()
    print(
        f"Handed over {result.client.display_name} (client {args.client}) to {receiver}: "
        f"wrote {counted(len(result.files), 'file')} to {result.folder}"
    )
    rows = [
        [f"{f.size:,}", f.name, _file_note(f.name, result.future_sessions)] for f in result.files
    ]
    print(text_table(["Bytes", "File", ""], rows))
    print(f"Included: {_included(options)}.")
    if cancelled is not None:
        print(f"Cancelled {counted(cancelled, 'future session')} with the client in your calendar.")
    elif result.future_sessions:
        print(
            f"{counted(result.future_sessions, 'future session')} with the client "
            "stay in your calendar (--cancel-future-sessions cancels them)."
        )
    print()
    print("Handover password (printed only this once and stored nowhere, not even in the vault):")
    print(f"    {result.password}")
    print(
        f"Give it to {receiver} by another channel — by phone or in person — never with the "
        "files. Without it the record cannot be opened."
    )
    return 0


_INCLUDE_FLAGS = (
    ("include_notes", "--include-notes", ShareCategory.NOTES),
    ("include_ruptures", "--include-ruptures", ShareCategory.RUPTURES),
    ("include_private_notes", "--include-private-notes", ShareCategory.PROCESS_NOTES),
)


def _options_within_consent(args: argparse.Namespace) -> HandoverOptions:
    """What the export holds: the consented categories, the clinician's own writing only when
    asked for, and never an `--include-*` beyond the consent (refused before anything is
    opened or written)."""
    consented = parse_share_scope(args.consent_scope)
    beyond = [
        flag for attr, flag, c in _INCLUDE_FLAGS if getattr(args, attr) and c not in consented
    ]
    if beyond:
        raise CommandFailed(
            f"{' and '.join(beyond)} goes beyond the client's consent "
            f"({format_share_scope(consented)}); nothing was written."
        )
    return options_within_consent(
        consented,
        include_session_notes=args.include_notes,
        include_ruptures=args.include_ruptures,
        include_private_notes=args.include_private_notes,
        include_fhir=not args.no_fhir,
    )


def handover_import(args: argparse.Namespace) -> int:
    folder: Path = args.bundle
    if not folder.is_dir():  # said before asking for any passphrase
        raise CommandFailed(f"There is no handover folder at {folder}. {_NOTHING_IMPORTED}")
    if not os.environ.get(HANDOVER_PASSWORD_ENV) and not _is_interactive():
        raise CommandFailed(
            f"No handover password given: set {HANDOVER_PASSWORD_ENV} (or run the command in "
            f"a terminal to be asked). {_NOTHING_IMPORTED}"
        )
    with opened_practice(args) as practice:
        password, preview = _checked_password(practice, folder)
        for line in preview_lines(preview):
            print(line)
        if _is_interactive() and not args.yes:
            answer = input(f"Import {preview.client_name} into {args.vault}? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandFailed(f"You chose not to import. {_NOTHING_IMPORTED}")
        if preview.imported_before and not args.again:
            raise CommandFailed(
                f"This handover was already imported: {', '.join(preview.imported_before)}. "
                f"Use --again to import a second copy. {_NOTHING_IMPORTED}"
            )
        client = practice.handover.import_(folder, password, again=args.again)
    print(
        f"Imported {client.display_name} as client {client.id} "
        f"(status: {client.status.label.lower()})."
    )
    return 0


def preview_lines(preview: ImportPreview) -> list[str]:
    """What an import would create, in a few lines for the terminal."""
    exported = preview.exported_at.strftime("%Y-%m-%d %H:%M")
    sender = preview.from_clinician or "an unnamed clinician"
    future = f"{preview.future_sessions} still to come"
    if preview.clashing_sessions:
        future += (
            f", {preview.clashing_sessions} of them at the same time as sessions already in "
            "your calendar"
        )
    parts = [
        f"{counted(preview.sessions, 'session')} ({future})",
        f"{counted(preview.goals, 'goal')} with {counted(preview.gas_ratings, 'GAS rating')}",
        counted(preview.check_ins, "check-in"),
        counted(preview.ruptures, "rupture entry", "rupture entries"),
        "an ending plan" if preview.has_ending_plan else "no ending plan",
    ]
    lines = [
        f"Handover of {preview.client_name} from {sender}, exported {exported} "
        f"(format {preview.format_version})",
        f"  Holds: {', '.join(parts)}",
        f"  The sender included: {_included(preview.options)}",
        f"  The client joins this practice as: {preview.status.label.lower()}",
    ]
    if preview.imported_before:
        lines.append(f"  Already imported: {', '.join(preview.imported_before)}")
    if preview.same_name_clients:
        lines.append(
            f"  Note: this vault already has {counted(preview.same_name_clients, 'client')} "
            f"named {preview.client_name} — was this handover imported before?"
        )
    for skipped in preview.skipped:
        lines.append(f"  Left out: {skipped.count} {skipped.resource_type} ({skipped.reason})")
    return lines


def _checked_password(practice: Practice, folder: Path) -> tuple[str, ImportPreview]:
    """The handover password from the environment, or typed (a few tries), with the preview
    it opened."""
    given = os.environ.get(HANDOVER_PASSWORD_ENV)
    if given:
        return given, practice.handover.preview(folder, given)
    for tries in range(1, PASSWORD_ATTEMPTS + 1):
        typed = getpass.getpass(f"Handover password for {folder}: ")
        try:
            return typed, practice.handover.preview(folder, typed)
        except WrongHandoverPassword:
            if tries == PASSWORD_ATTEMPTS:
                raise
            print("That password does not open this handover; try again.", file=sys.stderr)
    raise AssertionError("unreachable")


def _included(options: HandoverOptions) -> str:
    included = listed_labels(options.included) or "nothing beyond the client's name"
    left_out = listed_labels(options.left_out) or "nothing"
    fhir = "with" if options.include_fhir else "without"
    return f"{included} ({fhir} the FHIR record); left out: {left_out}"


def _file_note(name: str, future_sessions: int) -> str:
    notes = {
        "record.pdf": "the whole record to read (opens with the password)",
        "record.fhir.json.enc": "for the receiver's software (encrypted)",
        "sessions.ics": f"{counted(future_sessions, 'future session')}, no name",
        "manifest.json": "file list and checks, no clinical content",
    }
    return notes.get(name, "")


def _is_interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()
