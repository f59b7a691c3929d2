"""Grab the Handover page and each page of the handover wizard, with the demo data.

    QT_QPA_PLATFORM=offscreen uv run python tools/handover_screenshots.py [--lang en]

Writes docs/screenshots/handover_page_zh.png, handover_notes_zh.png and
handover_wizard_1_zh.png … handover_wizard_7_zh.png (``_en`` with
``--lang en``), the exit thresholds dialog (dialog_thresholds_zh.png) and the
print preview of the handover document (preview_handover_zh.png). A throw-away
store in a temporary folder is used.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from screenshot_support import (
    OUT,
    ROOT,
    SIZE,
    demo_desktop,
    grab_dialog,
    grab_open,
    language_option,
    settle,
    suffix_of,
)

from golive_desk.app import make_qt_app
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.services.store_admin import init_store
from golive_desk.ui.handover.notes import NotesStep
from golive_desk.ui.handover.page import HandoverPage
from golive_desk.ui.handover.readiness import ReadinessStep
from golive_desk.ui.handover.sign_off import SignOffStep
from golive_desk.ui.handover.thresholds_dialog import ThresholdsDialog

WIZARD_SIZE = (1180, 820)


def main() -> int:
    parser = argparse.ArgumentParser()
    language_option(parser)
    options = parser.parse_args()
    suffix = suffix_of(options.lang)
    app = make_qt_app(["golive-desk"])
    with tempfile.TemporaryDirectory(prefix="golive-shots-") as tmp:
        root = Path(tmp)
        store = root / "store.db"
        init_store(store, "张力", "ZL")
        services = Services.open(store)
        fill_demo(services)
        services.handover.add_templates("HX", "zh_CN" if suffix == "zh" else "en_US")
        covers = {"刘芳": "总账, 应收, 应付", "孙丽华": "成本, 存货", "赵磊": "采购, 销售, 存货",
                  "吴刚": "系统管理, 打印, 权限", "郑敏": "总账, 应收, 应付"}
        for person in services.handover.contacts("HX"):
            if person.name in covers:
                services.handover.save_contact("HX", person.id, phone=person.phone,
                                               email=person.email,
                                               department=person.department,
                                               modules=covers[person.name])
        services.close()
        desktop = demo_desktop(app, root, options.lang)
        assert desktop.open_store(store)
        window = desktop.show_window()
        window.resize(*SIZE)
        window.show_page("handover")
        settle(desktop)
        page = window.page("handover")
        assert isinstance(page, HandoverPage)
        settle(desktop)
        OUT.mkdir(parents=True, exist_ok=True)
        written = [OUT / f"handover_page_{suffix}.png"]
        window.grab().save(str(written[-1]))
        page.tabs.setCurrentIndex(1)
        settle(desktop)
        notes = page.notes.visible_notes()
        if notes:
            page.notes.choose(notes[0][0])
        settle(desktop)
        written.append(OUT / f"handover_notes_{suffix}.png")
        window.grab().save(str(written[-1]))
        page.tabs.setCurrentIndex(0)

        page.open_wizard()
        settle(desktop)
        wizard = page.wizard
        assert wizard is not None
        wizard.resize(*WIZARD_SIZE)
        settle(desktop)
        for number in range(1, 8):
            current = wizard.current_step()
            if isinstance(current, ReadinessStep):
                current.reason.setPlainText(
                    "客户项目经理同意带着月结遗留事项交接，由运营维护服务部门跟进。"
                    if suffix == "zh" else "The customer's PM accepts the open month-end "
                    "items; the O&M department follows them up.")
            if isinstance(current, NotesStep) and current.editor.visible_notes():
                current.editor.choose(current.editor.visible_notes()[0][0])
            if isinstance(current, SignOffStep):
                current.editors["handover_by"].setText("张力（实施部门）")
                current.editors["handover_receiver"].setText("孙涛（运营维护服务部门）")
                current.sign_off()
            settle(desktop)
            written.append(OUT / f"handover_wizard_{number}_{suffix}.png")
            wizard.grab().save(str(written[-1]))
            wizard.next()
            settle(desktop)
        wizard.reject()
        settle(desktop)
        assert desktop.services is not None
        thresholds = desktop.services.handover.record("HX").thresholds
        written.append(grab_dialog(desktop, ThresholdsDialog(thresholds, page),
                                   OUT / f"dialog_thresholds_{suffix}.png"))
        preview = page.print_document()
        assert preview is not None
        written.append(grab_open(desktop, preview, OUT / f"preview_handover_{suffix}.png"))
        for path in written:
            print(f"wrote {path.relative_to(ROOT)}")
        desktop.shutdown()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
