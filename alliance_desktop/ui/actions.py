"""The main window's menu actions and menus, with the shortcuts people expect."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget


@dataclass(frozen=True)
class MainActions:
    new_client: QAction
    new_session: QAction
    export_calendar: QAction
    hand_over: QAction  # the client shown in Clients
    import_handover: QAction
    records_retention: QAction  # finished clients' keep-until dates; delete past retention
    continuity_package: QAction  # the custodian's package of every record
    open_continuity_package: QAction  # what a custodian does: open one into a new vault
    undo: QAction  # enabled and named by the session undo stack
    redo: QAction
    practice_profile: QAction
    lock: QAction  # close the vault and every record; the passphrase opens it again
    preferences: QAction
    quit: QAction
    find_client: QAction
    show_page: tuple[QAction, ...]  # one per navigation page, in order
    about: QAction
    user_guide: QAction
    keyboard_shortcuts: QAction
    alliance_thresholds: QAction


def _action(
    parent: QWidget, text: str, shortcuts: Sequence[QKeySequence] = (), tip: str = ""
) -> QAction:
    action = QAction(text, parent)
    unique: list[QKeySequence] = []
    for shortcut in shortcuts:
        if not shortcut.isEmpty() and shortcut not in unique:
            unique.append(shortcut)
    action.setShortcuts(unique)
    if tip:
        action.setStatusTip(tip)
    return action


def with_mnemonics(titles: Sequence[str]) -> list[str]:
    """Each title with an & before its first letter no earlier title has taken, so every item
    of a menu has its own letter (Calendar and Clients, Ruptures and Reports)."""
    used: set[str] = set()
    marked = []
    for title in titles:
        position = next(
            (i for i, c in enumerate(title) if c.isalpha() and c.casefold() not in used), None
        )
        if position is None:
            marked.append(title)
            continue
        used.add(title[position].casefold())
        marked.append(f"{title[:position]}&{title[position:]}")
    return marked


def create_actions(window: QWidget, page_titles: Sequence[str]) -> MainActions:
    std = QKeySequence.StandardKey
    return MainActions(
        new_client=_action(window, "&New client…", [QKeySequence(std.New)], "Add a client record"),
        new_session=_action(
            window, "New &session…", [QKeySequence("Ctrl+Shift+N")], "Book a session"
        ),
        export_calendar=_action(
            window,
            "&Export calendar…",
            tip="Write your sessions to an .ics file, with initials at most",
        ),
        hand_over=_action(
            window,
            "&Hand over client…",
            tip="Export the chosen client's record for the clinician who continues the work",
        ),
        import_handover=_action(
            window,
            "&Import handover…",
            tip="Add a client from a handover folder another clinician gave you",
        ),
        continuity_package=_action(
            window,
            "&Continuity package…",
            tip="A sealed copy of every record for the custodian you name",
        ),
        open_continuity_package=_action(
            window,
            "&Open a continuity package…",
            tip="As a custodian: open a package you were given into a new vault",
        ),
        records_retention=_action(
            window,
            "&Records and retention…",
            tip="How long finished clients' records are kept, and those past their period",
        ),
        undo=_action(window, "&Undo", [QKeySequence(std.Undo)]),
        redo=_action(window, "&Redo", [QKeySequence(std.Redo)]),
        practice_profile=_action(
            window,
            "Practice &profile…",
            tip="Your name, credentials and letterhead details",
        ),
        lock=_action(
            window,
            "&Lock",
            [QKeySequence("Ctrl+L")],
            "Close the vault and every open record until the passphrase is entered again",
        ),
        preferences=_action(
            window,
            "Prefere&nces…",
            # The platform's key (Cmd+, on macOS; none on Linux or Windows) and Ctrl+, there.
            [QKeySequence(std.Preferences), QKeySequence("Ctrl+,")],
            "When the app locks itself, the vault's backups, the calendar file and light or dark",
        ),
        # The platform's Quit key (Cmd+Q on macOS) plus Ctrl+Q, which Windows lacks.
        quit=_action(window, "&Quit", [QKeySequence(std.Quit), QKeySequence("Ctrl+Q")]),
        find_client=_action(
            window, "&Find client…", [QKeySequence(std.Find)], "Search the client list"
        ),
        show_page=tuple(
            _action(window, text, [QKeySequence(f"Ctrl+{number}")])
            for number, text in enumerate(with_mnemonics(page_titles), start=1)
        ),
        about=_action(window, "&About Alliance Desktop"),
        user_guide=_action(window, "&User guide", [QKeySequence(std.HelpContents)]),
        keyboard_shortcuts=_action(window, "&Keyboard shortcuts", [QKeySequence("Ctrl+/")]),
        alliance_thresholds=_action(
            window, "&Alliance flags…", tip="Choose when check-ins and open ruptures are flagged"
        ),
    )


def build_menus(menu_bar: QMenuBar, actions: MainActions) -> None:
    file_menu = menu_bar.addMenu("&File")
    file_menu.addAction(actions.new_client)
    file_menu.addAction(actions.new_session)
    file_menu.addSeparator()
    file_menu.addAction(actions.export_calendar)
    file_menu.addAction(actions.hand_over)
    file_menu.addAction(actions.import_handover)
    file_menu.addAction(actions.records_retention)
    file_menu.addAction(actions.continuity_package)
    file_menu.addAction(actions.open_continuity_package)
    file_menu.addSeparator()
    file_menu.addAction(actions.practice_profile)
    file_menu.addSeparator()
    file_menu.addAction(actions.lock)
    file_menu.addAction(actions.quit)

    edit_menu = menu_bar.addMenu("&Edit")
    edit_menu.addAction(actions.undo)
    edit_menu.addAction(actions.redo)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.find_client)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.alliance_thresholds)
    edit_menu.addAction(actions.preferences)

    view_menu = menu_bar.addMenu("&View")
    for action in actions.show_page:
        view_menu.addAction(action)

    help_menu = menu_bar.addMenu("&Help")
    help_menu.addAction(actions.user_guide)
    help_menu.addAction(actions.keyboard_shortcuts)
    help_menu.addSeparator()
    help_menu.addAction(actions.about)
