"""Store upkeep at open and on request: a passed check recorded, blob leftovers handled.

Blobs: an import or an attachment stages its files in ``.staging-<pid>-*``
and moves them into place once its transaction commits
(:class:`storage.blobs.Staging`). A process killed on the way leaves its
staging folder; the next open moves in the files an op names (the
transaction committed) and removes the rest.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete

from golive_desk.storage import health
from golive_desk.storage.blobs import BlobStore
from golive_desk.storage.tables import store_meta

if TYPE_CHECKING:
    from golive_desk.storage.engine import Store

log = logging.getLogger(__name__)


def record_check(conn: Connection, size: int) -> None:
    """Remember a passed scheduled check of a large store (small ones check every open)."""
    if size <= health.QUICK_CHECK_MAX_BYTES:
        return
    conn.execute(delete(store_meta).where(store_meta.c.key == "checked_at"))
    conn.execute(store_meta.insert().values(
        key="checked_at", value=datetime.now(UTC).isoformat(timespec="seconds")))


def sweep_blobs(store: Store) -> int:
    """Finish or remove what killed processes left in the blob folder; the files handled."""
    blobs = BlobStore(store.blob_dir)
    leftovers = blobs.abandoned()
    if not leftovers:
        return 0
    from golive_desk.storage.admin import referenced_blobs

    with store.read() as tx:
        named = referenced_blobs(tx)
    handled = blobs.settle(leftovers, named)
    log.info("blob folder of %s: %d files left by killed processes handled", store.path, handled)
    return handled


def collect_garbage(store: Store) -> tuple[int, int]:
    """Remove blobs no op names and what killed processes left; (blobs, leftovers) removed.

    Staged files move into place only after their transaction commits, so a
    blob in place that no op names is never another process's work in flight.
    """
    from golive_desk.storage.admin import referenced_blobs

    blobs = BlobStore(store.blob_dir)
    with store.read() as tx:
        named = referenced_blobs(tx)
    leftovers = blobs.settle(blobs.abandoned(deep=True), named)
    removed = 0
    for sha, path in blobs.all_blobs().items():
        if sha not in named:
            path.unlink(missing_ok=True)
            removed += 1
    return removed, leftovers
