"""The Sync page: import with trust prompt, report, peers, conflict inbox with badge."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.conflicts import ConflictValue, FieldConflict
from golive_desk.services.container import Services
from golive_desk.services.store_admin import init_store
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from golive_desk.ui.sync.conflict_panel import ConflictPanel
from golive_desk.ui.sync.export_dialog import bundle_name, free_path
from golive_desk.ui.sync.models import ConflictsModel
from golive_desk.ui.sync.report_text import OPEN_FOLDER, import_html
from golive_desk.ui.sync.sync_page import SyncPage
from tests.gui.conftest import settle


def _laptop_with_issue(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "laptop.db"
    init_store(path, "陈思远", "CSY")
    services = Services.open(path)
    services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                  "2026-11-02")
    issue, _ = services.issues.create("HX", {"title": "采购入库单价取不到", "module": "采购",
                                             "severity": "high"})
    services.close()
    return path, issue.number


def _export(path: Path, dest: Path, **kwargs: object) -> Path:
    services = Services.open(path)
    try:
        services.sync.export_bundle(dest, **kwargs)  # type: ignore[arg-type]
    finally:
        services.close()
    return dest


def _open_page(qtbot: QtBot, desktop: DesktopApp, store: Path) -> SyncPage:
    assert desktop.open_store(store)
    window = desktop.show_window()
    settle(qtbot, desktop)
    window.show_page("sync")
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    return page


def test_importing_from_an_unknown_laptop_asks_then_reports(
        qtbot: QtBot, desktop: DesktopApp, prompter: ScriptedPrompter, store_path: Path,
        tmp_path: Path) -> None:
    laptop, number = _laptop_with_issue(tmp_path)
    bundle = _export(laptop, tmp_path / "csy.golive", full=True)
    page = _open_page(qtbot, desktop, store_path)
    prompter.confirms.append(True)
    page.import_bundle(bundle)
    settle(qtbot, desktop)
    _kind, _title, text = next(m for m in prompter.messages if m[0] == "confirm")
    assert "陈思远 (CSY)" in text
    assert "fingerprint" in text.lower()
    assert "Bundle imported" in page.report.toHtml()
    assert page.peers_model.rowCount() == 1
    assert desktop.services is not None
    assert desktop.services.issues.get(number).title == "采购入库单价取不到"
    # the same bundle again: nothing new
    page.import_bundle(bundle)
    settle(qtbot, desktop)
    assert "Nothing new" in page.report.toHtml()


def test_refusing_an_unknown_laptop_imports_nothing(
        qtbot: QtBot, desktop: DesktopApp, prompter: ScriptedPrompter, store_path: Path,
        tmp_path: Path) -> None:
    laptop, _number = _laptop_with_issue(tmp_path)
    bundle = _export(laptop, tmp_path / "csy.golive", full=True)
    page = _open_page(qtbot, desktop, store_path)
    prompter.confirms.append(False)
    page.import_bundle(bundle)
    settle(qtbot, desktop)
    assert page.peers_model.rowCount() == 0
    assert desktop.services is not None
    assert desktop.services.projects.list_projects() == []


def test_a_damaged_bundle_is_refused_with_the_check_named(
        qtbot: QtBot, desktop: DesktopApp, prompter: ScriptedPrompter, store_path: Path,
        tmp_path: Path) -> None:
    laptop, _ = _laptop_with_issue(tmp_path)
    bundle = _export(laptop, tmp_path / "csy.golive", full=True)
    data = bytearray(bundle.read_bytes())
    bundle.write_bytes(bytes(data[: len(data) // 2]))
    page = _open_page(qtbot, desktop, store_path)
    page.import_bundle(bundle)
    settle(qtbot, desktop)
    kind, title, text = prompter.messages[-1]
    assert (kind, title) == ("error", "Bundle refused")
    assert text


def test_a_conflict_shows_in_the_inbox_with_a_badge_and_one_click_resolves_it(
        qtbot: QtBot, desktop: DesktopApp, prompter: ScriptedPrompter, store_path: Path,
        tmp_path: Path) -> None:
    laptop, number = _laptop_with_issue(tmp_path)
    office = Services.open(store_path)
    office.sync.import_bundle(_export(laptop, tmp_path / "1.golive", full=True), trust_new=True)
    office.issues.update(number, {"severity": "urgent"})
    office.close()
    other = Services.open(laptop)
    other.issues.update(number, {"severity": "low"})
    other.close()
    second = _export(laptop, tmp_path / "2.golive", full=True)
    page = _open_page(qtbot, desktop, store_path)
    page.import_bundle(second)
    settle(qtbot, desktop)
    assert page.conflicts_model.rowCount() == 1
    assert page.badge() == 1
    assert desktop.window is not None
    assert desktop.window.nav.item(4).text().endswith("(1)")
    values = page.conflicts_model.index(0, ConflictsModel.VALUES).data()
    assert "Urgent" in values
    assert "Low" in values
    page.resolve(number, "severity", "urgent")
    settle(qtbot, desktop)
    assert page.conflicts_model.rowCount() == 0
    assert page.badge() == 0
    assert desktop.services is not None
    assert desktop.services.issues.get(number).severity.value == "urgent"


def test_a_note_added_under_a_delete_shows_in_the_inbox_and_restore_brings_both_back(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path, tmp_path: Path) -> None:
    laptop, number = _laptop_with_issue(tmp_path)
    office = Services.open(store_path)
    office.sync.import_bundle(_export(laptop, tmp_path / "1.golive", full=True), trust_new=True)
    office.issues.delete(number)
    office.close()
    other = Services.open(laptop)
    other.issues.add_entry(number, "note", "供应商价格表已更新，请复核")
    other.close()
    page = _open_page(qtbot, desktop, store_path)
    page.import_bundle(_export(laptop, tmp_path / "2.golive", full=True))
    settle(qtbot, desktop)
    assert page.conflicts_model.rowCount() == 1
    assert "Timeline entries" in page.conflicts_model.index(0, 1).data()
    assert "供应商价格表已更新" in page.conflicts_model.index(0, ConflictsModel.VALUES).data()
    page.conflicts_view.selectRow(0)
    settle(qtbot, desktop)
    heading = page.conflict_panel._heading.text()
    assert number in heading
    assert "added" in heading
    restore = next(b for b in page.conflict_panel.findChildren(QPushButton)
                   if b.text() == "Restore the record" and b.isVisibleTo(page.conflict_panel))
    restore.click()
    settle(qtbot, desktop)
    assert page.conflicts_model.rowCount() == 0
    assert desktop.services is not None
    issue = desktop.services.issues.get(number)
    assert not issue.deleted
    assert "供应商价格表已更新，请复核" in [e.text for e in issue.timeline]


def test_an_edit_after_delete_names_the_issue_in_local_time_and_opens_it(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path, tmp_path: Path) -> None:
    laptop, number = _laptop_with_issue(tmp_path)
    office = Services.open(store_path)
    office.sync.import_bundle(_export(laptop, tmp_path / "1.golive", full=True), trust_new=True)
    office.issues.delete(number)
    office.close()
    other = Services.open(laptop)
    other.issues.update(number, {"severity": "urgent"})
    other.close()
    page = _open_page(qtbot, desktop, store_path)
    page.resize(1000, 600)
    page.import_bundle(_export(laptop, tmp_path / "2.golive", full=True))
    settle(qtbot, desktop)
    model = page.conflicts_model
    assert "采购入库单价取不到" in model.index(0, ConflictsModel.RECORD).data()
    # the authors' column is on screen, not pushed out by long values
    view = page.conflicts_view
    page.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    column = ConflictsModel.AUTHORS
    assert view.columnViewportPosition(column) + view.columnWidth(column) \
        <= view.viewport().width()
    assert model.index(0, column).data() == "陈思远"
    page.conflicts_view.selectRow(0)
    settle(qtbot, desktop)
    panel = page.conflict_panel
    assert "采购入库单价取不到" in panel._heading.text()
    texts = " ".join(label.text() for label in panel.findChildren(QLabel)
                     if label.isVisibleTo(panel))
    assert "UTC" not in texts
    assert "node" not in texts
    assert panel.open_button.isVisibleTo(panel)
    panel.open_button.click()
    settle(qtbot, desktop)
    window = desktop.window
    assert window is not None
    issues = window.page("issues")
    assert window.stack.currentWidget() is issues
    assert issues.stack.currentWidget() is issues.form  # type: ignore[attr-defined]


def test_the_report_counts_issues_not_changes_in_both_languages(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path, tmp_path: Path) -> None:
    laptop, number = _laptop_with_issue(tmp_path)
    other = Services.open(laptop)
    for n in range(5):
        other.issues.update(number, {"title": f"采购入库单价取不到 {n}"})
    other.issues.add_entry(number, "note", "已联系供应商")
    other.close()
    page = _open_page(qtbot, desktop, store_path)
    office = Services.open(store_path)
    report = office.sync.import_bundle(_export(laptop, tmp_path / "1.golive", full=True),
                                       trust_new=True)
    office.close()
    assert dict(report.records)["issue"] == 1
    assert dict(report.records)["timeline_entry"] == 1
    html = import_html(report)
    assert "Issues" in html
    assert "Notes and steps" in html
    assert "Applied" not in html
    desktop.translators.install("zh_CN")
    try:
        html = import_html(report)
        assert "问题" in html
        assert "修改" not in html
    finally:
        desktop.translators.install("en")
    del page


def test_an_export_is_named_by_project_date_and_computer_and_never_overwrites(
        qtbot: QtBot, desktop: DesktopApp, prompter: ScriptedPrompter, store_path: Path,
        tmp_path: Path) -> None:
    services = Services.open(store_path)
    services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                  "2026-11-02")
    services.close()
    page = _open_page(qtbot, desktop, store_path)
    day = date.today().isoformat()
    name = bundle_name(project_name="华星电子 ERP 上线支持", code="HX", day=date.today(),
                       who="张力")
    assert name == f"华星电子-HX-{day}-张力.golive"
    (tmp_path / name).write_bytes(b"old")
    assert free_path(tmp_path, name).name == f"华星电子-HX-{day}-张力-2.golive"
    page._export_folder = tmp_path
    suggested = page._suggested_path("project", None)
    assert suggested.name == f"华星电子-HX-{day}-张力-2.golive"
    assert page._suggested_path("full", None).name == f"{day}-张力.golive"
    result = page._ctx.services.sync.export_bundle(suggested, full=True)
    page._exported(result)
    assert "Open folder" in page.report.toHtml()
    page._on_report_link(QUrl(OPEN_FOLDER))
    assert prompter.opened == [tmp_path]
    assert (tmp_path / name).read_bytes() == b"old"


def _field_conflict(field: str, *values: object) -> FieldConflict:
    return FieldConflict("issue", "i1", field, tuple(
        ConflictValue(v, name, "node", "2026-11-30T07:16:00+00:00", f"op{n}")  # type: ignore[arg-type]
        for n, (v, name) in enumerate(zip(values, ("张力", "陈思远"), strict=False))),
        label="HX-ZL-0001")


def test_a_coded_field_offers_its_values_not_a_raw_code_to_edit(qtbot: QtBot) -> None:
    """A severity conflict put the stored code ("low") in the type-your-own box,
    English in the Chinese window; a code is chosen with the Keep buttons only."""
    panel = ConflictPanel()
    qtbot.addWidget(panel)
    panel.show_conflict(_field_conflict("severity", "low", "urgent"), "外币凭证汇率取不到")
    panel.resize(700, 400)
    panel.show()
    QApplication.processEvents()
    keep = [b for b in panel.findChildren(QPushButton) if b.isVisibleTo(panel)
            and b is not panel.open_button]
    assert len(keep) == 2
    assert all(b.width() < b.sizeHint().width() + 40 for b in keep)  # not half the panel
    assert not panel.custom.isVisibleTo(panel)
    assert not panel.use_custom.isVisibleTo(panel)
    shown = [label.text() for label in panel.findChildren(QLabel) if label.isVisibleTo(panel)]
    assert not any("low" in text for text in shown)
    panel.show_conflict(_field_conflict("title", "汇率取不到", "外币汇率取不到"))
    assert panel.custom.isVisibleTo(panel)
    assert panel.custom.text() == "汇率取不到"
