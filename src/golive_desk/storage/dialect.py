"""The SQL that differs between SQLite and PostgreSQL, in one place.

The projector and the op log's bulk insert run many statements per import on
the driver's own connection (DB-API ``executemany``, far cheaper than
SQLAlchemy's per-statement work). What the drivers disagree on — the
parameter mark, "insert unless the key exists" — is answered here, so a
PostgreSQL office store (docs/OFFICE.md) adds a branch here instead of a
second projector.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import Connection, Table, insert


class Cursorish(Protocol):
    """What the projector needs of a DB-API connection."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Any, /) -> Any: ...


class RawSql:
    """A DB-API connection in the caller's transaction, with the dialect's SQL spelling."""

    def __init__(self, conn: Connection) -> None:
        self.db: Cursorish = conn.connection.driver_connection  # type: ignore[assignment]
        name = conn.dialect.name
        self.mark = "?" if name == "sqlite" else "%s"
        self._postgres = name == "postgresql"

    def marks(self, count: int) -> str:
        return ",".join([self.mark] * count)

    def insert(self, table: str, columns: Sequence[str], *, ignore_existing: bool = False) -> str:
        """``INSERT`` of one row of ``columns``; with ``ignore_existing`` a row whose key
        is already there is skipped (SQLite ``OR IGNORE``, PostgreSQL ``ON CONFLICT``)."""
        head = "INSERT OR IGNORE INTO" if ignore_existing and not self._postgres else "INSERT INTO"
        tail = " ON CONFLICT DO NOTHING" if ignore_existing and self._postgres else ""
        return f"{head} {table} ({','.join(columns)}) VALUES ({self.marks(len(columns))}){tail}"


def insert_ignoring(conn: Connection, table: Table, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert ``rows`` into ``table``, skipping each whose key is already there
    (SQLite ``INSERT OR IGNORE``, PostgreSQL ``ON CONFLICT DO NOTHING``)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgres_insert

        conn.execute(postgres_insert(table).on_conflict_do_nothing(), list(rows))
    else:
        conn.execute(insert(table).prefix_with("OR IGNORE"), list(rows))
