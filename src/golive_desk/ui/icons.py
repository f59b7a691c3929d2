"""Icons from resources/icons (SVG, rendered by QtSvg at any size)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from golive_desk.paths import resource


def icon(name: str) -> QIcon:
    return QIcon(str(resource("icons", f"{name}.svg")))
