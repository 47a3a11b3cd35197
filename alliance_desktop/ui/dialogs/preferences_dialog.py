"""Preferences for this computer: when the app locks itself, and light or dark.

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
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.ui.settings import (
    IDLE_LOCK_MINUTES_RANGE,
    LockPreferences,
    save_theme_choice,
    theme_choice,
)
from alliance_desktop.ui.theme import ThemeChoice, apply_theme


class PreferencesDialog(QDialog):
    def __init__(self, preferences: LockPreferences, parent: QWidget | None = None) -> None:
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

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(copied_note)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def preferences_from_fields(self) -> LockPreferences:
        return LockPreferences(
            idle_minutes=self.idle_minutes.value(), with_screen=self.with_screen.isChecked()
        )

    def chosen_theme(self) -> ThemeChoice:
        return ThemeChoice(self.appearance.currentData())

    @classmethod
    def edit(cls, parent: QWidget | None, preferences: LockPreferences) -> LockPreferences | None:
        """The lock preferences chosen (None when cancelled); the appearance applies at once."""
        dialog = cls(preferences, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted:
            return None
        save_theme_choice(dialog.chosen_theme().value)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, dialog.chosen_theme())
        return dialog.preferences_from_fields()
