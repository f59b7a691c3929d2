"""A project's exit thresholds: edited in their dialog, counted by the Handover page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.handover import ReadinessThresholds
from golive_desk.ui.handover.thresholds_dialog import ThresholdsDialog
from tests.gui.handover_support import build_demo, open_handover, services_of, settle


def _click(dialog: ThresholdsDialog, role: QDialogButtonBox.StandardButton) -> None:
    button = dialog.buttons.button(role)
    assert button is not None
    button.click()


def test_the_dialog_shows_the_thresholds_and_puts_the_defaults_back(qtbot: QtBot) -> None:
    dialog = ThresholdsDialog(ReadinessThresholds(max_new_per_day=12.0, trend_days=14))
    qtbot.addWidget(dialog)
    assert dialog.boxes["max_new_per_day"].value() == 12.0
    assert dialog.boxes["trend_days"].value() == 14
    assert dialog.boxes["min_sla_share"].suffix() == " %"
    dialog.boxes["min_sla_share"].setValue(150)  # bounded: a share is at most 100 %
    assert dialog.boxes["min_sla_share"].value() == 100
    defaults = next(b for b in dialog.buttons.buttons() if b.text() == "Defaults")
    defaults.click()
    assert dialog.boxes["max_new_per_day"].value() == 5.0
    dialog.boxes["min_days_since_urgent"].setValue(3)
    _click(dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.answer == ReadinessThresholds(min_days_since_urgent=3)


def test_saved_thresholds_change_what_the_page_counts(
        qtbot: QtBot, desktop: DesktopApp, tmp_path: Path) -> None:
    _window, page = open_handover(qtbot, desktop, build_demo(tmp_path))
    assert page.view is not None
    assert page.thresholds_button.isEnabled()
    before = {c.code: c for c in page.view.criteria}
    figure = before["new_issues_per_day"].figure
    assert isinstance(figure, float)
    assert before["new_issues_per_day"].ok  # (a 60-issue demo: under 5 a day)
    page.save_thresholds("HX", ReadinessThresholds(max_new_per_day=figure / 2))
    settle(desktop)
    after = {c.code: c for c in page.view.criteria}
    assert after["new_issues_per_day"].threshold == figure / 2
    assert not after["new_issues_per_day"].ok
    assert page.readiness.text() == f"{sum(c.ok for c in after.values())} of 7 exit criteria met"
    assert services_of(desktop).handover.record("HX").thresholds.max_new_per_day == figure / 2
