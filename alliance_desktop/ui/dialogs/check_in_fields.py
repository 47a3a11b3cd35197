"""The alliance check-in: the app's own four questions (0-10) for client and clinician, and
totals of licensed instruments the clinician holds. Only numbers; no instrument item text.

Boxes accept digits only, but not a range: a 12 reaches the domain check, whose message is
shown at that box, so the clinician learns the scale instead of meeting a box that won't type.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.alliance_check_in import (
    CHECK_IN_MAX,
    CHECK_IN_MIN,
    INSTRUMENTS,
    SELF_HARM_ITEM_LABEL,
    AllianceCheckIn,
    AllianceDimension,
    AllianceRatings,
    Instrument,
    InstrumentScore,
    Rater,
)
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.ui.widgets.field_messages import FieldMessages

_RATING = QRegularExpression(r"\d{0,2}")
_SCORE = QRegularExpression(r"\d{0,3}([.,]\d{0,2})?")
_ITEM = QRegularExpression(r"\d?")
SELF_HARM_FIELD = "check_in.phq9.self_harm_item"
ASKS_FOR_A_REVIEW = (
    "An answer above 0 asks for a risk review: record one on the client's Risk tab "
    "(Today flags it until you do)."
)


def _number_box(pattern: QRegularExpression, placeholder: str, width: int) -> QLineEdit:
    box = QLineEdit()
    box.setValidator(QRegularExpressionValidator(pattern, box))
    box.setPlaceholderText(placeholder)
    box.setFixedWidth(width)
    box.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return box


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("quietNote")
    label.setWordWrap(True)
    return label


class CheckInFields(QWidget):
    def __init__(self, messages: FieldMessages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
        self.setObjectName("checkIn")
        self.ratings: dict[tuple[Rater, AllianceDimension], QLineEdit] = {}
        self.totals: dict[Instrument, QLineEdit] = {}
        self.subscales: dict[tuple[Instrument, str], QLineEdit] = {}
        self.self_harm_item = _number_box(_ITEM, "0–3", 56)
        self.self_harm_item.setAccessibleName(SELF_HARM_ITEM_LABEL)
        self.self_harm_item.setToolTip(
            f"{SELF_HARM_ITEM_LABEL}: the answer on your own form, recorded with the total"
        )
        self.review_note = _note(ASKS_FOR_A_REVIEW)
        self.review_note.setObjectName("fieldMessage")
        self.review_note.hide()
        self.self_harm_item.textChanged.connect(self._show_review_note)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("How the session felt")
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        layout.addWidget(
            _note(
                f"The app's own four questions, each from {CHECK_IN_MIN} (not at all) to "
                f"{CHECK_IN_MAX} (completely): the client's wording first, then yours for your "
                "own view. Fill in a column when that person answered; leave it blank when "
                "they did not."
            )
        )
        layout.addLayout(self._ratings_grid())
        layout.addSpacing(10)
        title = QLabel("Instrument totals")
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        layout.addWidget(
            _note(
                "Totals from measures you hold a licence for, scored on your own forms. "
                "Only the numbers are kept; the app never shows or stores item wording."
            )
        )
        layout.addLayout(self._instrument_grid())
        layout.addStretch(1)

    def _ratings_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(4, 1)  # the answer boxes sit right beside their questions
        for column, rater in enumerate(Rater, start=2):
            heading = QLabel(rater.value.capitalize())
            heading.setObjectName("cardTitle")
            grid.addWidget(heading, 0, column, Qt.AlignmentFlag.AlignHCenter)
        row = 1
        for dimension in AllianceDimension:
            name = QLabel(f"<b>{dimension.label}</b>")
            question = QLabel(
                f"{html.escape(dimension.question)}<br><span style='color:#5f6b6a'>You: "
                f"{html.escape(dimension.clinician_question)}</span>"
            )
            question.setTextFormat(Qt.TextFormat.RichText)
            question.setWordWrap(True)
            question.setMinimumWidth(330)
            grid.addWidget(name, row, 0)
            grid.addWidget(question, row, 1)
            labels = QVBoxLayout()
            labels.setSpacing(0)
            for column, rater in enumerate(Rater, start=2):
                box = _number_box(_RATING, "–", 56)
                box.setToolTip(f"{rater.value.capitalize()}: {dimension.question_for(rater)}")
                box.setAccessibleName(f"{dimension.label}, {rater.value}")
                self.ratings[(rater, dimension)] = box
                grid.addWidget(box, row, column)
                field = f"check_in.{rater.value}.{dimension.value}"
                labels.addWidget(self._messages.message_label(field, box))
            grid.addLayout(labels, row + 1, 1, 1, 3)
            row += 2
        whole = QVBoxLayout()
        for rater in Rater:
            first_box = self.ratings[(rater, AllianceDimension.GOALS)]
            whole.addWidget(self._messages.message_label(f"check_in.{rater.value}", first_box))
        grid.addLayout(whole, row, 0, 1, 4)
        return grid

    def _instrument_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(2, 1)
        row = 0
        for instrument, spec in INSTRUMENTS.items():
            scale = f"{_number(spec.minimum)}–{_number(spec.maximum)}"
            total = _number_box(_SCORE, scale, 72)
            total.setAccessibleName(f"{spec.label} total")
            kind = "one decimal" if spec.decimals else "a whole number"
            total.setToolTip(f"{spec.label} total: {scale}, {kind}")
            self.totals[instrument] = total
            grid.addWidget(QLabel(spec.label), row, 0)
            grid.addWidget(total, row, 1)
            grid.addWidget(_note(f"{scale}, {kind}"), row, 2)
            labels = QVBoxLayout()
            labels.setSpacing(0)
            labels.addWidget(self._messages.message_label(f"check_in.{instrument.value}", total))
            if spec.subscales:
                row += 1
                grid.addLayout(self._subscale_row(instrument, labels), row, 0, 1, 3)
            if instrument is Instrument.PHQ9:
                row += 1
                grid.addLayout(self._self_harm_row(labels), row, 0, 1, 3)
            grid.addLayout(labels, row + 1, 0, 1, 3)
            row += 2
        return grid

    def _self_harm_row(self, labels: QVBoxLayout) -> QHBoxLayout:
        item = QHBoxLayout()
        item.setSpacing(6)
        item.addSpacing(16)
        item.addWidget(QLabel(SELF_HARM_ITEM_LABEL))
        item.addWidget(self.self_harm_item)
        item.addStretch(1)
        labels.addWidget(self._messages.message_label(SELF_HARM_FIELD, self.self_harm_item))
        labels.addWidget(self.review_note)
        return item

    def _show_review_note(self, text: str) -> None:
        self.review_note.setVisible(text.strip().isdigit() and int(text) > 0)

    def _subscale_row(self, instrument: Instrument, labels: QVBoxLayout) -> QHBoxLayout:
        spec = instrument.spec
        scale = f"{_number(spec.subscale_minimum)}–{_number(spec.subscale_maximum)}"
        parts = QHBoxLayout()
        parts.setSpacing(6)
        lead = QLabel(f"Subscales (optional, {scale} each)")
        lead.setObjectName("quietNote")
        lead.setToolTip("If you scored them; the total is their sum")
        parts.addSpacing(16)
        parts.addWidget(lead)
        for name in spec.subscales:
            box = _number_box(_SCORE, scale, 52)
            box.setAccessibleName(f"{spec.label} {name} subscale")
            box.setToolTip(f"{name.capitalize()} subscale, {scale} (optional)")
            self.subscales[(instrument, name)] = box
            parts.addWidget(QLabel(name.capitalize()))
            parts.addWidget(box)
            field = f"check_in.{instrument.value}.{name}"
            labels.addWidget(self._messages.message_label(field, box))
        parts.addStretch(1)
        return parts

    # Data

    def set_check_in(self, check_in: AllianceCheckIn) -> None:
        for (rater, dimension), box in self.ratings.items():
            ratings = check_in.ratings(rater)
            box.setText(str(ratings.score(dimension)) if ratings else "")
        for box in (*self.totals.values(), *self.subscales.values(), self.self_harm_item):
            box.clear()
        for score in check_in.instruments:
            self.totals[score.instrument].setText(_number(score.total))
            if score.self_harm_item is not None:
                self.self_harm_item.setText(str(score.self_harm_item))
            for name, value in score.subscales:
                part = self.subscales.get((score.instrument, name))
                if part is not None:
                    part.setText(_number(value))

    def check_in(self) -> AllianceCheckIn:
        """What was typed, as numbers; InvalidInput for boxes that are half filled or unreadable.
        Ranges are left to the domain check."""
        problems: dict[str, str] = {}
        raters = {rater: self._ratings(rater, problems) for rater in Rater}
        scores = [
            score
            for instrument in INSTRUMENTS
            if (score := self._score(instrument, problems)) is not None
        ]
        if problems:
            raise InvalidInput(problems)
        return AllianceCheckIn(
            client=raters[Rater.CLIENT],
            clinician=raters[Rater.CLINICIAN],
            instruments=tuple(scores),
        )

    def _ratings(self, rater: Rater, problems: dict[str, str]) -> AllianceRatings | None:
        texts = {d: self.ratings[(rater, d)].text().strip() for d in AllianceDimension}
        filled = [d for d, text in texts.items() if text]
        if not filled:
            return None
        if len(filled) < len(AllianceDimension):
            missing = ", ".join(d.label.lower() for d in AllianceDimension if d not in filled)
            problems[f"check_in.{rater.value}"] = (
                f"The {rater.value}'s answers are incomplete (no {missing}): answer all four "
                "questions, or leave them all blank."
            )
            return None
        return AllianceRatings(**{d.value: int(texts[d]) for d in AllianceDimension})

    def _score(self, instrument: Instrument, problems: dict[str, str]) -> InstrumentScore | None:
        spec = instrument.spec
        field = f"check_in.{instrument.value}"
        parts: list[tuple[str, float]] = []
        for name in spec.subscales:
            text = self.subscales[(instrument, name)].text().strip()
            if text:
                value = self._parse(text, f"{field}.{name}", f"{spec.label} {name}", problems)
                if value is not None:
                    parts.append((name, value))
        total_text = self.totals[instrument].text().strip()
        item = self._self_harm_answer(instrument, bool(total_text), problems)
        if not total_text:
            if len(parts) == len(spec.subscales) and parts:
                return InstrumentScore(instrument, sum(v for _, v in parts), tuple(parts))
            if parts:
                problems[field] = f"Enter the {spec.label} total, or all of its subscales."
            return None
        total = self._parse(total_text, field, f"{spec.label} total", problems)
        if total is None:
            return None
        return InstrumentScore(instrument, total, tuple(parts), self_harm_item=item)

    def _self_harm_answer(
        self, instrument: Instrument, has_total: bool, problems: dict[str, str]
    ) -> int | None:
        if instrument is not Instrument.PHQ9:
            return None
        text = self.self_harm_item.text().strip()
        if not text:
            return None
        if not has_total:
            problems[SELF_HARM_FIELD] = (
                f"{SELF_HARM_ITEM_LABEL}: enter the PHQ-9 total too, or leave both blank."
            )
            return None
        return int(text)

    @staticmethod
    def _parse(text: str, field: str, what: str, problems: dict[str, str]) -> float | None:
        try:
            return float(text.replace(",", "."))
        except ValueError:
            problems[field] = f"{what} must be a number, e.g. 32 or 32.5 (got “{text}”)."
            return None
