"""The issue form (问题记录单): the printed sheet on screen, with its timeline and files.

The form edits a copy: it remembers the values it started from (``base``) and
what differs is what a save writes, what a draft keeps and what the
unsaved-changes guard asks about. Every read and write goes through the task
runner; the slots here only move values between widgets and tasks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.errors import GoLiveError, ValidationError
from golive_desk.domain.issues import Issue, Severity
from golive_desk.domain.models import Changes, Project
from golive_desk.ui.context import UiContext
from golive_desk.ui.issues import text as issue_text
from golive_desk.ui.issues.attachments import AttachmentPanel, clipboard_image
from golive_desk.ui.issues.drafts import Draft, DraftStore, key_for
from golive_desk.ui.issues.expected_hint import ExpectedByHint
from golive_desk.ui.issues.fields import SheetFields, issue_values
from golive_desk.ui.issues.form_work import FormWork
from golive_desk.ui.issues.header import FormHeader
from golive_desk.ui.issues.on_site import OnSiteNote
from golive_desk.ui.issues.timeline import TimelineView
from golive_desk.ui.issues.workflow import ConflictBox, DeletedBanner, field_conflicts
from golive_desk.ui.printing import print_issue_sheets

DRAFT_DELAY_MS = 1500  # after the last keystroke
DRAFT_MAX_WAIT_S = 5.0  # while typing without a pause


class IssueForm(QWidget):
    closed = Signal()
    saved = Signal(object)  # Issue

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.drafts = DraftStore(ctx.dirs.data / "drafts")
        self.open_url = QDesktopServices.openUrl  # tests replace it: no viewer is started
        self.project: Project | None = None
        self.issue: Issue | None = None
        self.seen: dict[str, tuple[str, ...]] = {}
        self.base: dict[str, object] = {}
        self.pending_files: list[Path] = []
        self._written: tuple[object, ...] | None = None  # what the last draft held
        self._dirty_since: datetime | None = None
        self._generation = 0
        self.setObjectName("issueForm")
        self.setAcceptDrops(True)
        self.fields = SheetFields()
        self.on_site = OnSiteNote(ctx)  # under 提出时间: who was on site that day
        self.fields.cells["reported_at"].extra.addWidget(self.on_site)
        self.fields.reported_at.dateChanged.connect(lambda _day: self._show_on_site())
        # A new issue's expected-by field shows the date the SLA policy will give it.
        self.expected_hint = ExpectedByHint(ctx, self.fields.expected_by)
        self.timeline = TimelineView()
        self.attachments = AttachmentPanel()
        self.header = FormHeader()
        # Shorthands for what the form and its tests use most.
        self.workflow = self.header.workflow
        self.state_label = self.header.state_label
        self.save_button = self.header.save_button
        self.number_label = self.header.number_label
        self.status_chip = self.header.status_chip
        self.header.save_button.clicked.connect(self.save)
        self.header.close_button.clicked.connect(self.request_close)
        self.header.print_button.clicked.connect(self.print_sheet)
        self.deleted_banner = DeletedBanner()
        self.work = FormWork(self)
        self._build()
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft_now)
        self.fields.changed.connect(self._edited)
        # Esc is handled in keyPressEvent: it reaches the form from any field that
        # does not use it itself (an open drop-down closes first, as it should).
        for shortcut, slot in ((QKeySequence.StandardKey.Save, self.save),
                               (QKeySequence.StandardKey.Paste, self.work.paste_screenshot)):
            QShortcut(shortcut, self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for editor in self.findChildren(QWidget):
            if editor.inherits("QLineEdit") or editor.inherits("QPlainTextEdit"):
                editor.installEventFilter(self)

    # -- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 14, 20, 14)
        outer.setSpacing(8)
        outer.addWidget(self.header)
        outer.addWidget(self.deleted_banner)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        scroll = self.sheet_scroll = QScrollArea()
        scroll.setObjectName("sheetScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.fields)
        splitter.addWidget(scroll)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(8, 0, 0, 0)
        column.addWidget(self.timeline, 1)
        column.addWidget(self.attachments)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 440])
        outer.addWidget(splitter, 1)
        self.workflow.move_requested.connect(self.work.move)
        self.workflow.field_wanted.connect(self.go_to_field)
        self.timeline.add_requested.connect(self.work.add_entry)
        self.attachments.add_requested.connect(self.work.add_files)
        self.attachments.paste_requested.connect(self.work.paste_screenshot)
        self.attachments.files_dropped.connect(self.work.attach_paths)
        self.attachments.image_dropped.connect(self.work.attach_image)
        self.attachments.open_requested.connect(self.work.open_attachment)
        self.attachments.remove_requested.connect(self.work.remove_attachment)
        self.deleted_banner.restore_requested.connect(self.work.restore)
        self.deleted_banner.keep_deleted_requested.connect(self.work.keep_deleted)

    # -- opening -----------------------------------------------------------------------
    @property
    def draft_key(self) -> str:
        return key_for(self.issue.id if self.issue else None,
                       self.project.code if self.project else "")

    def open_issue(self, project: Project, issue_id: str) -> None:
        """Show the issue (read on the worker) and offer its draft, if one was left."""
        self.project = project
        self._generation += 1
        generation = self._generation
        service, drafts = self.ctx.services.issues, self.drafts

        def read() -> tuple[Issue, Draft | None]:
            return service.get_by_id(issue_id), drafts.load(issue_id)

        self.ctx.runner.run(read, lambda r: self._opened(generation, *r), self._load_failed)

    def new_issue(self, project: Project) -> None:
        """An empty sheet with today's defaults; a draft of an unsaved new issue is offered."""
        self.project = project
        self.issue = None
        self._generation += 1
        generation = self._generation
        defaults: dict[str, object] = {
            "title": "", "description": "", "module": "", "function": "",
            "category": "operation_error", "severity": Severity.MEDIUM.value, "mode": "onsite",
            "reporter": "", "reporter_dept": "",
            "reported_at": QDateTime.currentDateTime().toString("yyyy-MM-dd'T'HH:mm"),
            "expected_by": None, "assignee": self.ctx.user.name, "cause": "", "proposal": "",
            "resolution": "", "result": "", "confirmed_by": "", "confirmed_at": None,
            "maintenance_note": False,
        }
        self._show(None, defaults)
        drafts, key = self.drafts, self.draft_key
        self.ctx.runner.run(lambda: drafts.load(key),
                            lambda draft: self._offer_draft(generation, draft))
        self.fields.title.setFocus()

    def _opened(self, generation: int, issue: Issue, draft: Draft | None) -> None:
        if generation != self._generation:
            return
        self._show(issue, issue_values(issue))
        self.fields.title.setFocus()
        self._offer_draft(generation, draft)

    def _load_failed(self, err: GoLiveError) -> None:
        self.ctx.prompter.error(self, self.tr("Issue"), issue_text.error(err))
        self._close()

    def _show(self, issue: Issue | None, base: dict[str, object]) -> None:
        """Show ``issue`` with ``base`` as its saved values; fields the user changed stay."""
        keep = self.dirty_values() if self.base else {}
        # A field the user is typing in keeps the versions seen when they began: a
        # reload (an import arrived) must not make their save supersede a value
        # they never saw. The other fields now show, and have seen, the new ones.
        earlier = self.seen
        self.seen = dict(issue.versions) if issue is not None else {}
        self.seen.update({f: earlier[f] for f in keep if f in earlier})
        self.issue = issue
        self.base = dict(base)
        if issue is None or not self.base:
            self.pending_files = [] if issue is not None else self.pending_files
        self.fields.set_values({**base, **keep})
        self.fields.clear_errors()
        read_only = issue is not None and issue.deleted
        self.fields.set_read_only(read_only)
        self.timeline.set_entries(issue.timeline if issue else ())
        writable = issue is not None and not issue.deleted
        self.timeline.set_writable(writable, "" if issue else self.tr(
            "Save the issue first; then its timeline starts here."))
        self.deleted_banner.set_issue(issue)
        self.attachments.set_writable(not read_only)
        self.work.show_attachments()
        self._show_conflicts(issue)
        self._refresh_header()
        self._show_on_site()
        self._show_expected_hint()

    def _show_expected_hint(self) -> None:
        if self.issue is not None or self.project is None:
            self.expected_hint.show_for(None, None, None)
            return
        values = self.fields.values()
        reported = self.fields.reported_at.dateTime().toPython()
        severity = values.get("severity")
        self.expected_hint.show_for(self.project.code, str(severity) if severity else None,
                                    reported.replace(second=0, microsecond=0)
                                    if isinstance(reported, datetime) else None)

    def _show_on_site(self) -> None:
        shown = self.fields.reported_at.date()
        self.on_site.show_day(self.project.code if self.project else None,
                              date(shown.year(), shown.month(), shown.day()))

    def _offer_draft(self, generation: int, draft: Draft | None) -> None:
        if generation != self._generation or draft is None:
            return
        current = self.fields.values()
        wanted = {k: v for k, v in draft.values.items() if k in current and current[k] != v}
        files = [Path(f) for f in draft.files if Path(f) not in self.pending_files]
        if not wanted and not files:
            return
        when = draft.saved_at.replace("T", " ")[:16]
        what = self.issue.number if self.issue else self.tr("a new issue")
        if self.ctx.prompter.confirm(self, self.tr("Unsaved changes"), self.tr(
                "Changes to %1 were not saved (autosaved %2). Restore them?")
                .replace("%1", what).replace("%2", when)):
            self.fields.set_values(wanted)
            self.seen.update({f: v for f, v in draft.seen.items() if f in wanted})
            self.pending_files.extend(files)
            self._written = None
            self.work.show_attachments()
            self._edited()
        else:
            self.ctx.runner.run(lambda: self.drafts.delete(draft.key))

    # -- state -------------------------------------------------------------------------
    def dirty_values(self) -> dict[str, object]:
        current = self.fields.values()
        return {k: v for k, v in current.items() if self.base.get(k) != v}

    def seen_for(self, fields: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """The versions the user saw of ``fields`` (what a save of them supersedes)."""
        return {f: self.seen[f] for f in fields if f in self.seen}

    def is_dirty(self) -> bool:
        return bool(self.pending_files) or bool(self.dirty_values())

    def _edited(self) -> None:
        self._refresh_header()
        self._show_expected_hint()
        now = datetime.now()
        if self._dirty_since is None:
            self._dirty_since = now
        if (now - self._dirty_since).total_seconds() >= DRAFT_MAX_WAIT_S:
            self.write_draft_now()
        else:
            self._draft_timer.start()

    def _refresh_header(self) -> None:
        self.header.show_state(self.issue, self.fields.values(), self.project, self.is_dirty())

    def _show_conflicts(self, issue: Issue | None) -> None:
        for box in self.findChildren(ConflictBox):
            box.setParent(None)
            box.deleteLater()
        for conflict in field_conflicts(issue) if issue else []:
            box = ConflictBox(conflict)
            box.keep_requested.connect(self.work.keep_version)
            cell = self.fields.cells.get(conflict.field)
            if cell is not None:
                cell.extra.addWidget(box)
            else:  # status: shown in the header, beside the workflow
                self.header.conflicts.addWidget(box)

    def conflict_boxes(self) -> list[ConflictBox]:
        return self.findChildren(ConflictBox)

    def show_errors(self, errors: list[ValidationError]) -> None:
        self.fields.clear_errors()
        for err in errors:
            cell = self.fields.cells.get(err.field)
            if cell is not None:
                cell.show_error(issue_text.validation(err))
            else:
                self.ctx.prompter.warn(self, self.tr("Issue"), issue_text.validation(err))
        first = next((self.fields.cells[e.field] for e in errors
                      if e.field in self.fields.cells), None)
        if first is not None:
            first.editor.setFocus()

    def go_to_field(self, field: str) -> None:
        """Scroll the sheet to ``field`` and put the cursor in it (a blocked step's click)."""
        cell = self.fields.cells.get(field)
        if cell is None:
            return
        self.sheet_scroll.ensureWidgetVisible(cell, 0, 24)
        cell.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, field: str) -> str:
        return self.fields.cells[field].error_text()

    # -- drafts --------------------------------------------------------------------------
    def write_draft_now(self) -> None:
        """Write the unsaved part of the form to its draft file (on the worker)."""
        self._draft_timer.stop()
        self._dirty_since = None
        if self.project is None:
            return
        dirty = self.dirty_values()
        files = tuple(str(p) for p in self.pending_files)
        snapshot = (self.draft_key, tuple(sorted(dirty.items(), key=lambda kv: kv[0])), files)
        if snapshot == self._written:
            return
        self._written = snapshot
        drafts, key = self.drafts, self.draft_key
        if not dirty and not files:
            self.ctx.runner.run(lambda: drafts.delete(key))
            return
        issue = self.issue
        draft = Draft(key=key, project=self.project.code, values=dirty,
                      number=issue.number if issue else "",
                      base_updated_at=issue.updated_at if issue else "", files=files,
                      seen=self.seen_for(dirty))
        self.ctx.runner.run(lambda: drafts.save(draft))
        self.state_label.setText(self.tr("Unsaved changes · draft kept %1")
                                 .replace("%1", datetime.now().strftime("%H:%M:%S")))

    # -- saving and closing --------------------------------------------------------------
    def save(self) -> None:
        self.work.save(close_after=False)

    def print_sheet(self) -> None:
        """The printed 问题记录单 of this issue, as saved (save first to print edits)."""
        if self.issue is not None:
            print_issue_sheets(self.ctx, self, [self.issue.number])

    def saved_as(self, issue: Issue) -> None:
        """A save (or a move) wrote ``issue``: it is the new base, the draft is gone."""
        self._written = None
        self.pending_files = []
        self.base = {}
        self._show(issue, issue_values(issue))
        self.saved.emit(issue)

    def request_close(self) -> None:
        """Esc / Close: leave the form, asking first when something is unsaved."""
        if not self.is_dirty():
            self._close(delete_draft=True)
            return
        answer = self.ctx.prompter.ask_save_discard_cancel(
            self, self.tr("Unsaved changes"),
            self.tr("%1 has unsaved changes. Save them?").replace(
                "%1", self.issue.number if self.issue else self.tr("The new issue")))
        if answer == "save":
            self.work.save(close_after=True)
        elif answer == "discard":
            self._close(delete_draft=True)

    def close_keeping_draft(self) -> None:
        """Leave without asking (switching project); the draft is offered next time."""
        if self.is_dirty():
            self.write_draft_now()
        self._close()

    def _close(self, *, delete_draft: bool = False) -> None:
        self._draft_timer.stop()
        self._generation += 1
        if delete_draft and self.project is not None:
            drafts, key = self.drafts, self.draft_key
            self.ctx.runner.run(lambda: drafts.delete(key))
        self.issue = None
        self.base = {}
        self.pending_files = []
        self._written = None
        self.closed.emit()

    def apply_changes(self, changes: Changes) -> None:
        """Re-read the shown issue when a write touched it (ours, or from sync)."""
        issue = self.issue
        if issue is None or (not self.isVisible() and not self.base):
            return
        if changes.ids and issue.id not in changes.ids:
            return
        self.open_issue_quietly(issue.id)

    def open_issue_quietly(self, issue_id: str) -> None:
        generation = self._generation
        service = self.ctx.services.issues
        self.ctx.runner.run(lambda: service.get_by_id(issue_id),
                            lambda issue: self._reloaded(generation, issue))

    def _reloaded(self, generation: int, issue: Issue) -> None:
        if generation == self._generation and self.issue is not None:
            self._show(issue, issue_values(issue))

    # -- keys and drops ----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.request_close()
            return
        if event.matches(QKeySequence.StandardKey.Save):  # when the shortcut is not active
            self.save()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Text fields take Ctrl+V for text; a clipboard holding only an image
        # (a screenshot) is attached instead of being ignored by the field.
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Paste)):
            data = self._clipboard_has_only_image()
            if data:
                self.work.paste_screenshot()
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _clipboard_has_only_image() -> bool:
        from PySide6.QtWidgets import QApplication

        data = QApplication.clipboard().mimeData()
        return bool(data is not None and data.hasImage() and not data.hasText()
                    and clipboard_image() is not None)

    def dragEnterEvent(self, event: object) -> None:
        self.attachments.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: object) -> None:
        self.attachments.dropEvent(event)  # type: ignore[arg-type]

    def open_path(self, path: Path) -> None:
        self.open_url(QUrl.fromLocalFile(str(path)))
