"""The client's boundaries and preferences, edited with the client. Returns plain data; every
save becomes a new dated version (the earlier ones are listed, so changes are never lost)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from alliance_desktop.domain.boundaries import (
    ClientBoundaries,
    SessionStructure,
    boundary_lines,
    check_boundaries,
)
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, frame_dialog
from alliance_desktop.ui.widgets.field_messages import FieldMessages


def _box(placeholder: str, height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class BoundariesDialog(QDialog):
    def __init__(
        self,
        client_id: int,
        history: Sequence[ClientBoundaries],
        today: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Boundaries and preferences")
        self.setMinimumWidth(560)
        self._client_id = client_id
        self._today = today
        self._result: ClientBoundaries | None = None
        self.messages = FieldMessages()

        intro = QLabel(
            "Agreed with the client: what they are not ready to talk about yet, the pace and "
            "depth they want, how they like sessions to run. Shown above their record and "
            "before you write a session note."
        )
        intro.setObjectName("quietNote")
        intro.setWordWrap(True)
        self.topics_not_yet = _box("One per line, e.g. my father", 64)
        self.ready_when_i_say = QCheckBox("The client will say when they are ready")
        self.pace_and_depth = _box("e.g. slowly at first; check in before going deeper", 56)
        self.structure = QComboBox()
        for structure in SessionStructure:
            self.structure.addItem(structure.label, structure)
        self.values_to_include = _box("One per line, e.g. her faith", 56)
        self.anything_else = QLineEdit()
        self.anything_else.setPlaceholderText("Anything else the client asked for")
        self.history_note = QLabel(self._history_text(history, date_style))
        self.history_note.setObjectName("quietNote")
        self.history_note.setWordWrap(True)
        self.buttons = DialogButtons(self)
        self.save_button = self.buttons.save_button

        wrap = self.messages.wrap
        form = QFormLayout()
        form.addRow("Not yet", wrap("topics_not_yet", self.topics_not_yet))
        form.addRow("", self.ready_when_i_say)
        form.addRow("Pace and depth", wrap("pace_and_depth", self.pace_and_depth))
        form.addRow("Structure", self.structure)
        form.addRow("Values to include", wrap("values_to_include", self.values_to_include))
        form.addRow("Anything else", wrap("anything_else", self.anything_else))
        frame_dialog(self, [intro, form, self.history_note], self.buttons)
        if history:
            self._fill(history[0])

    def boundaries_from_fields(self) -> ClientBoundaries:
        return ClientBoundaries(
            client_id=self._client_id,
            changed_on=self._today,
            topics_not_yet=tuple(self.topics_not_yet.toPlainText().splitlines()),
            ready_when_i_say=self.ready_when_i_say.isChecked(),
            pace_and_depth=self.pace_and_depth.toPlainText(),
            structure=SessionStructure(self.structure.currentData()),
            values_to_include=tuple(self.values_to_include.toPlainText().splitlines()),
            anything_else=self.anything_else.text(),
        )

    def result_boundaries(self) -> ClientBoundaries | None:
        return self._result

    def accept(self) -> None:
        try:
            self._result = check_boundaries(self.boundaries_from_fields())
        except InvalidInput as error:
            self.messages.show(error.problems)
            return
        super().accept()

    def _fill(self, boundaries: ClientBoundaries) -> None:
        self.topics_not_yet.setPlainText("\n".join(boundaries.topics_not_yet))
        self.ready_when_i_say.setChecked(boundaries.ready_when_i_say)
        self.pace_and_depth.setPlainText(boundaries.pace_and_depth)
        self.structure.setCurrentIndex(self.structure.findData(boundaries.structure))
        self.values_to_include.setPlainText("\n".join(boundaries.values_to_include))
        self.anything_else.setText(boundaries.anything_else)

    @staticmethod
    def _history_text(history: Sequence[ClientBoundaries], style: DateStyle) -> str:
        if not history:
            return "Nothing recorded yet. Saving keeps today's date with what you agreed."
        changes = []
        for version in history[:4]:
            shown = "; ".join(text for _, text in boundary_lines(version)) or "all cleared"
            changes.append(f"{short_date(version.changed_on, style)}: {shown}")
        more = f" (and {len(history) - 4} earlier)" if len(history) > 4 else ""
        return "Changes, newest first" + more + ":\n" + "\n".join(changes)

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        client_id: int,
        history: Sequence[ClientBoundaries],
        today: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
    ) -> ClientBoundaries | None:
        dialog = cls(client_id, history, today, date_style, parent)
        dialog.exec()
        return dialog.result_boundaries()
