"""Business rules checked after a merge. They warn; they never block an import.

Each rule gets the connection and the ids of the records the import touched
and returns warnings in plain words. Features add their own rules (a
consultant booked twice, two handovers signed) with ``SyncService.add_rule``.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from golive_desk.services.sync_models import BusinessRule
from golive_desk.storage.tables import projects


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


DEFAULT_RULES: tuple[BusinessRule, ...] = (duplicate_project_codes,)
