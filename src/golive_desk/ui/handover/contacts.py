"""Page 4, the internal support system: the customer's PM, key users (关键用户) and
internal support staff (内部支持人员), their contacts and the modules each covers."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.enums import Role
from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.models import Changes, Person
from golive_desk.ui import labels
from golive_desk.ui.context import UiContext
from golive_desk.ui.error_text import describe
from golive_desk.ui.handover.autosave import AutoSave, Job
from golive_desk.ui.handover.record_fields import RecordFields
from golive_desk.ui.handover.step import HandoverStep, field_error, show_error
from golive_desk.ui.people_model import SUPPORT_COLUMNS, PeopleModel, fit_columns

_DETAILS = ("phone", "email", "department", "modules")


class ContactsStep(HandoverStep):
    def __init__(self, ctx: UiContext, fields: RecordFields,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, fields, parent)
        self.setTitle(self.tr("4. Internal support system"))
        self.setSubTitle(self.tr(
            "Who the users call after the consultant leaves: the customer's project manager, "
            "key users and internal support staff, with the modules each covers."))
        self._person: Person | None = None
        self._pending: dict[str, dict[str, str]] = {}  # person id → details typed
        self._filling = False
        layout = QVBoxLayout(self)
        self.model = PeopleModel(SUPPORT_COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)  # modules take the rest
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._chosen(cur.row()))
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        edit_box = QGroupBox(self.tr("Contact details of the chosen person"))
        edit = QFormLayout(edit_box)
        self.phone, self.email, self.department, self.modules = (
            QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit())
        self.modules.setPlaceholderText(self.tr("e.g. 总账、应收、应付"))
        edit.addRow(self.tr("Phone"), self.phone)
        edit.addRow(self.tr("E-mail"), self.email)
        edit.addRow(self.tr("Department"), self.department)
        edit.addRow(self.tr("Modules covered"), self.modules)
        self.edit_error = field_error()
        edit.addRow(self.edit_error)
        for widget in (self.phone, self.email, self.department, self.modules):
            widget.textChanged.connect(self._edited)
            widget.setEnabled(False)
        add_box = QGroupBox(self.tr("Add a key user or internal support person"))
        add = QFormLayout(add_box)
        self.new_name = QLineEdit()
        self.new_role = QComboBox()
        for role in (Role.KEY_USER, Role.INTERNAL_SUPPORT):
            self.new_role.addItem(labels.role(role), role.value)
        self.new_phone = QLineEdit()
        self.new_email = QLineEdit()
        self.add_button = QPushButton(self.tr("Add person"))
        self.add_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.add_button.clicked.connect(self.add_person)
        self.name_error = field_error()
        add.addRow(self.tr("Name"), self.new_name)
        add.addRow("", self.name_error)
        add.addRow(self.tr("Role"), self.new_role)
        add.addRow(self.tr("Phone"), self.new_phone)
        add.addRow(self.tr("E-mail"), self.new_email)
        add.addRow("", self.add_button)
        self.new_name.textChanged.connect(
            lambda _t: show_error(self.name_error, "", self.new_name))
        row.addWidget(edit_box, 1)
        row.addWidget(add_box, 1)
        layout.addLayout(row)
        self.saver = AutoSave(ctx.runner, self._build, self._apply, self._failed, self)

    def load(self) -> None:
        handover, code = self.ctx.services.handover, self.code
        self.read_then(lambda: handover.contacts(code), self._show_people)

    def _show_people(self, people: list[Person]) -> None:
        chosen = self._person.id if self._person else None
        self.model.set_people(people)
        fit_columns(self.table)
        row = self.model.row_of(chosen) if chosen else -1
        self.table.selectRow(row if row >= 0 else 0)

    def apply_changes(self, changes: Changes) -> None:
        if (changes.touches("person") or changes.touches("membership")) \
                and not self.saver.busy and not self.saver.dirty:
            self.load()

    def _chosen(self, row: int) -> None:
        self.saver.flush()
        person = self.model.people[row] if 0 <= row < len(self.model.people) else None
        self._person = person
        self._filling = True
        for name in _DETAILS:
            widget: QLineEdit = getattr(self, name)
            value = getattr(person, name) if person else ""
            widget.setText("、".join(value.splitlines()) if name == "modules" else value)
            widget.setEnabled(person is not None)
        self._filling = False
        show_error(self.edit_error, "")

    def _edited(self) -> None:
        if not self._filling and self._person is not None:
            self._pending[self._person.id] = {name: getattr(self, name).text()
                                              for name in _DETAILS}
            self.saver.mark()

    def _build(self) -> Job | None:
        work, self._pending = self._pending, {}
        if not work:
            return None
        handover, code = self.ctx.services.handover, self.code

        def job() -> tuple[list[Person], Changes]:
            saved = [handover.save_contact(code, person_id, **values)
                     for person_id, values in work.items()]
            return saved, Changes(frozenset({"person", "membership"}),
                                  frozenset(p.id for p in saved))

        return job

    def _apply(self, result: tuple[list[Person], Changes]) -> None:
        for saved in result[0]:
            self.model.replace(saved)
            if self._person is not None and self._person.id == saved.id:
                self._person = saved

    def _failed(self, error: GoLiveError) -> None:
        show_error(self.edit_error, describe(error))

    def leave(self) -> None:
        super().leave()
        self.saver.flush()

    def add_person(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            show_error(self.name_error, self.tr("Write the person's name."), self.new_name)
            return
        projects, code = self.ctx.services.projects, self.code
        role = str(self.new_role.currentData())
        phone, email = self.new_phone.text(), self.new_email.text()

        def done(result: tuple[Person, Changes]) -> None:
            for widget in (self.new_name, self.new_phone, self.new_email):
                widget.clear()
            self._person = result[0]
            self.load()

        def failed(error: GoLiveError) -> None:
            show_error(self.name_error, describe(error), self.new_name)

        self.ctx.runner.run(lambda: projects.add_person(code, name, role, phone=phone,
                                                        email=email), done, failed)
