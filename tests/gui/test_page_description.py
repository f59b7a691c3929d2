"""A page's description wraps and is never clipped, in either language."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.ui.pages.coming_page import ComingPage

LONG = ("把后续维护移交给客户的内部支持和运维部门：应急预案、项目总结、验收签字。" * 3
        + " Hand follow-up maintenance to the customer's internal support and the O&M "
        "department: emergency plan, project summary, acceptance sign-off.")


def test_the_description_fits_at_800_px(qtbot: QtBot, desktop: DesktopApp) -> None:
    page = ComingPage("handover", "移交", LONG)
    qtbot.addWidget(page)
    page.resize(800, 480)
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    label = page.description
    assert isinstance(label, QLabel)
    assert label.wordWrap()
    assert 400 <= label.width() <= 800
    # The height the text needs at the width it was given is the height it got.
    assert label.heightForWidth(label.width()) <= label.height()
    assert label.height() >= 3 * label.fontMetrics().lineSpacing()
