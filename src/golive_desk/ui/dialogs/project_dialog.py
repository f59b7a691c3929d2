"""New project: code, name, customer, go-live and first month-end close; editing one
(:class:`EditProjectDialog`: also its modules and on-site days; the code stays);
a project's SLA policy (:class:`SlaPolicyDialog`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from golive_desk.domain import validation
from golive_desk.domain.errors import SlaPolicyError, ValidationError, WorkingHoursError
from golive_desk.domain.issue_rules import clean_modules
from golive_desk.domain.issues import Severity
from golive_desk.domain.models import ProjectSettings
from golive_desk.domain.sla import SeverityTargets, SlaPolicy, WorkTarget
from golive_desk.domain.support_calendar import MAX_ONSITE_DAYS
from golive_desk.domain.working_time import WorkingHours
from golive_desk.ui import labels
from golive_desk.ui.dialogs.form_dialog import FormDialog, checked


@dataclass(frozen=True)
class ProjectAnswer:
    code: str
    name: str
    customer: str
    go_live: str
    month_end: str | None
    doc_prefix: str | None = None


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ProjectDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New project"), parent)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. HX"))
        self.code.setMaxLength(10)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 华星电子 ERP 上线支持"))
        self.customer = QLineEdit()
        today = date.today()
        self.go_live = _date_edit(today)
        self.has_month_end = QCheckBox(self.tr("Known"))
        self.has_month_end.setChecked(True)
        self.month_end = _date_edit(_month_end(today))
        self.has_month_end.toggled.connect(self.month_end.setEnabled)
        self.doc_prefix = QLineEdit()
        self.doc_prefix.setMaxLength(40)
        self.doc_prefix.setPlaceholderText(self.tr("the project code"))
        self.doc_prefix.setToolTip(self.tr(
            "Numbers the printed sheets and register: <prefix>_7_1_1_1 "
            "(the methodology's xx_xx). Empty: the project code."))
        self.code.textChanged.connect(self._show_default_prefix)
        self.add_row("code", self.tr("Project code"), self.code)
        self.add_row("name", self.tr("Project name"), self.name)
        self.add_row("customer", self.tr("Customer"), self.customer)
        self.add_row("go_live", self.tr("Go-live date"), self.go_live)
        self.add_row("month_end", self.tr("First month-end close"), self.month_end)
        self.form.addRow("", self.has_month_end)
        self.add_row("doc_prefix", self.tr("Document number prefix"), self.doc_prefix)
        self.answer: ProjectAnswer | None = None

    def collect(self) -> None:
        checked("code", lambda: validation.project_code(self.code.text()),
                self.tr("2 to 10 letters or digits, starting with a letter (e.g. HX)."))
        checked("name", lambda: validation.required("name", self.name.text()),
                self.tr("Please enter the project's name."))
        checked("customer", lambda: validation.required("customer", self.customer.text()),
                self.tr("Please enter the customer."))
        live = _to_date(self.go_live.date())
        close = _to_date(self.month_end.date()) if self.has_month_end.isChecked() else None
        if close is not None and close < live:
            raise ValidationError("month_end",
                                  self.tr("The first month-end close cannot be before go-live."))
        prefix = self.doc_prefix.text().strip()
        if prefix:
            checked("doc_prefix", lambda: validation.doc_prefix(prefix),
                    self.tr("Up to 40 characters without spaces (e.g. HX)."))
        self.answer = ProjectAnswer(self.code.text().strip().upper(), self.name.text().strip(),
                                    self.customer.text().strip(), live.isoformat(),
                                    close.isoformat() if close else None,
                                    validation.doc_prefix(prefix) if prefix else None)

    def _show_default_prefix(self, code: str) -> None:
        """The placeholder shows the number the project's documents get by default."""
        shown = code.strip().upper() or self.tr("the project code")
        self.doc_prefix.setPlaceholderText(shown)

    def ask(self) -> ProjectAnswer | None:
        return self.answer if self.exec() else None


class EditProjectDialog(ProjectDialog):
    """A project's settings after creation; the code is shown, not edited (the issue
    numbers carry it). Returns the :class:`ProjectSettings` to write."""

    def __init__(self, code: str, settings: ProjectSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit project"))
        self.code.setText(code)
        self.code.setReadOnly(True)
        self.code.setToolTip(self.tr("The issue numbers carry the code: it cannot change."))
        self.name.setText(settings.name)
        self.customer.setText(settings.customer)
        self.go_live.setDate(_qdate(settings.go_live))
        self.has_month_end.setChecked(settings.month_end is not None)
        if settings.month_end is not None:
            self.month_end.setDate(_qdate(settings.month_end))
        self.doc_prefix.setText(settings.doc_prefix or "")
        self.modules = QPlainTextEdit("\n".join(settings.modules))
        self.modules.setTabChangesFocus(True)
        self.modules.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.modules.setToolTip(self.tr("One module per line. Issues keep the module they "
                                        "have."))
        self.add_row("modules", self.tr("Modules"), self.modules)
        self.onsite_days = QSpinBox()
        self.onsite_days.setRange(0, MAX_ONSITE_DAYS)
        self.onsite_days.setValue(settings.onsite_days)
        self.onsite_days.setSuffix(self.tr(" working days"))
        self.onsite_days.setToolTip(self.tr("Working days after go-live that must be covered "
                                            "on site."))
        self.add_row("onsite_days", self.tr("On site after go-live"), self.onsite_days)
        self.edited: ProjectSettings | None = None

    def collect(self) -> None:
        super().collect()
        answer = self.answer
        assert answer is not None
        lines = self.modules.toPlainText().splitlines()
        checked("modules", lambda: clean_modules(lines),
                self.tr("At least one module, each up to 30 characters."))
        self.edited = ProjectSettings(
            answer.name, answer.customer, date.fromisoformat(answer.go_live),
            date.fromisoformat(answer.month_end) if answer.month_end else None,
            clean_modules(lines), answer.doc_prefix, self.onsite_days.value())

    def ask_settings(self) -> ProjectSettings | None:
        return self.edited if self.exec() else None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _month_end(day: date) -> date:
    first_next = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(first_next.toordinal() - 1)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class SlaPolicyDialog(FormDialog):
    """A project's SLA policy: response and resolution targets per severity (``2h``,
    ``1d``, ``4 小时``), the site's working hours, the at-risk threshold.

    Messages sit beside the field: a target of zero or less, a time that is not a
    working time, hours that end before they start or overlap. :attr:`answer`
    is the :class:`SlaPolicy` to save through ``SlaService.set_policy``.
    """

    def __init__(self, policy: SlaPolicy, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("SLA policy"), parent)
        self.set_intro(self.tr(
            "Targets in working time on the site's hours and the Chinese working-day "
            "calendar: 2h is two working hours, 1d one working day. Changing the policy "
            "recomputes every issue's clock."))
        self.targets: dict[Severity, tuple[QLineEdit, QLineEdit]] = {}
        for severity in Severity:
            pair = policy.targets[severity]
            response, resolution = QLineEdit(pair.response.to_text()), QLineEdit(
                pair.resolution.to_text())
            response.setPlaceholderText(self.tr("response, e.g. 2h"))
            resolution.setPlaceholderText(self.tr("resolution, e.g. 1d"))
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(QLabel(self.tr("Response")))
            line.addWidget(response)
            line.addWidget(QLabel(self.tr("Resolution")))
            line.addWidget(resolution)
            self.targets[severity] = (response, resolution)
            self.add_row(severity.value, labels.severity(severity), row)
        self.hours = QLineEdit(policy.hours.to_text())
        self.hours.setPlaceholderText("08:30-12:00, 13:00-17:30")
        self.add_row("hours", self.tr("Working hours"), self.hours)
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 100)
        self.threshold.setSuffix(" %")
        self.threshold.setValue(policy.at_risk_percent)
        self.add_row("at_risk_percent", self.tr("At risk from"), self.threshold)
        self.answer: SlaPolicy | None = None

    def collect(self) -> None:
        targets: dict[Severity, SeverityTargets] = {}
        for severity, (response, resolution) in self.targets.items():
            try:
                targets[severity] = SeverityTargets(WorkTarget.parse(response.text()),
                                                    WorkTarget.parse(resolution.text()))
            except SlaPolicyError as err:
                raise ValidationError(severity.value, self._target_message(err)) from None
        try:
            hours = WorkingHours.parse(self.hours.text())
        except WorkingHoursError as err:
            raise ValidationError("hours", self._hours_message(err)) from None
        self.answer = SlaPolicy(targets, hours, self.threshold.value())

    def _target_message(self, err: SlaPolicyError) -> str:
        if err.rule == "target_not_positive":
            return self.tr("A target must be more than zero.")
        return self.tr("Write a working time such as 2h (hours) or 1d (working days).")

    def _hours_message(self, err: WorkingHoursError) -> str:
        details = err.details
        if err.rule == "end_not_after_start":
            return self.tr("%1–%2 ends before it starts.").replace(
                "%1", str(details.get("start", ""))).replace("%2", str(details.get("end", "")))
        if err.rule == "overlap":
            return self.tr("%1 and %2 overlap.").replace(
                "%1", str(details.get("first", ""))).replace("%2", str(details.get("second", "")))
        return self.tr("Write the periods as 08:30-12:00, 13:00-17:30.")

    def ask(self) -> SlaPolicy | None:
        return self.answer if self.exec() else None
