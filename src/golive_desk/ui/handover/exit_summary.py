"""Page 6, consultant exit (顾问撤离现场) and project summary (项目总结): the exit
date (never before go-live), what was supported, lessons learned."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.errors import GoLiveError, ValidationError
from golive_desk.domain.handover_records import SupportSummary, check_exit_day
from golive_desk.domain.issues import Category
from golive_desk.domain.models import Changes
from golive_desk.ui import labels
from golive_desk.ui.context import UiContext
from golive_desk.ui.error_text import describe
from golive_desk.ui.handover import texts
from golive_desk.ui.handover.autosave import AutoSave, Job
from golive_desk.ui.handover.record_fields import RecordFields
from golive_desk.ui.handover.step import HandoverStep, field_error, show_error


def _category(code: str) -> str:
    try:
        return labels.category(Category(code))
    except ValueError:
        return code


def _mode(code: str) -> str:
    try:
        return labels.support_mode(SupportMode(code))
    except ValueError:
        return code


class FiguresBox(QGroupBox):
    """A titled column of "label  figure" rows."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(2)

    def show_figures(self, figures: Mapping[str, float | int], name: Callable[[str], str],
                     unit: str | Callable[[float], str] = "") -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for row, (code, value) in enumerate(figures.items()):
            label = QLabel(name(code))
            template = unit(value) if callable(unit) else (unit or "%1")
            figure = QLabel(texts.fill(template, value))
            figure.setObjectName("cardValue")
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(figure, row, 1)
        self.grid.setColumnStretch(0, 1)
        self.grid.setRowStretch(len(figures), 1)


class ExitSummaryStep(HandoverStep):
    def __init__(self, ctx: UiContext, fields: RecordFields,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, fields, parent)
        self.setTitle(self.tr("6. Consultant exit and project summary"))
        self.setSubTitle(self.tr(
            "When the consultant leaves the site (shown on the calendar), what was supported, "
            "and the lessons learned."))
        self._saved_exit: date | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Consultant leaves the site on")))
        self.exit = QDateEdit()
        self.exit.setCalendarPopup(True)
        self.exit.setDisplayFormat("yyyy-MM-dd")
        self.exit.dateChanged.connect(self._exit_edited)
        row.addWidget(self.exit)
        self.go_live = QLabel()
        self.go_live.setObjectName("muted")
        row.addWidget(self.go_live)
        row.addStretch(1)
        layout.addLayout(row)
        self.exit_error = field_error()
        layout.addWidget(self.exit_error)
        self.total = QLabel()
        self.total.setObjectName("sectionHeading")
        self.total.setWordWrap(True)
        layout.addWidget(self.total)
        boxes = QHBoxLayout()
        self.by_category = FiguresBox(self.tr("Issues by category"))
        self.by_module = FiguresBox(self.tr("Issues by module"))
        self.by_mode = FiguresBox(self.tr("Issues by support mode"))
        self.days = FiguresBox(self.tr("Support person-days by mode"))
        self.days.setToolTip(self.tr(
            "From the support schedule, go-live to the consultant's exit: each person's "
            "day counts 1, a half day 0.5."))
        for box in (self.by_category, self.by_module, self.by_mode, self.days):
            boxes.addWidget(box, 1)
        layout.addLayout(boxes)
        layout.addWidget(QLabel(self.tr("Lessons learned")))
        self.lessons = QPlainTextEdit()
        self.lessons.setPlaceholderText(self.tr(
            "What went well, what to do differently in the next go-live"))
        layout.addWidget(self.lessons, 1)
        layout.addWidget(fields.bind("handover_lessons", self.lessons))
        self.lessons_error = field_error()
        layout.addWidget(self.lessons_error)
        fields.failed.connect(lambda field, message: show_error(
            self.lessons_error, message, self.lessons) if field == "handover_lessons" else None)
        self.lessons.textChanged.connect(
            lambda: show_error(self.lessons_error, "", self.lessons))
        self.saver = AutoSave(ctx.runner, self._build, self._apply, self._failed, self)

    def load(self) -> None:
        handover, code = self.ctx.services.handover, self.code
        self.read_then(lambda: (handover.exit_date(code), handover.summary(code)),
                       lambda read: self._show_read(*read))

    def _show_read(self, day: date | None, summary: SupportSummary) -> None:
        self._saved_exit = day
        self.exit.blockSignals(True)
        self.exit.setDate(QDate(day.year, day.month, day.day) if day else QDate.currentDate())
        self.exit.blockSignals(False)
        self.go_live.setText(texts.fill(self.tr("(go-live: %1)"),
                                        self.project.go_live.isoformat()))
        self.show_summary(summary)

    def show_summary(self, s: SupportSummary) -> None:
        span = ""
        if s.first_day and s.last_day:
            span = texts.fill(self.tr(", reported %1 – %2"), s.first_day.isoformat(),
                              s.last_day.isoformat())
        self.total.setText(texts.fill(self.tr("%1 issues supported (%2 still open)"),
                                      s.issues, s.open_issues) + span)
        self.by_category.show_figures(s.by_category, _category)
        self.by_module.show_figures(s.by_module, lambda m: m)
        self.by_mode.show_figures(s.by_mode, _mode)
        self.days.show_figures(s.support_days, _mode,
                               lambda n: self.tr("%1 person-day") if n == 1
                               else self.tr("%1 person-days"))

    def chosen_exit(self) -> date:
        day = self.exit.date().toPython()
        assert isinstance(day, date)
        return day

    def _exit_problem(self) -> str:
        try:
            check_exit_day(self.project.go_live, self.chosen_exit())
        except ValidationError:
            return texts.fill(self.tr(
                "The consultant cannot leave the site before go-live (%1). Choose a later "
                "day."), self.project.go_live.isoformat())
        return ""

    def _exit_edited(self) -> None:
        problem = self._exit_problem()
        show_error(self.exit_error, problem, self.exit)
        if not problem:
            self.saver.mark()

    def _build(self) -> Job | None:
        day = self.chosen_exit()
        if day == self._saved_exit or self._exit_problem():
            return None
        handover, code = self.ctx.services.handover, self.code

        def job() -> tuple[date, Changes]:
            return day, handover.set_exit(code, day)

        return job

    def _apply(self, result: tuple[date, Changes]) -> None:
        self._saved_exit = result[0]
        handover, code = self.ctx.services.handover, self.code
        # the person-days run to the exit: counted again for the day just saved
        self.read_then(lambda: handover.summary(code), self.show_summary)

    def _failed(self, error: GoLiveError) -> None:
        show_error(self.exit_error, describe(error), self.exit)

    def leave(self) -> None:
        super().leave()
        self.saver.flush()

    def check(self) -> bool:
        problem = self._exit_problem()
        show_error(self.exit_error, problem, self.exit)
        if problem:
            self.exit.setFocus()
        elif self.chosen_exit() != self._saved_exit:
            self.saver.mark()  # the day shown is the plan: saved on leaving the page
        return not problem
