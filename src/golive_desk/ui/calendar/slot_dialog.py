"""Create or edit a slot: person, mode, half, days, note — returned as a value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.errors import ValidationError
from golive_desk.domain.support_calendar import Half, Slot
from golive_desk.ui.calendar import texts
from golive_desk.ui.dialogs.form_dialog import FormDialog


@dataclass(frozen=True)
class SlotAnswer:
    person_id: str
    start: date
    end: date
    half: Half
    mode: SupportMode
    note: str


class SlotDialog(FormDialog):
    """``people`` are (id, name) of the project's members; ``slot`` is edited if given."""

    def __init__(self, people: Sequence[tuple[str, str]], start: date, end: date, half: Half,
                 slot: Slot | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit support slot") if slot else self.tr("New support slot"),
                         parent)
        self.person = QComboBox()
        for person_id, name in people:
            self.person.addItem(name, person_id)
        self.mode = QComboBox()
        for mode in SupportMode:
            self.mode.addItem(texts.mode(mode), mode)
        self.half = QComboBox()
        for value in Half:
            self.half.addItem(texts.half(value), value)
        self.start = _date_edit(slot.start if slot else start)
        self.end = _date_edit(slot.end if slot else end)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("e.g. month-end close with the finance team"))
        self.add_row("person", self.tr("Person"), self.person)
        self.add_row("mode", self.tr("Mode"), self.mode)
        self.add_row("half", self.tr("Time"), self.half)
        self.add_row("start", self.tr("From"), self.start)
        self.add_row("end", self.tr("To"), self.end)
        self.add_row("note", self.tr("Note"), self.note)
        chosen = slot.half if slot else half
        self.half.setCurrentIndex(self.half.findData(chosen))
        if slot is not None:
            self.person.setCurrentIndex(max(0, self.person.findData(slot.person_id)))
            self.mode.setCurrentIndex(self.mode.findData(slot.mode))
            self.note.setText(slot.note)
        self.answer: SlotAnswer | None = None

    def collect(self) -> None:
        if self.person.currentData() is None:
            raise ValidationError("person", self.tr("The project has no one to schedule."))
        start, end = _to_date(self.start.date()), _to_date(self.end.date())
        if end < start:
            raise ValidationError("end", self.tr("The last day is before the first."))
        self.answer = SlotAnswer(str(self.person.currentData()), start, end,
                                 Half(self.half.currentData()),
                                 SupportMode(self.mode.currentData()), self.note.text().strip())

    def ask(self) -> SlotAnswer | None:
        return self.answer if self.exec() else None


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
