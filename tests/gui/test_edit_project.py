"""Editing a project after creation (File ▸ Edit project… and the toolbar's button)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.models import ProjectSettings
from golive_desk.services.container import Services
from golive_desk.ui.dialogs.project_dialog import EditProjectDialog
from tests.gui.conftest import settle

SETTINGS = ProjectSettings("华星电子 ERP 上线支持", "杭州华星电子有限公司", date(2026, 11, 2),
                           date(2026, 11, 30), ("总账", "应收"), None, 5)


def _store_with_project(path: Path) -> None:
    services = Services.open(path)
    services.projects.add_project("HX", SETTINGS.name, SETTINGS.customer, "2026-11-02",
                                  "2026-11-30")
    services.close()


def test_the_dialog_shows_the_settings_and_returns_the_edited_ones(qtbot: QtBot) -> None:
    dialog = EditProjectDialog("HX", SETTINGS)
    qtbot.addWidget(dialog)
    assert dialog.code.text() == "HX"
    assert dialog.code.isReadOnly()
    assert dialog.modules.toPlainText() == "总账\n应收"
    assert dialog.doc_prefix.placeholderText() == "HX"  # the default, shown
    dialog.doc_prefix.setText("HXDZ_ERP")
    dialog.modules.setPlainText("总账\n应收\n\n生产 ")
    dialog.onsite_days.setValue(10)
    dialog.has_month_end.setChecked(False)
    dialog.buttons.accepted.emit()
    assert dialog.result() == EditProjectDialog.DialogCode.Accepted
    assert dialog.edited == replace(SETTINGS, month_end=None, doc_prefix="HXDZ_ERP",
                                    modules=("总账", "应收", "生产"), onsite_days=10)


def test_a_bad_field_is_named_beside_it_and_nothing_is_returned(qtbot: QtBot) -> None:
    dialog = EditProjectDialog("HX", SETTINGS)
    qtbot.addWidget(dialog)
    dialog.modules.setPlainText("  \n")
    dialog.buttons.accepted.emit()
    assert dialog.error_text("modules")
    assert dialog.edited is None
    dialog.modules.setPlainText("总账")
    dialog.doc_prefix.setText("HX ERP")
    dialog.buttons.accepted.emit()
    assert dialog.error_text("doc_prefix")
    assert dialog.edited is None


def test_the_dialog_speaks_chinese(qtbot: QtBot, desktop: DesktopApp) -> None:
    assert desktop.translators.install("zh_CN")
    dialog = EditProjectDialog("HX", SETTINGS)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "编辑项目"
    labels = [dialog.form.labelForField(dialog.form.itemAt(row, dialog.form.ItemRole.FieldRole)
                                        .widget()).text()
              for row in range(dialog.form.rowCount())
              if dialog.form.itemAt(row, dialog.form.ItemRole.LabelRole) is not None]
    assert "项目名称" in labels
    assert "模块" in labels
    assert "上线后驻场" in labels


def test_edit_project_writes_through_the_service_and_the_switcher_follows(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    _store_with_project(store_path)
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    settle(qtbot, desktop)
    assert window.edit_project_action.isEnabled()
    bar = window.findChild(QToolBar, "projectBar")
    assert bar is not None
    assert window.edit_project_action in bar.actions()
    button = bar.widgetForAction(window.edit_project_action)
    assert isinstance(button, QToolButton)
    assert button.text() == "Edit project…"
    asked: list[tuple[str, ProjectSettings]] = []

    def answer(code: str, settings: ProjectSettings) -> ProjectSettings:
        asked.append((code, settings))
        return replace(settings, name="华星电子 ERP 二期", doc_prefix="HXDZ", onsite_days=8)

    window.ask_project_settings = answer
    window.edit_project_action.trigger()
    settle(qtbot, desktop)
    QApplication.processEvents()
    assert asked == [("HX", replace(SETTINGS, modules=asked[0][1].modules))]
    services = desktop.services
    assert services is not None
    project = services.projects.get("HX")
    assert (project.name, project.doc_prefix) == ("华星电子 ERP 二期", "HXDZ")
    assert services.calendar.onsite_days("HX") == 8
    assert window.project_box.currentText() == "HX · 华星电子 ERP 二期 · 杭州华星电子有限公司"
    assert window.windowTitle().endswith("华星电子 ERP 二期")


def _luminance(colour: QColor) -> float:
    """WCAG relative luminance."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def _contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_toolbar_button_reads_clearly_on_the_blue_bar(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    """Its text was the default dark grey on the dark blue bar (contrast about 2:1)."""
    _store_with_project(store_path)
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    settle(qtbot, desktop)
    QApplication.processEvents()
    bar = window.findChild(QToolBar, "projectBar")
    assert bar is not None
    button = bar.widgetForAction(window.edit_project_action)
    assert button is not None
    image = bar.grab(button.geometry()).toImage()
    pixels = Counter(image.pixel(x, y) for x in range(image.width())
                     for y in range(image.height()))
    background = QColor(pixels.most_common(1)[0][0])
    assert _contrast(background, QColor("#ffffff")) > 4.5  # it is the blue bar behind
    text = max((QColor(p) for p in pixels), key=lambda c: _contrast(c, background))
    assert _contrast(text, background) >= 4.5, (text.name(), background.name())


def test_the_code_looks_read_only(qtbot: QtBot, desktop: DesktopApp) -> None:
    """(desktop: the app's style sheet) The code cannot change, and looks it: grey, not the
    white of the fields beside it."""
    dialog = EditProjectDialog("HX", SETTINGS)
    qtbot.addWidget(dialog)
    dialog.show()
    code, name = dialog.code.grab().toImage(), dialog.name.grab().toImage()
    inside = (code.width() - 6, code.height() // 2)
    assert code.pixelColor(*inside).name() == "#eef1f6"
    assert name.pixelColor(name.width() - 6, name.height() // 2).name() == "#ffffff"
