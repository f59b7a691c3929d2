"""Hatch build hook: compile Qt translation sources (.ts) into .qm files.

The .qm files are build products and are not committed. They are written
beside their sources so that editable installs (``uv run``) and wheels both
find them under ``resources/translations``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _lrelease() -> list[str]:
    exe = shutil.which("pyside6-lrelease")
    if exe:
        return [exe]
    import PySide6  # the build requirement ships lrelease inside the package

    root = Path(PySide6.__file__).parent
    for candidate in (root / "lrelease", root / "lrelease.exe",
                      root / "Qt" / "libexec" / "lrelease"):
        if candidate.exists():
            return [str(candidate)]
    raise RuntimeError("lrelease not found: PySide6-Essentials must be a build requirement")


def compile_translations(root: Path) -> list[Path]:
    """Compile every ``resources/translations/*.ts`` into a ``.qm`` beside it."""
    out: list[Path] = []
    for ts in sorted((root / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([*_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        compile_translations(Path(self.root))
