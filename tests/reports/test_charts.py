"""Charts stay readable however long the course: long ones are averaged or lose their dots."""

from __future__ import annotations

import datetime as dt

from reportlab.graphics.shapes import Circle, PolyLine, String

from alliance_desktop.domain.alliance_check_in import AllianceDimension, AllianceRatings
from alliance_desktop.domain.alliance_flags import CheckInPoint
from alliance_desktop.domain.practice_profile import DateStyle, PracticeProfile
from alliance_desktop.reports.charts import alliance_chart, alliance_points, goal_rating_chart
from alliance_desktop.reports.page_template import letterhead
from alliance_desktop.reports.report_data import RatingPoint
from alliance_desktop.reports.styles import report_styles
from tests.reports.samples import check_ins, ruptures

START = dt.date(2026, 1, 5)


def test_short_courses_are_drawn_session_by_session() -> None:
    points, group = alliance_points(check_ins(30))
    assert group == 1
    assert len(points) == 30
    assert points[0].scores[AllianceDimension.OVERALL] == 6


def test_long_courses_are_averaged_in_consecutive_groups() -> None:
    day = dt.timedelta(days=7)
    many = [
        CheckInPoint(i, START + i * day, AllianceRatings(5, 5, 5, 4 + 2 * (i % 2)), None)
        for i in range(500)
    ]
    many.insert(3, CheckInPoint(999, START, None, None))  # unrated check-ins are skipped
    points, group = alliance_points(many)
    assert group == 9  # 500 rated check-ins in at most 60 points
    assert len(points) == 56
    assert points[0].scores[AllianceDimension.OVERALL] == (4 + 6 + 4 + 6 + 4 + 6 + 4 + 6 + 4) / 9
    assert points[0].on == START + 4 * day  # the middle one of the group


def test_alliance_chart_marks_each_rupture_and_labels_the_legend() -> None:
    drawing = alliance_chart(check_ins(), ruptures(), DateStyle.DAY_MONTH_YEAR, 400)
    texts = [shape.text for shape in drawing.contents if isinstance(shape, String)]
    assert "Rupture: resolved" in texts and "Rupture: no repair yet" in texts
    assert "05/01/2026" in texts
    lines = [shape for shape in drawing.contents if isinstance(shape, PolyLine)]
    assert len(lines) == 4  # overall, goals, tasks, bond


def test_goal_chart_drops_its_dots_when_they_would_run_together() -> None:
    few = [RatingPoint(START + dt.timedelta(weeks=i), 0) for i in range(5)]
    many = [RatingPoint(START + dt.timedelta(weeks=i), 0) for i in range(31)]

    def dots(points: list[RatingPoint]) -> int:
        drawing = goal_rating_chart(points, points[0].on, points[-1].on, DateStyle.ISO, 400)
        return sum(isinstance(shape, Circle) for shape in drawing.contents)

    assert dots(few) == 5
    assert dots(many) == 0


def test_a_blank_profile_prints_no_empty_letterhead() -> None:
    styles = report_styles(client_facing=True)
    assert letterhead(PracticeProfile(), styles) == []
    assert len(letterhead(PracticeProfile(clinician_name="Dr Ana"), styles)) == 3


def test_the_t_score_chart_marks_where_a_goal_entered() -> None:
    from alliance_desktop.domain.goal_rules import TScorePoint
    from alliance_desktop.reports.charts import t_score_chart

    points = [
        TScorePoint(START, 40.0, 2, 1, ("Sleep",)),
        TScorePoint(START + dt.timedelta(days=14), 40.0, 2, 2, ("Bus",)),
        TScorePoint(START + dt.timedelta(days=28), 52.0, 2, 2),
    ]
    drawing = t_score_chart(points, DateStyle.DAY_MONTH_YEAR, 400)
    labels = [shape.text for shape in drawing.contents if isinstance(shape, String)]
    assert labels.count("+1 goal") == 1  # the first point is the start, not an entry


def test_a_client_only_and_a_clinician_only_series_are_never_joined_in_a_chart() -> None:
    mixed = [
        CheckInPoint(1, START, AllianceRatings(9, 9, 9, 10), None),
        CheckInPoint(2, START + dt.timedelta(days=7), None, AllianceRatings(5, 5, 5, 5)),
        CheckInPoint(3, START + dt.timedelta(days=14), AllianceRatings(9, 9, 9, 9), None),
    ]
    points, _ = alliance_points(mixed)
    assert [p.scores[AllianceDimension.OVERALL] for p in points] == [10, 9]
    from alliance_desktop.domain.alliance_check_in import Rater

    clinician, _ = alliance_points(mixed, rater=Rater.CLINICIAN)
    assert [p.scores[AllianceDimension.OVERALL] for p in clinician] == [5]
