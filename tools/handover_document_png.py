"""Render the demo project's handover document (项目交接与验收) to PNG.

    uv run python tools/handover_document_png.py [--lang en] [--all PREFIX]

Writes docs/screenshots/handover_document_cover_zh.png and
handover_document_signoff_zh.png (``_en`` with ``--lang en``) at 80 dpi, the
size of the other document screenshots; ``--all /tmp/h`` also writes every page
as /tmp/h-1.png, /tmp/h-2.png … to look the whole document over. The demo
(120 issues) is walked through the handover as the wizard would: templates,
transfers with owners and plans, contacts' modules, exit, lessons, signers,
sign-off. pypdfium2 (the preview's engine) renders: no poppler needed.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pypdfium2
from screenshot_support import OUT, language_option, suffix_of

from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.services.store_admin import init_store

DPI = 80
MODULES = {"刘芳": "总账、应收、应付", "赵磊": "采购、库存、销售", "孙丽华": "成本",
           "吴刚": "系统管理、打印与网络", "郑敏": "全部模块一线受理"}


def walk_handover(services: Services, code: str) -> None:
    """Fill every page of the handover as a consultant would, then sign off."""
    ho = services.handover
    ho.add_templates(code, "zh_CN")
    still_open = [i.number for i in ho.untransferred(code)]
    half = len(still_open) // 2
    ho.transfer_many(still_open[:half], "吴刚", "运维部门跟踪：与厂商热线确认补丁版本，"
                     "在测试账套验证后安排上线，每周五向客户项目经理通报进展。")
    ho.transfer_many(still_open[half:], "郑敏", "按维护手册处理，月末结账前完成复核。")
    for person in ho.contacts(code):
        ho.save_contact(code, person.id, phone=person.phone, email=person.email,
                        department=person.department, modules=MODULES.get(person.name, ""))
    project = services.projects.get(code)
    ho.set_exit(code, project.go_live + timedelta(days=28))
    ho.save_record(code, {
        "handover_by": "周建国（杭州分公司实施部）", "handover_receiver": "钱伟（运营维护服务部）",
        "accept_customer": "王海东", "accept_vendor": "周建国",
        "handover_override": "新增问题日均数与紧急问题间隔尚未达标，主要来自期初数据补录；"
                             "相关问题已移交运营维护服务部门跟进，客户项目经理同意按期交接。",
        "handover_lessons": "1. 期初数据导入前安排两轮校验，可减少上线后的数据问题。\n"
                            "2. 关键用户培训应覆盖月末结账全流程，并在首次结账前演练。\n"
                            "3. 打印模板应在上线前由客户逐张确认。"})
    ho.sign_off(code, date.today())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    language_option(parser)
    parser.add_argument("--all", metavar="PREFIX", help="also write every page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "demo.db"
        init_store(store, "张力", "ZL")
        services = Services.open(store)
        try:
            code = fill_demo(services, issues=120).project_code
            walk_handover(services, code)
            pdf = services.printing.print_handover(code, args.lang)
        finally:
            services.close()
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = [page.render(scale=DPI / 72).to_pil() for page in document]
    finally:
        document.close()
    suffix = suffix_of(args.lang)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, image in (("cover", pages[0]), ("signoff", pages[-1])):
        path = OUT / f"handover_document_{name}_{suffix}.png"
        image.convert("RGB").save(path, optimize=True)
        print(path)
    if args.all:
        for number, image in enumerate(pages, start=1):
            image.convert("RGB").save(f"{args.all}-{number}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
