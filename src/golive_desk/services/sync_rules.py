"""Business rules checked after a merge. They warn; they never block an import.

Each rule gets the connection and the ids of the records the import touched
and returns warnings in plain words. Features add their own rules (a
consultant booked twice, two handovers signed) with ``SyncService.add_rule``.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from golive_desk.services.sync_models import BusinessRule
from golive_desk.storage.tables import issues, projects


def duplicate_project_codes(conn: Connection, touched: frozenset[str]) -> list[str]:
    """Two laptops that each created project "HX" offline made two projects."""
    if not touched:
        return []
    rows = conn.execute(select(projects.c.code, func.count()).where(
        projects.c.deleted.is_(False)).group_by(projects.c.code).having(func.count() > 1))
    warnings: list[str] = []
    for code, count in rows:
        ids = set(conn.execute(select(projects.c.id).where(
            projects.c.code == code, projects.c.deleted.is_(False))).scalars())
        if ids & touched:
            warnings.append(f"{count} projects now share the code {code} (created on different "
                            f"computers); rename or delete one of them")
    return warnings


def duplicate_issue_numbers(conn: Connection, touched: frozenset[str]) -> list[str]:
    """Two computers whose users share initials can hand out the same number offline.

    Both issues are kept (lookups prefer the oldest live one); the warning
    tells the office to give one consultant other initials before more clash.
    """
    if not touched:
        return []
    rows = conn.execute(select(issues.c.number, func.count()).where(
        issues.c.deleted.is_(False)).group_by(issues.c.number).having(func.count() > 1))
    warnings: list[str] = []
    for number, count in rows:
        ids = set(conn.execute(select(issues.c.id).where(
            issues.c.number == number, issues.c.deleted.is_(False))).scalars())
        if ids & touched:
            warnings.append(f"{count} issues now share the number {number}: two computers "
                            f"number issues with the same initials; open them by their titles "
                            f"and set up one of the computers with other initials")
    return warnings


DEFAULT_RULES: tuple[BusinessRule, ...] = (duplicate_project_codes, duplicate_issue_numbers)
