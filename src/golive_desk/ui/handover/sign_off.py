"""Page 7, acceptance and sign-off (项目验收): who hands over (实施部门), who receives
(运营维护服务部门), both project managers, the acceptance date; sign-off is refused
while issues are neither transferred nor closed, with their list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.errors import GoLiveError, ValidationError, WorkflowError
from golive_desk.domain.handover_records import ACCEPTANCE_FIELDS, HandoverRecord, HandoverState
from golive_desk.domain.models import Changes, Person
from golive_desk.ui.context import UiContext
from golive_desk.ui.error_text import describe
from golive_desk.ui.handover import texts
from golive_desk.ui.handover.record_fields import RecordFields
from golive_desk.ui.handover.step import HandoverStep, field_error, show_error

REFUSAL_NUMBERS = 8  # the refusal names this many issues, then counts the rest


class SignOffStep(HandoverStep):
    signed = Signal()

    def __init__(self, ctx: UiContext, fields: RecordFields,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, fields, parent)
        self.setTitle(self.tr("7. Acceptance and sign-off"))
        self.setSubTitle(self.tr(
            "The implementation department hands the project over to the O&M service "
            "department; the customer's and the vendor's project managers sign the "
            "acceptance. The printed document has the signature boxes."))
        self.handed_over = False
        # the numbers of the issues neither transferred nor closed, as last read: while any
        # is left the sign-off is refused, so its button steps back (not primary, disabled)
        self.blocking: list[str] = []
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.editors: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        captions = {
            "handover_by": self.tr("Hands over (implementation department)"),
            "handover_receiver": self.tr("Receives (O&M service department)"),
            "accept_customer": self.tr("Customer's project manager"),
            "accept_vendor": self.tr("Vendor's project manager"),
        }
        hints = {
            "handover_by": self.tr("name of the implementation consultant or manager"),
            "handover_receiver": self.tr("name in the O&M service department"),
            "accept_customer": "", "accept_vendor": "",
        }
        for field in ACCEPTANCE_FIELDS:
            editor = QLineEdit()
            editor.setPlaceholderText(hints[field])
            box = fields.bind(field, editor)
            error = field_error()
            editor.textChanged.connect(lambda _t, e=error, w=editor: show_error(e, "", w))
            # a form label with a buddy reads "&" as a mnemonic: "O&M" would show "O_M"
            form.addRow(captions[field].replace("&", "&&"), editor)
            form.addRow("", error)
            form.addRow("", box)
            self.editors[field], self.errors[field] = editor, error
        fields.failed.connect(self._save_failed)
        self.accepted = QDateEdit()
        self.accepted.setCalendarPopup(True)
        self.accepted.setDisplayFormat("yyyy-MM-dd")
        self.accepted.setDate(QDate.currentDate())
        self.date_error = field_error()
        form.addRow(self.tr("Acceptance date"), self.accepted)
        form.addRow("", self.date_error)
        holder = QWidget()
        holder.setLayout(form)
        holder.setMaximumWidth(760)
        layout.addWidget(holder)
        row = QHBoxLayout()
        self.sign_button = QPushButton(self.tr("Sign off the handover"))
        self.sign_button.setObjectName("primary")
        self.sign_button.clicked.connect(self.sign_off)
        row.addWidget(self.sign_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refusal = field_error()
        layout.addWidget(self.refusal)
        self.to_issues = QPushButton(self.tr("Go to the open issues"))
        self.to_issues.clicked.connect(self.go_to_open_issues)
        self.to_issues.hide()
        to_issues_row = QHBoxLayout()
        to_issues_row.addWidget(self.to_issues)
        to_issues_row.addStretch(1)
        layout.addLayout(to_issues_row)
        self.state = QLabel()
        self.state.setObjectName("sectionHeading")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        layout.addStretch(1)

    def load(self) -> None:
        handover, projects, code = self.ctx.services.handover, self.ctx.services.projects, \
            self.code
        self.read_then(lambda: (handover.state(code), projects.people(code),
                                [i.number for i in handover.untransferred(code)]),
                       lambda read: self._show_read(*read))

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("issue") or changes.touches("timeline_entry"):
            self.load()  # an issue closed or transferred in the main window

    def _show_read(self, state: HandoverState, people: list[Person],
                   untransferred: list[str]) -> None:
        record = self.fields.record
        self.handed_over = state is HandoverState.HANDED_OVER
        self._show_blocking([] if self.handed_over else sorted(untransferred))
        if record.accepted_on is not None:
            day = record.accepted_on
            self.accepted.setDate(QDate(day.year, day.month, day.day))
        self._prefill({p.id: p.name for p in people})
        self._show_state(record.accepted_on)

    def _save_failed(self, field: str, message: str) -> None:
        if field in self.errors:
            show_error(self.errors[field], message, self.editors[field])
        elif not field:
            show_error(self.refusal, message)

    def _prefill(self, people: dict[str, str]) -> None:
        """The project managers from the project, where nobody wrote one yet."""
        for field, person_id in (("accept_customer", self.project.customer_pm),
                                 ("accept_vendor", self.project.vendor_pm)):
            if not self.fields.value(field).strip() and person_id in people:
                self.fields.set_value(field, people[person_id])

    def _show_state(self, accepted_on: date | None) -> None:
        if self.handed_over:
            self.state.setText(texts.state_text(HandoverState.HANDED_OVER, accepted_on))
            self.state.setStyleSheet("color: #2e7d32;")
        else:
            self.state.setText(self.tr(
                "Not signed off yet. You can close the wizard and come back: everything "
                "typed is saved."))
            self.state.setStyleSheet("")
        self._update_sign_button()
        self.completeChanged.emit()

    def _show_blocking(self, numbers: list[str]) -> None:
        """The refusal while issues are neither transferred nor closed (said before the
        click, so the button never looks ready); cleared once none is left."""
        self.blocking = numbers
        if numbers:
            show_error(self.refusal, self.refusal_text(numbers))
            self.to_issues.show()
        elif self.refusal.property("untransferred"):
            show_error(self.refusal, "")
            self.to_issues.hide()
        self.refusal.setProperty("untransferred", bool(numbers))
        self._update_sign_button()

    def refusal_text(self, numbers: list[str]) -> str:
        """How many, the first numbers (each kept whole on a wrapped line) and "…", then
        where to go, on a line of its own."""
        return texts.fill(self.tr(
            "Sign-off refused: %1 open issues are neither transferred nor closed (%2).\n"
            "Transfer or close them on page 2."), len(numbers),
            texts.numbers_text(numbers, limit=REFUSAL_NUMBERS))

    def _update_sign_button(self) -> None:
        ready = not self.handed_over and not self.blocking
        self.sign_button.setEnabled(ready)
        primary = "primary" if ready else ""
        if self.sign_button.objectName() != primary:
            self.sign_button.setObjectName(primary)
            style = self.sign_button.style()
            style.unpolish(self.sign_button)
            style.polish(self.sign_button)

    def isComplete(self) -> bool:
        return self.handed_over

    def check(self) -> bool:
        missing = [f for f, e in self.editors.items() if not e.text().strip()]
        for field in missing:
            show_error(self.errors[field], self.tr("Needed for the acceptance."),
                       self.editors[field])
        return not missing

    def sign_off(self) -> None:
        show_error(self.refusal, "")
        self.to_issues.hide()
        show_error(self.date_error, "", self.accepted)
        day = self.accepted.date().toPython()
        assert isinstance(day, date)
        handover, code = self.ctx.services.handover, self.code
        self.sign_button.setEnabled(False)  # one sign-off in flight

        def job() -> tuple[HandoverRecord, Changes]:
            changes = handover.sign_off(code, day)
            return handover.record(code), changes

        self.fields.saver.when_saved(lambda: self.ctx.runner.run(job, self._signed,
                                                                 self._refused))

    def go_to_open_issues(self) -> None:
        """Back to page 2, where the issues are transferred (what was typed is kept)."""
        wizard = self.wizard()
        while wizard is not None and wizard.currentId() > 1:
            wizard.back()

    def _signed(self, result: tuple[HandoverRecord, Changes]) -> None:
        record = result[0]
        self.fields.show_record(record)
        self.handed_over = True
        self._show_state(record.accepted_on)
        self.signed.emit()

    def _refused(self, error: GoLiveError) -> None:
        self._update_sign_button()
        if isinstance(error, WorkflowError) and error.details.get("reason") == "untransferred":
            raw = error.details.get("issues")
            self._show_blocking(sorted(str(n) for n in raw) if isinstance(raw, list) else [])
        elif isinstance(error, ValidationError) and error.field in self.editors:
            missing = error.details.get("missing")
            for field in missing if isinstance(missing, list) else [error.field]:
                if field in self.errors:
                    show_error(self.errors[field], self.tr("Needed for the acceptance."),
                               self.editors[field])
        elif isinstance(error, ValidationError) and error.field == "accepted_on":
            show_error(self.date_error, texts.fill(self.tr(
                "The acceptance cannot be before go-live (%1)."),
                self.project.go_live.isoformat()), self.accepted)
        else:
            show_error(self.refusal, describe(error))
