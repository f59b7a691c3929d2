"""Which columns the register shows: a right click on its header, remembered in the settings.

Twelve columns do not fit a laptop's screen beside the title in every
language; the number and the title are always shown, the others can be
hidden, and "Last change" starts hidden (the register sorts by it on request).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QHeaderView, QMenu

ALWAYS_SHOWN = frozenset({"number", "title"})
HIDDEN_BY_DEFAULT = ("updated_at",)


def hidden_from_text(text: str, columns: tuple[str, ...]) -> set[str]:
    """The hidden columns a setting names ("": the defaults); unknown names are ignored."""
    try:
        names = json.loads(text) if text else list(HIDDEN_BY_DEFAULT)
    except ValueError:
        names = list(HIDDEN_BY_DEFAULT)
    if not isinstance(names, list):
        names = list(HIDDEN_BY_DEFAULT)
    return {n for n in names if isinstance(n, str) and n in columns} - ALWAYS_SHOWN


class ColumnChooser(QObject):
    """Hides and shows the header's columns; ``changed`` is called after each toggle."""

    def __init__(self, header: QHeaderView, columns: tuple[str, ...],
                 captions: dict[str, str], hidden: set[str],
                 save: Callable[[str], None], changed: Callable[[], None]) -> None:
        super().__init__(header)
        self._header = header
        self._columns = columns
        self._captions = captions
        self._save = save
        self._changed = changed
        for n, name in enumerate(columns):
            header.setSectionHidden(n, name in hidden)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu_at)

    def hidden(self) -> list[str]:
        return [name for n, name in enumerate(self._columns) if self._header.isSectionHidden(n)]

    def menu(self) -> QMenu:
        """The header's menu: one checkable entry per column that may be hidden."""
        menu = QMenu(self._header)
        for n, name in enumerate(self._columns):
            if name in ALWAYS_SHOWN:
                continue
            action = menu.addAction(self._captions[name])
            action.setCheckable(True)
            action.setChecked(not self._header.isSectionHidden(n))
            action.toggled.connect(lambda shown, n=n: self.set_shown(n, shown))
        return menu

    def set_shown(self, column: int, shown: bool) -> None:
        self._header.setSectionHidden(column, not shown)
        self._save(json.dumps(self.hidden()))
        self._changed()

    def _menu_at(self, pos: QPoint) -> None:
        self.menu().exec(self._header.mapToGlobal(pos))
