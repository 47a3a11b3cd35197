"""When an alliance flag is raised: the clinician's own thresholds, in plain sentences."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from alliance_desktop.domain.alliance_flags import AllianceThresholds, check_thresholds
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, frame_dialog
from alliance_desktop.ui.widgets.field_messages import FieldMessages


def _spin(minimum: int, maximum: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setSuffix(suffix)
    spin.setFixedWidth(120)
    return spin


def _counted_spin(minimum: int, maximum: int, one: str, many: str) -> QSpinBox:
    """A spin box whose unit agrees with its number: "1 point", "2 points"."""
    spin = _spin(minimum, maximum)

    def agree(value: int) -> None:
        spin.setSuffix(f" {one if value == 1 else many}")

    spin.valueChanged.connect(agree)
    agree(spin.value())
    return spin


class AllianceThresholdsDialog(QDialog):
    def __init__(self, thresholds: AllianceThresholds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: AllianceThresholds | None = None
        self.setWindowTitle("Alliance flags")
        self.messages = FieldMessages()

        intro = QLabel(
            "Flags appear on Today and on a client's overview, each saying why. Check-ins are "
            "0–10. Each rule reads one person's ratings at a time: the client's with the "
            "client's earlier ones, yours with yours, never one against the other."
        )
        intro.setObjectName("quietNote")
        intro.setWordWrap(True)
        self.overall_below = _spin(1, 10, " / 10")
        self.dimension_below = _spin(1, 10, " / 10")
        self.drop_of = _counted_spin(1, 10, "point", "points")
        self.unresolved_after_days = _counted_spin(1, 365, "day", "days")
        self.falling_over = _spin(3, 10, " check-ins")
        self.recent_weeks = _counted_spin(1, 52, "week", "weeks")
        self.defaults_button = QLabel('<a href="defaults">Use the suggested values</a>')
        self.defaults_button.setToolTip(
            "Overall below 9, any part below 8, a drop of 1, falling over 3 check-ins, "
            "14 days, clients seen in the last 6 weeks"
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        wrap = self.messages.wrap
        form.addRow(
            "Flag a check-in when overall is below", wrap("overall_below", self.overall_below)
        )
        form.addRow(
            "… or goals, tasks or bond is below", wrap("dimension_below", self.dimension_below)
        )
        form.addRow(
            "Flag a drop from the same person's last rating of", wrap("drop_of", self.drop_of)
        )
        form.addRow(
            "Flag overall going down at each of the last", wrap("falling_over", self.falling_over)
        )
        form.addRow(
            "Flag a rupture still open after",
            wrap("unresolved_after_days", self.unresolved_after_days),
        )
        form.addRow("Today shows clients seen in the last", wrap("recent_weeks", self.recent_weeks))

        self.buttons = DialogButtons(self)
        self.save_button = self.buttons.save_button
        frame_dialog(self, [intro, 6, form, self.defaults_button, 6], self.buttons)
        self.setMinimumWidth(480)

        self.defaults_button.linkActivated.connect(lambda _link: self._fill(AllianceThresholds()))
        self._fill(thresholds)

    def _fill(self, thresholds: AllianceThresholds) -> None:
        self.overall_below.setValue(thresholds.overall_below)
        self.dimension_below.setValue(thresholds.dimension_below)
        self.drop_of.setValue(thresholds.drop_of)
        self.unresolved_after_days.setValue(thresholds.unresolved_after_days)
        self.falling_over.setValue(thresholds.falling_over)
        self.recent_weeks.setValue(thresholds.recent_weeks)

    def thresholds_from_fields(self) -> AllianceThresholds:
        return AllianceThresholds(
            overall_below=self.overall_below.value(),
            dimension_below=self.dimension_below.value(),
            drop_of=self.drop_of.value(),
            unresolved_after_days=self.unresolved_after_days.value(),
            falling_over=self.falling_over.value(),
            recent_weeks=self.recent_weeks.value(),
        )

    def result_thresholds(self) -> AllianceThresholds | None:
        return self._result

    def accept(self) -> None:
        try:
            self._result = check_thresholds(self.thresholds_from_fields())
        except InvalidInput as error:
            self.messages.show(error.problems)
            return
        super().accept()

    @classmethod
    def edit(
        cls, parent: QWidget | None, thresholds: AllianceThresholds
    ) -> AllianceThresholds | None:
        dialog = cls(thresholds, parent)
        dialog.exec()
        return dialog.result_thresholds()
