"""The demo practice's pages a client holds, read as the client would: the most struggling
client's goal review has no wording of falling short and none of the clinician's level text,
every client page says where to get help, and the demo's records are coherent enough to show
every report with real content (ending plans, notes that match their ratings and markers)."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from alliance_desktop.demo import generate_demo_practice
from alliance_desktop.demo.goal_text import RATING_NOTES
from alliance_desktop.demo.rupture_text import RUPTURE_NOTES
from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.goal import GoalColumn
from alliance_desktop.services import Practice
from alliance_desktop.services.reports import NoClientCopyYet
from tests.factories import PASSPHRASE, fixed_clock

HARSH = ("short of", "well short", "a step short", "much less", "less than we expected")
ENDING = (ClientStatus.ENDING, ClientStatus.ENDED)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Practice]:
    path = tmp_path_factory.mktemp("demo-client-pages") / "demo.vault"
    practice = Practice.create(path, PASSPHRASE, clock=fixed_clock)
    generate_demo_practice(practice, "small", seed=7)
    yield practice
    practice.close()


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def t_scores(demo: Practice) -> dict[int, float]:
    scores = {}
    for client in demo.client_summaries():
        score = demo.goals.goals_document(client.id)["gas_t_score"]
        if score is not None:
            scores[client.id] = score
    return scores


def test_the_most_struggling_clients_review_is_gentle_and_in_their_words(demo: Practice) -> None:
    scores = t_scores(demo)
    struggling = min(scores, key=scores.__getitem__)
    text = text_of(demo.reports.goal_review_pdf(struggling))
    lowered = text.lower()
    for harsh in HARSH:
        assert harsh not in lowered
    assert "Expected (0)" not in text and "(−2)" not in text
    for goal in demo.goals.board(struggling):
        for description in goal.levels:
            assert description not in text, description  # the clinician's shorthand
        if goal.column is GoalColumn.ACTIVE:
            assert goal.title in text
    assert "from where you started" in text or "where you were when we started" in text
    assert "done" in text  # what was done is recognised


def test_the_most_improved_clients_review_tells_how_far_they_came(demo: Practice) -> None:
    scores = t_scores(demo)
    improved = max(scores, key=scores.__getitem__)
    text = text_of(demo.reports.goal_review_pdf(improved))
    assert "Where you started:" in text
    assert "Where you got to:" in text or "on from where you started" in text


def test_every_client_page_says_where_to_get_help(demo: Practice) -> None:
    pages = 0
    for client in demo.client_summaries():
        documents = [demo.reports.goal_review_pdf(client.id)]
        if client.status in ENDING:
            documents.append(demo.reports.ending_summary_pdf(client.id, client_copy=True))
        for document in documents:
            text = text_of(document)
            section = text[text.index("If things get worse") :]
            assert "Samaritans" in section and "116 123" in section
            pages += 1
    assert pages >= 12


def test_the_client_copy_is_refused_for_an_active_client(demo: Practice) -> None:
    active = next(c for c in demo.client_summaries() if c.status is ClientStatus.ACTIVE)
    with pytest.raises(NoClientCopyYet, match="Ending tab"):
        demo.reports.ending_summary_pdf(active.id, client_copy=True)


def test_every_ending_or_ended_client_has_a_full_ending_plan(demo: Practice) -> None:
    ending = [c for c in demo.client_summaries() if c.status in ENDING]
    assert ending
    for client in ending:
        assert demo.ending.has_plan(client.id), client.name
        plan = demo.ending.plan(client.id)
        assert plan.reason is not None and plan.referral and plan.closing_words
        maintenance = plan.maintenance
        assert maintenance.what_helped and maintenance.warning_signs
        assert maintenance.coping_steps and maintenance.supports
        assert plan.follow_up_dates
        assert plan.planned_last_session is not None
        assert all(day >= plan.planned_last_session for day in plan.follow_up_dates)


def test_every_agreed_goal_has_the_clients_own_wording(demo: Practice) -> None:
    for client in demo.client_summaries():
        for goal in demo.goals.board(client.id):
            if goal.column is not GoalColumn.PROPOSED:
                assert all(goal.client_levels), goal.title
                assert goal.client_levels != goal.levels


def test_no_goal_is_rated_once_it_was_set_aside(demo: Practice) -> None:
    set_aside = [
        goal
        for client in demo.client_summaries()
        for goal in demo.goals.board(client.id)
        if goal.column is GoalColumn.SET_ASIDE
    ]
    assert set_aside
    for goal in set_aside:
        on = goal.moved_on(GoalColumn.SET_ASIDE)
        assert on is not None
        assert all(rating.rated_on < on for rating in goal.ratings), goal.title


def test_rating_notes_match_the_move_they_describe(demo: Practice) -> None:
    direction_of = {note: way for way, notes in RATING_NOTES.items() for note in notes}
    noted = 0
    for client in demo.client_summaries():
        for goal in demo.goals.board(client.id):
            for before, rating in zip(goal.ratings, goal.ratings[1:], strict=False):
                if not rating.note:
                    continue
                noted += 1
                way = direction_of[rating.note]
                moved = rating.level - before.level
                assert (way == "up") == (moved > 0) and (way == "down") == (moved < 0)
    assert noted >= 5


def test_rupture_notes_match_their_markers(demo: Practice) -> None:
    markers_of = {note: set(markers) for notes in RUPTURE_NOTES.values() for note, markers in notes}
    entries = [entry for c in demo.client_summaries() for entry in demo.ruptures.log(c.id)]
    assert entries
    for entry in entries:
        assert set(entry.markers) == markers_of[entry.note]
