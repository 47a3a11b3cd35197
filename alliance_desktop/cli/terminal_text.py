"""What the command line prints is cleaned at the boundary: a client's name, a label or a file
name from a handover manifest can hold control characters, terminal escapes (which can clear or
retitle the terminal) or bidi overrides (which can make a line read backwards). Each is shown as
a visible `\\u…` instead. JSON output needs none of this: `json.dumps` escapes every non-ASCII
and control character already."""

from __future__ import annotations

import contextlib
import sys
import unicodedata
from collections.abc import Iterator
from typing import TextIO

_KEPT = {"\n", "\t"}


def printable(text: str) -> str:
    """`text` with control, format (bidi) and other invisible characters made visible."""
    return "".join(
        char
        if char in _KEPT or unicodedata.category(char) not in {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
        else f"\\u{ord(char):04x}"
        for char in text
    )


class _CleanedStream:
    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text))

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextlib.contextmanager
def cleaned_output() -> Iterator[None]:
    """Everything printed on stdout meanwhile is cleaned."""
    original = sys.stdout
    sys.stdout = _CleanedStream(original)
    try:
        yield
    finally:
        sys.stdout = original
