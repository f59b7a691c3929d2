"""Page 1, readiness: each exit criterion green or red with its figures; a reason
to go on is required when any is red (saved as ``handover_override``)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.handover import Criterion
from golive_desk.ui.context import UiContext
from golive_desk.ui.handover import texts
from golive_desk.ui.handover.record_fields import RecordFields
from golive_desk.ui.handover.step import HandoverStep, field_error, show_error

GREEN, RED = "#2e7d32", "#c62828"


class CriteriaList(QFrame):
    """The criteria as rows: a coloured mark, what is measured, the figure, what to do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(12, 10, 12, 10)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        self.criteria: list[Criterion] = []
        self.marks: list[QLabel] = []

    def show_criteria(self, criteria: Sequence[Criterion]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.criteria = list(criteria)
        self.marks = []
        row = 0
        for criterion in criteria:
            mark = QLabel(self.tr("✔ met") if criterion.ok else self.tr("✘ not met"))
            mark.setStyleSheet(f"color: {GREEN if criterion.ok else RED}; font-weight: 600;")
            mark.setProperty("ok", criterion.ok)
            title = QLabel(texts.criterion_title(criterion))
            title.setStyleSheet("font-weight: 600; color: #1b2a44;")
            title.setWordWrap(True)
            figure = QLabel(texts.criterion_figure(criterion))
            figure.setWordWrap(True)
            self.grid.addWidget(mark, row, 0)
            self.grid.addWidget(title, row, 1)
            self.grid.addWidget(figure, row + 1, 1)
            self.marks.append(mark)
            row += 2
            if detail := texts.criterion_detail(criterion):
                note = QLabel(detail)
                note.setObjectName("muted")
                note.setWordWrap(True)
                self.grid.addWidget(note, row, 1)
                row += 1
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setStyleSheet("color: #e3e8f0;")
            self.grid.addWidget(line, row, 0, 1, 2)
            row += 1
        self.grid.setColumnStretch(1, 1)
        for stretch in range(row):
            self.grid.setRowStretch(stretch, 0)
        self.grid.setRowStretch(row, 1)  # the rows stay together at the top

    def met(self) -> int:
        return sum(1 for c in self.criteria if c.ok)


class ReadinessStep(HandoverStep):
    def __init__(self, ctx: UiContext, fields: RecordFields,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, fields, parent)
        self.setTitle(self.tr("1. Readiness for handover"))
        self.setSubTitle(self.tr("The exit criteria, counted from the store today. The project "
                                 "manager may go on with red criteria, with the reason recorded."))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("sectionHeading")
        layout.addWidget(self.summary)
        self.criteria = CriteriaList()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.criteria)
        layout.addWidget(scroll, 1)
        self.reason_label = QLabel(self.tr("Reason to go on although criteria are red:"))
        self.reason_label.setObjectName("fieldLabel")
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr(
            "e.g. the customer's PM accepts the open month-end items; the O&M department "
            "follows them up"))
        self.reason.setFixedHeight(72)
        self.reason_box = fields.bind("handover_override", self.reason)
        self.reason_error = field_error()
        self.reason.textChanged.connect(lambda: show_error(self.reason_error, "", self.reason))
        for widget in (self.reason_label, self.reason, self.reason_box, self.reason_error):
            layout.addWidget(widget)
        fields.failed.connect(self._save_failed)

    def _save_failed(self, field: str, message: str) -> None:
        if field == "handover_override":
            show_error(self.reason_error, message, self.reason)

    def load(self) -> None:
        handover, code = self.ctx.services.handover, self.code
        self.read_then(lambda: handover.readiness(code), self._show_criteria)

    def _show_criteria(self, criteria: list[Criterion]) -> None:
        self.criteria.show_criteria(criteria)
        met = self.criteria.met()
        self.summary.setText(texts.fill(self.tr("%1 of %2 exit criteria met"), met,
                                        len(criteria)))
        red = met < len(criteria)
        self.reason_label.setText(self.tr("Reason to go on although criteria are red:") if red
                                  else self.tr("Remarks (optional):"))

    def any_red(self) -> bool:
        return self.criteria.met() < len(self.criteria.criteria)

    def check(self) -> bool:
        if self.any_red() and not self.reason.toPlainText().strip():
            show_error(self.reason_error, self.tr(
                "Some criteria are red: write the reason to go on (it is kept with the "
                "handover)."), self.reason)
            self.reason.setFocus()
            return False
        show_error(self.reason_error, "", self.reason)
        return True
