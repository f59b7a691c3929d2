"""Read models: frozen values that services return and screens show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from golive_desk.domain.enums import ProjectStatus, Role, Side


@dataclass(frozen=True, slots=True)
class Project:
    id: str
    code: str
    name: str
    customer: str
    go_live: date
    month_end: date | None
    status: ProjectStatus
    vendor_pm: str | None = None
    customer_pm: str | None = None
    doc_prefix: str | None = None  # the printed documents' number prefix; None: the code


@dataclass(frozen=True, slots=True)
class Person:
    """A person as a member of one project (``project_id``), with their role there.

    ``membership_id`` is the membership record; None for a person written before
    memberships existed, whose own record names the project and role.
    """

    id: str
    project_id: str
    name: str
    initials: str
    role: Role
    side: Side
    phone: str = ""
    email: str = ""
    department: str = ""
    membership_id: str | None = None
    modules: str = ""  # the modules this member covers (the handover's support system)


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """One person, whatever projects they work on (``projects``: the codes)."""

    id: str
    name: str
    initials: str
    side: Side
    phone: str = ""
    email: str = ""
    department: str = ""
    projects: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LocalUser:
    """Who uses this store: the author of every op it writes."""

    name: str
    initials: str
    node_id: str
    is_office: bool
    public_key: bytes = b""  # the node's (Ed25519, raw): its fingerprint is compared

    @property
    def fingerprint(self) -> str:
        """Of :attr:`public_key`, for comparing before trusting (see :func:`fingerprint`)."""
        return fingerprint(self.public_key)


@dataclass(frozen=True, slots=True)
class Changes:
    """What a service call moved, so each screen knows whether to refresh."""

    entities: frozenset[str] = field(default_factory=frozenset)
    ids: frozenset[str] = field(default_factory=frozenset)

    @staticmethod
    def of(entity: str, *ids: str) -> Changes:
        return Changes(frozenset({entity}), frozenset(ids))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.entities | other.entities, self.ids | other.ids)

    def touches(self, entity: str) -> bool:
        return entity in self.entities


@dataclass(frozen=True)
class ProjectSettings:
    """What the project dialog edits: everything of a project but its code (issue
    numbers carry it), status, PMs and SLA policy (edited where they are shown)."""

    name: str
    customer: str
    go_live: date
    month_end: date | None
    modules: tuple[str, ...]
    doc_prefix: str | None  # None: the project code
    onsite_days: int


def fingerprint(public: bytes) -> str:
    """A short, readable fingerprint of a public key (16 hex digits of its SHA-256).

    hashlib is imported here, when a fingerprint is first shown: it loads OpenSSL
    (~2 ms), and the window's first paint shows none.
    """
    import hashlib

    return hashlib.sha256(public).hexdigest()[:16]
