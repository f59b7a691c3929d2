"""The window's log file: written, and rotated at start once it has reached 1 MB."""

from __future__ import annotations

import logging
from pathlib import Path

from golive_desk import logging_setup


def _lines(path: Path) -> str:
    return path.read_text("utf-8")


def test_the_log_is_written_and_rotated_at_start(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = logging_setup.configure(tmp_path)
        logging.getLogger("golive_desk.test").warning("first session")
        assert "first session" in _lines(path)
        # A full log, and four older ones: the next start shifts them all by one.
        path.write_text("x" * logging_setup.MAX_BYTES, "utf-8")
        for n in range(1, 5):
            path.with_name(f"{path.name}.{n}").write_text(f"old {n}", "utf-8")
        logging_setup.configure(tmp_path)
        logging.getLogger("golive_desk.test").warning("second session")
        assert "second session" in _lines(path)
        assert len(_lines(path)) < 1000
        assert _lines(path.with_name(f"{path.name}.1")).startswith("x")
        assert [_lines(path.with_name(f"{path.name}.{n}")) for n in range(2, 6)] == [
            "old 1", "old 2", "old 3", "old 4"]
        ours = [h for h in root.handlers if getattr(h, "golive_log", False)]
        assert len(ours) == 1  # configured twice, one handler
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
