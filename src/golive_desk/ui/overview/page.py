"""The Overview page: the project's hypercare dashboard, and its people in a second tab.

The aggregate figures come first (``OverviewService.figures``, one runner
task) and are painted at once; the SLA clocks of every issue take ten times
as long at 100k issues, so they follow in a second task (``run_later``, after
the paint) and fill the SLA tiles and the unknown-year notice; the handover's
readiness (its exit criteria, counted over the same clocks) follows in a third.
A severity tile (the overdue and SLA tiles too) opens the register filtered that way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QShowEvent, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.issue_kinds import Category, Severity, SlaState
from golive_desk.domain.models import Changes, Person, Project
from golive_desk.domain.overview import ProjectSummary, SlaFigures
from golive_desk.services.start_view import StartView
from golive_desk.ui import labels
from golive_desk.ui.context import UiContext
from golive_desk.ui.overview.charts import BarList, TrendChart
from golive_desk.ui.overview.people_tab import PeopleTab
from golive_desk.ui.overview.schedule import SupportCard, week_of
from golive_desk.ui.pages.base import Page
from golive_desk.ui.people_model import PeopleModel
from golive_desk.ui.rich_text import escape

if TYPE_CHECKING:  # read after the first paint: their modules are imported then
    from golive_desk.domain.handover import Criterion
    from golive_desk.domain.sla import SlaPolicy
    from golive_desk.domain.support_calendar import Slot

# The tiles' accents, as named in resources/style.qss.
ACCENTS = frozenset({"red", "orange", "blue", "grey", "navy", "crimson", "green"})
_SEVERITY_ACCENT = {Severity.URGENT: "red", Severity.HIGH: "orange",
                    Severity.MEDIUM: "blue", Severity.LOW: "grey"}


class Tile(QFrame):
    """A figure with a caption; clickable when it leads somewhere.

    ``accent`` names one of the style sheet's accents (``resources/style.qss``,
    ``QFrame#dashTile[accent=…]``): a widget's own style sheet would cost every
    tile its own style computation, some 8 ms of the window's first paint.
    """

    clicked = Signal()

    def __init__(self, caption: str, accent: str, clickable: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashTile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 12, 10)
        layout.setSpacing(2)
        self.caption = QLabel(caption)
        self.caption.setObjectName("tileCaption")
        self.value = QLabel("–")
        self.value.setObjectName("tileValue")
        self.note = QLabel("")
        self.note.setObjectName("tileNote")
        self._accent = ""
        self.set_accent(accent)
        for label in (self.caption, self.value, self.note):
            layout.addWidget(label)
        self._clickable = clickable
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(self.tr("Show these issues in the register"))

    def set(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)

    @property
    def accent(self) -> str:
        return self._accent

    def set_accent(self, accent: str) -> None:
        """The colour of the left edge and the figure: one of :data:`ACCENTS`."""
        if accent not in ACCENTS:
            raise ValueError(f"no accent {accent!r}")
        if accent == self._accent:
            return
        self._accent = accent
        for widget in (self, self.value):
            widget.setProperty("accent", accent)
            if self._polished:
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    @property
    def _polished(self) -> bool:
        return self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def _panel(title: str, body: QWidget, extra: QWidget | None = None) -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    head = QHBoxLayout()
    heading = QLabel(title)
    heading.setObjectName("sectionHeading")
    head.addWidget(heading)
    head.addStretch(1)
    if extra is not None:
        head.addWidget(extra)
    layout.addLayout(head)
    layout.addWidget(body, 1)
    return frame


class Dashboard(QWidget):
    """The figures of one :class:`ProjectSummary`."""

    severity_chosen = Signal(object)  # Severity
    overdue_chosen = Signal()
    sla_chosen = Signal(object)  # SlaState
    handover_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(12)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.hide()
        self.import_holidays = QPushButton(self.tr("Import holiday calendar…"))
        self.import_holidays.hide()
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.import_holidays)
        layout.addLayout(notice_row)

        tiles = QGridLayout()
        tiles.setSpacing(10)
        self.severity_tiles: dict[Severity, Tile] = {}
        for column, severity in enumerate(Severity):
            tile = Tile(self.tr("Open · %1").replace("%1", labels.severity(severity)),
                        _SEVERITY_ACCENT[severity], clickable=True)
            tile.clicked.connect(lambda s=severity: self.severity_chosen.emit(s))
            tiles.addWidget(tile, 0, column)
            self.severity_tiles[severity] = tile
        self.overdue = Tile(self.tr("Overdue"), "red", clickable=True)
        self.overdue.clicked.connect(self.overdue_chosen)
        self.awaiting = Tile(self.tr("Awaiting confirmation"), "navy")
        self.breached = Tile(self.tr("SLA breached"), "crimson", clickable=True)
        self.breached.clicked.connect(lambda: self.sla_chosen.emit(SlaState.BREACHED))
        self.at_risk = Tile(self.tr("SLA at risk"), "orange", clickable=True)
        self.at_risk.clicked.connect(lambda: self.sla_chosen.emit(SlaState.AT_RISK))
        for column, tile in enumerate((self.overdue, self.awaiting, self.breached, self.at_risk)):
            tiles.addWidget(tile, 1, column)
        self.readiness = Tile(self.tr("Handover readiness · criteria met"), "green",
                              clickable=True)
        self.readiness.setToolTip(self.tr("The exit criteria: open the Handover page"))
        self.readiness.note.setWordWrap(True)
        self.readiness.clicked.connect(self.handover_chosen)
        # Two rows tall: the figure at the top as the other tiles', then every criterion
        # with its mark, so the tile's height says which are met.
        self.checklist = QLabel()
        self.checklist.setObjectName("tileNote")
        self.checklist.setTextFormat(Qt.TextFormat.RichText)
        tile_layout = self.readiness.layout()
        if isinstance(tile_layout, QVBoxLayout):
            tile_layout.addSpacing(4)
            tile_layout.addWidget(self.checklist)
            tile_layout.addStretch(1)
        tiles.addWidget(self.readiness, 0, len(Severity), 2, 1)
        layout.addLayout(tiles)

        self.trend = TrendChart()
        self.key_users = BarList(QColor("#8e44ad"))
        self.share = QLabel("–")
        self.share.setObjectName("shareValue")
        self.share_note = QLabel()
        self.share_note.setObjectName("muted")
        self.share_note.setWordWrap(True)
        errors = QWidget()
        errors_layout = QVBoxLayout(errors)
        errors_layout.setContentsMargins(0, 0, 0, 0)
        errors_layout.addWidget(self.share)
        errors_layout.addWidget(self.share_note)
        errors_layout.addWidget(self.key_users, 1)
        middle = QHBoxLayout()
        middle.setSpacing(12)
        middle.addWidget(_panel(self.tr("Issues per day since go-live"), self.trend), 3)
        middle.addWidget(_panel(self.tr("Operation errors: whom to train"), errors), 1)
        layout.addLayout(middle, 3)

        self.categories = BarList()
        self.modules = BarList(QColor("#0b3d91"))
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(_panel(self.tr("By category"), self.categories), 1)
        bottom.addWidget(_panel(self.tr("By module"), self.modules), 1)
        self.support = SupportCard()
        bottom.addWidget(_panel(self.tr("Support today and this week"), self.support,
                                self.support.link), 1)
        layout.addLayout(bottom, 2)

    def show_summary(self, s: ProjectSummary) -> None:
        for severity, tile in self.severity_tiles.items():
            tile.set(str(s.open_by_severity.get(severity, 0)))
        self.severity_tiles[Severity.URGENT].note.setText(
            self.tr("%1 open in all").replace("%1", str(s.open)))
        self.overdue.set(str(s.overdue), self.tr("past the expected date"))
        self.awaiting.set(str(s.awaiting_confirmation), self.tr("waiting for the customer"))
        if s.sla is None:
            self.breached.set("…", self.tr("counting working time…"))
            self.at_risk.set("…", "")
        else:
            self.show_sla(s.sla)
        self.trend.set_points(s.trend)
        self.share.setText(f"{s.operation_error_share:.0%}")
        self.share_note.setText(self.tr("%1 of %2 issues were operation errors. Key users who "
                                        "reported them:").replace("%1", str(s.operation_errors))
                                .replace("%2", str(s.total)))
        self.key_users.set_items(list(s.operation_error_reporters))
        self.categories.set_items(
            [(labels.category(c), n) for c, n in sorted(s.by_category.items(),
                                                        key=lambda item: -item[1]) if n],
            highlight=labels.category(Category.OPERATION_ERROR))
        self.modules.set_items(list(s.by_module.items())[:10])

    def show_readiness(self, criteria: list[Criterion] | None) -> None:
        """Criteria met of all, and which are red; ``None`` while they are counted."""
        if criteria is None:
            self.readiness.set("…", self.tr("counting…"))
            self.checklist.clear()
            return
        met = sum(1 for c in criteria if c.ok)
        red = len(criteria) - met
        note = (self.tr("%1 not yet met").replace("%1", str(red)) if red
                else self.tr("Every criterion met: ready to hand over"))
        self.readiness.set(f"{met}/{len(criteria)}", note)
        self.readiness.set_accent("green" if not red else "orange")
        self.checklist.setText("<br>".join(
            f'<span style="color:{"#2e7d32" if c.ok else "#e07b00"}">'
            f'{"✓" if c.ok else "✗"}</span> {escape(self._short(c.code))}' for c in criteria))

    def checklist_lines(self) -> list[str]:
        """The readiness tile's criteria as shown (for tests): "✓ name" or "✗ name"."""
        document = QTextDocument()
        document.setHtml(self.checklist.text())
        return [line for line in document.toPlainText().splitlines() if line]

    def _short(self, code: str) -> str:
        names = {"urgent_without_plan": self.tr("urgent plans"),
                 "sla_urgent_high": self.tr("SLA"),
                 "resolved_by_staying": self.tr("solved by the customer"),
                 "month_end_closes": self.tr("month-end closes"),
                 "new_issues_per_day": self.tr("new issues a day"),
                 "days_since_urgent": self.tr("days since urgent"),
                 "operation_error_share": self.tr("operation errors")}
        return names.get(code, code)

    def show_sla(self, sla: SlaFigures) -> None:
        self.breached.set(str(sla.breached), self.tr("%1 still open")
                          .replace("%1", str(sla.breached_open)))
        self.at_risk.set(str(sla.at_risk), self.tr("over %1 % of the target used")
                         .replace("%1", str(sla.at_risk_percent)))
        if sla.unknown_years:
            years = "、".join(str(y) for y in sla.unknown_years)
            self.notice.setText(self.tr(
                "The holiday calendar does not know %1: SLA times in that year count "
                "Monday to Friday only. Import that year's holidays (an ICS from the office, "
                "or a bundle).").replace("%1", years))
        self.notice.setVisible(bool(sla.unknown_years))
        self.import_holidays.setVisible(bool(sla.unknown_years))


class OverviewPage(Page):
    figures_shown = Signal()  # the aggregate figures are on screen
    sla_shown = Signal()  # the SLA tiles are filled too
    readiness_shown = Signal()  # and the handover readiness tile

    def __init__(self, ctx: UiContext, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self._project: Project | None = None
        self._people: list[Person] = []
        self.summary: ProjectSummary | None = None
        self.readiness: list[Criterion] | None = None
        self._readiness_due = False  # the SLA figures changed since it was counted
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 16)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        self._title = QLabel()
        self._title.setObjectName("pageHeading")
        self._subtitle = QLabel()
        self._subtitle.setObjectName("muted")
        titles.addWidget(self._title)
        titles.addWidget(self._subtitle)
        header.addLayout(titles, 1)
        self._day = QLabel()
        self._day.setObjectName("dayCount")
        self._close = QLabel()
        self._close.setObjectName("muted")
        days = QVBoxLayout()
        days.addWidget(self._day, 0, Qt.AlignmentFlag.AlignRight)
        days.addWidget(self._close, 0, Qt.AlignmentFlag.AlignRight)
        header.addLayout(days)
        self.policy_button = QPushButton(self.tr("SLA policy…"))
        self.policy_button.setToolTip(self.tr("Targets per severity, working hours, at-risk "
                                              "threshold"))
        self.policy_button.clicked.connect(self.edit_policy)
        header.addSpacing(12)
        header.addWidget(self.policy_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(header)

        self.tabs = QTabWidget()
        self.dashboard = Dashboard()
        self.dashboard.severity_chosen.connect(self._open_severity)
        self.dashboard.overdue_chosen.connect(self._open_overdue)
        self.dashboard.sla_chosen.connect(self._open_sla)
        self.dashboard.handover_chosen.connect(self._open_handover)
        self.dashboard.support.calendar_requested.connect(self._open_calendar)
        self.dashboard.import_holidays.clicked.connect(self._import_holidays)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.dashboard)
        self.tabs.addTab(scroll, self.tr("Dashboard"))
        self._model = PeopleModel()
        self._people_view: PeopleTab | None = None
        self._managers = ""  # the People tab's line of the two project managers
        self._people_holder = QWidget()  # the People tab goes in here when first shown
        self._people_slot = QVBoxLayout(self._people_holder)
        self._people_slot.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._people_holder, self.tr("People"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)

    def _people_tab(self) -> PeopleTab:
        """The People tab, built on first use (see ``people_tab.py``)."""
        if self._people_view is None:
            tab = PeopleTab(self._model)
            tab.add_button.clicked.connect(self._on_add_person)
            tab.add_button.setEnabled(self._project is not None)
            tab.managers.setText(self._managers)
            tab.fit()
            self._people_slot.addWidget(tab)
            self._people_view = tab
        return self._people_view

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self._people_holder:
            self._people_tab()

    @property
    def people_table(self) -> QTableView:
        return self._people_tab().table

    # -- Page ----------------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        if project is None or self.summary is None or self.summary.project.id != project.id:
            self.summary = None
            self.readiness = None
        self._project = project
        if self._people_view is not None:
            self._people_view.add_button.setEnabled(project is not None)
        self.policy_button.setEnabled(project is not None)
        if project is None:
            self._title.setText(self.tr("No project yet"))
            self._subtitle.setText(self.tr("Create a project with File ▸ New project…"))
            self._day.clear()
            self._close.clear()
            self._model.set_people([])
            self.dashboard.support.show_slots([], self._today())
            return
        self._title.setText(project.name)
        self._subtitle.setText(f"{project.customer} · {project.code} · " + self.tr(
            "go-live %1").replace("%1", project.go_live.isoformat()) + " · "
            + labels.project_status(project.status))
        self._refresh()

    def has_content(self) -> bool:
        return self._project is None or self.summary is not None

    def show_start(self, view: StartView) -> None:
        """The figures read at start-up: painted while the store opens. The people, the
        week's support and the SLA tiles follow from the refresh ``set_project`` starts."""
        summary = view.summary
        if summary is None:
            return
        self.summary = summary
        self.dashboard.show_summary(summary)
        self.dashboard.show_readiness(None)
        self._show_days(summary)

    def apply_changes(self, changes: Changes) -> None:
        if self._project is not None and any(changes.touches(e) for e in (
                "person", "project", "issue", "timeline_entry", "holiday_year", "membership",
                "support_slot", "milestone")):
            self._refresh()

    def _refresh(self) -> None:
        project = self._project
        if project is None:
            return
        services = self._ctx.services
        self._generation += 1
        generation = self._generation
        today = self._today()
        monday, sunday = week_of(today)

        def read() -> tuple[ProjectSummary, list[Person], list[Slot]]:
            return (services.overview.figures(project.code),
                    services.projects.people(project.code),
                    services.calendar.slots(project.code, None, monday, sunday))

        self._ctx.runner.run(read, lambda result: self._show(generation, today, result))

    def _show(self, generation: int, today: date,
              result: tuple[ProjectSummary, list[Person], list[Slot]]) -> None:
        summary, people, slots = result
        if (generation != self._generation or self._project is None
                or summary.project.id != self._project.id):
            return
        if self.summary is not None and self.summary.project.id == summary.project.id:
            # A refresh keeps the SLA figures shown until the new ones arrive.
            summary = replace(summary, sla=self.summary.sla)
        self.summary = summary
        self._people = people
        self._model.set_people(people)
        if self._people_view is not None:
            self._people_view.fit()
        self.dashboard.show_summary(summary)
        if self.readiness is None:
            self.dashboard.show_readiness(None)
        self.dashboard.support.show_slots(slots, today)
        self._show_days(summary)
        self._show_managers(summary.project, people)
        self.figures_shown.emit()
        code = summary.project.code
        services = self._ctx.services
        # After the paint: the clocks of every issue.
        self._ctx.runner.run_later(
            lambda: (services.overview.sla_figures(code)
                     if generation == self._generation else None),
            lambda sla: self._show_sla(generation, sla))

    def _show_days(self, summary: ProjectSummary) -> None:
        if summary.day >= 1:
            self._day.setText(self.tr("Day %1 since go-live").replace("%1", str(summary.day)))
        else:
            self._day.setText(self.tr("Go-live in %1 days").replace("%1", str(1 - summary.day)))
        if summary.days_to_month_end == 0:
            self._close.setText(self.tr("Month-end close today (%1)")
                                .replace("%1", str(summary.month_end_close)))
        elif summary.month_end_close is not None:
            self._close.setText(self.tr("Month-end close %1 · in %2 days")
                                .replace("%1", summary.month_end_close.isoformat())
                                .replace("%2", str(summary.days_to_month_end)))

    def _show_managers(self, project: Project, people: list[Person]) -> None:
        by_id = {p.id: p.name for p in people}
        self._managers = (self.tr("Vendor: %1 · Customer: %2")
                          .replace("%1", by_id.get(project.vendor_pm or "", "–"))
                          .replace("%2", by_id.get(project.customer_pm or "", "–")))
        if self._people_view is not None:
            self._people_view.managers.setText(self._managers)

    def _show_sla(self, generation: int, sla: SlaFigures | None) -> None:
        if sla is None or generation != self._generation or self.summary is None:
            return
        self.summary = replace(self.summary, sla=sla)
        self.dashboard.show_sla(sla)
        self.sla_shown.emit()
        self._readiness_due = True
        if self.isVisible():
            self._count_readiness()

    def _count_readiness(self) -> None:
        """The exit criteria read every issue and count every clock again (seconds at
        100k issues, on the one worker): counted only while the dashboard is seen, once
        per refresh, after its other figures."""
        if not self._readiness_due or self.summary is None:
            return
        self._readiness_due = False
        generation, code = self._generation, self.summary.project.code
        handover = self._ctx.services.handover
        self._ctx.runner.run_later(
            lambda: handover.readiness(code) if generation == self._generation else None,
            lambda criteria: self._show_readiness(generation, criteria))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._count_readiness()

    def _show_readiness(self, generation: int, criteria: list[Criterion] | None) -> None:
        if criteria is None or generation != self._generation:
            return
        self.readiness = criteria
        self.dashboard.show_readiness(criteria)
        self.readiness_shown.emit()

    def _open_handover(self) -> None:
        window: Any = self.window()
        if hasattr(window, "show_page"):
            window.show_page("handover")

    # -- into the register ------------------------------------------------------------
    def _register(self) -> Any:
        window: Any = self.window()
        if not hasattr(window, "show_page"):
            return None
        window.show_page("issues")
        return window.page("issues")

    def _open_calendar(self) -> None:
        window: Any = self.window()
        if hasattr(window, "show_page"):
            window.show_page("calendar")

    def _open_severity(self, severity: Severity) -> None:
        page = self._register()
        if page is not None and hasattr(page, "show_filtered"):
            page.show_filtered(severity=severity, open_only=True)

    def _open_overdue(self) -> None:
        page = self._register()
        if page is not None and hasattr(page, "show_filtered"):
            page.show_filtered(overdue=True, open_only=True)

    def edit_policy(self) -> None:
        """Read the policy (worker), edit it in the dialog, save it (worker)."""
        project = self._project
        if project is None:
            return
        sla = self._ctx.services.sla
        self._ctx.runner.run(lambda: sla.policy(project.code),
                             lambda policy: self._ask_policy(project.code, policy))

    def _ask_policy(self, code: str, policy: SlaPolicy) -> None:
        # Imported when opened, not before the window's first paint (a start page).
        from golive_desk.ui.dialogs.project_dialog import SlaPolicyDialog

        answer = SlaPolicyDialog(policy, self).ask()
        if answer is None or answer == policy:
            return
        sla = self._ctx.services.sla
        self._ctx.runner.run(lambda: sla.set_policy(code, answer))

    def _open_sla(self, state: SlaState) -> None:
        page = self._register()
        if page is not None and hasattr(page, "show_filtered"):
            page.show_filtered(sla=state)

    def _import_holidays(self) -> None:
        # Imported when asked for, not before the window's first paint (a start page).
        from golive_desk.ui.overview.holidays import import_holiday_calendar

        import_holiday_calendar(self._ctx, self)

    def _on_add_person(self) -> None:
        project = self._project
        if project is None:
            return
        # Imported when opened, not before the window's first paint (a start page).
        from golive_desk.ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self)
        answer = dialog.ask()
        if answer is None:
            return
        self._ctx.runner.run(lambda: self._ctx.services.projects.add_person(
            project.code, answer.name, answer.role, initials=answer.initials,
            phone=answer.phone, email=answer.email, department=answer.department))

    @property
    def people_model(self) -> PeopleModel:
        return self._model
