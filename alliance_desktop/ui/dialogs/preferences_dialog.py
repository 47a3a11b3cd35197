"""Preferences for this computer: when the app locks itself, light or dark, and (with a vault
open) its backups and the calendar file it keeps up to date.

Kept per computer (in the app's settings file), not in the vault: how soon to lock depends on
where the computer is (a shared office, a laptop at home), and the lock must work before any
vault is open.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from alliance_desktop.ui.calendar_file_settings import CalendarFilePreference
from alliance_desktop.ui.dialogs.calendar_file_fields import CalendarFileFields
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, Part, frame_dialog
from alliance_desktop.ui.settings import (
    IDLE_LOCK_MINUTES_RANGE,
    LockPreferences,
    save_theme_choice,
    theme_choice,
)
from alliance_desktop.ui.theme import ThemeChoice, apply_theme


class PreferencesDialog(QDialog):
    def __init__(
        self,
        preferences: LockPreferences,
        parent: QWidget | None = None,
        calendar_file: CalendarFilePreference | None = None,
        backups: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        intro = QLabel(
            "Locking closes the vault and every open record; the passphrase opens it again "
            "where you left off. File › Lock (Ctrl+L) locks at once."
        )
        intro.setObjectName("quietNote")
        intro.setWordWrap(True)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(*IDLE_LOCK_MINUTES_RANGE)
        self.idle_minutes.setSuffix(" minutes")
        self.idle_minutes.setFixedWidth(140)
        self.idle_minutes.setValue(preferences.idle_minutes)
        self.with_screen = QCheckBox("Also lock when this computer's screen locks")
        self.with_screen.setChecked(preferences.with_screen)
        self.with_screen.setToolTip("On desktops that announce it (GNOME, KDE and others on Linux)")
        copied_note = QLabel(
            "Text copied from a record is cleared from the clipboard after 30 seconds, "
            "and when the app locks or quits."
        )
        copied_note.setObjectName("quietNote")
        copied_note.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("Lock after no use for", self.idle_minutes)
        form.addRow("", self.with_screen)
        self.appearance = QComboBox()
        self.appearance.setAccessibleName("Appearance")
        for choice in ThemeChoice:
            self.appearance.addItem(choice.label, choice.value)
        self.appearance.setCurrentIndex(self.appearance.findData(theme_choice()))
        form.addRow("Appearance", self.appearance)

        self.buttons = DialogButtons(self)
        body: list[Part] = [intro, 6, form, copied_note, 6]
        if backups is not None:  # the vault's backup settings (see backup_preferences.py)
            body += [backups, 6]
        # Only with a vault open: the file is kept per vault.
        self.calendar_file = CalendarFileFields(calendar_file) if calendar_file else None
        if self.calendar_file is not None:
            body += [self.calendar_file, 6]
        frame_dialog(self, body, self.buttons)
        self.setMinimumWidth(460)

    def preferences_from_fields(self) -> LockPreferences:
        return LockPreferences(
            idle_minutes=self.idle_minutes.value(), with_screen=self.with_screen.isChecked()
        )

    def accept(self) -> None:
        if self.calendar_file is not None and self.calendar_file.preference() is None:
            self.adjustSize()  # room for the problem, shown under the file
            return
        save_theme_choice(self.chosen_theme().value)  # the appearance applies at once
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.chosen_theme())
        super().accept()

    def chosen_theme(self) -> ThemeChoice:
        return ThemeChoice(self.appearance.currentData())

    @classmethod
    def edit_with_calendar_file(
        cls,
        parent: QWidget | None,
        preferences: LockPreferences,
        calendar_file: CalendarFilePreference,
        backups: QWidget | None = None,
    ) -> tuple[LockPreferences, CalendarFilePreference] | None:
        """With a vault open: the lock, the vault's backups and its calendar file."""
        dialog = cls(preferences, parent, calendar_file, backups)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.calendar_file is None:
            return None
        chosen = dialog.calendar_file.preference()
        return None if chosen is None else (dialog.preferences_from_fields(), chosen)

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        preferences: LockPreferences,
        backups: QWidget | None = None,
    ) -> LockPreferences | None:
        dialog = cls(preferences, parent, backups=backups)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.preferences_from_fields() if accepted else None
