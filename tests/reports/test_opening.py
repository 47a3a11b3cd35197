"""One report opening (DESIGN Convention 14): every report builder opens through
`open_report`, so the letterhead and title are written once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import Paragraph

import alliance_desktop.reports as reports_package
from alliance_desktop.reports.opening import open_report
from tests.reports.samples import PROFILE


def test_no_builder_draws_its_own_letterhead_or_page_setup() -> None:
    folder = Path(reports_package.__file__).parent
    for module in folder.glob("*.py"):
        if module.name in {"opening.py", "page_template.py"}:
            continue
        source = module.read_text(encoding="utf-8")
        assert "letterhead(" not in source, module.name
        assert "PageSetup(" not in source, module.name
        assert "report_styles(" not in source or module.name == "styles.py", module.name


def test_the_opening_escapes_a_name_and_keeps_it_out_of_the_metadata_title() -> None:
    opening = open_report(
        kind="Goal review",
        subject="A review",
        profile=PROFILE,
        generated_on=dt.date(2026, 3, 14),
        client_facing=True,
        title="Goal review for A <b>& B",
        subtitle="",
    )
    assert opening.setup.title == "Goal review"
    titles = [f for f in opening.story if isinstance(f, Paragraph)]
    assert "A &lt;b&gt;&amp; B" in titles[-1].text or "A <b>& B" in titles[-1].getPlainText()
    assert opening.width == opening.setup.content_width
