"""The issue register as a user meets it: a real store, the real window, real queries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.issues import (
    OPEN_STATUSES,
    Category,
    IssueQuery,
    IssueStatus,
    Severity,
)
from golive_desk.ui.issues import model as issue_model
from golive_desk.ui.issues.filters import StatusList
from golive_desk.ui.issues.model import IssueTableModel
from golive_desk.ui.issues.page import IssuesPage
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from tests.gui.conftest import settle
from tests.gui.issue_support import DEMO_ISSUES, build_demo, copy_store, open_issues, services_of


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def page(qtbot: QtBot, desktop: DesktopApp, demo_template: Path, tmp_path: Path) -> IssuesPage:
    return open_issues(qtbot, desktop, copy_store(demo_template, tmp_path))[1]


def _ids(desktop: DesktopApp, **filters: object) -> list[str]:
    return services_of(desktop).issues.list_ids(IssueQuery(project="HX", **filters))  # type: ignore[arg-type]


def _shown(page: IssuesPage) -> list[str]:
    return page.model.ids()


def _column(name: str) -> int:
    return IssueTableModel.COLUMNS.index(name)


def test_the_register_shows_every_issue_newest_first(
        qtbot: QtBot, page: IssuesPage, desktop: DesktopApp) -> None:
    assert page.model.rowCount() == DEMO_ISSUES
    assert page.model.is_complete()
    assert _shown(page) == _ids(desktop)
    reported = [page.model.issue_at(r).reported_at for r in range(20)]  # type: ignore[union-attr]
    assert reported == sorted(reported, reverse=True)
    assert page.summary.text() == "100 issues"
    assert page.view.currentIndex().row() == 0


def test_the_model_passes_qtmodeltester(qtbot: QtBot, qtmodeltester: object,
                                        page: IssuesPage, desktop: DesktopApp) -> None:
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    settle(qtbot, desktop)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_rows_arrive_in_blocks_after_a_quick_first_screen(
        qtbot: QtBot, desktop: DesktopApp, demo_template: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A first screen of 10 rows and blocks of 25 turn 100 issues into the shape of 100k.
    monkeypatch.setattr(issue_model, "FIRST_SCREEN", 10)
    monkeypatch.setattr(issue_model, "BLOCK", 25)
    _window, page = open_issues(qtbot, desktop, copy_store(demo_template, tmp_path))
    model = page.model
    assert model.rowCount() == DEMO_ISSUES
    index = model.index(90, _column("title"))
    first = model.data(index)
    assert first in (None, "")  or isinstance(first, str)
    settle(qtbot, desktop)
    issue = services_of(desktop).issues.get_by_id(model.id_at(90) or "")
    assert model.data(model.index(90, _column("title"))) == issue.title
    assert model.data(model.index(90, _column("number"))) == issue.number
    assert model.cached_rows() < DEMO_ISSUES  # rows nobody looked at were never read


def test_filters_change_the_rows(qtbot: QtBot, page: IssuesPage, desktop: DesktopApp) -> None:
    bar = page.filters
    bar.severity.setCurrentIndex(bar.severity.findData(Severity.URGENT))
    settle(qtbot, desktop)
    urgent = _ids(desktop, severities=frozenset({Severity.URGENT}))
    assert 0 < len(urgent) < DEMO_ISSUES
    assert _shown(page) == urgent
    assert {page.model.issue_at(r).severity for r in range(len(urgent))} == {  # type: ignore[union-attr]
        Severity.URGENT}
    bar.category.setCurrentIndex(bar.category.findData(Category.SOFTWARE_DEFECT))
    settle(qtbot, desktop)
    both = _ids(desktop, severities=frozenset({Severity.URGENT}),
                categories=frozenset({Category.SOFTWARE_DEFECT}))
    assert _shown(page) == both
    bar.reset()
    settle(qtbot, desktop)
    assert page.model.rowCount() == DEMO_ISSUES

    bar.module.setCurrentIndex(bar.module.findData("成本"))
    settle(qtbot, desktop)
    assert _shown(page) == _ids(desktop, modules=frozenset({"成本"}))
    bar.reset()
    bar.assignee.setCurrentIndex(bar.assignee.findData("林晓"))
    settle(qtbot, desktop)
    assert _shown(page) == _ids(desktop, assignee="林晓")
    bar.reset()
    bar.mine.setChecked(True)
    settle(qtbot, desktop)
    mine = _ids(desktop, mine=True)
    assert _shown(page) == mine == _ids(desktop, assignee="张力")
    bar.reset()
    bar.overdue.setChecked(True)
    settle(qtbot, desktop)
    assert _shown(page) == _ids(desktop, overdue=True)
    for row in range(page.model.rowCount()):
        issue = page.model.issue_at(row)
        assert issue is not None
        assert issue.is_overdue(date.today())


def test_a_date_range_filters_by_report_date(qtbot: QtBot, page: IssuesPage,
                                             desktop: DesktopApp) -> None:
    bar = page.filters
    bar.dates.setCurrentIndex(bar.dates.findData("custom"))
    assert bar.date_from.isVisible()
    bar.date_from.setDate(date(2026, 11, 3))
    bar.date_to.setDate(date(2026, 11, 4))
    settle(qtbot, desktop)
    wanted = _ids(desktop, reported_from=date(2026, 11, 3), reported_to=date(2026, 11, 4))
    assert 0 < len(wanted) < DEMO_ISSUES
    assert _shown(page) == wanted
    for row in range(len(wanted)):
        assert "2026-11-03" <= page.model.issue_at(row).reported_at[:10] <= "2026-11-04"  # type: ignore[union-attr]


def test_search_finds_chinese_substrings_and_survives_operators(
        qtbot: QtBot, page: IssuesPage, desktop: DesktopApp, prompter: ScriptedPrompter) -> None:
    search = page.filters.search
    for text in ("反审", "入库单价", "凭证"):
        search.setText(text)
        qtbot.keyClick(search, Qt.Key.Key_Return)
        settle(qtbot, desktop)
        assert _shown(page) == _ids(desktop, text=text)
    assert page.model.rowCount() > 0
    number = page.model.issue_at(0).number  # type: ignore[union-attr]
    search.setText(number.lower())
    qtbot.keyClick(search, Qt.Key.Key_Return)
    settle(qtbot, desktop)
    assert page.model.issue_at(0).number == number  # type: ignore[union-attr]
    for nasty in ('"', 'NEAR OR *', '"凭证" OR "总账"', "凭证*"):
        search.setText(nasty)
        qtbot.keyClick(search, Qt.Key.Key_Return)
        settle(qtbot, desktop)
        assert page.model.is_complete()
    assert not [m for m in prompter.messages if m[0] == "error"]


def test_search_waits_for_a_pause_in_typing(qtbot: QtBot, page: IssuesPage,
                                             desktop: DesktopApp) -> None:
    page.filters.search.setText("凭证")
    assert page.model.rowCount() == DEMO_ISSUES  # not yet: typing may go on
    qtbot.waitUntil(lambda: page.model.query() is not None
                    and page.model.query().text == "凭证", timeout=2000)  # type: ignore[union-attr]
    settle(qtbot, desktop)
    assert _shown(page) == _ids(desktop, text="凭证")


def test_the_side_bar_counts_statuses_and_filters_by_them(
        qtbot: QtBot, page: IssuesPage, desktop: DesktopApp) -> None:
    counts = services_of(desktop).issues.counts(IssueQuery(project="HX"))
    bar = page.status_list
    assert bar.count_of(StatusList.ALL) == DEMO_ISSUES
    assert bar.count_of(StatusList.OPEN) == sum(n for s, n in counts.items()
                                                if s in OPEN_STATUSES)
    for status in IssueStatus:
        assert bar.count_of(status.value) == counts[status]
    bar.choose(IssueStatus.ESCALATED.value)
    settle(qtbot, desktop)
    escalated = _ids(desktop, statuses=frozenset({IssueStatus.ESCALATED}))
    assert _shown(page) == escalated
    assert escalated
    assert page.summary.text() == f"{len(escalated)} of {DEMO_ISSUES} issues"
    bar.choose(StatusList.OPEN)
    settle(qtbot, desktop)
    assert _shown(page) == _ids(desktop, statuses=frozenset(OPEN_STATUSES))
    # Other filters narrow the counts too (the status filter does not).
    page.filters.severity.setCurrentIndex(page.filters.severity.findData(Severity.LOW))
    settle(qtbot, desktop)
    low = services_of(desktop).issues.counts(IssueQuery(project="HX",
                                                        severities=frozenset({Severity.LOW})))
    assert bar.count_of(StatusList.ALL) == sum(low.values())
    assert page.badge() == sum(n for s, n in counts.items() if s in OPEN_STATUSES)


def test_sorting_by_a_column_asks_the_database(qtbot: QtBot, page: IssuesPage,
                                               desktop: DesktopApp) -> None:
    page.view.sortByColumn(_column("number"), Qt.SortOrder.AscendingOrder)
    settle(qtbot, desktop)
    assert page.model.query().sort == "number"  # type: ignore[union-attr]
    assert _shown(page) == _ids(desktop, sort="number", descending=False)
    page.view.sortByColumn(_column("severity"), Qt.SortOrder.AscendingOrder)
    settle(qtbot, desktop)
    first = page.model.issue_at(0)
    assert first is not None
    assert first.severity == Severity.URGENT
    page.filters.mine.setChecked(True)  # a new filter keeps the sort
    settle(qtbot, desktop)
    assert page.model.query().sort == "severity"  # type: ignore[union-attr]


def test_severity_and_status_are_drawn_as_chips(qtbot: QtBot, page: IssuesPage) -> None:
    model = page.model
    index = model.index(0, _column("status"))
    chip = model.data(index, IssueTableModel.ChipRole)
    assert chip.background != chip.foreground
    assert chip.label == model.data(index)
    assert model.data(model.index(0, _column("title")), IssueTableModel.ChipRole) is None
    # The chip's own colour fills part of the drawn cell.
    cell = page.view.visualRect(index)
    image = page.view.viewport().grab(cell).toImage()
    filled = sum(image.pixelColor(x, y).rgb() == chip.background.rgb()
                 for x in range(image.width()) for y in range(image.height()))
    assert filled > image.width() * image.height() // 10


def test_keyboard_new_open_and_close(qtbot: QtBot, page: IssuesPage,
                                     desktop: DesktopApp) -> None:
    window = page.window()
    window.activateWindow()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    settle(qtbot, desktop)
    assert page.is_form_open()
    first = page.model.issue_at(0)
    assert first is not None
    assert page.form.issue is not None
    assert page.form.issue.number == first.number
    assert page.form.number_label.text() == first.number
    qtbot.keyClick(page.form.fields.title, Qt.Key.Key_Escape)
    settle(qtbot, desktop)
    assert not page.is_form_open()
    page.new_action.trigger()  # Ctrl+N
    settle(qtbot, desktop)
    assert page.is_form_open()
    assert page.form.issue is None
    assert page.form.number_label.text() == "New issue"
    assert page.new_action.shortcut().toString() == "Ctrl+N"
    page.form.request_close()
    settle(qtbot, desktop)
    assert not page.is_form_open()


def test_ctrl_f_goes_to_the_search_box(qtbot: QtBot, page: IssuesPage) -> None:
    page.focus_search()
    assert page.filters.search.hasFocus() or page.filters.search.isVisible()
    search = [a for a in page.register.actions() if a.shortcut().toString() == "Ctrl+F"]
    assert search


def test_the_register_follows_writes(qtbot: QtBot, page: IssuesPage,
                                     desktop: DesktopApp) -> None:
    services = services_of(desktop)
    first = page.model.issue_at(0)
    assert first is not None
    desktop.runner.run(lambda: services.issues.update(first.number, {"title": "改过的标题"}))
    settle(qtbot, desktop)
    assert page.model.data(page.model.index(0, _column("title"))) == "改过的标题"
    desktop.runner.run(lambda: services.issues.create("HX", {
        "title": "新记录的问题", "reported_at": "2026-12-31T10:00"}))
    settle(qtbot, desktop)
    assert page.model.rowCount() == DEMO_ISSUES + 1
    # A row the register has not read yet arrives a moment after it is first drawn.
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, _column("title")))
                    == "新记录的问题", timeout=3000)
    assert page.status_list.count_of(IssueStatus.NEW.value) == services.issues.counts(
        IssueQuery(project="HX"))[IssueStatus.NEW]


def test_an_empty_project_says_how_to_start(qtbot: QtBot, desktop: DesktopApp,
                                            store_path: Path) -> None:
    services = services_of_path(store_path)
    services.projects.add_project("QD", "青岛港 ERP", "青岛港集团", "2026-12-01")
    services.close()
    _window, page = open_issues(qtbot, desktop, store_path)
    assert page.model.rowCount() == 0
    assert page.empty.isVisible()
    assert "Ctrl+N" in page.empty.text()


def services_of_path(path: Path):  # type: ignore[no-untyped-def]
    from golive_desk.services.container import Services

    return Services.open(path)


def test_columns_are_chosen_on_the_header_and_remembered(
        qtbot: QtBot, desktop: DesktopApp, demo_template: Path, tmp_path: Path) -> None:
    store = copy_store(demo_template, tmp_path)
    window, page = open_issues(qtbot, desktop, store)
    header = page.view.horizontalHeader()
    # "Updated" starts hidden; the state, the clock and the due date come before who/when.
    assert header.isSectionHidden(_column("updated_at"))
    assert _column("sla") < _column("assignee") < _column("reported_at")
    captions = [a.text() for a in page.columns.menu().actions()]
    assert "Number" not in captions
    assert "Title" not in captions
    reporter = next(a for a in page.columns.menu().actions() if a.text() == "Reporter")
    assert reporter.isChecked()
    reporter.setChecked(False)
    assert header.isSectionHidden(_column("reporter"))
    title_width = header.sectionSize(_column("title"))
    assert title_width >= 200  # the title took the hidden column's room (or kept its minimum)
    assert "reporter" in desktop.settings().register_hidden
    # A new window (here: the language switch rebuilds it) shows the same columns.
    desktop.switch_language("en")
    settle(qtbot, desktop)
    assert desktop.window is not None
    assert desktop.window is not window
    again = desktop.window.page("issues")
    assert isinstance(again, IssuesPage)
    hidden = again.view.horizontalHeader()
    assert hidden.isSectionHidden(_column("reporter"))
    assert hidden.isSectionHidden(_column("updated_at"))
    assert not hidden.isSectionHidden(_column("sla"))
