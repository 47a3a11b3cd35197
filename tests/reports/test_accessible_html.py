"""The accessible copy: semantic HTML a screen reader reads in order, with the printed words,
headings in order, tables with header cells, a text alternative for every chart, and nothing
meant for the clinician alone."""

from __future__ import annotations

import dataclasses
import itertools
from html.parser import HTMLParser

import pytest

from alliance_desktop.domain.crisis_contacts import CrisisContact
from alliance_desktop.reports.accessible_html import client_ending_summary_html, goal_review_html
from alliance_desktop.reports.audience import ClinicianOnlyContent
from tests.reports.samples import (
    FRAMING,
    LEVELS,
    NAME,
    PHQ9,
    PROFILE,
    RATING_NOTE,
    REASON_NOTE,
    client_summary_data,
    goal_review_data,
    goals,
)


class Outline(HTMLParser):
    """Headings, table cells, figures and the plain text, as a screen reader would meet them."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.header_cells = 0
        self.tables = 0
        self.figures = 0
        self.lang = ""
        self.text: list[str] = []
        self._heading: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self._heading = int(tag[1])
            self.headings.append((self._heading, ""))
        self.header_cells += tag == "th"
        self.tables += tag == "table"
        self.figures += tag == "figcaption"

    def handle_endtag(self, tag: str) -> None:
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            level, text = self.headings[-1]
            self.headings[-1] = (level, text + data)
        self.text.append(data)

    @property
    def flat(self) -> str:
        return " ".join("".join(self.text).split())


def outline(html: str) -> Outline:
    parsed = Outline()
    parsed.feed(html)
    return parsed


def test_the_goal_review_reads_in_order_with_real_headings() -> None:
    page = outline(goal_review_html(goal_review_data(instruments=(PHQ9,))))
    assert page.lang == "en"
    levels = [level for level, _ in page.headings]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    titles = [title for _, title in page.headings]
    assert titles[:3] == [f"Goal review for {NAME}", "Your goals", "1. Get back on the bus to work"]
    assert "If things get worse" in titles
    assert page.figures == 2  # each goal's chart, as a sentence and a table of its points
    assert page.tables == 3 and page.header_cells >= 8
    assert "from “starting out” to “beyond”" in page.flat
    assert "Where you are now: I take the bus on my own most days (2 March 2026)" in page.flat
    assert "Mood questionnaire (PHQ-9)" in page.flat


def test_the_accessible_copy_holds_nothing_for_the_clinician_alone() -> None:
    for html in (
        goal_review_html(goal_review_data()),
        client_ending_summary_html(client_summary_data()),
    ):
        text = outline(html).flat
        for secret in (FRAMING, RATING_NOTE, REASON_NOTE, *LEVELS):
            assert secret not in text
    with pytest.raises(ClinicianOnlyContent):
        goal_review_html(goal_review_data(goals=tuple(goals())))


def test_the_title_names_the_document_not_the_client() -> None:
    html = goal_review_html(goal_review_data())
    assert "<title>Goal review</title>" in html


def test_the_client_summary_has_every_section_and_a_crisis_list() -> None:
    contacts = (CrisisContact("Samaritans", "116 123", "24 hours, every day"),)
    data = client_summary_data(profile=dataclasses.replace(PROFILE, crisis_contacts=contacts))
    page = outline(client_ending_summary_html(data))
    titles = [title for _, title in page.headings]
    for section in (
        "Why we are ending",
        "What you achieved",
        "What you are still working on",
        "Your plan for keeping well",
        "Who to see next",
        "How to get in touch again",
        "If things get worse",
        "A last word",
    ):
        assert section in titles
    assert titles.index("What you achieved") < titles.index("What you are still working on")
    assert "Samaritans: 116 123 (24 hours, every day)" in page.flat


def test_user_text_is_escaped() -> None:
    html = goal_review_html(goal_review_data(next_focus="<script>alert(1)</script> & more"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
