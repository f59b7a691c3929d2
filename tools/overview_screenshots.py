"""Grab the Overview dashboard with the demo data, in Chinese and in English.

    QT_QPA_PLATFORM=offscreen uv run python tools/overview_screenshots.py [--lang en]

Writes docs/screenshots/overview_zh.png and main_zh.png (the People tab; ``_en``
with ``--lang en``) from a throw-away store, and the dialogs the window and the Overview open:
dialog_first_start, dialog_new_project, dialog_edit_project, dialog_person,
dialog_sla_policy and dialog_settings (``_zh``/``_en``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot_support import (  # noqa: E402
    OUT,
    demo_desktop,
    grab_dialog,
    language_option,
    settle,
    suffix_of,
)

from golive_desk.app import DesktopApp, make_qt_app  # noqa: E402
from golive_desk.services.demo import demo_store  # noqa: E402
from golive_desk.ui.dialogs.first_start import FirstStartDialog  # noqa: E402
from golive_desk.ui.dialogs.person_dialog import PersonDialog  # noqa: E402
from golive_desk.ui.dialogs.project_dialog import (  # noqa: E402
    EditProjectDialog,
    ProjectDialog,
    SlaPolicyDialog,
)
from golive_desk.ui.dialogs.settings_dialog import SettingsDialog  # noqa: E402
from golive_desk.ui.main_window import MainWindow  # noqa: E402

OVERVIEW_SIZE = (1600, 1000)  # taller than the others: the whole dashboard




def main() -> int:
    parser = argparse.ArgumentParser()
    language_option(parser)
    lang = parser.parse_args().lang
    suffix = suffix_of(lang)
    app = make_qt_app(["golive-desk"])
    with tempfile.TemporaryDirectory(prefix="golive-shots-") as tmp:
        root = Path(tmp)
        store = demo_store(root / "store.db")
        desktop = demo_desktop(app, root, lang)
        assert desktop.open_store(store)
        window = desktop.show_window()
        window.resize(*OVERVIEW_SIZE)
        window.show_page("overview")
        settle(desktop)
        OUT.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(OUT / f"overview_{suffix}.png"))
        print(f"wrote {OUT}/overview_{suffix}.png")
        page = window.page("overview")
        page.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
        settle(desktop)
        window.grab().save(str(OUT / f"main_{suffix}.png"))
        print(f"wrote {OUT}/main_{suffix}.png (the project's people)")
        page.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
        for path in dialogs(desktop, window, lang, suffix):
            print(f"wrote {path}")
        desktop.shutdown()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return 0


def dialogs(desktop: DesktopApp, window: MainWindow, lang: str, suffix: str) -> list[Path]:
    """The window's and the Overview's dialogs, filled as a user would, not run."""
    services = desktop.services
    assert services is not None
    written = []
    first = FirstStartDialog()
    first.name.setText("张力")
    first.initials.setText("ZL")
    written.append(grab_dialog(desktop, first, OUT / f"dialog_first_start_{suffix}.png"))
    new = ProjectDialog(window)
    new.code.setText("BJ")
    new.name.setText("北极光制冷 ERP 上线支持")
    new.customer.setText("宁波北极光制冷有限公司")
    written.append(grab_dialog(desktop, new, OUT / f"dialog_new_project_{suffix}.png"))
    edit = EditProjectDialog("HX", services.projects.settings("HX"), window)
    written.append(grab_dialog(desktop, edit, OUT / f"dialog_edit_project_{suffix}.png"))
    person = PersonDialog(window)
    person.name.setText("钱伟")
    person.initials.setText("QW")
    person.department.setText("运营维护服务部")
    person.phone.setText("0571-8802 3316")
    person.email.setText("qianwei@example.com")
    written.append(grab_dialog(desktop, person, OUT / f"dialog_person_{suffix}.png"))
    sla = SlaPolicyDialog(services.sla.policy("HX"), window)
    written.append(grab_dialog(desktop, sla, OUT / f"dialog_sla_policy_{suffix}.png"))
    settings = SettingsDialog(lang, "张力", "ZL", window)
    written.append(grab_dialog(desktop, settings, OUT / f"dialog_settings_{suffix}.png"))
    return written


if __name__ == "__main__":
    raise SystemExit(main())
