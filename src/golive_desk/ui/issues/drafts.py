"""Unsaved issue forms on disk, so a crash or a power cut loses nothing.

A draft holds only the fields the user changed (and, for a new issue, the
files waiting to be attached), written to ``<data>/drafts/<key>.json``. These
functions do file IO: the form calls them through the task runner, never in
a slot. The module imports no Qt.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from golive_desk.domain.errors import FileUnreadableError

log = logging.getLogger(__name__)

DRAFT_FORMAT = 1
_UNSAFE = re.compile(r"[^0-9A-Za-z_.-]+")


@dataclass(frozen=True)
class Draft:
    """The unsaved part of one form.

    ``key`` is the issue id, or ``new-<project code>`` for an issue not yet
    saved. ``values`` are form values (JSON: text, ISO dates, booleans);
    ``files`` are paths to attach once a new issue is created. ``seen`` holds,
    per field in ``values``, the versions the user saw when typing it, so a
    draft saved after an import still supersedes only those.
    """

    key: str
    project: str
    values: dict[str, object]
    number: str = ""
    base_updated_at: str = ""
    saved_at: str = ""
    files: tuple[str, ...] = field(default_factory=tuple)
    seen: dict[str, tuple[str, ...]] = field(default_factory=dict)


def key_for(issue_id: str | None, project: str) -> str:
    return issue_id if issue_id else f"new-{project}"


class DraftStore:
    """One JSON file per draft in ``folder``; writes are atomic (temp file + rename)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / f"{_UNSAFE.sub('_', key)}.json"

    def files_dir(self, key: str) -> Path:
        """Where pasted screenshots of an unsaved new issue wait for it to be created."""
        return self.folder / f"{_UNSAFE.sub('_', key)}.files"

    def save(self, draft: Draft) -> bool:
        """Write ``draft``; False (and a log line) when the disk refuses.

        A draft is a safety net: failing to write one must not interrupt the
        user, who still has the form open and can save it.
        """
        try:
            self._write(draft)
        except OSError as exc:
            log.warning("could not write the draft %s: %s", draft.key, exc)
            return False
        return True

    def _write(self, draft: Draft) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        body = {"format": DRAFT_FORMAT, "key": draft.key, "project": draft.project,
                "number": draft.number, "base_updated_at": draft.base_updated_at,
                "saved_at": draft.saved_at or datetime.now().strftime("%Y-%m-%dT%H:%M:%S"),
                "values": draft.values, "files": list(draft.files),
                "seen": {k: list(v) for k, v in draft.seen.items()}}
        fd, tmp = tempfile.mkstemp(prefix=".draft-", dir=self.folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(body, out, ensure_ascii=False, indent=1)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self._path(draft.key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def load(self, key: str) -> Draft | None:
        """The draft for ``key``, or None (also when the file is damaged: it is logged)."""
        path = self._path(key)
        try:
            body = json.loads(path.read_text("utf-8"))
            values = body["values"]
            if not isinstance(values, dict):
                raise TypeError("values is not an object")
            return Draft(key=str(body["key"]), project=str(body.get("project", "")),
                         values=values, number=str(body.get("number", "")),
                         base_updated_at=str(body.get("base_updated_at", "")),
                         saved_at=str(body.get("saved_at", "")),
                         files=tuple(str(f) for f in body.get("files", [])),
                         seen=_seen(body.get("seen")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring damaged draft %s: %s", path, exc)
            return None

    def delete(self, key: str) -> None:
        try:
            self._path(key).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not delete the draft %s: %s", key, exc)
        shutil.rmtree(self.files_dir(key), ignore_errors=True)

    def store_bytes(self, key: str, name: str, data: bytes) -> Path:
        """Keep pasted bytes (a screenshot) beside the draft until the issue is saved."""
        folder = self.files_dir(key)
        target = folder / _UNSAFE.sub("_", name)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        except OSError as exc:
            raise FileUnreadableError("file", f"cannot keep {name}: {exc}", name=name) from exc
        return target


def _seen(raw: object) -> dict[str, tuple[str, ...]]:
    """The ``seen`` map of a draft file (absent in drafts older than it: empty)."""
    if not isinstance(raw, dict):
        return {}
    return {str(k): tuple(str(i) for i in v) for k, v in raw.items() if isinstance(v, list)}
