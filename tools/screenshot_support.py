"""What the screenshot tools share: the language option, a desktop over a scratch
folder, waiting until the window has settled, grabbing a dialog without running
its event loop, a printed page as an image."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from golive_desk.app import DesktopApp
from golive_desk.paths import AppDirs
from golive_desk.ui.scripted_prompter import ScriptedPrompter

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1600, 940)  # the main window in every screenshot of it


def settle(desktop: DesktopApp, seconds: float = 0.6) -> None:
    """Let the worker finish and the window paint, for at least ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end or desktop.runner.is_busy():
        desktop.runner.wait(100)
        QApplication.processEvents()


def grab_dialog(desktop: DesktopApp, dialog: QWidget, path: Path,
                size: tuple[int, int] | None = None, seconds: float = 0.3) -> Path:
    """Show ``dialog`` without exec(), let it settle, save it to ``path``, close it."""
    dialog.show()
    if size is not None:
        dialog.resize(*size)
    settle(desktop, seconds)
    dialog.grab().save(str(path))
    dialog.close()
    dialog.deleteLater()
    QApplication.processEvents()
    return path


def grab_open(desktop: DesktopApp, dialog: QWidget, path: Path, seconds: float = 1.5) -> Path:
    """Save a dialog already shown (a print preview rendering its pages), then close it."""
    settle(desktop, seconds)
    dialog.grab().save(str(path))
    dialog.close()
    dialog.deleteLater()
    QApplication.processEvents()
    return path


def language_option(parser: argparse.ArgumentParser) -> None:
    """``--lang zh_CN|en``: the language the window and the paper are shown in."""
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))


def suffix_of(lang: str) -> str:
    """The screenshot's file-name suffix for ``lang``: ``zh`` or ``en``."""
    return "zh" if lang == "zh_CN" else "en"


def demo_desktop(app: QApplication, root: Path, lang: str) -> DesktopApp:
    """A desktop over folders in ``root`` answering prompts by script, in ``lang``."""
    desktop = DesktopApp(app, AppDirs(root / "d", root / "c", root / "l"), root / "log",
                         ScriptedPrompter())
    desktop.translators.install(lang)
    return desktop


def pdf_page_png(pdf: bytes, page: int, path: Path, dpi: int = 100) -> Path:
    """One printed page as an image (PDFium, as the print preview renders it)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        document[page].render(scale=dpi / 72).to_pil().convert("RGB").save(str(path))
    finally:
        document.close()
    return path
