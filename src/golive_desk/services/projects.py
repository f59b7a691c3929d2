"""Projects and the people who work on them."""

from __future__ import annotations

from collections.abc import Callable

from golive_desk.domain import validation
from golive_desk.domain.enums import ROLE_SIDE, ProjectStatus, Role
from golive_desk.domain.errors import DuplicateError, NotFoundError, ValidationError
from golive_desk.domain.ids import uuid7
from golive_desk.domain.issue_rules import clean_modules
from golive_desk.domain.models import Changes, Person, PersonRecord, Project, ProjectSettings
from golive_desk.domain.ops import JsonValue
from golive_desk.domain.support_calendar import DEFAULT_ONSITE_DAYS, check_onsite_days
from golive_desk.storage import calendar_queries, issue_queries, local_node, queries
from golive_desk.storage.engine import Store
from golive_desk.storage.oplog import utc_now
from golive_desk.storage.unit_of_work import UnitOfWork, unit_of_work

_PM_FIELD = {Role.VENDOR_PM: "vendor_pm", Role.CUSTOMER_PM: "customer_pm"}


class ProjectService:
    """Create, list and look up projects and their people."""

    def __init__(self, store: Store, wall: Callable[[], str] = utc_now) -> None:
        self._store = store
        self._wall = wall  # the time its ops record (the demo tells a story in the past)

    def add_project(self, code: str, name: str, customer: str, go_live: str,
                    month_end: str | None = None,
                    doc_prefix: str | None = None) -> tuple[Project, Changes]:
        """Create a project; ``doc_prefix`` numbers its printed documents (None: the code).

        Raises:
            ValidationError: a bad code, empty name or customer, a wrong date, or a
                first month-end close before go-live.
            DuplicateError: the code is taken.
        """
        code = validation.project_code(code)
        name = validation.required("name", name)
        customer = validation.required("customer", customer)
        live = validation.parse_date("go_live", go_live)
        close = validation.parse_date("month_end", month_end) if month_end else None
        if close is not None and close < live:
            raise ValidationError("month_end", "the first month-end close cannot be before go-live")
        prefix = validation.doc_prefix(doc_prefix) if doc_prefix else None
        project_id = uuid7()
        with unit_of_work(self._store, self._wall) as uow:
            if queries.project_id(uow.conn, code) is not None:
                raise DuplicateError(f"project {code} already exists", code=code)
            uow.create("project", project_id, {
                "code": code, "name": name, "customer": customer, "go_live": live.isoformat(),
                "month_end": close.isoformat() if close else None, "vendor_pm": None,
                "customer_pm": None, "status": ProjectStatus.LIVE_SUPPORT.value,
                "doc_prefix": prefix,
            })
        return self.get(code), Changes.of("project", project_id)

    def settings(self, code: str) -> ProjectSettings:
        """What :meth:`update_project` edits, as stored (defaults filled in).

        Raises:
            NotFoundError: no such project.
        """
        project = self.get(code)
        with self._store.read() as tx:
            modules = issue_queries.project_modules(tx, project.id)
            days = calendar_queries.onsite_days(tx, [project.id]).get(project.id)
        return ProjectSettings(project.name, project.customer, project.go_live,
                               project.month_end, modules, project.doc_prefix,
                               DEFAULT_ONSITE_DAYS if days is None else days)

    def update_project(self, code: str, wanted: ProjectSettings) -> tuple[Project, Changes]:
        """Write what differs between ``wanted`` and the stored settings, in one unit of work.

        Raises:
            ValidationError: an empty name or customer, a first month-end close before
                go-live, a bad document prefix, no module or one over 30 characters,
                on-site days outside 0-60 (``CalendarError``).
            NotFoundError: no such project.
            WorkflowError: (``reason="conflict"``) a changed field is in conflict.
        """
        values: dict[str, JsonValue] = {
            "name": validation.required("name", wanted.name),
            "customer": validation.required("customer", wanted.customer),
            "go_live": wanted.go_live.isoformat(),
            "month_end": wanted.month_end.isoformat() if wanted.month_end else None,
            "modules": "\n".join(clean_modules(wanted.modules)),
            "doc_prefix": validation.doc_prefix(wanted.doc_prefix)
            if wanted.doc_prefix and wanted.doc_prefix.strip() else None,
            "onsite_days": check_onsite_days(wanted.onsite_days),
        }
        if wanted.month_end is not None and wanted.month_end < wanted.go_live:
            raise ValidationError("month_end", "the first month-end close cannot be before go-live")
        project, before = self.get(code), self.settings(code)
        stored: dict[str, JsonValue] = {
            "name": before.name, "customer": before.customer,
            "go_live": before.go_live.isoformat(),
            "month_end": before.month_end.isoformat() if before.month_end else None,
            "modules": "\n".join(before.modules), "doc_prefix": before.doc_prefix,
            "onsite_days": before.onsite_days,
        }
        changed = {f: v for f, v in values.items() if v != stored[f]}
        if changed:
            with unit_of_work(self._store, self._wall) as uow:
                for field, value in changed.items():
                    uow.set("project", project.id, field, value)
        return self.get(code), Changes.of("project", project.id) if changed else Changes()

    def list_projects(self) -> list[Project]:
        with self._store.read() as tx:
            return queries.list_projects(tx)

    def get(self, code: str) -> Project:
        with self._store.read() as tx:
            project = queries.find_project(tx, code.strip().upper())
        if project is None:
            raise NotFoundError(f"no project {code}", code=code)
        return project

    def set_status(self, code: str, status: ProjectStatus) -> Changes:
        project = self.get(code)
        with unit_of_work(self._store, self._wall) as uow:
            uow.set("project", project.id, "status", status.value)
        return Changes.of("project", project.id)

    def add_person(self, project_code: str, name: str, role: str, *, initials: str = "",
                   phone: str = "", email: str = "",
                   department: str = "") -> tuple[Person, Changes]:
        """Add a person to a project in ``role``.

        A person of that name (and initials, when given) already in the store is
        added to the project (a membership); no second person is made. Contact
        details given here fill the ones that person has left empty. The first
        vendor/customer PM becomes the project's PM.

        Raises:
            ValidationError: an unknown role, an empty name, bad initials or e-mail.
            NotFoundError: no such project.
        """
        person_role = _role(role)
        name = validation.required("name", name, 80)
        initials = validation.initials(initials) if initials.strip() else ""
        mail = validation.email(email)
        project = self.get(project_code)
        details = {"phone": phone.strip(), "email": mail, "department": department.strip()}
        with unit_of_work(self._store, self._wall) as uow:
            found = queries.people_named(uow.conn, name, initials)
            if found:
                person_id = found[0]
                self._fill_details(uow, person_id, details)
            else:
                person_id = uuid7()
                uow.create("person", person_id, {
                    "project_id": None, "name": name, "initials": initials, "role": None,
                    "side": ROLE_SIDE[person_role].value, **details,
                })
            self._join(uow, project, person_id, person_role)
            if name == local_node.user_name(uow.conn) and queries.my_person_id(uow.conn) is None \
                    and initials.upper() == local_node.user_initials(uow.conn).upper():
                queries.link_my_person(uow.conn, person_id)  # the user entered themselves
        person = self._member(project, person_id)
        return person, Changes.of("person", person_id) | Changes.of("project", project.id)

    def add_member(self, project_code: str, person_id: str, role: str) -> tuple[Person, Changes]:
        """Make a person a member of a project in ``role`` (or give a member that role).

        Raises:
            ValidationError: an unknown role. NotFoundError: no such project or person.
        """
        person_role = _role(role)
        project = self.get(project_code)
        with unit_of_work(self._store, self._wall) as uow:
            if queries.person_record(uow.conn, person_id) is None:
                raise NotFoundError(f"no person {person_id}", id=person_id)
            self._join(uow, project, person_id, person_role)
        return self._member(project, person_id), Changes.of("person", person_id) | Changes.of(
            "project", project.id)

    def remove_member(self, project_code: str, person_id: str) -> Changes:
        """Take a person off a project (the person and their other projects stay).

        Raises:
            NotFoundError: no such project, or the person is not a member of it.
        """
        project = self.get(project_code)
        with unit_of_work(self._store, self._wall) as uow:
            if queries.member(uow.conn, project.id, person_id) is None:
                raise NotFoundError(f"{person_id} is not a member of {project.code}",
                                    id=person_id, code=project.code)
            for membership_id in queries.memberships_of(uow.conn, project.id, person_id):
                uow.delete("membership", membership_id)
            if queries.legacy_project(uow.conn, person_id) == project.id:
                uow.set("person", person_id, "project_id", None)
                uow.set("person", person_id, "role", None)
            for field in _PM_FIELD.values():
                if getattr(project, field) == person_id:
                    uow.set("project", project.id, field, None)
        return Changes.of("person", person_id) | Changes.of("project", project.id)

    def _join(self, uow: UnitOfWork, project: Project, person_id: str, role: Role) -> None:
        """A membership of ``person_id`` in ``project`` in ``role``, unless there is one."""
        current = queries.member(uow.conn, project.id, person_id)
        if current is not None and current.role == role:
            return
        if current is not None and current.membership_id is not None:
            uow.set("membership", current.membership_id, "role", role.value)
        else:  # a new member, or an old-style one given a role of their own
            uow.create("membership", uuid7(), {
                "project_id": project.id, "person_id": person_id, "role": role.value,
            }, depends_on=(uow.created_op(project.id), uow.created_op(person_id)))
        self._claim_pm(uow, project, role, person_id)

    @staticmethod
    def _fill_details(uow: UnitOfWork, person_id: str, details: dict[str, str]) -> None:
        record = queries.person_record(uow.conn, person_id)
        for field, value in details.items():
            if value and record is not None and not getattr(record, field):
                uow.set("person", person_id, field, value)

    def _member(self, project: Project, person_id: str) -> Person:
        with self._store.read() as tx:
            found = queries.member(tx, project.id, person_id)
        assert found is not None  # just written in this store
        return found

    @staticmethod
    def _claim_pm(uow: UnitOfWork, project: Project, role: Role, person_id: str) -> None:
        field = _PM_FIELD.get(role)
        if field is not None and getattr(project, field) is None:
            uow.set("project", project.id, field, person_id)

    def people(self, project_code: str) -> list[Person]:
        """The project's members with their role there, by role, then name."""
        project = self.get(project_code)
        with self._store.read() as tx:
            people = queries.people_of(tx, project.id)
        order = list(Role)
        return sorted(people, key=lambda p: (order.index(p.role), p.name))

    def all_people(self) -> list[PersonRecord]:
        """Every person in the store, each once, with the projects they work on."""
        with self._store.read() as tx:
            return queries.all_people(tx)

    def me(self) -> PersonRecord | None:
        """The local user's person, once linked (they entered themselves, or the demo)."""
        with self._store.read() as tx:
            person_id = queries.my_person_id(tx)
            return None if person_id is None else queries.person_record(tx, person_id)

    def link_me(self, person_id: str | None) -> None:
        """Say which person the local user is (local to this store, never synced).

        Raises:
            NotFoundError: no such person.
        """
        with self._store.write() as tx:
            if person_id is not None and queries.person_record(tx, person_id) is None:
                raise NotFoundError(f"no person {person_id}", id=person_id)
            queries.link_my_person(tx, person_id)


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        codes = ", ".join(r.value for r in Role)
        raise ValidationError("role", f"unknown role '{role}'; use one of {codes}") from None
