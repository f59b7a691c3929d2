"""Store health rules (issue 11): which versions are newer, when the quick check runs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from golive_desk.storage import health


@pytest.mark.parametrize(("found", "ours", "newer"), [
    ("99.0.0", "0.1.0", True), ("0.1.1", "0.1.0", True), ("0.1.0", "0.1.0", False),
    ("0.1.0.dev3", "0.1.0", False), ("0.0.9", "0.1.0", False), ("garbage", "0.1.0", False),
    ("0.10.0", "0.9.5", True),
])
def test_newer_version(found: str, ours: str, newer: bool) -> None:
    assert health.newer_version(found, ours) is newer


def test_a_small_store_is_checked_at_every_open_a_large_one_on_a_schedule(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.db"
    path.write_bytes(b"x" * 1000)
    recent = datetime.now(UTC).isoformat()
    assert health.check_due(path, recent, unclean=False)
    monkeypatch.setattr(health, "QUICK_CHECK_MAX_BYTES", 10)
    assert not health.check_due(path, recent, unclean=False)
    assert health.check_due(path, None, unclean=False)
    assert health.check_due(path, (datetime.now(UTC) - timedelta(days=8)).isoformat(),
                            unclean=False)
    assert health.check_due(path, recent, unclean=True)  # an unclean shutdown
    assert not health.wal_left(path)
    path.with_name("s.db-wal").write_bytes(b"")
    assert health.wal_left(path)
