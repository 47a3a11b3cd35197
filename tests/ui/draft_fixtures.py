"""Shared by the draft tests: a vault with a client and a session, a book of drafts, and the
close question answered without a modal box."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.draft import Draft
from alliance_desktop.services import Practice
from alliance_desktop.ui import draft_keeper, unsaved_prompt
from alliance_desktop.ui.draft_book import DraftBook
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.unsaved_prompt import Answer
from tests.factories import make_client, make_session

NOTE = "She named the fear of being left, and stayed with it."


@dataclass
class Prompt:
    """Answers the Save / Discard / Keep editing question; records each time it was asked."""

    answer: Answer = Answer.KEEP_EDITING
    asked: list[str] | None = None

    def __call__(self, _parent: object, what: str) -> Answer:
        assert self.asked is not None
        self.asked.append(what)
        return self.answer


@pytest.fixture
def prompt(monkeypatch: pytest.MonkeyPatch) -> Prompt:
    answering = Prompt(asked=[])
    monkeypatch.setattr(unsaved_prompt, "ask_about_changes", answering)
    return answering


@pytest.fixture(autouse=True)
def quick_drafts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft_keeper, "QUIET_MS", 40)


@pytest.fixture
def book(qtbot: QtBot, practice: Practice, tasks: TaskRunner) -> Iterator[DraftBook]:
    drafts = DraftBook(practice, tasks)
    yield drafts
    drafts.close()
    tasks.wait_until_idle()


@pytest.fixture
def booked(practice: Practice) -> tuple[int, int]:
    """(client id, session id): an attended session yesterday, note not yet written."""
    client = practice.add_client(make_client(name="Ada Lind"))
    assert client.id is not None
    start = dt.datetime.combine(practice.today() - dt.timedelta(days=1), dt.time(10))
    session = practice.calendar.book(make_session(client.id, start))
    assert session.id is not None
    return client.id, session.id


def stored(practice: Practice, tasks: TaskRunner) -> dict[tuple[str, str], Draft]:
    tasks.wait_until_idle()
    return {draft.key: draft for draft in practice.drafts.all()}
