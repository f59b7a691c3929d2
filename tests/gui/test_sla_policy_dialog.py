"""The SLA policy dialog: messages beside the fields, a policy out, saved and recomputed."""

from __future__ import annotations

from datetime import time

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from golive_desk.domain.issues import Severity
from golive_desk.domain.sla import DEFAULT_POLICY, TargetUnit
from golive_desk.ui.dialogs.project_dialog import SlaPolicyDialog


def _ok(dialog: SlaPolicyDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    button.click()


def test_bad_targets_and_hours_are_named_beside_their_fields(qtbot: QtBot) -> None:
    dialog = SlaPolicyDialog(DEFAULT_POLICY)
    qtbot.addWidget(dialog)
    response, resolution = dialog.targets[Severity.URGENT]
    assert (response.text(), resolution.text()) == ("2h", "1d")
    response.setText("0h")
    _ok(dialog)
    assert dialog.answer is None
    assert "more than zero" in dialog.error_text("urgent")
    response.setText("-3h")
    _ok(dialog)
    assert "more than zero" in dialog.error_text("urgent")
    response.setText("两小时")
    _ok(dialog)
    assert "2h" in dialog.error_text("urgent")
    response.setText("1.5h")
    dialog.hours.setText("17:30-08:30")
    _ok(dialog)
    assert dialog.error_text("urgent") == ""
    assert "ends before it starts" in dialog.error_text("hours")
    dialog.hours.setText("08:00-12:00, 11:00-17:00")
    _ok(dialog)
    assert "overlap" in dialog.error_text("hours")
    dialog.hours.setText("09:00-12:00, 13:00-18:00")
    dialog.threshold.setValue(80)
    resolution.setText("2 工作日")
    _ok(dialog)
    policy = dialog.answer
    assert policy is not None
    assert policy.targets[Severity.URGENT].response.amount == 1.5
    assert policy.targets[Severity.URGENT].resolution.unit is TargetUnit.DAYS
    assert policy.hours.periods[0] == (time(9, 0), time(12, 0))
    assert policy.at_risk_percent == 80
