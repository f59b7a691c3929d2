"""The top of the issue form: which sheet, its number and state, and what may happen next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from golive_desk.domain.issues import Issue, IssueStatus, Severity
from golive_desk.domain.models import Project
from golive_desk.ui import labels
from golive_desk.ui.issues import text as issue_text
from golive_desk.ui.issues.workflow import WorkflowBar


class FormHeader(QFrame):
    """Number, title and chips; print, save and close; the workflow's next steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formHeader")
        top = QVBoxLayout(self)
        top.setContentsMargins(16, 10, 16, 10)
        top.setSpacing(6)
        line = QHBoxLayout()
        sheet = QLabel(self.tr("System operation issue tracking record"))
        sheet.setObjectName("muted")
        line.addWidget(sheet)
        line.addStretch(1)
        self.state_label = QLabel()
        self.state_label.setObjectName("muted")
        line.addWidget(self.state_label)
        self.print_button = QPushButton(self.tr("Print sheet"))
        self.print_button.setToolTip(self.tr("Print this issue's record sheet"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Back to the register (Esc)"))
        for button in (self.print_button, self.save_button, self.close_button):
            line.addWidget(button)
        top.addLayout(line)
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        self.number_label = QLabel()
        self.number_label.setObjectName("pageHeading")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label = QLabel()
        self.title_label.setObjectName("formTitle")
        self.title_label.setMinimumWidth(40)
        self.status_chip = QLabel()
        self.severity_chip = QLabel()
        self.project_label = QLabel()
        self.project_label.setObjectName("muted")
        for widget in (self.number_label, self.title_label, self.status_chip,
                       self.severity_chip):
            title_row.addWidget(widget)
        title_row.addStretch(1)
        title_row.addWidget(self.project_label)
        top.addLayout(title_row)
        self.workflow = WorkflowBar()
        top.addWidget(self.workflow)
        self.conflicts = QVBoxLayout()  # conflicts of fields the sheet has no editor for
        top.addLayout(self.conflicts)

    def show_state(self, issue: Issue | None, values: dict[str, object],
                   project: Project | None, dirty: bool) -> None:
        """Refresh from the saved ``issue`` and what the form shows now (``values``)."""
        self.number_label.setText(issue.number if issue else self.tr("New issue"))
        title = str(values.get("title") or "")
        metrics = self.title_label.fontMetrics()
        self.title_label.setText(metrics.elidedText(title, Qt.TextElideMode.ElideRight, 520))
        self.title_label.setToolTip(title)
        self.print_button.setEnabled(issue is not None)
        status = issue.status if issue else IssueStatus.NEW
        self.status_chip.setText(labels.issue_status(status))
        self.status_chip.setStyleSheet(issue_text.status_css(status))
        try:
            severity = Severity(str(values.get("severity")))
        except ValueError:
            severity = Severity.MEDIUM
        self.severity_chip.setText(labels.severity(severity))
        self.severity_chip.setStyleSheet(issue_text.severity_css(severity))
        self.project_label.setText(f"{project.name} · {project.customer}" if project else "")
        self.workflow.set_issue(issue, values)
        # Nothing to save: the button steps back (grey) while the label says 已保存.
        self.save_button.setEnabled(dirty or issue is None)
        if dirty:
            self.state_label.setText(self.tr("Unsaved changes"))
        else:
            self.state_label.setText(self.tr("Saved") if issue is not None else "")
