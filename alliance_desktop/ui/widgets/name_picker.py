"""A drop-down of client names that does not grow to the longest name.

By default a combo box asks for the width of its longest entry, measured when it is first
shown: one long name (or the order the pages were opened in) then squeezed the buttons beside
it in a narrow window. It asks for the width of a typical name instead, takes more when the row
has room, and its list still shows every name whole.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSizePolicy

TYPICAL_NAME_LETTERS = 22


def fit_to_typical_names(picker: QComboBox) -> None:
    picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    picker.setMinimumContentsLength(TYPICAL_NAME_LETTERS)
    picker.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    picker.view().setTextElideMode(Qt.TextElideMode.ElideNone)  # whole names in the list
