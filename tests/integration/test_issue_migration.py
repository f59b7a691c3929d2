"""Revision 0003 on a store written before issues existed (schema 0002)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from golive_desk.domain.errors import FileUnreadableError
from golive_desk.domain.issues import DEFAULT_MODULES, IssueQuery
from golive_desk.services.container import Services
from golive_desk.services.store_admin import init_store
from golive_desk.storage import migrate
from golive_desk.storage.engine import Store, _make_engine
from golive_desk.storage.inspection import STORE_MAGIC


def make_0002_store(path: Path) -> None:
    """A store as the release before issues wrote it, holding one project."""
    store = Store(path, _make_engine(path))
    with store.write() as conn:
        migrate.upgrade(conn, "0002")
    store.close()
    db = sqlite3.connect(path)
    with db:
        db.executemany("INSERT INTO store_meta (key, value) VALUES (?, ?)", [
            ("magic", STORE_MAGIC), ("created_with", "0.0.9"), ("written_with", "0.0.9"),
            ("created_at", "2026-10-01T00:00:00+00:00")])
        db.execute("INSERT INTO local_node (id, node_id, private_key, public_key, user_name, "
                   "user_initials, is_office, last_seq, last_op, lamport, created_at) VALUES "
                   "(1, ?, x'00', x'00', '张力', 'ZL', 0, 0, NULL, 0, '2026-10-01')",
                   ("a" * 32,))
    db.close()


def test_an_older_store_gets_issue_tables_and_search(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_0002_store(path)
    services = Services.open(path)  # upgrades, after a backup copy
    try:
        assert list(tmp_path.glob("old.db.rev0002-*.bak"))
        services.projects.add_project("HX", "华星电子", "华星", "2026-11-02")
        assert services.issues.modules("HX") == DEFAULT_MODULES
        issue, _ = services.issues.create("HX", {"title": "月末结账提示存货未记账",
                                                 "module": "存货"})
        assert services.issues.list_ids(IssueQuery(text="结账")) == [issue.id]
        assert services.issues.list_ids(IssueQuery(text="存货未记账")) == [issue.id]
    finally:
        services.close()


def test_a_named_pipe_is_refused_not_read(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    init_store(path, "张力", "ZL")
    services = Services.open(path)
    try:
        services.projects.add_project("HX", "华星电子", "华星", "2026-11-02")
        issue, _ = services.issues.create("HX", {"title": "附件"})
        pipe = tmp_path / "pipe"
        os.mkfifo(pipe)
        with pytest.raises(FileUnreadableError, match="not a regular file"):
            services.issues.attach_file(issue.number, pipe)
    finally:
        services.close()
