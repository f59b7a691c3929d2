"""Issue records: the problem record form, the register, the workflow, search.

Plain values in (codes or enums, ISO dates or date objects), read models and
``Changes`` out. Every change is an op appended through a unit of work; see
:mod:`golive_desk.services.issue_writer` for what each use case writes.
"""

from __future__ import annotations

import mimetypes
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from golive_desk.domain import issue_rules as rules
from golive_desk.domain import validation
from golive_desk.domain.errors import NotFoundError, ValidationError
from golive_desk.domain.issues import (
    SLA_SORT,
    Attachment,
    Issue,
    IssueQuery,
    IssueStatus,
    RegisterRow,
    Severity,
    TimelineEntry,
)
from golive_desk.domain.models import Changes, Project
from golive_desk.domain.sla import SlaState
from golive_desk.services.issue_writer import IssueWriter, local_now
from golive_desk.services.sla import SlaService
from golive_desk.storage import issue_queries as q
from golive_desk.storage import issue_reads as reads
from golive_desk.storage import local_node, queries
from golive_desk.storage.blobs import BlobInfo, BlobStore, Staging
from golive_desk.storage.engine import Store, Tx
from golive_desk.storage.unit_of_work import unit_of_work


def _changes(issue_id: str, *entities: str) -> Changes:
    return Changes(frozenset({"issue", *entities}), frozenset({issue_id}))


class IssueService:
    """Create, edit, move, annotate, attach, find and list issues."""

    def __init__(self, store: Store, *, now: Callable[[], datetime] = local_now,
                 today: Callable[[], date] = date.today, sla: SlaService | None = None) -> None:
        self._store = store
        self._sla = sla or SlaService(store, now=now)
        self._now = now
        self._today = today
        self.blobs = BlobStore(store.blob_dir)

    # -- projects' module lists ------------------------------------------------
    @staticmethod
    def _project(tx: Tx, code: str) -> Project:
        project = queries.find_project(tx, code.strip().upper())
        if project is None:
            raise NotFoundError(f"no project {code}", code=code)
        return project

    def modules(self, project_code: str) -> tuple[str, ...]:
        """The project's modules (总账, 应收 … unless the project set its own)."""
        with self._store.read() as tx:
            return q.project_modules(tx, self._project(tx, project_code).id)

    def set_modules(self, project_code: str, modules: Sequence[str]) -> Changes:
        """Replace the project's module list (issues keep the module they have)."""
        names = rules.clean_modules(modules)
        with unit_of_work(self._store) as uow:
            project = self._project(uow.conn, project_code)
            uow.set("project", project.id, "modules", "\n".join(names))
        return Changes.of("project", project.id)

    # -- writing ------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[IssueWriter]:
        """Many changes in one transaction (the demo, imports): all or nothing."""
        with unit_of_work(self._store) as uow:
            yield IssueWriter(uow, self._now)

    def default_expected_by(self, project_code: str, severity: Severity | str,
                            reported: datetime) -> date:
        """The expected-by date a new issue gets when none is typed: the day the
        project's SLA resolution target runs out (what the form shows before saving)."""
        wanted = rules.parse_enum("severity", Severity, severity)
        with self._store.read() as tx:
            rule = SlaService.expected_by_rule(tx, self._project(tx, project_code).id)
        return rule(wanted, reported)

    def validate(self, project_code: str, values: Mapping[str, object]) -> list[ValidationError]:
        """Every field problem of a form's values at once (nothing is saved)."""
        return rules.collect_errors(values, self.modules(project_code))

    def create(self, project_code: str, values: Mapping[str, object]) -> tuple[Issue, Changes]:
        """Record a new issue; ``values`` maps field names (see EDITABLE_FIELDS) to values.

        Raises:
            NotFoundError: no such project.
            ValidationError: an empty title, an unknown module or code, a bad date, an
                expected-by date before the report date.

        Without an expected-by date, it defaults from the project's SLA policy
        (the day the severity's resolution target runs out, in working time).
        """
        with self.batch() as writer:
            project = writer.project(project_code)
            issue_id = writer.create(project, values, policy_expected_by=True)
            issue = writer.issue(issue_id)
        return issue, _changes(issue_id)

    def update(self, number: str, changes: Mapping[str, object],
               seen: Mapping[str, tuple[str, ...]] | None = None, *,
               resolve: bool = False) -> tuple[Issue, Changes]:
        """Edit fields: one op per field that really changed.

        ``seen`` is ``Issue.versions`` of the read the editor showed: a field
        that changed since then (an import arrived) keeps the other value in
        conflict with this one. Without it, a field in conflict is refused, unless
        ``resolve``: then the given value settles the conflict (``issue set --resolve``).

        Raises:
            NotFoundError, ValidationError, WorkflowError (deleted issue; a field in
            conflict, ``reason="conflict"``).
        """
        issue = self.get(number, full=False)
        with self.batch() as writer:
            writer.update(issue, changes, seen, resolve=resolve)
        return self.get(number), _changes(issue.id)

    def change_status(self, number: str, status: IssueStatus | str, note: str = "",
                      updates: Mapping[str, object] | None = None,
                      seen: Mapping[str, tuple[str, ...]] | None = None,
                      whom: str = "") -> tuple[Issue, Changes]:
        """Move the issue through the workflow, with an optional note for the timeline
        (``whom``: who takes it on, a transfer's owner).

        Raises:
            WorkflowError: the move is not allowed; the message and ``reason`` say why.
        """
        issue = self.get(number, full=False)
        with self.batch() as writer:
            writer.change_status(issue, status, note, updates, seen, whom)
        return self.get(number), _changes(issue.id, "timeline_entry")

    def change_status_many(self, numbers: Sequence[str], status: IssueStatus | str,
                           note: str = "", whom: str = "") -> list[Issue]:
        """The same move for several issues in one transaction: all or none.

        Raises:
            WorkflowError: one move is not allowed (nothing is written).
            NotFoundError: a number names no issue.
        """
        found = [self.get(n, full=False) for n in numbers]
        with self.batch() as writer:
            for issue in found:
                writer.change_status(issue, status, note, whom=whom)
        return [self.get(i.number) for i in found]

    def add_entry(self, number: str, kind: str, text: str = "", *, channel: str | None = None,
                  whom: str = "", at: object = None) -> tuple[TimelineEntry, Changes]:
        """Append a note, customer notice (channel + whom), escalation, branch test, …"""
        issue = self.get(number, full=False)
        with self.batch() as writer:
            entry_id = writer.add_entry(issue, kind, text, channel=channel, whom=whom, at=at)
        entry = next(e for e in self.get(number).timeline if e.id == entry_id)
        return entry, _changes(issue.id, "timeline_entry")

    def attach_file(self, number: str, path: Path) -> tuple[Attachment, Changes]:
        """Attach a file, copied into the store's blob folder.

        Raises:
            FileTooLargeError: 50 MB or more. FileUnreadableError: missing or unreadable.
        """
        issue = self.get(number, full=False)
        # A name that is not UTF-8 (bytes from another system's disk) is kept
        # readable: each such byte becomes U+FFFD.
        name = validation.readable(Path(path).name)
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return self._attach(issue, name, mime, lambda staged: staged.put_file(Path(path)))

    def attach_bytes(self, number: str, name: str, data: bytes,
                     mime: str = "image/png") -> tuple[Attachment, Changes]:
        """Attach bytes, such as a screenshot pasted from the clipboard."""
        issue = self.get(number, full=False)
        return self._attach(issue, validation.readable(name), mime,
                            lambda staged: staged.put_bytes(data, name))

    def _attach(self, issue: Issue, name: str, mime: str,
                put: Callable[[Staging], BlobInfo]) -> tuple[Attachment, Changes]:
        # The file is staged, then the op written; the file moves into place only
        # when the op committed, so a refused op leaves no file behind.
        with self.blobs.staging() as staged:
            blob = put(staged)
            with self.batch() as writer:
                attachment_id = writer.attach(issue, name, blob, mime)
        with self._store.read() as tx:
            attachment = reads.attachment(tx, attachment_id)
        assert attachment is not None
        return attachment, _changes(issue.id, "attachment")

    def remove_attachment(self, attachment_id: str) -> Changes:
        with self.batch() as writer:
            issue_id = writer.remove_attachment(attachment_id)
        return _changes(issue_id, "attachment")

    def blob_path(self, sha256: str) -> Path:
        """Where an attachment's content is (to open it or draw a thumbnail)."""
        return self.blobs.path_for(sha256)

    def delete(self, number: str) -> Changes:
        issue = self.get(number, full=False)
        with self.batch() as writer:
            writer.delete(issue)
        return _changes(issue.id)

    def restore(self, number: str) -> Changes:
        issue = self.get(number, full=False)
        with self.batch() as writer:
            writer.restore(issue)
        return _changes(issue.id)

    def resolve_conflict(self, number: str, field: str,
                         value: object) -> tuple[Issue, Changes]:
        """Keep ``value`` for a conflicting field; every store converges on it."""
        issue = self.get(number, full=False)
        with self.batch() as writer:
            writer.resolve_conflict(issue, field, value)
        return self.get(number), _changes(issue.id, "timeline_entry")

    # -- reading ----------------------------------------------------------------
    def get(self, number: str, *, full: bool = True) -> Issue:
        """The issue with this number, deleted or not; ``full`` adds timeline etc.

        Raises:
            NotFoundError: no issue has this number.
        """
        with self._store.read() as tx:
            issue = reads.issue_by_number(tx, number.strip().upper())
            if issue is None:
                raise NotFoundError(f"no issue {number}", number=number)
            return reads.with_details(tx, issue) if full else issue

    def get_by_id(self, issue_id: str, *, full: bool = True) -> Issue:
        with self._store.read() as tx:
            issue = reads.issue_by_id(tx, issue_id)
            if issue is None:
                raise NotFoundError(f"no issue with id {issue_id}", id=issue_id)
            return reads.with_details(tx, issue) if full else issue

    def _scope(self, tx: Tx, query: IssueQuery) -> dict[str, Any]:
        """The register query's context: its project's id, who "mine" is, today."""
        project_id = self._project(tx, query.project).id if query.project else None
        me = local_node.user_name(tx)
        return {"me": me, "today": self._today(), "project_id": project_id}

    def list_ids(self, query: IssueQuery, limit: int | None = None) -> list[str]:
        """Ids of the matching issues in the register's order (the table model's rows).

        ``limit``: only the first ids (the register shows its first screen from
        these while the whole list is still being read).
        """
        with self._store.read() as tx:
            scope = self._scope(tx, query)
            if query.sort == SLA_SORT:
                found = self._by_clock(tx, query, scope)
            elif not query.sla:
                return q.register_ids(tx, query, limit=limit, **scope)
            else:
                wanted = self._sla_ids(tx, query, scope["project_id"])
                found = [i for i in q.register_ids(tx, query, **scope) if i in wanted]
        return found if limit is None else found[:limit]

    def _by_clock(self, tx: Tx, query: IssueQuery, scope: dict[str, Any]) -> list[str]:
        """The matching ids by their resolution clock: breached (most overdue first),
        then running clocks by working time left, then stopped ones; ``descending``
        turns it round. Every matching issue's clock is counted once."""
        by_number = replace(query, sort="number", descending=False)
        ids = q.register_ids(tx, by_number, **scope)
        if query.sla:
            wanted = self._sla_ids(tx, query, scope["project_id"])
            ids = [i for i in ids if i in wanted]
        projects = ([scope["project_id"]] if scope["project_id"] is not None
                    else [p.id for p in queries.list_projects(tx)])
        readings = {c.id: c.reading for pid in projects
                    for c in self._sla.clocks_in_project(tx, pid, self._now()).clocks}

        def pressing(issue_id: str) -> tuple[int, int]:
            reading = readings.get(issue_id)
            if reading is None:
                return (2, 0)
            clock = reading.resolution
            return (1 if clock.stopped else 0, clock.left)

        ordered = sorted(ids, key=pressing)  # (stable: by number within a tie)
        return ordered[::-1] if query.descending else ordered

    def _sla_ids(self, tx: Tx, query: IssueQuery, project_id: str | None) -> set[str]:
        """Ids whose SLA clock is in ``query.sla``'s state now (every clock of the projects)."""
        state = SlaState(query.sla)
        projects = ([project_id] if project_id is not None
                    else [p.id for p in queries.list_projects(tx)])
        wanted: set[str] = set()
        for pid in projects:
            wanted |= self._sla.ids_in_state(tx, pid, state, self._now())
        return wanted

    def fetch(self, ids: Sequence[str]) -> list[Issue]:
        """Issues (without timeline) for ``ids``, in that order; unknown ids are left out."""
        with self._store.read() as tx:
            found = {i.id: i for i in reads.issues_by_ids(tx, ids)}
        return [found[i] for i in ids if i in found]

    def register_top(self, query: IssueQuery, limit: int) -> list[RegisterRow]:
        """The register's first ``limit`` rows, ids and columns in one read."""
        if query.sla or query.sort == SLA_SORT:
            return self.register_rows(self.list_ids(query, limit))
        with self._store.read() as tx:
            return reads.register_top(tx, query, limit=limit, **self._scope(tx, query))

    def register_rows(self, ids: Sequence[str]) -> list[RegisterRow]:
        """Register rows for ``ids``, in that order; unknown ids are left out."""
        with self._store.read() as tx:
            found = {r.id: r for r in reads.register_rows(tx, ids)}
        return [found[i] for i in ids if i in found]

    def list_issues(self, query: IssueQuery) -> list[Issue]:
        return self.fetch(self.list_ids(query))

    def counts(self, query: IssueQuery) -> dict[IssueStatus, int]:
        """Issues per status for the side bar (the query's status filter is ignored)."""
        with self._store.read() as tx:
            scope = self._scope(tx, query)
            if query.sla:
                wanted = self._sla_ids(tx, query, scope["project_id"])
                found = Counter(status for issue_id, status in q.id_statuses(tx, query, **scope)
                                if issue_id in wanted)
            else:
                found = Counter(q.status_counts(tx, query, **scope))
        return {s: found.get(s.value, 0) for s in IssueStatus}

    @staticmethod
    def allowed_statuses(issue: Issue) -> dict[IssueStatus, str | None]:
        """Each next status with None when allowed now, or the reason it is not."""
        result: dict[IssueStatus, str | None] = {}
        for target in rules.allowed_targets(issue.status):
            problem = rules.transition_problem(issue, target)
            result[target] = None if problem is None else problem.message
        return result
