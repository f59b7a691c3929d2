"""No silent crash: an error on any thread is logged and shown with the log's path."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from golive_desk.ui.crash import CrashReporter


def test_an_error_in_a_worker_thread_is_logged_and_shown_on_the_gui_thread(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    shown: list[tuple[str, ...]] = []
    gui_thread = threading.current_thread()

    def show(_parent: object, title: str, text: str, informative: str, details: str) -> None:
        assert threading.current_thread() is gui_thread
        shown.append((title, text, informative, details))

    reporter = CrashReporter(tmp_path / "golive-desk.log", lambda: None, show)
    monkeypatch.setattr(threading, "excepthook", reporter._thread_hook)

    def broken() -> None:
        raise ZeroDivisionError("月末结账除以零")

    worker = threading.Thread(target=broken)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown))
    title, _text, informative, details = shown[0]
    assert title == "GoLive Desk – unexpected error"
    assert str(tmp_path / "golive-desk.log") in informative
    assert details == "ZeroDivisionError: 月末结账除以零"
    assert "Traceback" in caplog.text
    assert "月末结账除以零" in caplog.text
