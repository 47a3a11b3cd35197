"""Drafts: what was typed into an editor and not yet saved.

A draft belongs to one editor kind and one record ("new" for a record not created yet); its
fields are plain values keyed by the editor's own field names, so any editor can keep one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

NEW_RECORD = "new"

FieldValue = str | int | float | bool | None

# What each kind of editor is called when drafts are listed ("2 unsaved notes").
_EDITOR_WORDS: dict[str, tuple[str, str]] = {
    "session": ("session note", "session notes"),
    "client": ("client record", "client records"),
    "goal": ("goal", "goals"),
    "rupture": ("rupture entry", "rupture entries"),
    "ending_plan": ("ending plan", "ending plans"),
}


@dataclass(frozen=True)
class Draft:
    editor: str
    record: str
    fields: Mapping[str, FieldValue]
    saved_at: dt.datetime
    client_id: int | None = None
    title: str = ""
    extra: Mapping[str, FieldValue] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str]:
        return (self.editor, self.record)

    @property
    def is_new_record(self) -> bool:
        return self.record == NEW_RECORD


def record_key(record_id: int | None) -> str:
    """The record part of a draft's key: the id, or "new"."""
    return NEW_RECORD if record_id is None else str(record_id)


def editor_words(editor: str, count: int) -> str:
    one, many = _EDITOR_WORDS.get(editor, ("unsaved text", "unsaved texts"))
    return one if count == 1 else many


def spoken_time(moment: dt.datetime, today: dt.date) -> str:
    """ "today, 09:12", "yesterday, 16:40", "Mon 2 Mar, 08:00"."""
    day = moment.date()
    if day == today:
        said = "today"
    elif day == today - dt.timedelta(days=1):
        said = "yesterday"
    else:
        said = f"{moment:%a} {day.day} {moment:%b}"
    return f"{said}, {moment:%H:%M}"


def drafts_found_summary(drafts: Sequence[Draft], today: dt.date) -> str:
    """One line for the drafts found at unlock: "2 unsaved session notes from yesterday, 16:40"
    (the latest time when there are several)."""
    if not drafts:
        return "No unsaved work was found."
    latest = max(draft.saved_at for draft in drafts)
    kinds = {draft.editor for draft in drafts}
    count = len(drafts)
    what = editor_words(next(iter(kinds)), count) if len(kinds) == 1 else "unsaved texts"
    if len(kinds) == 1:
        what = f"unsaved {what}"
    return f"{count} {what} from {spoken_time(latest, today)}"


def draft_line(draft: Draft, today: dt.date) -> str:
    """One draft as the drafts-found list shows it."""
    what = editor_words(draft.editor, 1)
    title = f": {draft.title}" if draft.title else ""
    return f"{what.capitalize()}{title} (typed {spoken_time(draft.saved_at, today)})"
