"""The window's log file in the user's log folder, rotated at start (5 files of 1 MB).

Rotated when the window starts, not while it runs: ``logging.handlers`` (and
the socket and pickle modules it brings) cost ~5 ms before the first paint,
and one session does not write a megabyte.
"""

from __future__ import annotations

import logging
from pathlib import Path

LOG_FILE = "golive-desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5


def configure(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send every logger to ``log_dir/golive-desk.log``, the last five kept as .1 … .5."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    rotate(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    for old in [h for h in root.handlers if getattr(h, "golive_log", False)]:
        root.removeHandler(old)
        old.close()
    handler.golive_log = True  # type: ignore[attr-defined]  # ours, to replace on reconfigure
    root.addHandler(handler)
    return path


def rotate(path: Path) -> None:
    """When ``path`` has reached :data:`MAX_BYTES`: .4 → .5, …, the file → .1."""
    try:
        if path.stat().st_size < MAX_BYTES:
            return
    except FileNotFoundError:
        return
    try:
        for n in range(BACKUPS - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                older.replace(path.with_name(f"{path.name}.{n + 1}"))
        path.replace(path.with_name(f"{path.name}.1"))
    except OSError as exc:  # a locked file (another window): log on into the long one
        logging.getLogger(__name__).warning("could not rotate %s: %s", path, exc)
