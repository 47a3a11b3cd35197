"""One row of the flags card: a client's flags (on Today, all of one client's together), or a
single flag (on the client's own page), with its acknowledgement when there is one."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from alliance_desktop.domain.flags import Flag, FlagState
from alliance_desktop.ui.rupture_wording import flag_title, icon


class FlagRow(QFrame):
    def __init__(
        self, states: list[FlagState], client_name: str, action: str, seen_at: str = ""
    ) -> None:
        super().__init__()
        self.setObjectName("flagRow")
        self.states = states
        self.flag = states[0].flag
        self.state = states[0]
        picture = QLabel()
        picture.setPixmap(icon("alliance-flag.svg").pixmap(18, 18))
        titles = list(dict.fromkeys(flag_title(state.flag.kind) for state in states))
        self.heading = " · ".join(titles)
        heading = html.escape(self.heading)
        if client_name:
            heading = f"{html.escape(client_name)} · {heading}"
        if seen_at:
            heading = f"{heading} · seeing them today at {seen_at}"
        if len(states) == 1:
            body = html.escape(self.flag.explanation, quote=False)
        else:
            body = "<br>".join(
                f"• {html.escape(state.flag.explanation, quote=False)}" for state in states
            )
        ack = self.state.acknowledgement if len(states) == 1 else None
        if ack is not None:
            noted = f": “{html.escape(ack.note)}”" if ack.note else ""
            body += f"<br><i>Acknowledged {ack.acknowledged_at:%d %b %Y}{noted}</i>"
            picture.setEnabled(False)
        self.text = QLabel(f"<b>{heading}</b><br>{body}")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton(action)
        self.button.setObjectName("flagAction")
        self.acknowledge_button = QPushButton("Reopen" if ack else "Acknowledge…")
        self.acknowledge_button.setObjectName("flagAction")
        self.acknowledge_button.setToolTip(
            "Bring this flag back into Today's count"
            if ack
            else "Note that you have seen this: it leaves Today's count until things change"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.acknowledge_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

    @property
    def flags(self) -> list[Flag]:
        return [state.flag for state in self.states]

    @property
    def is_acknowledged(self) -> bool:
        return all(not state.needs_attention for state in self.states)

    @property
    def explanation(self) -> str:
        return self.flag.explanation

    @property
    def explanations(self) -> list[str]:
        return [state.flag.explanation for state in self.states]

    @property
    def rupture_id(self) -> int | None:
        """The entry to open, when every flag here is about the same rupture."""
        ids = {flag.rupture_id for flag in self.flags}
        return ids.pop() if len(ids) == 1 else None
