"""Plain-text tables for the terminal, aligned even for accented and wide characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: int = 1) -> str:
    """Columns separated by two spaces; the first `numeric` columns are right-aligned."""
    table = [list(header), *(list(row) for row in rows)]
    widths = [max(display_width(row[column]) for row in table) for column in range(len(header))]
    lines = []
    for row in table:
        cells = [
            _pad(cell, width, right=index < numeric)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: wide East Asian characters take two."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def shortened(text: str, limit: int) -> str:
    """The first line of `text`, cut to `limit` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def counted(number: int, noun: str, plural: str = "") -> str:
    """'1 session', '3 sessions'; `plural` for nouns that do not just add an s."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _pad(cell: str, width: int, right: bool) -> str:
    padding = " " * (width - display_width(cell))
    return padding + cell if right else cell + padding
