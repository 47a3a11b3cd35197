"""The single database worker: off the UI thread, in order, results back on the UI thread."""

from __future__ import annotations

import threading
import time

from pytestqt.qtbot import QtBot

from alliance_desktop.domain.vault_errors import VaultWriteFailed
from alliance_desktop.ui.tasks import TaskRunner


def test_work_runs_off_the_ui_thread_and_the_result_arrives_on_it(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["callback"] = threading.get_ident()
        seen["result"] = result

    tasks.submit(work, done)
    qtbot.waitUntil(lambda: "result" in seen)

    assert seen["worker"] != ui_thread
    assert seen["callback"] == ui_thread
    assert seen["result"] == 42


def test_tasks_run_one_at_a_time_in_the_order_submitted(qtbot: QtBot, tasks: TaskRunner) -> None:
    running = 0
    overlap: list[bool] = []
    order: list[int] = []

    def work(number: int) -> int:
        nonlocal running
        running += 1
        overlap.append(running > 1)
        time.sleep(0.01)
        running -= 1
        return number

    for number in range(6):
        tasks.submit(lambda number=number: work(number), order.append)
    qtbot.waitUntil(lambda: len(order) == 6)

    assert order == list(range(6))
    assert not any(overlap)


def test_an_error_goes_to_on_error_and_busy_is_reported_around_the_work(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    busy: list[bool] = []
    errors: list[Exception] = []
    tasks.busy_changed.connect(busy.append)

    def failing() -> None:
        raise VaultWriteFailed("the disk is full")

    tasks.submit(failing, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))

    assert isinstance(errors[0], VaultWriteFailed)
    assert "the disk is full" in str(errors[0])
    assert busy == [True, False]
    assert not tasks.is_busy


def test_without_its_own_handler_an_error_goes_to_the_default_handler(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    errors: list[Exception] = []
    tasks.set_default_error_handler(errors.append)

    tasks.submit(lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(errors))

    assert isinstance(errors[0], ZeroDivisionError)


def test_a_closed_runner_runs_nothing_more_and_drops_queued_results(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    delivered: list[str] = []
    ran: list[str] = []
    tasks.submit(lambda: "queued", delivered.append)
    tasks.wait_until_idle()  # finished on the worker, its result not yet delivered

    tasks.close()
    tasks.submit(lambda: ran.append("late"), delivered.append)
    qtbot.wait(50)

    assert delivered == []
    assert ran == []
    assert not tasks.is_busy
