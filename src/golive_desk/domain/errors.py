"""Typed errors. Services raise these; only the UI and the CLI turn them into words.

Each error carries a ``code`` (stable, for tests and translations) and the
values needed to phrase a message. ``str(err)`` gives an English message that
the CLI prints; the UI translates by code.
"""

from __future__ import annotations


class GoLiveError(Exception):
    """Base class: the user's or the environment's fault, never a bug."""

    code = "error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class StoreError(GoLiveError):
    """The store cannot be opened or written."""

    code = "store"


class NotAStoreError(StoreError):
    code = "not_a_store"


class StoreMissingError(StoreError):
    code = "store_missing"


class StoreTooNewError(StoreError):
    code = "store_too_new"


class StoreLockedError(StoreError):
    code = "store_locked"


class StoreBusyError(StoreLockedError):
    """Another program (not a GoLive Desk window) holds SQLite's lock on the file."""

    code = "store_busy"


class StoreDamagedError(StoreError):
    """SQLite's check found the file damaged; ``details["problem"]`` says what it saw.

    Writes are refused; ``doctor --recover`` copies what can be read into a new store.
    """

    code = "store_damaged"


class StoreReadOnlyError(StoreError):
    code = "store_read_only"


class DiskFullError(StoreError):
    code = "disk_full"


class ValidationError(GoLiveError):
    """Bad input: names the field that is wrong."""

    code = "validation"

    def __init__(self, field: str, message: str, **details: object) -> None:
        super().__init__(message, field=field, **details)
        self.field = field


class FileTooLargeError(ValidationError):
    """An attachment at or over the size cap; ``details`` has size and limit."""

    code = "file_too_large"


class FileUnreadableError(ValidationError):
    """An attachment that is missing, a folder, or cannot be read."""

    code = "file_unreadable"


class NotFoundError(GoLiveError):
    code = "not_found"


class DuplicateError(GoLiveError):
    code = "duplicate"


class WorkflowError(GoLiveError):
    """An illegal transition; the message gives the reason."""

    code = "workflow"


class BundleError(GoLiveError):
    """A bundle was refused; ``check`` names the check that failed."""

    code = "bundle"

    def __init__(self, check: str, message: str, **details: object) -> None:
        super().__init__(message, check=check, **details)
        self.check = check


class HolidayDataError(ValidationError):
    """Holiday year data or a holiday calendar (ICS) that cannot be used.

    ``rule`` names the broken rule (for example ``not_ics``, ``no_holidays``,
    ``outside_year``); ``details`` carries the offending values.
    """

    code = "holiday_data"

    def __init__(self, field: str, rule: str, message: str, **details: object) -> None:
        super().__init__(field, message, rule=rule, **details)
        self.rule = rule


class WorkingHoursError(ValidationError):
    """A site's working hours that cannot be used; ``rule`` names the broken rule.

    Rules: ``empty``, ``syntax``, ``end_not_after_start``, ``overlap``.
    """

    code = "working_hours"

    def __init__(self, rule: str, message: str, **details: object) -> None:
        super().__init__("working_hours", message, rule=rule, **details)
        self.rule = rule


class SlaPolicyError(ValidationError):
    """An SLA policy that cannot be used; ``field`` names the target, ``rule`` the rule.

    Rules: ``target_syntax``, ``target_not_positive``, ``threshold_range``,
    ``json``. Bad working hours raise :class:`WorkingHoursError` instead.
    """

    code = "sla_policy"

    def __init__(self, field: str, rule: str, message: str, **details: object) -> None:
        super().__init__(field, message, rule=rule, **details)
        self.rule = rule
