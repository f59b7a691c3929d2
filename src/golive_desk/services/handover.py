"""The handover (交接): readiness, transfers, maintenance notes, the support system,
the emergency plan, the exit and summary, the acceptance.

Every step is ops through the unit of work, so the wizard can be left and
resumed and two people on two laptops merge by sync: the handover's own fields
are the project's registers (a same-field edit is a conflict), scenarios and
edited notes records of their own. Readiness is counted by
:func:`golive_desk.domain.handover.readiness` from what the other services read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from golive_desk.domain.enums import ProjectStatus, Role
from golive_desk.domain.errors import NotFoundError, ValidationError
from golive_desk.domain.handover import Criterion, ReadinessThresholds, readiness
from golive_desk.domain.handover_records import (
    HandoverRecord,
    HandoverState,
    MaintenanceNote,
    Scenario,
    SupportSummary,
    Transfer,
    check_exit_day,
    check_sign_off,
    maintenance_notes,
    state_of,
    summarise,
    thresholds_json,
)
from golive_desk.domain.ids import uuid7
from golive_desk.domain.issue_rules import TEXT_MAX, TITLE_MAX, clean_text
from golive_desk.domain.issues import Issue, IssueQuery, IssueStatus
from golive_desk.domain.models import Changes, Person, Project
from golive_desk.domain.support_calendar import (
    FIRST_DAY,
    LAST_DAY,
    Milestone,
    MilestoneKind,
    check_day,
)
from golive_desk.services.calendar import CalendarService
from golive_desk.services.handover_templates import templates
from golive_desk.services.issues import IssueService
from golive_desk.services.projects import ProjectService
from golive_desk.services.sla import SlaService
from golive_desk.storage import handover_queries, queries
from golive_desk.storage.engine import Store
from golive_desk.storage.oplog import utc_now
from golive_desk.storage.unit_of_work import Seen, UnitOfWork, unit_of_work

__all__ = ["CONTACT_ROLES", "HandoverDocument", "HandoverService", "HandoverStatus"]

# The customer's people the support system lists (page 4), in this order.
CONTACT_ROLES: tuple[Role, ...] = (Role.CUSTOMER_PM, Role.KEY_USER, Role.INTERNAL_SUPPORT)
_NOTE_FIELDS = ("module", "symptom", "cause", "solution")
_SCENARIO_FIELDS = ("title", "actions", "contacts", "escalation")
_TEXT_FIELDS = ("handover_override", "handover_lessons", "handover_by", "handover_receiver",
                "accept_customer", "accept_vendor")


@dataclass(frozen=True, slots=True)
class HandoverStatus:
    """What ``handover show`` reports of a project."""

    project: str
    state: str
    readiness: tuple[Criterion, ...]
    untransferred: tuple[str, ...]
    exit_date: date | None
    accepted_at: str | None = None


@dataclass(frozen=True, slots=True)
class HandoverDocument:
    """Everything the printed handover document shows."""

    project: Project
    record: HandoverRecord
    state: HandoverState
    readiness: tuple[Criterion, ...]
    transfers: tuple[Transfer, ...]
    untransferred: tuple[Issue, ...]
    notes: tuple[MaintenanceNote, ...]
    contacts: tuple[Person, ...]
    scenarios: tuple[Scenario, ...]
    exit_date: date | None
    summary: SupportSummary
    today: date


class HandoverService:
    """The handover's reads and writes."""

    def __init__(self, store: Store, *, issues: IssueService | None = None,
                 sla: SlaService | None = None, calendar: CalendarService | None = None,
                 projects: ProjectService | None = None,
                 wall: Callable[[], str] = utc_now) -> None:
        self._store = store
        self._wall = wall
        self._sla = sla or SlaService(store)
        self._issues = issues or IssueService(store, sla=self._sla)
        self._calendar = calendar or CalendarService(store)
        self._projects = projects or ProjectService(store)

    # -- reads ---------------------------------------------------------------------
    def _issues_of(self, project_code: str) -> list[Issue]:
        return self._issues.list_issues(IssueQuery(project=project_code))

    def record(self, project_code: str) -> HandoverRecord:
        """The project's handover fields, with the versions read and any conflicts."""
        project = self._projects.get(project_code)
        with self._store.read() as tx:
            return handover_queries.handover_record(tx, project.id)

    def readiness(self, project_code: str, today: date | None = None,
                  thresholds: ReadinessThresholds | None = None) -> list[Criterion]:
        """The exit criteria on ``today`` (default: today), with the project's thresholds."""
        code = self._projects.get(project_code).code
        chosen = thresholds or self.record(code).thresholds
        return self._readiness(code, self._issues_of(code), today, chosen)

    def _readiness(self, code: str, issues: list[Issue], today: date | None,
                   thresholds: ReadinessThresholds | None) -> list[Criterion]:
        now = datetime.now() if today is None else datetime.combine(today, time(23, 59))
        day = now.date()
        clocks = self._sla.clocks(code, now)
        sla = {c.id: c.reading for c in clocks.clocks}
        slots = self._calendar.slots(code, None, FIRST_DAY, day)
        milestones = self._calendar.milestones(code)
        people = self._projects.people(code)
        return readiness(issues, sla, slots, milestones, people, day, thresholds)

    def untransferred(self, project_code: str) -> list[Issue]:
        """The issues still open: each must be transferred or closed before sign-off."""
        return _still_open(self._issues_of(project_code))

    def transfers(self, project_code: str) -> list[Transfer]:
        project = self._projects.get(project_code)
        with self._store.read() as tx:
            return handover_queries.transfers(tx, project.id)

    def notes(self, project_code: str, search: str = "") -> list[MaintenanceNote]:
        """The maintenance notes (edited ones and flagged resolved issues), those
        containing ``search`` when given."""
        project = self._projects.get(project_code)
        return self._notes(project, self._issues_of(project.code), search)

    def _notes(self, project: Project, issues: list[Issue],
               search: str = "") -> list[MaintenanceNote]:
        with self._store.read() as tx:
            stored = handover_queries.stored_notes(tx, project.id)
        flagged = [i for i in issues if i.maintenance_note]
        return [n for n in maintenance_notes(flagged, stored) if n.matches(search)]

    def contacts(self, project_code: str) -> list[Person]:
        """The customer's PM, key users and internal support staff (the support system)."""
        people = self._projects.people(project_code)
        return sorted((p for p in people if p.role in CONTACT_ROLES),
                      key=lambda p: (CONTACT_ROLES.index(p.role), p.name))

    def scenarios(self, project_code: str) -> list[Scenario]:
        project = self._projects.get(project_code)
        with self._store.read() as tx:
            return handover_queries.scenarios(tx, project.id)

    def exit_date(self, project_code: str) -> date | None:
        """The planned consultant exit (the calendar's milestone)."""
        return _exit_of(self._calendar.milestones(project_code))

    def summary(self, project_code: str) -> SupportSummary:
        """What was supported: issues by category, module, mode; support person-days by
        mode, from go-live to the consultant's exit."""
        code = self._projects.get(project_code).code
        return self._summary(code, self._issues_of(code))

    def _summary(self, code: str, issues: list[Issue]) -> SupportSummary:
        # support after go-live, up to the consultant's exit (slots planned past it are
        # not support the handover document can report)
        project = self._projects.get(code)
        return summarise(issues, self._calendar.slots(code, None, FIRST_DAY, LAST_DAY),
                         first=project.go_live, last=self.exit_date(code))

    def state(self, project_code: str) -> HandoverState:
        project = self._projects.get(project_code)
        return self._state(project.id, self.record(project.code))

    def _state(self, project_id: str, record: HandoverRecord) -> HandoverState:
        with self._store.read() as tx:
            work = handover_queries.has_handover_work(tx, project_id)
        return state_of(record, work)

    def status(self, project_code: str, today: date | None = None) -> HandoverStatus:
        """Readiness, the issues still open (to transfer or close), the exit, the state."""
        project = self._projects.get(project_code)
        code = project.code
        issues = self._issues_of(code)
        record = self.record(code)
        criteria = self._readiness(code, issues, today, record.thresholds)
        open_numbers = tuple(sorted(i.number for i in _still_open(issues)))
        accepted = record.accepted_on.isoformat() if record.accepted_on else None
        return HandoverStatus(code, self._state(project.id, record).value, tuple(criteria),
                              open_numbers, self.exit_date(code), accepted)

    def document(self, project_code: str, today: date | None = None) -> HandoverDocument:
        """What the handover document prints."""
        project = self._projects.get(project_code)
        day = today or date.today()
        issues = self._issues_of(project.code)
        record = self.record(project.code)
        return HandoverDocument(
            project=project, record=record, state=self._state(project.id, record),
            readiness=tuple(self._readiness(project.code, issues, day, record.thresholds)),
            transfers=tuple(self.transfers(project.code)),
            untransferred=tuple(_still_open(issues)),
            notes=tuple(self._notes(project, issues)), contacts=tuple(self.contacts(project.code)),
            scenarios=tuple(self.scenarios(project.code)),
            exit_date=self.exit_date(project.code), summary=self._summary(project.code, issues),
            today=day)

    # -- writes ----------------------------------------------------------------------
    def save_record(self, project_code: str, values: Mapping[str, str],
                    seen: Seen | None = None) -> Changes:
        """Save handover text fields (override reason, lessons, who hands over and
        receives, who signs); only those that differ from the store are written.

        ``seen`` (the versions the editor read) makes an edit that raced an import a
        conflict rather than an overwrite.
        """
        project = self._projects.get(project_code)
        clean = {f: clean_text(f, v, TEXT_MAX if f in ("handover_override",
                                                         "handover_lessons") else TITLE_MAX)
                 for f, v in values.items() if f in _TEXT_FIELDS}
        unknown = set(values) - set(_TEXT_FIELDS)
        if unknown:
            raise ValidationError(sorted(unknown)[0], "not a handover field")
        with unit_of_work(self._store, self._wall) as uow:
            current = handover_queries.handover_record(uow.conn, project.id)
            for name, value in clean.items():
                if getattr(current, name) == value and name not in current.conflicts:
                    continue
                uow.set("project", project.id, name, value or None,
                        seen=seen.get(name) if seen else None)
        return Changes.of("project", project.id)

    def set_thresholds(self, project_code: str, thresholds: ReadinessThresholds) -> Changes:
        project = self._projects.get(project_code)
        with unit_of_work(self._store, self._wall) as uow:
            uow.set("project", project.id, "handover_thresholds", thresholds_json(thresholds))
        return Changes.of("project", project.id)

    def transfer(self, number: str, owner: str, plan: str) -> Issue:
        """Transfer an open issue to the O&M department: ``owner`` follows it up with
        ``plan``. Raises ValidationError (no owner or plan), WorkflowError (not open)."""
        return self.transfer_many([number], owner, plan)[0]

    def transfer_many(self, numbers: Sequence[str], owner: str, plan: str) -> list[Issue]:
        """Bulk transfer: all or nothing."""
        who = clean_text("owner", owner, TITLE_MAX, required=True)
        what = clean_text("plan", plan, TEXT_MAX, required=True)
        return self._issues.change_status_many(numbers, IssueStatus.TRANSFERRED, what, whom=who)

    def save_note(self, project_code: str, note: MaintenanceNote,
                  values: Mapping[str, str]) -> MaintenanceNote:
        """Save an edit of ``note``: the first edit of a note read from its issue
        creates its record; a new note (``id`` and ``issue_id`` None) is added."""
        project = self._projects.get(project_code)
        clean = _note_values(values, note)
        with unit_of_work(self._store, self._wall) as uow:
            if note.id is None:
                note_id = uuid7()
                depends = [uow.created_op(project.id)]
                if note.issue_id:
                    depends.append(uow.created_op(note.issue_id))
                uow.create("maintenance_note", note_id, {
                    "project_id": project.id, "issue_id": note.issue_id, **clean},
                    depends_on=tuple(depends))
            else:
                note_id = note.id
                _set_changed(uow, "maintenance_note", note_id, clean, _as_values(note),
                             note.versions)
        with self._store.read() as tx:
            return handover_queries.stored_notes(tx, project.id, note_id)[0]

    def delete_note(self, note_id: str) -> Changes:
        with unit_of_work(self._store, self._wall) as uow:
            uow.delete("maintenance_note", note_id)
        return Changes.of("maintenance_note", note_id)

    def save_contact(self, project_code: str, person_id: str, *, phone: str, email: str,
                     department: str, modules: str) -> Person:
        """A contact's phone, e-mail, department and the modules they cover here."""
        project = self._projects.get(project_code)
        values = {"phone": clean_text("phone", phone, TITLE_MAX),
                  "email": clean_text("email", email, TITLE_MAX),
                  "department": clean_text("department", department, TITLE_MAX)}
        covered = "\n".join(m.strip() for m in modules.replace("，", ",").replace("、", ",")
                            .replace("\n", ",").split(",") if m.strip())
        with unit_of_work(self._store, self._wall) as uow:
            person = queries.member(uow.conn, project.id, person_id)
            if person is None:
                raise NotFoundError(f"{person_id} is not a member of {project.code}",
                                    id=person_id)
            for name, value in values.items():
                if getattr(person, name) != value:
                    uow.set("person", person_id, name, value or None)
            if person.membership_id is not None and person.modules != covered:
                uow.set("membership", person.membership_id, "modules", covered or None)
            found = queries.member(uow.conn, project.id, person_id)
        assert found is not None
        return found

    def add_scenario(self, project_code: str, values: Mapping[str, str]) -> Scenario:
        project = self._projects.get(project_code)
        clean = _scenario_values(values)
        scenario_id = uuid7()
        with unit_of_work(self._store, self._wall) as uow:
            position = len(handover_queries.scenarios(uow.conn, project.id))
            uow.create("emergency_scenario", scenario_id,
                       {"project_id": project.id, **clean, "position": position},
                       depends_on=(uow.created_op(project.id),))
        return self._scenario(scenario_id)

    def add_templates(self, project_code: str, language: str) -> list[Scenario]:
        """Add the starting scenarios in ``language`` whose titles the plan lacks."""
        project = self._projects.get(project_code)
        with unit_of_work(self._store, self._wall) as uow:
            present = handover_queries.scenarios(uow.conn, project.id)
            titles = {s.title for s in present}
            position = len(present)
            for t in templates(language):
                if t.title in titles:
                    continue
                uow.create("emergency_scenario", uuid7(), {
                    "project_id": project.id, "title": t.title, "actions": t.actions,
                    "contacts": t.contacts, "escalation": t.escalation, "position": position,
                }, depends_on=(uow.created_op(project.id),))
                position += 1
        return self.scenarios(project.code)

    def update_scenario(self, scenario: Scenario, values: Mapping[str, str]) -> Scenario:
        clean = _scenario_values(values)
        with unit_of_work(self._store, self._wall) as uow:
            _set_changed(uow, "emergency_scenario", scenario.id, clean, {
                f: getattr(scenario, f) for f in _SCENARIO_FIELDS}, scenario.versions)
        return self._scenario(scenario.id)

    def delete_scenario(self, scenario_id: str) -> Changes:
        with unit_of_work(self._store, self._wall) as uow:
            uow.delete("emergency_scenario", scenario_id)
        return Changes.of("emergency_scenario", scenario_id)

    def _scenario(self, scenario_id: str) -> Scenario:
        with self._store.read() as tx:
            found = handover_queries.scenario(tx, scenario_id)
        if found is None:
            raise NotFoundError(f"no scenario {scenario_id}", id=scenario_id)
        return found[1]

    def set_exit(self, project_code: str, day: date) -> Changes:
        """Plan the consultant's exit (the calendar's milestone). Raises ValidationError
        for an exit before go-live."""
        project = self._projects.get(project_code)
        check_exit_day(project.go_live, day)
        _, changes = self._calendar.set_milestone(project.code, MilestoneKind.PLANNED_EXIT, day)
        return changes

    def sign_off(self, project_code: str, accepted_on: date) -> Changes:
        """Record the acceptance: the project is handed over.

        Raises:
            WorkflowError: (``reason="untransferred"``) open issues remain, listed.
            ValidationError: a signer is missing, or the date is before go-live.
        """
        project = self._projects.get(project_code)
        check_day("accepted_on", accepted_on)
        numbers = [i.number for i in self.untransferred(project.code)]
        with unit_of_work(self._store, self._wall) as uow:
            record = handover_queries.handover_record(uow.conn, project.id)
            check_sign_off(sorted(numbers), record, accepted_on, project.go_live)
            uow.set("project", project.id, "accepted_on", accepted_on.isoformat())
            uow.set("project", project.id, "status", ProjectStatus.HANDOVER.value)
        self._calendar.set_milestone(project.code, MilestoneKind.ACCEPTANCE, accepted_on)
        return Changes.of("project", project.id)


def _still_open(issues: Sequence[Issue]) -> list[Issue]:
    return [i for i in issues if i.is_open and not i.deleted]


def _exit_of(milestones: Sequence[Milestone]) -> date | None:
    exits = sorted(m.day for m in milestones if m.kind is MilestoneKind.PLANNED_EXIT)
    return exits[-1] if exits else None


def _note_values(values: Mapping[str, str], note: MaintenanceNote) -> dict[str, str | None]:
    merged = {f: values.get(f, getattr(note, f)) for f in _NOTE_FIELDS}
    return {"module": clean_text("module", merged["module"], TITLE_MAX) or None,
            "symptom": clean_text("symptom", merged["symptom"], 4_000, required=True),
            "cause": clean_text("cause", merged["cause"], TEXT_MAX) or None,
            "solution": clean_text("solution", merged["solution"], TEXT_MAX) or None}


def _as_values(note: MaintenanceNote) -> dict[str, str | None]:
    return {f: getattr(note, f) or None for f in _NOTE_FIELDS}


def _scenario_values(values: Mapping[str, str]) -> dict[str, str | None]:
    return {"title": clean_text("title", values.get("title", ""), 500, required=True),
            "actions": clean_text("actions", values.get("actions", ""), TEXT_MAX) or None,
            "contacts": clean_text("contacts", values.get("contacts", ""), 4_000) or None,
            "escalation": clean_text("escalation", values.get("escalation", ""), 4_000) or None}


def _set_changed(uow: UnitOfWork, entity: str, entity_id: str,
                 new: Mapping[str, str | None], old: Mapping[str, str | None],
                 seen: Mapping[str, tuple[str, ...]]) -> None:
    for name, value in new.items():
        if (old.get(name) or None) != value:
            uow.set(entity, entity_id, name, value, seen=seen.get(name) or None)
