"""What the issue form asks the services to do: each action is one task on the runner.

Kept apart from the form's layout so each file stays readable; the form owns
one :class:`FormWork` and connects its buttons to these methods.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt
from PySide6.QtGui import QImage

from golive_desk.domain.errors import (
    FileUnreadableError,
    GoLiveError,
    ValidationError,
    WorkflowError,
)
from golive_desk.domain.issues import IssueStatus
from golive_desk.domain.models import Changes
from golive_desk.ui.issues import text as issue_text
from golive_desk.ui.issues.attachments import THUMB, AttachmentItem, clipboard_image

if TYPE_CHECKING:
    from golive_desk.ui.issues.form import IssueForm

_DATE_FIELDS = frozenset({"reported_at", "expected_by", "confirmed_at"})


def png_bytes(image: QImage) -> bytes:
    """Encode in memory; runs on the worker (a full-screen PNG takes tens of ms)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # stubs say bytes; only str works
    buffer.close()
    return bytes(data.data())


def thumbnail(path: Path) -> QImage:
    """A small picture of an image file (QImage may be made off the GUI thread)."""
    image = QImage(str(path))
    if image.isNull():
        return image
    return image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


class FormWork(QObject):
    def __init__(self, form: IssueForm) -> None:
        super().__init__(form)
        self.form = form
        self.busy = False
        self._thumbs: dict[str, QImage] = {}

    @property
    def _service(self):  # type: ignore[no-untyped-def]
        return self.form.ctx.services.issues

    def _run(self, fn: object, on_done: object, on_error: object = None) -> None:
        self.form.ctx.runner.run(fn, on_done, on_error or self._failed)  # type: ignore[arg-type]

    def _failed(self, err: GoLiveError) -> None:
        self.busy = False
        self.form.save_button.setEnabled(True)
        if isinstance(err, ValidationError) and err.field in self.form.fields.cells:
            self.form.show_errors([err])
        elif isinstance(err, WorkflowError):
            self.form.ctx.prompter.warn(self.form, self.tr("Status change"),
                                        issue_text.workflow(err))
        else:
            self.form.ctx.prompter.error(self.form, self.tr("Issue"), issue_text.error(err))

    def _to_check(self, dirty: dict[str, object]) -> dict[str, object]:
        """The dirty fields, plus every date when one changed (they are checked together)."""
        check = dict(dirty)
        if _DATE_FIELDS & dirty.keys():
            values = self.form.fields.values()
            check.update({k: values[k] for k in _DATE_FIELDS})
        return check

    # -- save and move -----------------------------------------------------------------
    def save(self, *, close_after: bool) -> None:
        form = self.form
        if self.busy or form.project is None:
            return
        service, drafts, key = self._service, form.drafts, form.draft_key
        code = form.project.code
        issue = form.issue
        if issue is None:
            values = form.fields.values()
            if not values.get("expected_by"):
                # Left empty: the service takes the day the SLA resolution target runs out.
                values.pop("expected_by", None)
            files = list(form.pending_files)

            def create() -> object:
                errors = service.validate(code, values)
                if errors:
                    return errors
                created, changes = service.create(code, values)
                failed: list[ValidationError] = []
                for path in files:
                    try:
                        changes = changes | service.attach_file(created.number, path)[1]
                    except ValidationError as err:
                        failed.append(err)
                drafts.delete(key)
                return service.get_by_id(created.id), failed, changes

            work = create
        else:
            dirty = form.dirty_values()
            if not dirty:
                if close_after:
                    form._close(delete_draft=True)
                return
            check, number = self._to_check(dirty), issue.number
            seen = form.seen_for(dirty)

            def update() -> object:
                errors = service.validate(code, check)
                if errors:
                    return errors
                updated, changes = service.update(number, dirty, seen)
                drafts.delete(key)
                return updated, [], changes

            work = update
        self.busy = True
        form.save_button.setEnabled(False)
        self._run(work, lambda result: self._saved(result, close_after))

    def _saved(self, result: object, close_after: bool) -> None:
        self.busy = False
        form = self.form
        form.save_button.setEnabled(True)
        if isinstance(result, list):
            form.show_errors(result)
            return
        assert isinstance(result, tuple)
        issue, failed, _changes = result
        form.saved_as(issue)
        if failed:
            form.ctx.prompter.warn(form, self.tr("Attachments"), "\n".join(
                issue_text.validation(err) for err in failed))
        if close_after:
            form._close()

    def move(self, target: IssueStatus) -> None:
        """A workflow button: save what was typed and change the status, in one transaction."""
        form = self.form
        issue = form.issue
        if self.busy or issue is None or form.project is None:
            return
        note = form.workflow.note_text()  # typed beside the buttons: no dialog per step
        dirty = form.dirty_values()
        service, drafts, key = self._service, form.drafts, form.draft_key
        code, number, check = form.project.code, issue.number, self._to_check(dirty)
        seen = form.seen_for(dirty)

        def work() -> object:
            if dirty:
                errors = service.validate(code, check)
                if errors:
                    return errors
            moved, changes = service.change_status(number, target, note, dirty or None, seen)
            drafts.delete(key)
            return moved, [], changes

        def done(result: object) -> None:
            if isinstance(result, tuple):
                form.workflow.clear_note()  # it is on the timeline now
            self._saved(result, False)

        self.busy = True
        self._run(work, done)

    def keep_version(self, field: str, value: object) -> None:
        issue = self.form.issue
        if issue is None:
            return
        service, number = self._service, issue.number
        self._run(lambda: service.resolve_conflict(number, field, value),
                  lambda result: self.form.open_issue_quietly(result[0].id))

    def restore(self) -> None:
        issue = self.form.issue
        if issue is not None:
            service, number = self._service, issue.number
            self._run(lambda: service.restore(number), self._reload)

    def keep_deleted(self) -> None:
        issue = self.form.issue
        if issue is not None:
            service, number = self._service, issue.number
            self._run(lambda: service.delete(number), self._reload)

    def _reload(self, _result: object) -> None:
        if self.form.issue is not None:
            self.form.open_issue_quietly(self.form.issue.id)

    # -- timeline ------------------------------------------------------------------------
    def add_entry(self, kind: str, text: str, channel: object, whom: str) -> None:
        issue = self.form.issue
        if issue is None:
            return
        service, number = self._service, issue.number
        how = str(channel) if channel else None

        def failed(err: GoLiveError) -> None:
            if isinstance(err, ValidationError):
                self.form.timeline.show_error(issue_text.validation(err))
            else:
                self._failed(err)

        self._run(lambda: service.add_entry(number, kind, text, channel=how, whom=whom),
                  lambda _result: self.form.timeline.clear_composer(), failed)

    # -- attachments ---------------------------------------------------------------------
    def show_attachments(self) -> None:
        form = self.form
        items = [AttachmentItem.stored(a) for a in (form.issue.attachments if form.issue else ())]
        items += [AttachmentItem(str(p), p.name, 0, pending_path=str(p))
                  for p in form.pending_files]
        form.attachments.set_items(items)
        wanted: dict[str, tuple[str, str]] = {}
        for item in items:
            if not item.is_image:
                continue
            if item.key in self._thumbs:
                form.attachments.set_thumbnail(item.key, self._thumbs[item.key])
            else:
                wanted[item.key] = (item.sha256, item.pending_path)
        if not wanted:
            return
        service = self._service

        def read() -> dict[str, QImage]:
            return {key: thumbnail(Path(path) if path else service.blob_path(sha))
                    for key, (sha, path) in wanted.items()}

        self._run(read, self._thumbs_arrived)

    def _thumbs_arrived(self, thumbs: dict[str, QImage]) -> None:
        self._thumbs.update(thumbs)
        for key, image in thumbs.items():
            self.form.attachments.set_thumbnail(key, image)

    def add_files(self) -> None:
        paths = self.form.ctx.prompter.open_files(self.form, self.tr("Attach files"),
                                                  self.tr("All files (*)"))
        if paths:
            self.attach_paths(paths)

    def attach_paths(self, paths: list[Path]) -> None:
        form = self.form
        issue = form.issue
        if issue is None:  # a new issue: attached when it is first saved
            form.pending_files.extend(p for p in paths if p not in form.pending_files)
            self.show_attachments()
            form._edited()
            return
        if issue.deleted:
            return
        service, number = self._service, issue.number

        def work() -> tuple[list[ValidationError], Changes]:
            failed: list[ValidationError] = []
            changes = Changes()
            for path in paths:
                try:
                    changes = changes | service.attach_file(number, path)[1]
                except ValidationError as err:
                    failed.append(err)
            return failed, changes

        self._run(work, self._attached)

    def _attached(self, result: tuple[list[ValidationError], Changes]) -> None:
        failed = result[0]
        if failed:
            self.form.ctx.prompter.warn(self.form, self.tr("Attachments"), "\n".join(
                issue_text.validation(err) for err in failed))

    def paste_screenshot(self) -> None:
        image = clipboard_image()
        if image is None:
            self.form.ctx.prompter.info(self.form, self.tr("Paste screenshot"), self.tr(
                "The clipboard holds no image. Take a screenshot first, then press Ctrl+V "
                "in the issue form."))
            return
        self.attach_image(image)

    def attach_image(self, image: QImage) -> None:
        form = self.form
        issue = form.issue
        if issue is not None and issue.deleted:
            return
        name = f"screenshot-{datetime.now():%Y%m%d-%H%M%S}.png"
        picture = image.copy()  # the worker gets its own copy
        if issue is None:
            drafts, key = form.drafts, form.draft_key
            self._run(lambda: drafts.store_bytes(key, name, png_bytes(picture)),
                      lambda path: self.attach_paths([path]))
            return
        service, number = self._service, issue.number
        self._run(lambda: service.attach_bytes(number, name, png_bytes(picture)),
                  lambda _result: None)

    def open_attachment(self, item: AttachmentItem) -> None:
        if item.is_pending:
            self.form.open_path(Path(item.pending_path))
            return
        service = self._service
        folder = self.form.ctx.dirs.data / "opened" / item.sha256[:16]

        def copy() -> Path:
            # Viewers choose by file name, and blobs are named by hash: open a named copy.
            target = folder / Path(item.name).name
            try:
                if not target.exists():
                    folder.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(service.blob_path(item.sha256), target)
            except OSError as exc:
                raise FileUnreadableError("file", f"cannot open {item.name}: {exc}",
                                          name=item.name) from exc
            return target

        self._run(copy, self.form.open_path)

    def remove_attachment(self, item: AttachmentItem) -> None:
        form = self.form
        if item.is_pending:
            form.pending_files = [p for p in form.pending_files if str(p) != item.pending_path]
            self.show_attachments()
            form._edited()
            return
        if not form.ctx.prompter.confirm(form, self.tr("Remove attachment"), self.tr(
                "Remove %1 from this issue?").replace("%1", item.name)):
            return
        service = self._service
        self._run(lambda: service.remove_attachment(item.key), lambda _changes: None)
