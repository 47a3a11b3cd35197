"""Unlocking a vault while a command's own modules load.

Deriving the key takes about 0.1 s of C with Python's lock released, and a command first loads
its modules (the records it reads, the tables it prints): for the read-only commands scripts
call most (`clients list`, `goals`, `ruptures`, `risk`, `calendar list`), the vault is opened
on a second thread meanwhile, when the passphrase needs no asking. The command then takes the
practice already open (`take`); one it never took is closed when it ends (`discard`).
"""

from __future__ import annotations

import argparse
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alliance_desktop.services.practice import Practice


class _Opening:
    def __init__(self, path: Path, passphrase: str, open_practice: Callable[..., Practice]):
        self.path = path
        self.passphrase = passphrase
        self.practice: Practice | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(open_practice,), name="open ahead", daemon=True
        )
        self._thread.start()

    def _run(self, open_practice: Callable[..., Practice]) -> None:
        try:
            self.practice = open_practice(self.path, self.passphrase)
        except BaseException as error:  # raised again on the command's thread, by `take`
            self.error = error

    def result(self) -> Practice:
        self._thread.join()
        if self.error is not None:
            raise self.error
        assert self.practice is not None
        return self.practice


_opening: _Opening | None = None


def start(args: argparse.Namespace, open_practice: Callable[..., Practice]) -> None:
    """Begin unlocking --vault with the passphrase given by file or environment; nothing is
    started when it would be asked for, or the vault is not there (the command says so)."""
    global _opening
    from alliance_desktop.cli.passphrase import given_passphrase

    path = getattr(args, "vault", None)
    if not isinstance(path, Path) or not path.is_file():
        return
    try:
        passphrase = given_passphrase(args)
    except Exception:  # an unreadable passphrase file: the command says so in its own words
        return
    if passphrase is not None:
        _opening = _Opening(path, passphrase, open_practice)


def take(path: Path, passphrase: str) -> Practice | None:
    """The practice opened ahead for this vault and passphrase (its error raised), if any."""
    global _opening
    opening, _opening = _opening, None
    if opening is None:
        return None
    if opening.path != path or opening.passphrase != passphrase:
        _close_when_open(opening)
        return None
    return opening.result()


def discard() -> None:
    """Close a practice opened ahead that the command did not take."""
    global _opening
    opening, _opening = _opening, None
    if opening is not None:
        _close_when_open(opening)


def _close_when_open(opening: _Opening) -> None:
    try:
        practice = opening.result()
    except BaseException:  # it never opened: nothing to close
        return
    practice.close()
