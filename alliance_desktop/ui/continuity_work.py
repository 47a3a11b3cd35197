"""The continuity package from the window: the dialog, making the package on the database
worker (now, or weekly when the app is unlocked), printing the sealed letter, and opening a
package into a new vault (what a custodian does).

The custodian is a practice setting (in the vault); the folder and the weekly choice belong to
this computer (where the USB stick or the synced folder is), so they live in the app settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid

from alliance_desktop.domain.continuity import Custodian
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.passphrase import check_new_passphrase
from alliance_desktop.services import Practice
from alliance_desktop.services.continuity import ContinuityResult, open_package
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.continuity_dialog import ContinuityDialog, OpenPackageDialog
from alliance_desktop.ui.settings import (
    continuity_folder,
    continuity_weekly,
    remember_continuity_choice,
)
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner


def _remember(folder: Path, weekly: bool) -> None:
    remember_continuity_choice(str(folder), weekly)


class ContinuityWork(QObject):
    status_message = Signal(str)

    def __init__(self, practice: Practice, tasks: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._practice = practice
        self._tasks = tasks
        self._window = window
        self.dialog: ContinuityDialog | None = None

    # Making a package

    def open_dialog(self) -> None:
        continuity = self._practice.continuity
        self._tasks.submit(lambda: (continuity.custodian(), continuity.last_made()), self._show)

    def _show(self, loaded: tuple[Custodian | None, object]) -> None:
        custodian, last_made = loaded
        made = f"Last package: {last_made}." if last_made else "No package made yet."
        dialog = ContinuityDialog(
            custodian, continuity_folder(), continuity_weekly(), made, self._window
        )
        dialog.make_requested.connect(self._make)
        dialog.sealed_letter_requested.connect(self._print_sealed_letter)
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _make(self, custodian: Custodian, folder: Path, include_archived: bool) -> None:
        continuity = self._practice.continuity
        weekly = self.dialog.automatic.isChecked() if self.dialog is not None else False

        def made(result: ContinuityResult) -> None:
            _remember(folder, weekly)
            text = (
                f"Wrote and checked a package of {result.client_count} clients in {result.folder}."
            )
            if result.password_is_new:
                text += " Its password is below, shown this once: write it on the sealed letter."
            else:
                text += " It opens with the password in the sealed letter."
            if self.dialog is not None:
                self.dialog.show_made(text, result.password if result.password_is_new else None)
            emit(self.status_message, "Continuity package written.")

        def failed(error: BaseException) -> None:
            if isinstance(error, InvalidInput) and self.dialog is not None:
                self.dialog.messages.show(error.problems)
            if self.dialog is not None:
                self.dialog.show_failed(messages.describe_error(error))

        self._tasks.submit(
            lambda: continuity.export(folder, custodian, include_archived=include_archived),
            made,
            failed,
        )

    def make_if_due(self) -> None:
        """The weekly package, when chosen on this computer and a week has passed."""
        folder = continuity_folder()
        if not continuity_weekly() or not folder:
            return
        continuity = self._practice.continuity

        def make() -> ContinuityResult | None:
            return continuity.export(Path(folder)) if continuity.automatic_due() else None

        def made(result: ContinuityResult | None) -> None:
            if result is not None:
                emit(self.status_message, f"This week's continuity package is in {result.folder}.")

        def failed(error: BaseException) -> None:
            emit(self.status_message, f"No continuity package this week: {error}")

        self._tasks.submit(make, made, failed)

    def _print_sealed_letter(self, custodian: Custodian) -> None:
        continuity = self._practice.continuity

        def build() -> bytes:
            continuity.set_custodian(custodian)
            return continuity.sealed_letter()

        def failed(error: BaseException) -> None:
            if isinstance(error, InvalidInput) and self.dialog is not None:
                self.dialog.messages.show(error.problems)

        self._tasks.submit(build, self._print, failed)

    def _print(self, pdf: bytes) -> None:
        # QtPdf and printing load when a letter is first printed, not when the app starts.
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from alliance_desktop.ui.pdf_printing import PrintingFailed, print_pdf

        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(buffer)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("Sealed letter")
        dialog = QPrintDialog(printer, self.dialog or self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                print_pdf(document, printer)
            except PrintingFailed as error:
                messages.show_error(self._window, "The letter was not printed", error)
        document.deleteLater()
        buffer.deleteLater()

    # Opening a package (the custodian)

    def open_package_dialog(self) -> None:
        dialog = OpenPackageDialog(self._window)
        dialog.buttons.accepted.connect(lambda: self._open_package(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _open_package(self, dialog: OpenPackageDialog) -> None:
        dialog.messages.clear()
        try:
            passphrase = check_new_passphrase(
                dialog.passphrase.text(), dialog.passphrase_again.text()
            )
        except InvalidInput as error:
            dialog.messages.show(error.problems)
            return
        folder = Path(dialog.package.text().strip()).expanduser()
        vault = Path(dialog.vault.text().strip()).expanduser()
        if not dialog.vault.text().strip():
            dialog.messages.show({"vault": "Choose where the new vault goes."})
            return
        password = dialog.password.text()
        dialog.result_note.setText("Checking and importing every client…")

        def opened(result: object) -> None:
            if isValid(dialog):
                dialog.accept()
            emit(
                self.status_message,
                f"Opened the package into {vault}: lock and choose that vault to work in it.",
            )

        def failed(error: BaseException) -> None:
            if isValid(dialog):  # the clinician may have closed it meanwhile
                dialog.result_note.setText(messages.describe_error(error))

        self._tasks.submit(
            lambda: open_package(folder, password, vault, passphrase, Practice.create),
            opened,
            failed,
        )
