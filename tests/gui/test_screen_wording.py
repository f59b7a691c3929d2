"""What the screenshots of every screen showed: one language at a time, one name per
field, the register's columns wide enough for their words, "O&M" not a mnemonic, a
sync report that names computers."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.conflicts import ConflictValue, FieldConflict
from golive_desk.domain.issues import (
    Category,
    IssueStatus,
    NotifyChannel,
    TimelineEntry,
    TimelineKind,
)
from golive_desk.reports.issue_sheet import timeline_text
from golive_desk.reports.texts import Texts, enum_labels
from golive_desk.services.container import Services
from golive_desk.services.sync_models import ImportReport
from golive_desk.ui import labels
from golive_desk.ui.issues.model import IssueTableModel
from golive_desk.ui.issues.page import TITLE_MIN
from golive_desk.ui.sync.report_text import import_html
from tests.gui.conftest import settle
from tests.gui.handover_support import open_handover, open_wizard
from tests.gui.issue_support import open_issues

translate = QCoreApplication.translate
GLOSS = re.compile(r"\([\u4e00-\u9fff]+\)")  # "Problem (问题描述)"


def _store(path: Path) -> Path:
    services = Services.open(path)
    services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                  "2026-11-02", "2026-11-30")
    services.issues.create("HX", {"title": "凭证审核后无法反审核", "module": "总账",
                                  "severity": "high", "reporter": "刘芳",
                                  "reported_at": "2026-11-03T09:30", "assignee": "张力"})
    services.close()
    return path


def test_the_english_form_carries_no_chinese_glosses(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    """The form's headings read "Problem (问题描述)", "Timeline (处理过程跟踪)"."""
    _window, page = open_issues(qtbot, desktop, _store(store_path))
    page.view.selectRow(0)
    page.open_current()
    settle(qtbot, desktop)
    form = page.form
    glossed = [label.text() for label in form.findChildren(QLabel)
               if label.isVisibleTo(form) and GLOSS.search(label.text())]
    assert glossed == []
    desktop.translators.install("zh_CN")
    try:
        assert translate("SheetFields", "Problem") == "问题信息"
        assert translate("TimelineView", "Timeline") == "处理过程跟踪"
        assert translate("FormHeader", "System operation issue tracking record") \
            == "系统运行问题跟踪记录单"
    finally:
        desktop.translators.install("en")


def test_a_field_has_one_chinese_name_on_every_screen(desktop: DesktopApp) -> None:
    """The form and the register said 严重程度/处理顾问; the sync inbox, the timeline
    and the handover's open issues said 紧急程度/处理人."""
    desktop.translators.install("zh_CN")
    try:
        for source, name in (("Severity", "严重程度"), ("Assignee", "处理顾问")):
            names = {translate(context, source) for context in
                     ("Fields", "IssueTableModel", "SheetFields", "OpenIssuesModel")}
            assert names == {name}, source
        assert labels.field_label("severity") == "严重程度"
    finally:
        desktop.translators.install("en")


def test_the_register_gives_each_column_room_for_its_words_and_the_title_the_rest(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    """At 1600 px the title column was ~85 px ("应收账龄…") and in English the
    status, category and SLA chips were cut ("Transferred to …")."""
    _store(store_path)
    for language in ("en", "zh_CN"):
        desktop.translators.install(language)
        window, page = open_issues(qtbot, desktop, store_path)
        window.resize(1600, 940)
        QApplication.processEvents()
        view, columns = page.view, IssueTableModel.COLUMNS
        metrics = view.fontMetrics()
        assert view.columnWidth(columns.index("title")) >= TITLE_MIN, language
        longest = max(metrics.horizontalAdvance(labels.issue_status(s)) for s in IssueStatus)
        assert view.columnWidth(columns.index("status")) >= longest + 16 + 12, language
        widest = max(metrics.horizontalAdvance(labels.category(c))
                     for c in Category)
        assert view.columnWidth(columns.index("category")) >= widest + 12, language
        desktop.shutdown()
        window.close()
    desktop.translators.install("en")


def test_o_and_m_is_no_mnemonic_on_the_handover_pages(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    """"Receives (O&M service department)" showed "O_M" (an underlined M), the
    transfer button "Transfer checked to OM"."""
    _window, page = open_handover(qtbot, desktop, _store(store_path))
    wizard = open_wizard(page, desktop)
    shown = [b.text() for b in wizard.findChildren(QAbstractButton)]
    shown += [label.text() for label in wizard.findChildren(QLabel) if label.buddy()]
    assert any("O&&M" in text for text in shown)
    assert [t for t in shown if "O&M" in t.replace("&&", "")] == []
    wizard.reject()


def test_the_import_report_names_the_new_computer_and_uses_each_languages_colon(
        desktop: DesktopApp) -> None:
    """The report listed the enrolled computer as its 32-digit node id, and its
    conflicts as "HX-ZL-0199 · 严重程度: 低" with an English colon."""
    sender, other = "469421b0f499534812610543f955d2a1", "0d00cf55aa11bb22cc33dd44ee55ff66"
    conflict = FieldConflict("issue", "i1", "severity", (
        ConflictValue("low", "陈思远", sender, "2026-11-30T07:16:00+00:00", "op1"),
        ConflictValue("urgent", "张力", "me", "2026-11-30T07:16:00+00:00", "op2")),
        label="HX-ZL-0199")
    report = ImportReport("b1", sender, "陈思远", 3, 0, 0, (conflict,), (),
                          enrolled=(sender, other))
    html = import_html(report)
    assert sender not in html
    assert "陈思远, 0d00cf55" in html
    assert "HX-ZL-0199 · Severity: Low ⟷ Urgent" in html
    desktop.translators.install("zh_CN")
    try:
        html = import_html(report)
        assert "HX-ZL-0199 · 严重程度：低 ⟷ 紧急" in html
    finally:
        desktop.translators.install("en")


def test_the_paper_names_categories_and_statuses_as_the_screen_does(
        desktop: DesktopApp) -> None:
    """The printed register said 配置问题/数据问题/软件缺陷 and "Tested at branch" where the
    register on screen says 配置/数据/系统缺陷 and "Branch tested"; the old names still
    import."""
    for language in ("en", "zh_CN"):
        desktop.translators.install(language)
        paper = Texts(language)
        for category in Category:
            assert paper.enum(category) == labels.category(category), (language, category)
        for status in IssueStatus:
            assert paper.enum(status) == labels.issue_status(status), (language, status)
    desktop.translators.install("en")
    assert enum_labels(Category)["软件缺陷"] is Category.SOFTWARE_DEFECT
    assert enum_labels(IssueStatus)["tested at branch"] is IssueStatus.BRANCH_TESTED


def test_the_printed_process_reads_as_english() -> None:
    """The English sheet said "notified 何静 by in person" and "张力 Severity: Medium →
    High" (the author again, beside the By column)."""
    told = TimelineEntry("e1", "i1", TimelineKind.CUSTOMER_NOTIFIED, "已说明原因", "张力",
                         "2026-11-24T09:59", channel=NotifyChannel("onsite"), whom="何静")
    edit = TimelineEntry("e2", "i1", TimelineKind.FIELD_CHANGE, "", "张力", "2026-11-23T18:18",
                         field="severity", old_value="medium", new_value="high")
    english, chinese = Texts("en"), Texts("zh_CN")
    # As the screen's timeline says it: "Customer notified (On site, 何静)".
    assert timeline_text(told, english) == "On site, 何静: 已说明原因"
    assert english.enum(NotifyChannel("onsite")) == labels.notify_channel(
        NotifyChannel("onsite"))
    assert timeline_text(edit, english) == "Severity: Medium → High"
    assert timeline_text(edit, chinese) == "严重程度：中 → 高"
