"""Refresh resources/translations/golive_desk_zh_CN.ts from the code, then fill it.

    uv run python tools/update_translations.py

1. ``pyside6-lupdate`` extracts every ``tr()``/``translate()`` string from src/.
2. Each unfinished message gets its Chinese text from ``tools/zh_CN.json``
   (source text -> translation; a ``"Context|source"`` key wins over a plain one).
3. Messages still without a translation are listed; the exit status is 1 if any.
The .qm files are compiled by the build (hatch_build.py), not here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "golive_desk_zh_CN.ts"
GLOSSARY = ROOT / "tools" / "zh_CN.json"


def extract(ts: Path = TS) -> None:
    sources = sorted(str(p) for p in (ROOT / "src" / "golive_desk").rglob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", "-locations", "none",
                    *sources, "-ts", str(ts)], check=True)


def fill(ts: Path = TS) -> list[str]:
    glossary: dict[str, str] = json.loads(GLOSSARY.read_text("utf-8"))
    tree = ET.parse(ts)
    missing: list[str] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            text = glossary.get(f"{name}|{source}", glossary.get(source))
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished" or not translation.text:
                missing.append(f"{name}|{source}")
    tree.getroot().set("language", "zh_CN")
    ET.indent(tree)
    with ts.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
    return missing


def check() -> list[str]:
    """Problems without writing: untranslated strings, or a .ts behind the code.

    The .qm the build compiles comes from the committed .ts, so a string that
    only the glossary knows would still show in English: that fails too.
    """
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / TS.name
        shutil.copy(TS, copy)
        extract(copy)
        missing = fill(copy)
        if copy.read_bytes() != TS.read_bytes():
            missing.append(f"{TS.name} is out of date: run tools/update_translations.py")
        return missing


def main() -> int:
    if "--check" in sys.argv:
        missing = check()
    else:
        extract()
        missing = fill()
    for item in missing:
        print(f"untranslated: {item}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
