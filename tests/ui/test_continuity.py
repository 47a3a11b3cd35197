"""File › Continuity package…: name the custodian, make the package, see the password once;
then open the package as the custodian would, into a new vault."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.continuity_dialog import OpenPackageDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from tests.exchange.samples import populate
from tests.ui.dialog_driver import when_dialog_opens


def test_making_a_package_then_opening_it_as_the_custodian(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    populate(practice)
    drive = tmp_path_factory.mktemp("usb")  # not beside the vault: that is refused
    tmp_path = tmp_path_factory.mktemp("custodian")
    main_window.menu_actions.continuity_package.trigger()
    qtbot.waitUntil(lambda: main_window.continuity.dialog is not None)
    dialog = main_window.continuity.dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert "folder first" in dialog.result_note.text()

    qtbot.keyClicks(dialog.custodian_name, "Dr Imogen Reyes")
    dialog.folder.setText(str(drive))
    dialog.automatic.setChecked(True)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.password_box.isVisible() and not tasks.is_busy, timeout=30000)
    password = dialog.password_box.text()
    assert "2 clients" in dialog.result_note.text() and len(password) > 20
    package = next(drive.iterdir())

    target = tmp_path / "custodian.vault"

    def fill_in(opening: OpenPackageDialog) -> None:
        opening.package.setText(str(package))
        opening.password.setText(password)
        opening.vault.setText(str(target))
        opening.passphrase.setText("custodian passphrase 2026")
        opening.passphrase_again.setText("custodian passphrase 2026")
        opening.buttons.accepted.emit()

    driver = when_dialog_opens(OpenPackageDialog, fill_in)
    main_window.menu_actions.open_continuity_package.trigger()
    qtbot.waitUntil(lambda: driver.opened and target.exists() and not tasks.is_busy, timeout=30000)
    opened = Practice.open(target, "custodian passphrase 2026")
    try:
        assert opened.client_count() == 2
    finally:
        opened.close()
