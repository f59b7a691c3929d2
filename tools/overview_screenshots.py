"""Grab the Overview dashboard with the demo data, in Chinese and in English.

    QT_QPA_PLATFORM=offscreen uv run python tools/overview_screenshots.py [--lang en]

Writes docs/screenshots/overview_zh.png and overview_en.png from a throw-away store.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot_support import settle  # noqa: E402

from golive_desk.app import DesktopApp, make_qt_app  # noqa: E402
from golive_desk.paths import AppDirs  # noqa: E402
from golive_desk.services.container import Services  # noqa: E402
from golive_desk.services.demo import fill_demo  # noqa: E402
from golive_desk.services.store_admin import init_store  # noqa: E402
from golive_desk.ui.prompter import ScriptedPrompter  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1600, 1000)




def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    lang = parser.parse_args().lang
    suffix = "zh" if lang == "zh_CN" else "en"
    app = make_qt_app(["golive-desk"])
    with tempfile.TemporaryDirectory(prefix="golive-shots-") as tmp:
        root = Path(tmp)
        store = root / "store.db"
        init_store(store, "张力", "ZL")
        services = Services.open(store)
        fill_demo(services)
        services.close()
        # one language per process: translators installed earlier would linger
        if True:
            desktop = DesktopApp(app, AppDirs(root / "d", root / "c", root / "l"),
                                 root / "log", ScriptedPrompter())
            desktop.translators.install(lang)
            assert desktop.open_store(store)
            window = desktop.show_window()
            window.resize(*SIZE)
            window.show_page("overview")
            settle(desktop)
            OUT.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(OUT / f"overview_{suffix}.png"))
            print(f"wrote {OUT}/overview_{suffix}.png")
            desktop.shutdown()
            window.close()
            window.deleteLater()
            QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
