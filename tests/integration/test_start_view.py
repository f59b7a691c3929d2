"""The start-up read: the overview's own figures, or None when the store needs opening first."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from golive_desk.domain.errors import StoreDamagedError
from golive_desk.services.container import Services
from golive_desk.services.demo import add_demo
from golive_desk.services.start_view import read_start_view
from golive_desk.services.store_admin import local_user
from golive_desk.sync import keys
from tests.integration.test_faults import damage

NOW = datetime(2026, 11, 30, 10, 0)


@pytest.fixture
def demo(store_path: Path) -> Path:
    return add_demo(store_path)


def test_the_start_read_equals_what_the_open_store_shows(demo: Path) -> None:
    view = read_start_view(demo, "HX", NOW)
    assert view is not None
    services = Services.open(demo)
    try:
        assert view.summary == services.overview.figures("HX", NOW)
        assert view.projects == services.projects.list_projects()
        assert view.user.name == "张力"
        # The fingerprint the Sync page shows is the one a peer compares: the key's.
        assert view.user == local_user(services.store)
        assert view.user.fingerprint == keys.fingerprint(view.user.public_key)
        assert re.fullmatch(r"[0-9a-f]{16}", view.user.fingerprint)
    finally:
        services.close()
    assert view.summary is not None
    assert view.summary.total == 300


def test_an_unknown_last_project_shows_the_first(demo: Path) -> None:
    view = read_start_view(demo, "GONE", NOW)
    assert view is not None
    assert view.summary is not None
    assert view.summary.project.code == view.projects[0].code


def test_a_store_without_projects_starts_empty(store_path: Path) -> None:
    view = read_start_view(store_path, "", NOW)
    assert view is not None
    assert view.projects == []
    assert view.summary is None


def _sql(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(statement)
    conn.close()


@pytest.mark.parametrize("statement", [
    "UPDATE alembic_version SET version_num = '0010'",  # to be upgraded first
    "UPDATE store_meta SET value = '99.0' WHERE key = 'written_with'",  # a newer program's
    "UPDATE store_meta SET value = 'other' WHERE key = 'magic'",  # not ours
])
def test_a_store_that_needs_the_long_way_is_not_read_at_start(demo: Path,
                                                              statement: str) -> None:
    _sql(demo, statement)
    assert read_start_view(demo, "HX", NOW) is None


def test_a_missing_or_foreign_file_is_not_read_at_start(tmp_path: Path) -> None:
    assert read_start_view(tmp_path / "none.db", "", NOW) is None
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00" * 4096)
    assert read_start_view(junk, "", NOW) is None


def test_a_damaged_store_read_at_start_is_found_damaged_by_the_open(demo: Path) -> None:
    """The quick check reads every page: the start read leaves it due, the open after the
    paint runs it, and the store is refused for writing as at any open."""
    damage(demo)  # a leaf page of the issues table; the figures come from an index
    view = read_start_view(demo, "HX", NOW)
    assert view is not None
    assert view.inspection.due
    services = Services.later(demo, view.inspection)
    try:
        assert isinstance(services.open_now().refusal, StoreDamagedError)
    finally:
        services.close()
