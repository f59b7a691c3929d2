"""Translators and fonts: Chinese must render on machines that have no CJK font."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from golive_desk.paths import cjk_font_path, resource

log = logging.getLogger(__name__)

CJK_FAMILY_FALLBACK = "WenQuanYi Micro Hei"


def register_cjk_font(app: QApplication) -> str:
    """Register the bundled CJK TrueType font and make it every text's fallback."""
    font_id = QFontDatabase.addApplicationFont(str(cjk_font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = families[0] if families else CJK_FAMILY_FALLBACK
    if font_id < 0:
        log.warning("could not register %s", cjk_font_path())
    base = app.font()
    font = QFont(base)
    font.setFamilies([base.family(), family])
    app.setFont(font)
    return family


class Translators:
    """Our own strings plus Qt's (for standard dialogs and buttons)."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"  # what the window speaks: printing follows it

    def install(self, language: str) -> bool:
        """Switch to ``language`` ("zh_CN" or "en"); returns False if a file was missing."""
        for old in self._installed:
            self._app.removeTranslator(old)
        self._installed.clear()
        QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
        self.language = language
        if language == "en":
            return True
        ok = True
        ours = QTranslator(self._app)
        qm = resource("translations", f"golive_desk_{language}.qm")
        if ours.load(str(qm)):
            self._install(ours)
        else:
            log.warning("translation %s missing; showing English", qm)
            ok = False
        qt = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir) or qt.load(
                f"qtbase_{language}", str(Path(resource("translations")))):
            self._install(qt)
        return ok

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)
