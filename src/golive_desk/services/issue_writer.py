"""Issue changes inside one unit of work: every change is an op.

:class:`IssueService` opens a unit of work per call and uses this class; the
demo writes a whole project's history through it in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from golive_desk.domain import issue_rules as rules
from golive_desk.domain.enums import Side
from golive_desk.domain.errors import NotFoundError, ValidationError, WorkflowError
from golive_desk.domain.ids import uuid7
from golive_desk.domain.issues import EDITABLE_FIELDS, Issue, IssueStatus, TimelineKind
from golive_desk.domain.merge import distinct_values
from golive_desk.domain.models import Person, Project
from golive_desk.domain.ops import JsonValue
from golive_desk.domain.schema import ISSUE_PERSON_FIELDS
from golive_desk.services.sla import SlaService
from golive_desk.storage import issue_queries as q
from golive_desk.storage import issue_reads as reads
from golive_desk.storage import local_node, queries
from golive_desk.storage.blobs import BlobInfo
from golive_desk.storage.conflicts import delete_conflicts
from golive_desk.storage.projector import heads
from golive_desk.storage.unit_of_work import Seen, UnitOfWork

_TEXT_LIKE = frozenset(EDITABLE_FIELDS) - {"expected_by", "confirmed_at", "maintenance_note"}


def local_now() -> datetime:
    """Local wall time: what a consultant on site writes on the paper sheet."""
    return datetime.now()


class IssueWriter:
    """Appends the ops of issue use cases to one unit of work."""

    def __init__(self, uow: UnitOfWork, now: Callable[[], datetime] = local_now) -> None:
        self.uow = uow
        self.now = now
        self._tx = uow.conn  # handed to storage functions only
        self._initials: str | None = None
        self._members: dict[str, list[Person]] = {}

    # -- reading inside the transaction ------------------------------------
    def issue(self, issue_id: str) -> Issue:
        found = reads.issue_by_id(self._tx, issue_id)
        if found is None:
            raise NotFoundError(f"no issue with id {issue_id}", id=issue_id)
        return found

    def live(self, issue: Issue) -> Issue:
        """``issue`` as it is now, refusing a deleted one."""
        return self._live(issue).issue

    def _live(self, issue: Issue) -> reads.StoredIssue:
        stored = reads.stored_issue(self._tx, issue.id)
        if stored is None:
            raise NotFoundError(f"no issue with id {issue.id}", id=issue.id)
        if stored.issue.deleted:
            number = stored.issue.number
            raise WorkflowError(f"{number} is deleted; restore it first",
                                reason="deleted", number=number)
        return stored

    def project(self, code: str) -> Project:
        """The live project with this code.

        Raises:
            NotFoundError: no such project.
        """
        project = queries.find_project(self._tx, code.strip().upper())
        if project is None:
            raise NotFoundError(f"no project {code}", code=code)
        return project

    def modules(self, project_id: str) -> tuple[str, ...]:
        return q.project_modules(self._tx, project_id)

    def person_ids(self, project_id: str, names: Mapping[str, JsonValue]
                   ) -> dict[str, JsonValue]:
        """For each of ``assignee``/``reporter`` in ``names``, the id field and the person
        of that name among the project's members (None: a free name).

        The assignee is looked for on the vendor side first, the reporter on the
        customer side first; of two namesakes the older person wins.
        """
        found: dict[str, JsonValue] = {}
        for name_field, id_field in ISSUE_PERSON_FIELDS.items():
            if name_field not in names:
                continue
            name = names[name_field]
            side = Side.VENDOR if name_field == "assignee" else Side.CUSTOMER
            if project_id not in self._members:
                self._members[project_id] = queries.people_of(self._tx, project_id)
            matches = sorted((p.side != side, p.id) for p in self._members[project_id]
                             if name and p.name == name)
            found[id_field] = matches[0][1] if matches else None
        return found

    def initials(self) -> str:
        if self._initials is None:
            self._initials = local_node.user_initials(self._tx)
        return self._initials

    # -- use cases -----------------------------------------------------------
    def create(self, project: Project, values: Mapping[str, object], *,
               policy_expected_by: bool = False) -> str:
        """Create an issue in ``project``; returns its id. The number is given here, once.

        ``policy_expected_by``: without an expected-by date, take the day the
        project's SLA resolution target runs out (a new issue recorded by hand;
        an import keeps what the file says).
        """
        default = (SlaService.expected_by_rule(self._tx, project.id) if policy_expected_by
                   else None)
        clean = rules.new_issue_values(values, self.modules(project.id), self.now(), default)
        clean.update(self.person_ids(project.id, clean))
        while True:  # skip numbers taken by issues imported from a namesake's store
            counter = q.next_counter(self._tx, f"issue:{project.id}")
            number = rules.issue_number(project.code, self.initials(), counter)
            if not q.number_taken(self._tx, number):
                break
        issue_id = uuid7()
        self.uow.create("issue", issue_id, {
            "project_id": project.id, "number": number,
            "status": IssueStatus.NEW.value, **clean,
        }, depends_on=(self.uow.created_op(project.id),))
        return issue_id

    def update(self, issue: Issue, changes: Mapping[str, object],
               seen: Seen | None = None, *, resolve: bool = False) -> list[str]:
        """Set the fields whose value differs; returns the names of those that changed.

        ``seen``: the versions the editor loaded (see ``unit_of_work``); without
        it a field in conflict is refused rather than silently settled, unless
        ``resolve`` says the user chose this value over every version.
        """
        stored = self._live(issue)
        issue_id, held = stored.issue.id, stored.values
        clean = rules.normalize_fields(changes, self.modules(stored.issue.project_id))
        clean.update(self.person_ids(stored.issue.project_id, clean))
        merged: dict[str, JsonValue] = {f: held[f] for f in
                                        ("reported_at", "expected_by", "confirmed_at")}
        merged.update({f: v for f, v in clean.items() if f in merged})
        rules.check_dates(merged)
        changed: list[str] = []
        for field, value in clean.items():
            if resolve and distinct_values(
                    v.value for v in heads(self._tx, issue_id, field)) > 1:
                self.uow.resolve("issue", issue_id, field, value)
                changed.append(field)
                continue
            old = held[field]
            if old == value or (field in _TEXT_LIKE and (old or "") == (value or "")):
                continue
            self.uow.set("issue", issue_id, field, value,
                         seen=seen.get(field) if seen is not None else None)
            changed.append(field)
        return changed

    def change_status(self, issue: Issue, target: IssueStatus | str, note: str = "",
                      updates: Mapping[str, object] | None = None,
                      seen: Seen | None = None, whom: str = "") -> None:
        """Move through the workflow; ``updates`` (e.g. the resolution) are saved first,
        superseding the versions in ``seen`` (see :meth:`update`). ``whom`` names who
        takes the issue on (a transfer's owner in the O&M department)."""
        wanted = rules.parse_status(target)
        if updates:
            self.update(issue, updates, seen)
        current = self.live(issue)
        rules.check_transition(current, wanted)
        self.uow.set("issue", current.id, "status", wanted.value)
        for field, value in rules.fields_reset_on(current.status, wanted).items():
            if getattr(current, field) not in (None, ""):
                self.uow.set("issue", current.id, field, value)
        self._status_entry(current, current.status, wanted, note, whom)

    def set_imported_status(self, issue_id: str, status: IssueStatus) -> None:
        """Give an issue just created from a customer's list the status the list says.

        Not :meth:`change_status`: the list records where the issue already is, so
        the workflow's checks (new → closed is no step; closing needs a
        confirmation the list may not carry) and its side effects (a reopen's
        cleared confirmation) do not apply. What stays the same is the record: a
        plain set of the status field and the status-change line on the timeline.
        """
        if status == IssueStatus.NEW:
            return
        current = self.live(self.issue(issue_id))
        self.uow.set("issue", current.id, "status", status.value)
        self._status_entry(current, current.status, status, "")

    def _status_entry(self, issue: Issue, old: IssueStatus, new: IssueStatus,
                      note: str, whom: str = "") -> str:
        values = {"kind": TimelineKind.STATUS_CHANGE.value,
                  "text": rules.clean_text("note", note, rules.TEXT_MAX),
                  "channel": None, "whom": rules.clean_text("whom", whom, rules.TITLE_MAX),
                  "at": rules.parse_datetime_value("at", self.now()),
                  "from_status": old.value, "to_status": new.value}
        return self._append_entry(issue, values)

    def add_entry(self, issue: Issue, kind: str, text: str = "", *, channel: str | None = None,
                  whom: str = "", at: object = None) -> str:
        """Append a hand-written timeline entry; returns its id."""
        current = self.live(issue)
        values = rules.normalize_entry(kind, text, channel, whom, at, self.now())
        return self._append_entry(current, values)

    def _append_entry(self, issue: Issue, values: dict[str, JsonValue]) -> str:
        entry_id = uuid7()
        self.uow.create("timeline_entry", entry_id, {"issue_id": issue.id, **values},
                        depends_on=(self.uow.created_op(issue.id),))
        return entry_id

    def attach(self, issue: Issue, name: str, blob: BlobInfo, mime: str) -> str:
        current = self.live(issue)
        clean_name = name.strip()[:rules.TITLE_MAX] or "attachment"
        attachment_id = uuid7()
        self.uow.create("attachment", attachment_id, {
            "issue_id": current.id, "name": clean_name, "sha256": blob.sha256,
            "size": blob.size, "mime": mime,
        }, depends_on=(self.uow.created_op(current.id),))
        return attachment_id

    def remove_attachment(self, attachment_id: str) -> str:
        issue_id = q.live_attachment_issue(self._tx, attachment_id)
        if issue_id is None:
            raise NotFoundError(f"no attachment {attachment_id}", id=attachment_id)
        self.uow.delete("attachment", attachment_id)
        return issue_id

    def delete(self, issue: Issue) -> None:
        """Delete, naming everything seen: that also settles a conflict of the record's
        delete (an edit or a note it did not see, or a concurrent restore)."""
        current = self.issue(issue.id)
        if current.deleted and not self._delete_in_conflict(current.id):
            raise WorkflowError(f"{current.number} is already deleted", reason="already_deleted",
                                number=current.number)
        self.uow.delete("issue", current.id)

    def restore(self, issue: Issue) -> None:
        current = self.issue(issue.id)
        if not current.deleted and not self._delete_in_conflict(current.id):
            raise WorkflowError(f"{current.number} is not deleted", reason="not_deleted",
                                number=current.number)
        self.uow.restore("issue", current.id)

    def _delete_in_conflict(self, issue_id: str) -> bool:
        return bool(delete_conflicts(self._tx, [issue_id]))

    def resolve_conflict(self, issue: Issue, field: str, value: object) -> None:
        """Settle a field conflict: one set naming every current version in ``prev``."""
        current = self.issue(issue.id)
        versions = heads(self._tx, current.id, field)
        if distinct_values(v.value for v in versions) < 2:
            raise WorkflowError(f"{current.number} has no conflict on {field}",
                                reason="no_conflict", number=current.number, field=field)
        if field == "status":
            clean: JsonValue = rules.parse_status(value).value
        elif field in EDITABLE_FIELDS:
            clean = rules.normalize_field(field, value, self.modules(current.project_id))
        elif field in ISSUE_PERSON_FIELDS.values():  # (settled with its name, as a rule)
            clean = str(value) if value else None
        else:
            raise ValidationError(field, f"{field} cannot be resolved here", rule="read_only")
        self.uow.resolve("issue", current.id, field, clean)
        names = {field: clean} if field in ISSUE_PERSON_FIELDS else {}
        for id_field, person in self.person_ids(current.project_id, names).items():
            if distinct_values(v.value for v in heads(self._tx, current.id, id_field)) > 1:
                self.uow.resolve("issue", current.id, id_field, person)
            elif getattr(current, id_field) != person:
                self.uow.set("issue", current.id, id_field, person)
        if field == "status":
            self._status_entry(current, current.status, IssueStatus(str(clean)),
                               "conflict resolved")
