"""The Calendar page (现场支持时间表): month, week and team views beside the warnings.

Every read and write goes through the task runner; the page redraws when a
``Changes`` touches slots, milestones, issues, projects or people.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.models import Changes, Project
from golive_desk.domain.support_calendar import Half, Slot, SlotProposal
from golive_desk.services.calendar_view import BASIS_ENTITIES
from golive_desk.ui.calendar import texts
from golive_desk.ui.calendar.canvas import SlotCanvas
from golive_desk.ui.calendar.layout import add_months, view_range
from golive_desk.ui.calendar.legend import Legend
from golive_desk.ui.calendar.loader import Loaded, Request, load
from golive_desk.ui.calendar.month_view import MonthGrid
from golive_desk.ui.calendar.plan_dialog import PlanDialog
from golive_desk.ui.calendar.read_ahead import ReadAhead
from golive_desk.ui.calendar.slot_dialog import SlotAnswer, SlotDialog
from golive_desk.ui.calendar.team_view import TeamGrid
from golive_desk.ui.calendar.warnings_panel import WarningsPanel
from golive_desk.ui.calendar.week_view import WeekGrid
from golive_desk.ui.context import UiContext
from golive_desk.ui.pages.base import Page

_ENTITIES = BASIS_ENTITIES | {"support_slot", "issue"}
VIEWS = ("month", "week", "team")
AHEAD = 3  # months (weeks) read ahead
People = Sequence[tuple[str, str]]
AskSlot = Callable[[People, date, date, Half, Slot | None], SlotAnswer | None]
AskPlan = Callable[[str, Sequence[SlotProposal]], list[SlotProposal] | None]


class CalendarPage(Page):
    shown = Signal()  # a view has its new data (tests and the bench wait for it)

    def __init__(self, ctx: UiContext, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self._project: Project | None = None
        self._loaded: Loaded | None = None
        # The last read whose month-independent part (projects, people, milestones,
        # holidays) no change has touched since: a month switch reads only the month.
        self._kept: Loaded | None = None
        self._people: list[tuple[str, str]] | None = None  # what the person box offers
        self._generation = 0
        self._ahead = ReadAhead(ctx.runner, self)  # the months (weeks) beside the shown one
        self._ahead.arrived.connect(self._arrived)
        self._ahead.missed.connect(self._missed)
        self._waiting: tuple[int, Request] | None = None  # a step that a read ahead will fill
        self._direction = 1  # of the last step: the way the next one probably goes
        self.view = "month"
        self.first = today().replace(day=1)
        self.week_day = today()
        # The dialogs, replaceable so tests answer them without a modal loop.
        self.ask_slot: AskSlot = self._ask_slot
        self.ask_plan: AskPlan = self._ask_plan
        self.month = MonthGrid()
        self.week = WeekGrid()
        self.team = TeamGrid()
        self.warnings = WarningsPanel()
        self._build()
        for canvas in (self.month, self.week):
            canvas.today = today()
            canvas.create_requested.connect(self.create_slot)
            canvas.move_requested.connect(self.move_slot)
            canvas.edit_requested.connect(self.edit_slot)
            canvas.delete_requested.connect(self.delete_slot)
            canvas.day_selected.connect(self._day_clicked)
            canvas.issues_requested.connect(self.show_issues_of)
        self.team.today = today()
        self.team.day_selected.connect(self._day_clicked)
        self.warnings.day_chosen.connect(self.go_to_day)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(10)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Support calendar"))
        heading.setObjectName("pageHeading")
        self.title = QLabel()
        self.title.setObjectName("sectionHeading")
        self.previous = QPushButton("‹")
        self.previous.setToolTip(self.tr("Previous"))
        self.next = QPushButton("›")
        self.next.setToolTip(self.tr("Next"))
        self.today_button = QPushButton(self.tr("Today"))
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.switch = QButtonGroup(self)
        switch_row = QHBoxLayout()
        switch_row.setSpacing(0)
        for n, (key, label) in enumerate(zip(VIEWS, (self.tr("Month"), self.tr("Week"),
                                                     self.tr("Team")), strict=True)):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setChecked(key == self.view)
            button.setObjectName("segment")
            self.switch.addButton(button, n)
            switch_row.addWidget(button)
        self.switch.idClicked.connect(lambda n: self.set_view(VIEWS[n]))
        self.project_box = QComboBox()
        self.person_box = QComboBox()
        self.person_box.addItem(self.tr("Everyone"), None)
        for box in (self.project_box, self.person_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(lambda _i: self.reload())
        self.plan_button = QPushButton(self.tr("Plan…"))
        self.plan_button.setObjectName("primary")
        self.plan_button.setToolTip(self.tr(
            "Propose a schedule from go-live, the month-end closes and the planned exit"))
        self.plan_button.clicked.connect(self.plan)
        self.print_button = QPushButton(self.tr("Print schedule…"))
        self.print_button.setToolTip(self.tr("The month's on-site support schedule as PDF"))
        self.print_button.clicked.connect(self.print_schedule)
        top.addWidget(heading)
        top.addSpacing(16)
        for widget in (self.previous, self.today_button, self.next):
            top.addWidget(widget)
        top.addSpacing(8)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addLayout(switch_row)
        top.addSpacing(12)
        top.addWidget(self.project_box)
        top.addWidget(self.person_box)
        top.addWidget(self.print_button)
        top.addWidget(self.plan_button)
        outer.addLayout(top)
        outer.addWidget(Legend())
        body = QHBoxLayout()
        body.setSpacing(12)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.month)
        self.stack.addWidget(self.week)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.team)
        self.stack.addWidget(scroll)
        body.addWidget(self.stack, 1)
        self.warnings.setFixedWidth(290)
        body.addWidget(self.warnings)
        outer.addLayout(body, 1)

    # -- Page ------------------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        self._project = project
        self._kept = None
        self._ahead.forget()
        self.plan_button.setEnabled(project is not None)
        self.project_box.blockSignals(True)
        self.project_box.clear()
        if project is not None:
            self.project_box.addItem(f"{project.code} · {project.customer}", project.code)
        self.project_box.addItem(self.tr("All projects"), None)
        self.project_box.setCurrentIndex(0)
        self.project_box.blockSignals(False)
        self.reload()

    def apply_changes(self, changes: Changes) -> None:
        if any(changes.touches(e) for e in BASIS_ENTITIES):
            self._kept = None
        if any(changes.touches(e) for e in _ENTITIES):
            self._ahead.forget()
            self.reload()

    # -- reading -----------------------------------------------------------------------
    def shown_project(self) -> str | None:
        return self.project_box.currentData()

    def _range(self) -> tuple[date, date]:
        return view_range(self.view, self.first, self.week_day)

    def _request(self, step: int = 0) -> Request:
        assert self._project is not None
        start, end = view_range(self.view, self.first, self.week_day, step)
        return Request(start, end, self.shown_project(), self.person_box.currentData(),
                       self._project.code, self.view == "team")

    def reload(self) -> None:
        self._update_title()
        if self._project is None:
            return
        request = self._request()
        self._generation += 1
        generation = self._generation
        self._waiting = None
        ready = self._ahead.take(request)
        if ready is not None:  # read while the last one was looked at
            self._show(generation, ready)
            return
        if self._ahead.is_pending(request):
            self._waiting = (generation, request)  # on its way: _arrived shows it
            return
        services, kept = self._ctx.services, self._kept
        self._ctx.runner.run(lambda: load(services, request, kept),
                             lambda loaded: self._show(generation, loaded), self._failed)

    def _read_ahead(self) -> None:
        # A few months ahead in the direction of the last step, two or more in one task:
        # steps in quick succession then find them read. (Reading the other way too would
        # keep the worker busy when the next step comes quickly.)
        # The paint ahead first: its timer fires before the read's starts, so the
        # worker does not compete with it.
        QTimer.singleShot(0, self, self._paint_ahead)
        services, kept = self._ctx.services, self._kept
        wanted = [self._request(self._direction * n) for n in range(1, AHEAD + 1)]
        self._ahead.fetch(wanted, lambda request: load(services, request, kept), least=2)

    def _paint_ahead(self) -> None:
        """The next month, read ahead already, painted at the next turn of the event
        loop (after the shown one's paint): a step to it copies a picture."""
        if self.view != "month" or self._project is None:
            return
        loaded = self._ahead.peek(self._request(self._direction))
        if loaded is not None:
            self.month.prepare(add_months(self.first, self._direction), loaded.data)

    def _arrived(self, loaded: Loaded) -> None:
        if self._waiting is not None and self._waiting[1] == loaded.request:
            generation, _request = self._waiting
            self._waiting = None
            self._ahead.take(loaded.request)
            self._show(generation, loaded)
        elif (self.view == "month" and self._project is not None
              and loaded.request == self._request(self._direction)):
            # Painted now, while the user looks at this month: the step shows a copy.
            self.month.prepare(add_months(self.first, self._direction), loaded.data)

    def _missed(self, request: Request) -> None:
        if self._waiting is not None and self._waiting[1] == request:
            self.reload()  # read it in the open: its error is shown then

    def _show(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        self._loaded = self._kept = loaded
        self._fill_people(loaded)
        data = loaded.data
        if self.view == "month":
            self.month.show_month(self.first, data)
        elif self.view == "week":
            self.week.show_week(self.week_day, data)
        else:
            self.team.set_data(data)
        self.warnings.set_warnings(data.warnings)
        self.shown.emit()
        self._read_ahead()

    def _fill_people(self, loaded: Loaded) -> None:
        code = loaded.request.project
        people = loaded.members.get(code, []) if code else sorted(
            {p for rows in loaded.members.values() for p in rows}, key=lambda p: p[1])
        if people == self._people:
            return  # (most reads are of another month: the same people)
        self._people = people
        current = self.person_box.currentData()
        self.person_box.blockSignals(True)
        self.person_box.clear()
        self.person_box.addItem(self.tr("Everyone"), None)
        for person_id, name in people:
            self.person_box.addItem(name, person_id)
        self.person_box.setCurrentIndex(max(0, self.person_box.findData(current)))
        self.person_box.blockSignals(False)

    def _update_title(self) -> None:
        locale = self.locale()
        if self.view == "week":
            start, end = self._range()
            span = f"{texts.day_text(locale, start)} – {texts.day_text(locale, end)}"
            chinese = locale.language() == locale.Language.Chinese
            self.title.setText(f"{start.year}年{span}" if chinese else f"{span}, {start.year}")
        else:
            self.title.setText(texts.month_title(locale, self.first))

    # -- navigation ----------------------------------------------------------------------
    def set_view(self, view: str) -> None:
        self.view = view
        self.stack.setCurrentIndex(VIEWS.index(view))
        self.switch.button(VIEWS.index(view)).setChecked(True)
        self.reload()

    def step(self, n: int) -> None:
        self._direction = 1 if n >= 0 else -1
        if self.view == "week":
            self.week_day += timedelta(days=7 * n)
            self.first = self.week_day.replace(day=1)
        else:
            self.first = add_months(self.first, n)
            self.week_day = self.first
        self.reload()

    def go_today(self) -> None:
        self.go_to_day(self._today())

    def go_to_day(self, day: date) -> None:
        """Show ``day`` in the current view and select it (a warning's link)."""
        self.first = day.replace(day=1)
        self.week_day = day
        for grid in (self.month, self.week):
            grid.select_day(day)
        self.team.selected_day = day
        self.reload()

    def _day_clicked(self, day: date) -> None:
        self.week_day = day
        for grid in (self.month, self.week):
            grid.selected_day = day
        self.team.selected_day = day

    def current_canvas(self) -> SlotCanvas | None:
        return {"month": self.month, "week": self.week}.get(self.view)

    # -- writing -----------------------------------------------------------------------
    def _members(self, code: str) -> People:
        return self._loaded.members.get(code, []) if self._loaded else []

    def _target_project(self) -> str | None:
        return self.shown_project() or (self._project.code if self._project else None)

    def create_slot(self, start: date, end: date, half: Half) -> None:
        code = self._target_project()
        if code is None:
            return
        answer = self.ask_slot(self._members(code), start, end, half, None)
        if answer is None:
            return
        calendar = self._ctx.services.calendar
        self._ctx.runner.run(lambda: calendar.add_slot(
            code, answer.person_id, answer.start, answer.end, answer.half, answer.mode,
            answer.note), on_error=self._failed)

    def move_slot(self, slot: Slot, start: date, end: date) -> None:
        calendar = self._ctx.services.calendar
        self._ctx.runner.run(lambda: calendar.move_slot(slot.id, start, end, seen=slot.versions),
                             on_error=self._failed)

    def edit_slot(self, slot: Slot) -> None:
        answer = self.ask_slot(self._members(slot.project_code), slot.start, slot.end,
                               slot.half, slot)
        if answer is None:
            return
        calendar = self._ctx.services.calendar

        def write() -> Changes:
            changes = Changes()
            if (answer.start, answer.end, answer.half, answer.person_id) != (
                    slot.start, slot.end, slot.half, slot.person_id):
                changes |= calendar.move_slot(slot.id, answer.start, answer.end, answer.half,
                                              answer.person_id, seen=slot.versions)[1]
            if (answer.mode, answer.note) != (slot.mode, slot.note):
                changes |= calendar.update_slot(slot.id, answer.mode, answer.note,
                                                seen=slot.versions)[1]
            return changes

        self._ctx.runner.run(write, on_error=self._failed)

    def delete_slot(self, slot: Slot) -> None:
        question = (self.tr("Remove %1's %2 support from %3 to %4?")
                    .replace("%1", slot.person_name).replace("%2", texts.mode(slot.mode))
                    .replace("%3", slot.start.isoformat()).replace("%4", slot.end.isoformat()))
        if not self._ctx.prompter.confirm(self, self.tr("Remove support slot"), question):
            return
        calendar = self._ctx.services.calendar
        self._ctx.runner.run(lambda: calendar.delete_slot(slot.id), on_error=self._failed)

    def print_schedule(self) -> None:
        code = self._target_project()
        if code is None:
            return
        from golive_desk.ui.printing import open_print_preview

        month = self.first
        printing = self._ctx.services.printing
        open_print_preview(
            self._ctx, self, lambda language: printing.print_schedule(code, month, language),
            title=self.tr("Print the support schedule"),
            suggested_name=f"{code}-{month:%Y-%m}-" + self.tr("Support schedule") + ".pdf")

    def plan(self) -> None:
        code = self._target_project()
        if code is None:
            return
        calendar = self._ctx.services.calendar
        self._ctx.runner.run(lambda: calendar.plan(code),
                             lambda proposals: self._show_plan(code, proposals), self._failed)

    def _show_plan(self, code: str, proposals: list[SlotProposal]) -> None:
        if not proposals:
            self._ctx.prompter.info(self, self.tr("Support plan"), self.tr(
                "There is nothing to propose: the project has no vendor consultants yet."))
            return
        chosen = self.ask_plan(code, proposals)
        if not chosen:
            return
        calendar = self._ctx.services.calendar
        self._ctx.runner.run(lambda: calendar.apply_plan(code, chosen), on_error=self._failed)

    def show_issues_of(self, day: date) -> None:
        """The register of the issues reported on ``day`` (a day's count badge)."""
        window = self.window()
        page, show = getattr(window, "page", None), getattr(window, "show_page", None)
        if page is None or show is None:
            return
        issues = page("issues")
        if hasattr(issues, "show_reported_between"):
            issues.show_reported_between(day, day)
            show("issues")

    def _failed(self, err: GoLiveError) -> None:
        self._ctx.prompter.error(self, self.tr("Support calendar"), texts.error(err))
        self._kept = None
        self.reload()

    # -- the real dialogs ------------------------------------------------------------------
    def _ask_slot(self, people: People, start: date, end: date, half: Half,
                  slot: Slot | None) -> SlotAnswer | None:
        return SlotDialog(people, start, end, half, slot, self).ask()

    def _ask_plan(self, code: str, proposals: Sequence[SlotProposal]) -> list[SlotProposal] | None:
        return PlanDialog(code, proposals, self).ask()
