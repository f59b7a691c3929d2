"""Project overview: who the customer is, the key dates, and everyone involved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.models import Changes, Person, Project
from golive_desk.ui import labels
from golive_desk.ui.context import UiContext
from golive_desk.ui.dialogs.person_dialog import PersonDialog
from golive_desk.ui.pages.base import Page
from golive_desk.ui.people_model import PeopleModel


class OverviewPage(Page):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._project: Project | None = None
        self._people: list[Person] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        self._title = QLabel()
        self._title.setObjectName("pageHeading")
        self._subtitle = QLabel()
        self._subtitle.setObjectName("muted")
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        layout.addSpacing(8)
        cards = QHBoxLayout()
        self._go_live = self._card(cards, self.tr("Go-live"))
        self._month_end = self._card(cards, self.tr("First month-end close"))
        self._status = self._card(cards, self.tr("Status"))
        self._pms = self._card(cards, self.tr("Project managers"))
        layout.addLayout(cards)
        layout.addSpacing(12)
        bar = QHBoxLayout()
        heading = QLabel(self.tr("People"))
        heading.setObjectName("sectionHeading")
        bar.addWidget(heading)
        bar.addStretch(1)
        self._add_person = QPushButton(self.tr("Add person…"))
        self._add_person.clicked.connect(self._on_add_person)
        bar.addWidget(self._add_person)
        layout.addLayout(bar)
        self._model = PeopleModel()
        self._table = QTableView()
        self._table.setModel(self._model)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setAlternatingRowColors(True)
        self._table.verticalHeader().hide()
        self._table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self._table, 1)

    def _card(self, row: QHBoxLayout, caption: str) -> QLabel:
        frame = QFrame()
        frame.setObjectName("card")
        grid = QGridLayout(frame)
        title = QLabel(caption)
        title.setObjectName("muted")
        value = QLabel("–")
        value.setObjectName("cardValue")
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(title, 0, 0)
        grid.addWidget(value, 1, 0)
        row.addWidget(frame, 1)
        return value

    def set_project(self, project: Project | None) -> None:
        self._project = project
        self._add_person.setEnabled(project is not None)
        if project is None:
            self._title.setText(self.tr("No project yet"))
            self._subtitle.setText(self.tr("Create a project with File ▸ New project…"))
            self._model.set_people([])
            return
        self._title.setText(project.name)
        self._subtitle.setText(f"{project.customer} · {project.code}")
        self._refresh()

    def apply_changes(self, changes: Changes) -> None:
        if self._project is not None and (changes.touches("person") or changes.touches("project")):
            self._refresh()

    def _refresh(self) -> None:
        project = self._project
        if project is None:
            return
        self._ctx.runner.run(lambda: self._ctx.services.projects.people(project.code),
                             self._show_people)

    def _show_people(self, people: list[Person]) -> None:
        project = self._project
        if project is None:
            return
        self._people = people
        self._model.set_people(people)
        today = date.today()
        live = project.go_live
        self._go_live.setText(f"{live.isoformat()}  ({self._days(live, today)})")
        self._month_end.setText(
            f"{project.month_end.isoformat()}  ({self._days(project.month_end, today)})"
            if project.month_end else "–")
        self._status.setText(labels.project_status(project.status))
        by_id = {p.id: p.name for p in people}
        vendor = by_id.get(project.vendor_pm or "", "–")
        customer = by_id.get(project.customer_pm or "", "–")
        self._pms.setText(self.tr("Vendor: %1 · Customer: %2").replace("%1", vendor)
                          .replace("%2", customer))

    def _days(self, day: date, today: date) -> str:
        delta = (day - today).days
        if delta == 0:
            return self.tr("today")
        if delta == 1:
            return self.tr("tomorrow")
        if delta == -1:
            return self.tr("yesterday")
        if delta > 0:
            return self.tr("in %1 days").replace("%1", str(delta))
        return self.tr("%1 days ago").replace("%1", str(-delta))

    def _on_add_person(self) -> None:
        project = self._project
        if project is None:
            return
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
