"""Alembic, driven programmatically on a connection we already hold."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection


def _script_location() -> str:
    return str(Path(str(resources.files("golive_desk.storage") / "migrations")))


@cache
def _scripts() -> ScriptDirectory:
    cfg = Config()
    cfg.set_main_option("script_location", _script_location())
    return ScriptDirectory.from_config(cfg)


def head() -> str:
    """The newest schema revision this program knows."""
    heads = _scripts().get_heads()
    assert len(heads) == 1, "migrations must form one line"
    return heads[0]


def is_known(revision: str | None) -> bool:
    """Whether this program's migrations include ``revision`` (None: empty store)."""
    if revision is None:
        return True
    return any(rev.revision == revision for rev in _scripts().walk_revisions())


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(conn: Connection, target: str = "head") -> None:
    """Run migrations up to ``target`` inside the caller's transaction."""
    cfg = Config()
    cfg.set_main_option("script_location", _script_location())
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, target)
