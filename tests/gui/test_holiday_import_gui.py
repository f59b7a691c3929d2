"""File ▸ Import holiday calendar…: a preview through the prompter, nothing written before yes."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.holiday_ics import holiday_ics_text
from golive_desk.domain.workdays import YearData
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from tests.gui.conftest import settle


def test_preview_then_store(qtbot: QtBot, desktop: DesktopApp, store_path: Path,
                            prompter: ScriptedPrompter, tmp_path: Path) -> None:
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    settle(qtbot, desktop)
    notice = tmp_path / "2027.ics"
    notice.write_text(holiday_ics_text((YearData.build(
        2027, {date(2027, 2, d): "春节" for d in range(6, 13)}, {date(2027, 2, 14): "春节"}),),
        stamp=datetime(2026, 11, 1)), encoding="utf-8")
    services = desktop.services
    assert services is not None

    prompter.files.append(notice)
    prompter.confirms.append(False)  # looked at the preview, said no
    window.import_holidays_action.trigger()
    settle(qtbot, desktop)
    kind, _title, text = prompter.messages[-1]
    assert kind == "confirm"
    assert "2027" in text
    assert "7" in text
    assert services.sla.holiday_years() == ()

    prompter.files.append(notice)
    prompter.confirms.append(True)
    window.import_holidays_action.trigger()
    settle(qtbot, desktop)
    assert [y.year for y in services.sla.holiday_years()] == [2027]

    bad = tmp_path / "bad.ics"
    bad.write_text("not a calendar", encoding="utf-8")
    prompter.files.append(bad)
    window.import_holidays_action.trigger()
    settle(qtbot, desktop)
    assert prompter.messages[-1][0] == "error"
    assert "bad.ics" in prompter.messages[-1][2]
