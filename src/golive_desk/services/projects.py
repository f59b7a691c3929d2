"""Projects and the people who work on them."""

from __future__ import annotations

from collections.abc import Callable

from golive_desk.domain import validation
from golive_desk.domain.enums import ROLE_SIDE, ProjectStatus, Role
from golive_desk.domain.errors import DuplicateError, NotFoundError, ValidationError
from golive_desk.domain.ids import uuid7
from golive_desk.domain.models import Changes, Person, Project
from golive_desk.storage import queries
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
                    month_end: str | None = None) -> tuple[Project, Changes]:
        """Create a project.

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
        project_id = uuid7()
        with unit_of_work(self._store, self._wall) as uow:
            if queries.project_id(uow.conn, code) is not None:
                raise DuplicateError(f"project {code} already exists", code=code)
            uow.create("project", project_id, {
                "code": code, "name": name, "customer": customer, "go_live": live.isoformat(),
                "month_end": close.isoformat() if close else None, "vendor_pm": None,
                "customer_pm": None, "status": ProjectStatus.LIVE_SUPPORT.value,
            })
        return self.get(code), Changes.of("project", project_id)

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
        """Add a person to a project. The first vendor/customer PM becomes the project's PM.

        Raises:
            ValidationError: an unknown role, an empty name, bad initials or e-mail.
            NotFoundError: no such project.
        """
        try:
            person_role = Role(role)
        except ValueError:
            codes = ", ".join(r.value for r in Role)
            raise ValidationError("role", f"unknown role '{role}'; use one of {codes}") from None
        name = validation.required("name", name, 80)
        initials = validation.initials(initials) if initials.strip() else ""
        mail = validation.email(email)
        project = self.get(project_code)
        person_id = uuid7()
        with unit_of_work(self._store, self._wall) as uow:
            uow.create("person", person_id, {
                "project_id": project.id, "name": name, "initials": initials,
                "role": person_role.value, "side": ROLE_SIDE[person_role].value,
                "phone": phone.strip(), "email": mail, "department": department.strip(),
            }, depends_on=(uow.created_op(project.id),))
            self._claim_pm(uow, project, person_role, person_id)
        person = next(p for p in self.people(project.code) if p.id == person_id)
        return person, Changes.of("person", person_id) | Changes.of("project", project.id)

    @staticmethod
    def _claim_pm(uow: UnitOfWork, project: Project, role: Role, person_id: str) -> None:
        field = _PM_FIELD.get(role)
        if field is not None and getattr(project, field) is None:
            uow.set("project", project.id, field, person_id)

    def people(self, project_code: str) -> list[Person]:
        project = self.get(project_code)
        with self._store.read() as tx:
            people = queries.people_of(tx, project.id)
        order = list(Role)
        return sorted(people, key=lambda p: (order.index(p.role), p.name))
