"""`handover export` and `handover import`: the folder and the password printed once, the round
trip into a second vault, and every way they refuse (one line on stderr, nothing changed)."""

from __future__ import annotations

import getpass
import io
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from alliance_desktop.cli import handover_commands
from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.services import Practice
from tests.cli.conftest import Run
from tests.exchange.samples import NAME, populate
from tests.factories import PASSPHRASE

RunCli = Callable[..., Run]
FILES = {"record.pdf", "record.fhir.json.enc", "sessions.ics", "manifest.json"}
PASSWORD_LINE = "Handover password (printed only this once"


@pytest.fixture
def sending(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """A vault holding one client with every kind of record (and one other client)."""
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("ALLIANCE_HANDOVER_PASSWORD", raising=False)
    path = tmp_path / "sending.vault"
    practice = Practice.create(path, PASSPHRASE)
    client_id = populate(practice)
    practice.close()
    return path, client_id


@pytest.fixture
def receiving(tmp_path: Path) -> Path:
    path = tmp_path / "receiving.vault"
    Practice.create(path, PASSPHRASE).close()
    return path


def export_args(
    vault: Path, client_id: int, out: Path, *extra: str, scope: str = "all"
) -> list[str]:
    return [
        "handover", "export", "--vault", str(vault), "--client", str(client_id),
        "--out", str(out), "--to-name", "Dr Kwame Mensah",
        "--to-organisation", "Riverside Psychology", "--consent-date", "2026-03-10",
        "--consent-scope", scope, "--reason", "Moving to Leeds",
        "--date", "2026-03-14", *extra,
    ]  # fmt: skip


def printed_password(out: str) -> str:
    lines = out.splitlines()
    return lines[lines.index(next(line for line in lines if line.startswith(PASSWORD_LINE))) + 1]


@pytest.fixture
def exported(run_cli: RunCli, sending: tuple[Path, int], tmp_path: Path) -> tuple[Path, str, Run]:
    vault, client_id = sending
    out = tmp_path / "handover"
    result = run_cli(*export_args(vault, client_id, out, "--include-notes"))
    assert result.code == 0, result.err
    return out, printed_password(result.out).strip(), result


def clients_in(vault: Path) -> list[tuple[str, ClientStatus]]:
    practice = Practice.open(vault, PASSPHRASE)
    try:
        return [(practice.client(s.id).name, practice.client(s.id).status)
                for s in practice.client_summaries()]  # fmt: skip
    finally:
        practice.close()


def test_export_writes_four_private_files_and_prints_the_password_once(
    exported: tuple[Path, str, Run], sending: tuple[Path, int]
) -> None:
    out, password, result = exported

    assert {path.name for path in out.iterdir()} == FILES
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert result.out.count(password) == 1
    assert "by another channel — by phone or in person" in result.out
    assert "left out: Rupture-and-repair log and private process notes" in result.out
    assert result.err == ""
    reader = PdfReader(io.BytesIO((out / "record.pdf").read_bytes()))
    assert reader.is_encrypted and reader.decrypt(password)
    assert (NAME, ClientStatus.HANDED_OVER) in clients_in(sending[0])


def test_the_handover_password_variable_is_not_used_by_export(
    run_cli: RunCli,
    sending: tuple[Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ALLIANCE_HANDOVER_PASSWORD", "chosen-by-me")
    vault, client_id = sending

    result = run_cli(*export_args(vault, client_id, tmp_path / "out"))

    assert result.code == 0, result.err
    assert "ALLIANCE_HANDOVER_PASSWORD is only read by 'handover import'" in result.err
    assert printed_password(result.out).strip() != "chosen-by-me"
    assert "chosen-by-me" not in result.out


def test_import_into_a_second_vault_gives_the_client_and_every_session(
    run_cli: RunCli,
    exported: tuple[Path, str, Run],
    receiving: Path,
    sending: tuple[Path, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out, password, _ = exported
    monkeypatch.setenv("ALLIANCE_HANDOVER_PASSWORD", password)

    result = run_cli("handover", "import", "--vault", str(receiving), str(out))

    assert result.code == 0, result.err
    assert result.out.startswith(
        f"Handover of {NAME} from Dr Ana Ferreira, Harbour Lane Psychotherapy, exported "
    )
    assert "The sender included: Summary of the work together" in result.out
    assert "left out: Rupture-and-repair log and private process notes" in result.out
    assert result.out.splitlines()[-1] == f"Imported {NAME} as client 1 (status: active)."
    sent, received = Practice.open(sending[0], PASSPHRASE), Practice.open(receiving, PASSPHRASE)
    try:
        sessions_sent = len(sent.calendar.client_history(sending[1]).entries)
        assert received.client(1).name == NAME
        assert len(received.calendar.client_history(1).entries) == sessions_sent > 5
        assert f"{sessions_sent} sessions (" in result.out
    finally:
        sent.close()
        received.close()


def test_a_wrong_handover_password_imports_nothing(
    run_cli: RunCli,
    exported: tuple[Path, str, Run],
    receiving: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ALLIANCE_HANDOVER_PASSWORD", "bafok-telum-risav-donek-pumiz")

    result = run_cli("handover", "import", "--vault", str(receiving), str(exported[0]))

    assert result.code == 1
    assert result.out == ""
    assert result.err.count("\n") == 1
    assert "That password does not open this handover" in result.err
    assert clients_in(receiving) == []


def test_import_without_a_password_or_a_terminal_says_what_to_set(
    run_cli: RunCli, exported: tuple[Path, str, Run], receiving: Path
) -> None:
    result = run_cli("handover", "import", "--vault", str(receiving), str(exported[0]))

    assert result.code == 1
    assert "set ALLIANCE_HANDOVER_PASSWORD" in result.err and result.err.count("\n") == 1
    assert clients_in(receiving) == []


def test_a_missing_folder_is_one_line(
    run_cli: RunCli, receiving: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ALLIANCE_HANDOVER_PASSWORD", "bafok-telum-risav-donek-pumiz")
    missing = tmp_path / "nowhere"

    result = run_cli("handover", "import", "--vault", str(receiving), str(missing))

    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"alliance-desktop: There is no handover folder at {missing}. Nothing was imported.\n"
    )


def test_a_folder_that_is_not_a_handover_is_refused(
    run_cli: RunCli, receiving: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ALLIANCE_HANDOVER_PASSWORD", "bafok-telum-risav-donek-pumiz")
    (tmp_path / "holiday").mkdir()

    result = run_cli("handover", "import", "--vault", str(receiving), str(tmp_path / "holiday"))

    assert result.code == 1
    assert "is not an Alliance Desktop handover: it has no manifest.json" in result.err


def test_export_refuses_a_folder_that_holds_files_before_unlocking(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ALLIANCE_PASSPHRASE", raising=False)  # never asked for
    out = tmp_path / "full"
    out.mkdir()
    (out / "letter.txt").write_text("keep me")

    result = run_cli(*export_args(tmp_path / "any.vault", 1, out))

    assert result.code == 1
    assert "is not an empty folder" in result.err and result.err.count("\n") == 1
    assert (out / "letter.txt").read_text() == "keep me"


def test_export_refuses_consent_dated_after_the_handover(
    run_cli: RunCli, sending: tuple[Path, int], tmp_path: Path
) -> None:
    vault, client_id = sending
    argv = export_args(vault, client_id, tmp_path / "out")
    argv[argv.index("--consent-date") + 1] = "2026-03-20"

    result = run_cli(*argv)

    assert result.code == 1
    assert "consent must be given on or before the handover date" in result.err
    assert not (tmp_path / "out").exists()
    assert (NAME, ClientStatus.HANDED_OVER) not in clients_in(vault)


def test_export_of_an_unknown_client_says_how_to_find_ids(
    run_cli: RunCli, sending: tuple[Path, int], tmp_path: Path
) -> None:
    result = run_cli(*export_args(sending[0], 99, tmp_path / "out"))

    assert result.code == 1
    assert "There is no client with id 99" in result.err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["handover", "export", "--vault", "x.vault", "--client", "3", "--out", "o"],
            "required: --to-name, --consent-date, --consent-scope, --reason",
        ),
        (["handover", "import", "--vault", "x.vault"], "required: DIR"),
        (
            [*export_args(Path("x.vault"), 3, Path("o"))[:-2], "--date", "14/03/2026"],
            "expected a date as YYYY-MM-DD",
        ),
    ],
)
def test_usage_errors_exit_2(run_cli: RunCli, argv: list[str], said: str) -> None:
    result = run_cli(*argv)

    assert (result.code, result.out) == (2, "")
    assert said in result.err


# At a terminal


@pytest.fixture
def at_terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[str]]:
    """Pretend a person types `passwords` at the password prompt and `answer` when asked."""

    def typing(*passwords: str, answer: str = "y") -> list[str]:
        prompts: list[str] = []
        replies: Iterator[str] = iter(passwords)

        def fake_getpass(prompt: str = "") -> str:
            prompts.append(prompt)
            return next(replies)

        monkeypatch.setattr(handover_commands, "_is_interactive", lambda: True)
        monkeypatch.setattr(getpass, "getpass", fake_getpass)
        monkeypatch.setattr(sys, "stdin", io.StringIO(answer + "\n"))
        return prompts

    return typing


def test_at_a_terminal_a_mistyped_password_can_be_tried_again(
    run_cli: RunCli,
    exported: tuple[Path, str, Run],
    receiving: Path,
    at_terminal: Callable[..., list[str]],
) -> None:
    out, password, _ = exported
    prompts = at_terminal("not-it", password.upper().replace("-", " "), answer="yes")

    result = run_cli("handover", "import", "--vault", str(receiving), str(out))

    assert result.code == 0, result.err
    assert prompts == [f"Handover password for {out}: "] * 2
    assert "try again" in result.err
    assert [name for name, _ in clients_in(receiving)] == [NAME]


def test_at_a_terminal_answering_no_imports_nothing(
    run_cli: RunCli,
    exported: tuple[Path, str, Run],
    receiving: Path,
    at_terminal: Callable[..., list[str]],
) -> None:
    out, password, _ = exported
    at_terminal(password, answer="n")

    result = run_cli("handover", "import", "--vault", str(receiving), str(out))

    assert result.code == 1
    assert f"Handover of {NAME}" in result.out
    assert "You chose not to import. Nothing was imported." in result.err
    assert clients_in(receiving) == []


@pytest.mark.parametrize(
    ("flag", "scope"),
    [
        ("--include-notes", "goals,sessions,summary"),
        ("--include-ruptures", "goals,sessions,summary,notes"),
        ("--include-private-notes", "goals,notes,ruptures"),
    ],
)
def test_an_include_beyond_the_consent_is_refused_and_nothing_written(
    run_cli: RunCli, sending: tuple[Path, int], tmp_path: Path, flag: str, scope: str
) -> None:
    vault, client_id = sending
    out = tmp_path / "handover"
    result = run_cli(*export_args(vault, client_id, out, flag, scope=scope))
    assert result.code == 1
    assert flag in result.err and "beyond the client's consent" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not out.exists()
    assert clients_in(vault)[-1][1] is not ClientStatus.HANDED_OVER


def test_an_unknown_consent_category_is_refused(
    run_cli: RunCli, sending: tuple[Path, int], tmp_path: Path
) -> None:
    vault, client_id = sending
    out = tmp_path / "handover"
    result = run_cli(*export_args(vault, client_id, out, scope="goals,everything"))
    assert result.code == 1
    assert "'everything'" in result.err and "process-notes" in result.err
    assert not out.exists()


def test_a_partial_consent_exports_only_its_categories(
    run_cli: RunCli, sending: tuple[Path, int], tmp_path: Path
) -> None:
    vault, client_id = sending
    out = tmp_path / "handover"
    result = run_cli(*export_args(vault, client_id, out, scope="goals,sessions,summary"))
    assert result.code == 0, result.err
    assert "left out: Progress notes, rupture-and-repair log, private process notes" in result.out
