"""Business rules checked after a merge. They warn; they never block an import.

Each rule gets the import's transaction and the ids of the records the import
touched, reads through storage functions, and returns warnings as codes with
values (:class:`SyncWarning`). Features add their own rules (a consultant
booked twice, two handovers signed) with ``SyncService.add_rule``.
"""

from __future__ import annotations

from golive_desk.domain.sync_warnings import SyncWarning, WarningCode
from golive_desk.services.sync_models import BusinessRule
from golive_desk.storage import issue_queries, queries
from golive_desk.storage.engine import Tx


def duplicate_project_codes(tx: Tx, touched: frozenset[str]) -> list[SyncWarning]:
    """Two laptops that each created project "HX" offline made two projects."""
    if not touched:
        return []
    return [SyncWarning.of(WarningCode.DUPLICATE_PROJECT_CODE, count=len(ids), code=code)
            for code, ids in queries.projects_sharing_a_code(tx).items() if ids & touched]


def duplicate_issue_numbers(tx: Tx, touched: frozenset[str]) -> list[SyncWarning]:
    """Two computers whose users share initials can hand out the same number offline.

    Both issues are kept (lookups prefer the oldest live one); the warning
    tells the office to give one consultant other initials before more clash.
    """
    if not touched:
        return []
    return [SyncWarning.of(WarningCode.DUPLICATE_ISSUE_NUMBER, count=len(ids), number=number)
            for number, ids in issue_queries.issues_sharing_a_number(tx).items()
            if ids & touched]


DEFAULT_RULES: tuple[BusinessRule, ...] = (duplicate_project_codes, duplicate_issue_numbers)
