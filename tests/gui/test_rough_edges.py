"""Small things a user sees (issue 15 #14): the date fields alike, Save grey when
nothing is dirty, the print preview's page centred, the toolbar's caption clear of
its separator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from golive_desk.ui.issues.fields import SheetFields
from golive_desk.ui.main_window import MainWindow


def test_the_date_field_looks_like_the_reported_at_picker(qtbot: QtBot) -> None:
    sheet = SheetFields()
    qtbot.addWidget(sheet)
    sheet.resize(900, 900)
    sheet.show()
    qtbot.waitExposed(sheet)
    picker, date = sheet.reported_at, sheet.expected_by
    assert date.edit.placeholderText() == picker.displayFormat().split()[0] == "yyyy-MM-dd"
    assert date.button.arrowType() == Qt.ArrowType.DownArrow
    assert date.button.text() == ""
    # As tall as the edit, to the pixel the style rounds to (a style or font another
    # test left installed can make the two hints differ by one).
    assert abs(date.button.height() - date.edit.height()) <= 1


def test_the_project_caption_is_clear_of_the_separator(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    caption = window.project_caption
    bar = caption.parentWidget()
    assert bar is not None
    separator = next(a for a in bar.actions() if a.isSeparator())
    line = bar.widgetForAction(separator)
    assert line is not None
    QApplication.processEvents()
    centre = line.geometry().center().x()
    text_left = caption.geometry().left() + caption.contentsMargins().left()
    assert text_left - centre >= 12
