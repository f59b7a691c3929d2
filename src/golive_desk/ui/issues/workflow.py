"""The form's header pieces: workflow buttons with their reasons, and sync conflicts.

Which moves are allowed is decided by the domain's rules (pure functions, no
IO, so they may run in a slot), applied to the issue *as the form shows it*:
typing a proposed handling enables "Escalate" at once, and the move saves it.
A blocked step names the field it waits for, and clicking it goes there; the
optional note for the timeline is typed beside the buttons, not in a dialog.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain import issue_rules
from golive_desk.domain.conflicts import ConflictKind, ConflictValue, FieldConflict
from golive_desk.domain.issues import Issue, IssueStatus
from golive_desk.ui import labels
from golive_desk.ui.issues import text as issue_text
from golive_desk.ui.issues.model import local_minute


def _as_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def as_shown(issue: Issue, values: dict[str, object]) -> Issue:
    """``issue`` with the form's values for the fields the workflow rules look at."""
    return replace(issue, proposal=str(values.get("proposal", issue.proposal) or ""),
                   resolution=str(values.get("resolution", issue.resolution) or ""),
                   confirmed_by=str(values.get("confirmed_by", issue.confirmed_by) or ""),
                   confirmed_at=_as_date(values.get("confirmed_at", issue.confirmed_at)))


class WorkflowBar(QWidget):
    """"Next step": one button per status the issue may move to, and the note for the move.

    A step the rules refuse now stays clickable: it says which field is missing,
    and clicking it asks the form to show that field (``field_wanted``).
    """

    move_requested = Signal(object)  # IssueStatus
    field_wanted = Signal(str)  # the field a blocked step waits for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self._row = QHBoxLayout()
        self._row.setSpacing(6)
        self._caption = QLabel(self.tr("Next step:"))
        self._caption.setObjectName("muted")
        self._row.addWidget(self._caption)
        self.note = QLineEdit()
        self.note.setObjectName("workflowNote")
        self.note.setPlaceholderText(self.tr("Note for the timeline (optional)"))
        self.note.setClearButtonEnabled(True)
        self.note.setMinimumWidth(160)
        self._row.addWidget(self.note, 1)
        outer.addLayout(self._row)
        self.reasons = QLabel()
        self.reasons.setObjectName("reason")
        self.reasons.setWordWrap(True)
        self.reasons.hide()
        outer.addWidget(self.reasons)
        self.buttons: dict[IssueStatus, QPushButton] = {}
        self._blocked: dict[IssueStatus, tuple[str, str]] = {}  # reason, missing field

    def set_issue(self, issue: Issue | None, values: dict[str, object]) -> None:
        for button in self.buttons.values():
            self._row.removeWidget(button)
            button.deleteLater()
        self.buttons.clear()
        self._blocked.clear()
        if issue is None or issue.deleted:
            self._caption.hide()
            self.note.hide()
            self.reasons.hide()
            return
        shown = as_shown(issue, values)
        targets = issue_rules.allowed_targets(issue.status)
        self._caption.setText(self.tr("Next step:") if targets else
                              self.tr("Transferred to O&M: followed up there."))
        self._caption.show()
        self.note.setVisible(bool(targets))
        blocked: list[str] = []
        for n, target in enumerate(targets):
            action = labels.status_action(issue.status, target)
            button = QPushButton(action.replace("&", "&&"))  # "O&M" is no mnemonic
            button.setObjectName("workflowButton")
            problem = issue_rules.transition_problem(shown, target)
            if problem is not None:
                reason = issue_text.workflow(problem)
                field = str(problem.details.get("field") or "")
                self._blocked[target] = (reason, field)
                button.setProperty("blocked", True)
                button.setToolTip(reason)
                if field:  # the button says what is missing: no line below repeats it
                    button.setText(self.tr("%1 · fill in %2").replace(
                        "%1", action.replace("&", "&&")).replace("%2", labels.field_label(field)))
                else:
                    button.setEnabled(False)  # nothing to fill in: the move is simply not open
                    blocked.append(self.tr("%1: %2").replace("%1", action).replace("%2", reason))
            button.clicked.connect(lambda _c=False, t=target: self._clicked(t))
            self._row.insertWidget(1 + n, button)
            self.buttons[target] = button
        self.reasons.setText("\n".join(blocked))
        self.reasons.setVisible(bool(blocked))

    def _clicked(self, target: IssueStatus) -> None:
        if target in self._blocked:
            field = self._blocked[target][1]
            if field:
                self.field_wanted.emit(field)
            return
        self.move_requested.emit(target)

    def is_blocked(self, target: IssueStatus) -> bool:
        return target in self._blocked

    def reason_for(self, target: IssueStatus) -> str:
        return self._blocked.get(target, ("", ""))[0]

    def note_text(self) -> str:
        return self.note.text().strip()

    def clear_note(self) -> None:
        self.note.clear()


class ConflictBox(QFrame):
    """Under a field: the competing versions from sync, who wrote each and when."""

    keep_requested = Signal(str, object)  # field, value

    def __init__(self, conflict: FieldConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setObjectName("conflictBox")
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(8)
        heading = QLabel(self.tr("Changed on two computers at once — choose the value to keep:"))
        heading.setObjectName("conflictHeading")
        heading.setWordWrap(True)
        grid.addWidget(heading, 0, 0, 1, 2)
        self.keep_buttons: list[QPushButton] = []
        for row, version in enumerate(conflict.values, start=1):
            value = QLabel(labels.issue_value(conflict.field, version.value))
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            who = QLabel(self._who(version))
            who.setObjectName("muted")
            who.setWordWrap(True)
            keep = QPushButton(self.tr("Keep this"))
            keep.clicked.connect(lambda _c=False, v=version.value:
                                 self.keep_requested.emit(conflict.field, v))
            # Who and when under the value, not beside it: the box sits in one field's
            # half of the form, which is narrow on a 1280-pixel screen.
            version_box = QVBoxLayout()
            version_box.setSpacing(0)
            version_box.addWidget(value)
            version_box.addWidget(who)
            grid.addLayout(version_box, row, 0)
            grid.addWidget(keep, row, 1, Qt.AlignmentFlag.AlignVCenter)
            self.keep_buttons.append(keep)
        grid.setColumnStretch(0, 1)

    def _who(self, version: ConflictValue) -> str:
        return f"{version.author} · {local_minute(version.at)}"


class DeletedBanner(QFrame):
    """The issue is deleted; after sync, perhaps with edits the delete did not see."""

    restore_requested = Signal()
    keep_deleted_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deletedBanner")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel()
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.restore = QPushButton(self.tr("Restore the issue"))
        self.restore.clicked.connect(self.restore_requested)
        self.keep = QPushButton(self.tr("Keep it deleted"))
        self.keep.clicked.connect(self.keep_deleted_requested)
        row.addWidget(self.restore)
        row.addWidget(self.keep)
        self.hide()

    def set_issue(self, issue: Issue | None) -> None:
        raced = issue is not None and any(c.kind == ConflictKind.DELETE_RESTORE
                                          for c in issue.conflicts)
        if issue is None or not (issue.deleted or raced):
            self.hide()
            return
        unseen = [c for c in issue.conflicts if c.kind == ConflictKind.EDITED_AFTER_DELETE]
        if raced:
            self.text.setText(self.tr(
                "This issue was deleted on one computer and restored on another, neither "
                "seeing the other. Restore it, or keep it deleted?"))
        elif unseen:
            fields = "、".join(sorted({labels.field_label(c.field) for c in unseen}))
            self.text.setText(self.tr(
                "This issue was deleted, but another computer edited it (%1) without seeing "
                "the delete. Restore it, or keep it deleted?").replace("%1", fields))
        else:
            self.text.setText(self.tr("This issue is deleted. Restore it to work on it again."))
        self.keep.setVisible(bool(unseen) or raced)
        self.show()


def field_conflicts(issue: Issue) -> list[FieldConflict]:
    return [c for c in issue.conflicts if c.kind == ConflictKind.FIELD]


