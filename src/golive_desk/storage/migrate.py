"""Alembic, driven programmatically on a connection we already hold.

Opening a store only needs to know which revisions exist; that is read from
the revision files' names (``NNNN_name.py`` with ``revision = "NNNN"``, one
straight line — a test holds both conventions), so Alembic itself is imported
only when a store actually needs upgrading. That keeps start-up fast.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection


def script_location() -> Path:
    # Beside this module, installed or frozen (PyInstaller puts the revision files
    # there too); not importlib.resources, ~10 ms to import before the first paint.
    return Path(__file__).resolve().parent / "migrations"


@cache
def known_revisions() -> tuple[str, ...]:
    """Every revision this program knows, oldest first."""
    names = (p.name for p in (script_location() / "versions").glob("[0-9]*_*.py"))
    return tuple(sorted(name.split("_", 1)[0] for name in names))


def head() -> str:
    """The newest schema revision this program knows."""
    return known_revisions()[-1]


def is_known(revision: str | None) -> bool:
    """Whether this program's migrations include ``revision`` (None: empty store)."""
    return revision is None or revision in known_revisions()


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def upgrade(conn: Connection, target: str = "head") -> None:
    """Run migrations up to ``target`` inside the caller's transaction."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location()))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, target)
