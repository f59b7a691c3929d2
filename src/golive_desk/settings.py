"""User settings (language, last project) as a small JSON file in the config folder.

Plain JSON rather than QSettings so the CLI and services can read it too.
"""

from __future__ import annotations

import json
import locale
import logging
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")


def system_language() -> str:
    """zh_CN when the system speaks Chinese, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh_CN" if code.lower().startswith("zh") else "en"


@dataclass(frozen=True)
class Settings:
    language: str = ""
    last_project: str = ""
    store_path: str = ""
    # The handover wizard's last page per project: JSON {project id: page index}.
    handover_pages: str = ""
    # The register's hidden columns: a JSON list of names ("": the defaults).
    register_hidden: str = ""

    def effective_language(self) -> str:
        return self.language if self.language in LANGUAGES else system_language()

    def with_(self, **changes: str) -> Settings:
        return replace(self, **changes)


def load(path: Path) -> Settings:
    """Read settings; a missing or damaged file gives the defaults (and a log line)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable settings %s: %s", path, exc)
        return Settings()
    known = {k: str(v) for k, v in data.items() if k in Settings.__dataclass_fields__}
    return Settings(**known)


def save(path: Path, settings: Settings) -> None:
    """Write atomically: a crash mid-write never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), "utf-8")
    os.replace(tmp, path)
