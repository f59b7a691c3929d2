"""The Calendar page over a real store: the month and week grids, drag to move and
resize, Delete, a warning's link, double bookings outlined in every view, the team
view's totals against the printed schedule's, weekday names, the plan dialog and a
day's issue badge."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog

from golive_desk.app import DesktopApp
from golive_desk.domain.enums import SupportMode
from golive_desk.domain.models import Changes
from golive_desk.domain.support_calendar import Half, Slot, SlotProposal
from golive_desk.domain.workdays import YearData
from golive_desk.services.container import Services
from golive_desk.services.store_admin import init_store
from golive_desk.ui.calendar import texts
from golive_desk.ui.calendar.month_view import MonthGrid
from golive_desk.ui.calendar.page import CalendarPage
from golive_desk.ui.calendar.plan_dialog import PlanDialog, ProposalModel
from golive_desk.ui.calendar.slot_dialog import SlotAnswer
from golive_desk.ui.calendar.week_view import WeekGrid
from golive_desk.ui.issues.page import IssuesPage
from golive_desk.ui.main_window import MainWindow
from golive_desk.ui.overview.schedule import SupportCard
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from tests.gui.conftest import settle
from tests.integration.test_schedule_report import schedule_totals

FEB = date(2026, 2, 1)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """HX goes live on 2026-02-09; 王敏 is a consultant on HX and on BJ."""
    path = tmp_path / "store.db"
    init_store(path, "张力", "ZL")
    services = Services.open(path)
    try:
        projects = services.projects
        projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司", "2026-02-09",
                             "2026-02-27")
        projects.add_project("BJ", "北极光 ERP", "北极光制冷", "2026-01-05")
        wang, _ = projects.add_person("HX", "王敏", "consultant", initials="WM")
        projects.add_member("BJ", wang.id, "consultant")
        projects.add_person("HX", "李强", "consultant", initials="LQ")
        services.calendar.add_slot("HX", wang.id, date(2026, 2, 9), date(2026, 2, 11),
                                   Half.DAY, SupportMode.ONSITE, "上线")
        services.calendar.add_slot("BJ", wang.id, date(2026, 2, 24), date(2026, 2, 24),
                                   Half.DAY, SupportMode.ONSITE)
        services.calendar.add_slot("HX", wang.id, date(2026, 2, 24), date(2026, 2, 25),
                                   Half.DAY, SupportMode.ONSITE)
    finally:
        services.close()
    return path


@pytest.fixture
def page(qtbot: object, window: MainWindow, desktop: DesktopApp) -> Iterator[CalendarPage]:
    window.resize(1500, 900)
    window.show_page("calendar")
    found = window.page("calendar")
    assert isinstance(found, CalendarPage)
    found.go_to_day(date(2026, 2, 10))
    settle(qtbot, desktop)
    return found


def _slots(desktop: DesktopApp, project: str = "HX") -> list[Slot]:
    assert desktop.services is not None
    return desktop.services.calendar.slots(project, None, date(2026, 1, 1), date(2026, 3, 31))


def _slot_on(desktop: DesktopApp, day: date) -> Slot:
    return next(s for s in _slots(desktop) if s.start == day)


def _point(rect: object) -> QPoint:
    return rect.center().toPoint()  # type: ignore[attr-defined]


def _drag(widget: object, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 5):
        at = start + (end - start) * (step / 4)
        QTest.mouseMove(widget, at)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_month_grid_shows_slot_on_its_days(page: CalendarPage, desktop: DesktopApp) -> None:
    grid = page.month
    assert page.view == "month"
    assert grid.first == FEB
    slot = _slot_on(desktop, date(2026, 2, 9))
    bars = grid.bars_of(slot.id)
    assert bars, "the slot is drawn"
    first, last = grid.cell_rect(date(2026, 2, 9)), grid.cell_rect(date(2026, 2, 11))
    assert first is not None
    assert last is not None
    assert bars[0].left() >= first.left()
    assert bars[0].right() <= last.right()
    assert bars[0].right() > grid.cell_rect(date(2026, 2, 10)).right()  # type: ignore[union-attr]
    assert grid.day_at(bars[0].center()) in {date(2026, 2, d) for d in (9, 10, 11)}


def test_adjusted_saturday_is_work_and_spring_festival_is_off(page: CalendarPage) -> None:
    grid = page.month
    saturday, festival = date(2026, 2, 14), date(2026, 2, 17)
    work, off = grid.day_tag(saturday), grid.day_tag(festival)
    assert work is not None
    assert off is not None
    assert work[0].startswith("Work")
    assert off[0].startswith("Off")
    assert "春节" in off[0]
    holidays = grid.data.holidays
    assert holidays.is_workday(saturday)
    assert not holidays.is_workday(festival)
    assert grid.day_fill(festival) != grid.day_fill(date(2026, 2, 12))
    assert grid.day_fill(saturday) != grid.day_fill(date(2026, 2, 7))  # a plain Saturday


def test_drag_a_bar_moves_the_slot(qtbot: object, page: CalendarPage,
                                   desktop: DesktopApp) -> None:
    grid = page.month
    slot = _slot_on(desktop, date(2026, 2, 9))
    bar = grid.bars_of(slot.id)[0]
    start = QPoint(int(bar.left() + 20), int(bar.center().y()))
    origin = grid.day_at(QPointF(start))
    assert origin == date(2026, 2, 9)
    target = grid.cell_rect(date(2026, 2, 16))
    assert target is not None
    _drag(grid, start, QPoint(int(target.left() + 20), int(target.center().y())))
    settle(qtbot, desktop)
    moved = desktop.services.calendar.slot(slot.id)  # type: ignore[union-attr]
    assert (moved.start, moved.end) == (date(2026, 2, 16), date(2026, 2, 18))
    assert grid.bars_of(slot.id)[0].top() >= target.top()


def test_drag_the_right_edge_lengthens_the_slot(qtbot: object, page: CalendarPage,
                                                desktop: DesktopApp) -> None:
    grid = page.month
    slot = _slot_on(desktop, date(2026, 2, 9))
    bar = grid.bars_of(slot.id)[0]
    edge = QPoint(int(bar.right() - 2), int(bar.center().y()))
    target = grid.cell_rect(date(2026, 2, 13))
    assert target is not None
    _drag(grid, edge, _point(target))
    settle(qtbot, desktop)
    longer = desktop.services.calendar.slot(slot.id)  # type: ignore[union-attr]
    assert (longer.start, longer.end) == (date(2026, 2, 9), date(2026, 2, 13))


def test_drag_on_empty_days_creates_a_slot(qtbot: object, page: CalendarPage,
                                           desktop: DesktopApp) -> None:
    grid = page.month
    asked: list[tuple[date, date]] = []

    def answer(people, start, end, half, slot):  # type: ignore[no-untyped-def]
        asked.append((start, end))
        lee = next(pid for pid, name in people if name == "李强")
        return SlotAnswer(lee, start, end, half, SupportMode.PHONE, "电话值班")

    page.ask_slot = answer
    first, last = grid.cell_rect(date(2026, 2, 2)), grid.cell_rect(date(2026, 2, 4))
    assert first is not None
    assert last is not None
    _drag(grid, QPoint(int(first.center().x()), int(first.bottom() - 8)),
          QPoint(int(last.center().x()), int(last.bottom() - 8)))
    settle(qtbot, desktop)
    assert asked == [(date(2026, 2, 2), date(2026, 2, 4))]
    made = _slot_on(desktop, date(2026, 2, 2))
    assert (made.person_name, made.end, made.mode) == ("李强", date(2026, 2, 4), SupportMode.PHONE)
    assert grid.bars_of(made.id)


def test_delete_key_removes_the_selected_slot_after_confirming(
        qtbot: object, page: CalendarPage, desktop: DesktopApp,
        prompter: ScriptedPrompter) -> None:
    grid = page.month
    slot = _slot_on(desktop, date(2026, 2, 9))
    QTest.mouseClick(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _point(grid.bars_of(slot.id)[0]))
    assert grid.selected_slot_id == slot.id
    QTest.keyClick(grid, Qt.Key.Key_Delete)  # answered "no"
    settle(qtbot, desktop)
    assert any(s.id == slot.id for s in _slots(desktop))
    prompter.confirms.append(True)
    QTest.keyClick(grid, Qt.Key.Key_Delete)
    settle(qtbot, desktop)
    assert [m[0] for m in prompter.messages].count("confirm") == 2
    assert all(s.id != slot.id for s in _slots(desktop))
    assert not grid.bars_of(slot.id)


def test_a_warning_click_selects_its_day(qtbot: object, page: CalendarPage,
                                         desktop: DesktopApp) -> None:
    panel = page.warnings
    days = [w.day for w in panel.warnings()]
    assert date(2026, 2, 27) in days  # the month-end close has nobody on site
    row = days.index(date(2026, 2, 27))
    item = panel.list.item(row)
    panel.list.scrollToItem(item)
    rect = panel.list.visualItemRect(item)
    QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    settle(qtbot, desktop)
    assert page.month.selected_day == date(2026, 2, 27)
    assert page.month.first == FEB


def test_team_view_highlights_a_double_booking(qtbot: object, page: CalendarPage,
                                               desktop: DesktopApp) -> None:
    page.set_view("team")
    settle(qtbot, desktop)
    team = page.team
    names = dict(team.data.people)
    wang = next(pid for pid, name in names.items() if name == "王敏")
    assert team.is_clash(wang, date(2026, 2, 24))
    assert not team.is_clash(wang, date(2026, 2, 25))
    assert team.cell_rect(wang, date(2026, 2, 24)) is not None
    assert {s.project_code for s in team.data.slots} == {"HX", "BJ"}
    texts = [page.warnings.list.item(i).text() for i in range(page.warnings.list.count())]
    assert any("王敏" in text and "BJ" in text for text in texts)


def test_team_view_totals_and_rows_are_the_printed_schedules(
        qtbot: object, page: CalendarPage, desktop: DesktopApp) -> None:
    """Half a day counts 0.5 on screen as on paper; the project's unscheduled
    consultant is a row in both."""
    assert desktop.services is not None
    services = desktop.services
    wang = next(p.id for p in services.projects.people("HX") if p.name == "王敏")
    desktop.runner.run(lambda: services.calendar.add_slot(
        "HX", wang, date(2026, 2, 16), date(2026, 2, 16), Half.AM, SupportMode.ONSITE))
    settle(qtbot, desktop)
    page.set_view("team")
    settle(qtbot, desktop)
    team = page.team
    names = [name for _pid, name in team.data.people]
    assert names == ["李强", "王敏"]  # 李强 has no slot this month: listed, as printed
    shown = {name: f"{team.data.onsite.get(pid, 0.0):g}" for pid, name in team.data.people}
    assert shown == {"李强": "0", "王敏": "5.5"}  # 3 + 2 days (one also at BJ) + a morning
    assert team.total_text(wang) == "5.5 d"
    pdf = services.printing.print_schedule("HX", FEB, "zh_CN")
    assert schedule_totals(pdf, names) == shown
    assert "0.5" in team.total_tooltip(None)


def test_month_and_week_views_outline_a_double_booking(
        qtbot: object, page: CalendarPage, desktop: DesktopApp) -> None:
    """王敏 is on site for HX and BJ on 24 February: the legend's red outline is drawn
    round HX's bar that day (pixels too), and not on the 25th."""
    grid = page.month
    marked = grid.double_booked()
    assert set(marked) == {date(2026, 2, 24)}
    rect = marked[date(2026, 2, 24)][0]
    cell = grid.cell_rect(date(2026, 2, 24))
    assert cell is not None
    assert cell.contains(rect.center())
    image = grid.grab().toImage()
    edge = image.pixelColor(int(rect.center().x()), int(rect.top()) - 1)
    assert edge.red() > 150 > edge.green(), edge.name()
    page.go_to_day(date(2026, 2, 24))
    page.set_view("week")
    settle(qtbot, desktop)
    assert set(page.week.double_booked()) == {date(2026, 2, 24)}
    assert len(page.week.double_booked()[date(2026, 2, 24)]) == 2  # morning and afternoon


def test_weekdays_are_named_in_full_beside_a_date(qtbot: object, page: CalendarPage) -> None:
    """A bare 一 beside 11月30日 reads as a dash: 周一 in Chinese, Mon 30 Nov in English."""
    monday = date(2026, 11, 30)
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    assert texts.weekday_day(chinese, monday) == "周一 11月30日"
    assert texts.weekday_day(chinese, date(2026, 12, 6)) == "周日 12月6日"
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert texts.weekday_day(english, monday) == "Mon 30 Nov"
    assert page.week.day_title(monday) == texts.weekday_day(QLocale(), monday)
    before = QLocale()
    QLocale.setDefault(chinese)
    try:
        card = SupportCard()
        qtbot.addWidget(card)  # type: ignore[attr-defined]
        card.show_slots([], monday)
        card.show_slots([Slot("s", "p", "HX", "华星", "zl", "张力", monday, monday, Half.DAY,
                              SupportMode.ONSITE)], monday)
        heads = card.day_heads()
    finally:
        QLocale.setDefault(before)
    assert heads[0] == "周一 11月30日"
    assert heads[6] == "周日 12月6日"


def test_a_change_to_milestones_or_holidays_reaches_the_months_after_it(
        qtbot: object, page: CalendarPage, desktop: DesktopApp) -> None:
    """The page keeps projects, people, milestones and holidays between months; a
    change to them is read again."""
    assert desktop.services is not None
    calendar, sla = desktop.services.calendar, desktop.services.sla
    page.step(1)
    settle(qtbot, desktop)
    assert page.month.first == date(2026, 3, 1)
    assert not page.month.data.milestones_on(date(2026, 3, 20))
    desktop.runner.run(lambda: calendar.set_milestone("HX", "planned_exit", date(2026, 3, 20)))
    settle(qtbot, desktop)
    assert page.month.data.milestones_on(date(2026, 3, 20))
    day_off = date(2026, 4, 15)
    assert page.month.data.holidays.is_workday(day_off)
    desktop.runner.run(lambda: sla.set_holiday_year(YearData.build(2026, {day_off: "测试"})))
    settle(qtbot, desktop)
    page.step(1)
    settle(qtbot, desktop)
    assert page.month.first == date(2026, 4, 1)
    assert not page.month.data.holidays.is_workday(day_off)
    tag = page.month.day_tag(day_off)
    assert tag is not None
    assert "测试" in tag[0]


# -- the week view -------------------------------------------------------------------------

def _week(qtbot: object, page: CalendarPage, desktop: DesktopApp) -> WeekGrid:
    page.set_view("week")  # the week of 10 February: Monday the 9th to Sunday the 15th
    settle(qtbot, desktop)
    assert page.week.monday == date(2026, 2, 9)
    return page.week


def test_week_view_drag_a_bar_moves_the_slot(qtbot: object, page: CalendarPage,
                                             desktop: DesktopApp) -> None:
    grid = _week(qtbot, page, desktop)
    slot = _slot_on(desktop, date(2026, 2, 9))
    bar = grid.bars_of(slot.id)[0]  # the morning's bar, Monday to Wednesday
    start = QPoint(int(bar.left() + 20), int(bar.center().y()))
    assert grid.day_at(QPointF(start)) == date(2026, 2, 9)
    wednesday = grid.day_rect(date(2026, 2, 11))
    assert wednesday is not None
    _drag(grid, start, QPoint(int(wednesday.left() + 20), int(bar.center().y())))
    settle(qtbot, desktop)
    moved = desktop.services.calendar.slot(slot.id)  # type: ignore[union-attr]
    assert (moved.start, moved.end) == (date(2026, 2, 11), date(2026, 2, 13))
    bars = grid.bars_of(slot.id)
    assert len(bars) == 2  # a whole-day slot: the morning and the afternoon
    assert all(grid.day_at(b.topLeft() + QPointF(2, 2)) == date(2026, 2, 11) for b in bars)
    assert all(grid.day_at(b.topRight() - QPointF(2, -2)) == date(2026, 2, 13) for b in bars)


def test_week_view_drag_the_right_edge_lengthens_the_slot(
        qtbot: object, page: CalendarPage, desktop: DesktopApp) -> None:
    grid = _week(qtbot, page, desktop)
    slot = _slot_on(desktop, date(2026, 2, 9))
    bar = grid.bars_of(slot.id)[0]
    friday = grid.day_rect(date(2026, 2, 13))
    assert friday is not None
    _drag(grid, QPoint(int(bar.right() - 2), int(bar.center().y())),
          QPoint(int(friday.center().x()), int(bar.center().y())))
    settle(qtbot, desktop)
    longer = desktop.services.calendar.slot(slot.id)  # type: ignore[union-attr]
    assert (longer.start, longer.end) == (date(2026, 2, 9), date(2026, 2, 13))
    assert grid.bars_of(slot.id)[0].right() > friday.left()


# -- the plan dialog ------------------------------------------------------------------------

def test_plan_proposed_edited_and_applied(qtbot: object, page: CalendarPage,
                                          desktop: DesktopApp) -> None:
    before = {s.id for s in _slots(desktop)}
    seen: dict[str, object] = {}

    def as_a_user(code: str, proposals: list[SlotProposal]) -> list[SlotProposal] | None:
        dialog = PlanDialog(code, proposals, page)  # the real dialog, shown without exec()
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        dialog.show()
        view, model = dialog.view, dialog.model
        assert model.rowCount() == len(proposals) >= 2
        use = ProposalModel.COLUMNS.index("use")
        # the tick's column is as wide as its caption, not a sixth of the table
        assert view.columnWidth(use) < view.columnWidth(ProposalModel.COLUMNS.index("person"))
        view.setCurrentIndex(model.index(0, use))  # untick the first proposal
        QTest.keyClick(view, Qt.Key.Key_Space)
        mode = model.index(1, ProposalModel.COLUMNS.index("mode"))
        view.edit(mode)  # what a double-click does: the mode's drop-down
        box = view.indexWidget(mode) or view.findChild(QComboBox)
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(box.findData(SupportMode.REMOTE))
        QTest.keyClick(box, Qt.Key.Key_Return)  # commits (queued): the row shows it
        qtbot.waitUntil(lambda: model.data(mode) == "Remote")  # type: ignore[attr-defined]
        apply = next(b for b in dialog.buttons.buttons() if b.text() == "Apply")
        QTest.mouseClick(apply, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        seen["proposals"] = list(proposals)
        return dialog.model.chosen()

    page.ask_plan = as_a_user
    page.plan()
    settle(qtbot, desktop)
    proposals = seen["proposals"]
    assert isinstance(proposals, list)
    made = [s for s in _slots(desktop, "HX") if s.id not in before]
    wanted = [(p.person_name, p.start, p.end, p.half) for p in proposals[1:]]
    assert sorted((s.person_name, s.start, s.end, s.half) for s in made) == sorted(wanted)
    second = proposals[1]
    edited = next(s for s in made if (s.person_name, s.start, s.half) == (
        second.person_name, second.start, second.half))
    assert edited.mode is SupportMode.REMOTE
    first = proposals[0]
    assert not any((s.person_name, s.start, s.half) == (first.person_name, first.start,
                                                        first.half) for s in made)
    shown = [s for s in made if s.start.month == 2]
    assert shown
    assert all(page.month.bars_of(s.id) for s in shown)  # on the grid at once


def test_plan_cancelled_writes_nothing(qtbot: object, page: CalendarPage,
                                       desktop: DesktopApp) -> None:
    before = _slots(desktop)
    page.ask_plan = lambda _code, _proposals: None
    page.plan()
    settle(qtbot, desktop)
    assert _slots(desktop) == before


# -- a day's issues ---------------------------------------------------------------------------

def test_a_days_issue_badge_opens_the_register_of_that_day(
        qtbot: object, window: MainWindow, page: CalendarPage, desktop: DesktopApp) -> None:
    services = desktop.services
    assert services is not None
    for title, when in (("凭证无法过账", "2026-02-10T09:30"),
                        ("采购入库单打印空白", "2026-02-10T14:00"),
                        ("工资表导出乱码", "2026-02-12T10:00")):
        desktop.runner.run(lambda t=title, w=when: services.issues.create(  # type: ignore[misc]
            "HX", {"title": t, "reported_at": w, "assignee": "张力"})[1])
    settle(qtbot, desktop)
    grid = page.month
    badge = grid.badge_rect(date(2026, 2, 10))
    assert badge is not None, "the day shows its issue count"
    assert grid.data.issues[date(2026, 2, 10)] == 2
    QTest.mouseClick(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _point(badge))
    settle(qtbot, desktop)
    issues = window.current_page()
    assert isinstance(issues, IssuesPage)
    rows = [issues.model.issue_at(r) for r in range(issues.model.rowCount())]
    assert sorted(r.title for r in rows if r is not None) == ["凭证无法过账", "采购入库单打印空白"]


def test_the_next_month_is_read_ahead_and_a_change_makes_it_stale(
        qtbot: object, page: CalendarPage, desktop: DesktopApp) -> None:
    """Once February is shown, March is read on the worker: › shows it at once, no
    read in between. A slot added meanwhile is not missed: the change drops the read."""
    shown: list[date] = []
    page.shown.connect(lambda: shown.append(page.month.first))
    settle(qtbot, desktop)  # February shown, March read ahead
    page.step(1)
    assert shown == [date(2026, 3, 1)]  # shown inside step(): no worker read waited for
    assert page.month.first == date(2026, 3, 1)
    settle(qtbot, desktop)  # April read ahead now
    services = desktop.services
    assert services is not None
    wang = next(p for p in services.projects.people("HX") if p.name == "王敏")
    slot = services.calendar.add_slot("HX", wang.id, date(2026, 4, 7), date(2026, 4, 7),
                                      Half.DAY, SupportMode.PHONE)[0]
    # As a bundle's import announces a slot (nothing else touched: the project list
    # and the page's project stay as they are).
    desktop.runner.changed.emit(Changes.of("support_slot", slot.id))
    settle(qtbot, desktop)
    page.step(1)
    settle(qtbot, desktop)
    assert page.month.first == date(2026, 4, 1)
    april = [s for s in page.month.data.slots if s.start == date(2026, 4, 7)]
    assert [s.mode for s in april] == [SupportMode.PHONE]
    # Backwards: the read ahead follows the direction of the last step.
    page.step(-1)
    settle(qtbot, desktop)
    shown.clear()
    page.step(-1)
    assert shown == [date(2026, 2, 1)]


def test_steps_in_quick_succession_find_the_months_read_ahead(
        qtbot: object, page: CalendarPage, desktop: DesktopApp) -> None:
    """While February is looked at, the next three months are read in one task: three
    steps, with no turn of the event loop between them, each show at once."""
    shown: list[date] = []
    page.shown.connect(lambda: shown.append(page.month.first))
    settle(qtbot, desktop)
    for _ in range(3):
        page.step(1)
    assert shown == [date(2026, 3, 1), date(2026, 4, 1), date(2026, 5, 1)]
    settle(qtbot, desktop)
    shown.clear()
    page.step(1)  # June, read ahead once May was shown
    assert shown == [date(2026, 6, 1)]


def test_the_month_read_ahead_is_painted_ahead_as_a_paint_would_draw_it(
        qtbot: object, page: CalendarPage, desktop: DesktopApp,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """While February is looked at, March (read ahead) is laid out and painted too: ›
    shows that picture without painting, pixel for pixel what painting March draws
    (February's double booking shows in its first week); a click on a day paints again,
    the day selected."""
    painted: list[date] = []
    paint = MonthGrid._paint_month

    def counted(grid: MonthGrid, painter: QPainter) -> None:
        painted.append(grid.first)
        paint(grid, painter)

    monkeypatch.setattr(MonthGrid, "_paint_month", counted)
    grid = page.month
    page.step(1)
    shown = grid.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert painted == []
    assert grid.first == date(2026, 3, 1)
    assert set(grid.double_booked()) == {date(2026, 2, 24)}
    fresh = MonthGrid()
    qtbot.addWidget(fresh)  # type: ignore[attr-defined]
    fresh.setFont(grid.font())
    fresh.resize(grid.size())
    fresh.today, fresh.selected_day = grid.today, grid.selected_day
    fresh.show_month(grid.first, grid.data)
    assert fresh.grab().toImage().convertToFormat(QImage.Format.Format_RGB32) == shown
    painted.clear()
    day = date(2026, 3, 12)
    cell = grid.cell_rect(day)
    assert cell is not None
    QTest.mouseClick(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     cell.adjusted(0, 0, 0, -20).bottomRight().toPoint() - QPoint(8, 0))
    selected = grid.grab().toImage()
    assert painted == [date(2026, 3, 1)]
    corner = (cell.bottomRight() - QPointF(8, 20)).toPoint()
    assert selected.pixelColor(corner) == texts.SELECTED_FILL
    assert shown.pixelColor(corner) != texts.SELECTED_FILL
