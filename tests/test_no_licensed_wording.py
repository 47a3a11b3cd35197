"""No wording of licensed alliance or outcome instruments ships with the app.

The app asks its own questions (domain/alliance_check_in.py) and stores only the totals of
instruments a clinician holds a licence for. The fragments below are kept here, short, only so
the test can find them; nothing under alliance_desktop/ or resources/ may contain them,
whatever the case, spacing or punctuation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alliance_desktop.domain.alliance_check_in import AllianceDimension, Rater

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = [ROOT / "alliance_desktop", ROOT / "resources"]
TEXT_SUFFIXES = {".py", ".sql", ".qss", ".svg", ".desktop", ".xml", ".json", ".md", ".txt"}

# Short fragments of item and anchor wording (session and outcome rating scales, a working
# alliance inventory, depression and anxiety questionnaires, a routine outcome measure).
LICENSED_FRAGMENTS = (
    "heard understood and respected",
    "did not feel heard",
    "what i wanted to work on",
    "approach is a good fit",
    "therapist s approach",
    "session was right for me",
    "something missing in the session",
    "personal well being",
    "interpersonally",
    "family close relationships",
    "work school friendships",
    "general sense of well being",
    "confident in my therapist s ability",
    "my therapist and i respect each other",
    "appreciates me",
    "mutually agreed upon goals",
    "we agree on what is important",
    "the way we are working with my problem",
    "little interest or pleasure in doing things",
    "feeling down depressed or hopeless",
    "nervous anxious or on edge",
    "stop or control worrying",
    "i have felt terribly alone",
)


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _shipped_files() -> list[Path]:
    return [
        path
        for folder in SHIPPED
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in TEXT_SUFFIXES
    ]


def test_the_fragments_are_kept_short() -> None:
    assert all(len(fragment.split()) <= 8 for fragment in LICENSED_FRAGMENTS)


@pytest.mark.parametrize("path", _shipped_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_shipped_file_contains_licensed_wording(path: Path) -> None:
    text = _plain(path.read_text("utf-8", errors="replace"))
    found = [fragment for fragment in LICENSED_FRAGMENTS if fragment in text]
    assert found == [], f"{path.relative_to(ROOT)} contains licensed wording: {found}"


def test_the_check_in_has_its_own_questions_for_each_rater() -> None:
    for rater in Rater:
        questions = [d.question_for(rater) for d in AllianceDimension]
        assert len(set(questions)) == 4 and all(q.endswith("?") for q in questions)
        for question in questions:
            assert len(question.split()) <= 12  # a client answers it in ten seconds
    assert AllianceDimension.GOALS.clinician_question == (
        "How well did we agree on what to work on today?"
    )
    client = {d.question for d in AllianceDimension}
    clinician = {d.clinician_question for d in AllianceDimension}
    assert not client & clinician
