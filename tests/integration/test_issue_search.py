"""Full-text search over issues: Chinese substrings of any length, operators, freshness."""

from __future__ import annotations

import random

import pytest

from golive_desk.domain.issues import IssueQuery
from golive_desk.services.container import Services
from golive_desk.storage import search

CORPUS = (
    ("凭证审核后无法反审核", "财务部刘芳反映记-0123号凭证审核后无法反审核", "出纳已签字",
     "取消出纳签字后反审核"),
    ("采购入库单价取不到", "宁波长盛电子的入库单单价为零", "价格表过期", "更新价格表有效期"),
    ("月末结账提示存货未记账", "存货核算结账时提示存在未记账单据", "其他出库单未审核",
     "审核后记账"),
    ("销售发票打印格式错位", "Printer offset: 100% zoom on A4", "纸张设置错误",
     "自定义纸张 241×140"),
    ("Bank file FORMAT error", "网银上传提示第 3 列格式错误 (column_3)", "接口升级",
     "调整导出模板"),
)


@pytest.fixture
def corpus(services: Services, project_code: str) -> dict[str, str]:
    """Issue number → everything search should see of it (its text fields and notes)."""
    texts: dict[str, str] = {}
    for title, description, cause, resolution in CORPUS:
        issue, _ = services.issues.create(project_code, {
            "title": title, "description": description, "cause": cause,
            "resolution": resolution})
        note = f"已电话通知用户：{title[:3]}"
        services.issues.add_entry(issue.number, "note", note)
        texts[issue.number] = "\n".join((issue.number, title, description, cause,
                                         resolution, note))
    return texts


def found(services: Services, text: str, **kw: object) -> set[str]:
    query = IssueQuery(text=text, **kw)  # type: ignore[arg-type]
    return {i.number for i in services.issues.list_issues(query)}


def expected(corpus: dict[str, str], text: str) -> set[str]:
    terms = search.terms(text)
    return {n for n, body in corpus.items() if all(t.lower() in body.lower() for t in terms)}


@pytest.mark.parametrize("text", ["审", "核", "价", "反审", "入库", "结账", "凭证审核",
                                  "入库单价", "存货未记账", "打印格式错位"])
def test_chinese_substrings_of_one_two_and_four_characters(
        services: Services, corpus: dict[str, str], text: str) -> None:
    hits = found(services, text)
    assert hits
    assert hits == expected(corpus, text)


def test_every_field_and_the_timeline_are_searched(services: Services,
                                                   corpus: dict[str, str]) -> None:
    first = sorted(corpus)[0]
    assert found(services, first) == {first}  # the number
    assert found(services, "出纳已签字") == {first}  # cause
    assert found(services, "取消出纳签字") == {first}  # resolution
    assert found(services, "已电话通知用户：凭证") == {first}  # a timeline note
    assert found(services, "HX-ZL") == set(corpus)


def test_latin_text_is_case_blind(services: Services, corpus: dict[str, str]) -> None:
    assert found(services, "bank FILE") == expected(corpus, "bank file") != set()
    assert found(services, "fo") == expected(corpus, "FO") != set()
    assert found(services, "a4") == expected(corpus, "A4") != set()


@pytest.mark.parametrize("text", [
    '"', '""', '"凭证', "*", "凭证*", "NEAR", "NEAR(凭证 审核)", "OR", "凭证 OR 审核",
    "AND", "NOT 凭证", "-审核", "^审核", "审核:", "(", ")", "{", "\\", "'", "%", "_", "100%",
    "column_3", "%%", "审核' OR 1=1 --", "\x00", "　", "凭证\t审核",
])
def test_operator_and_quote_strings_are_searched_literally(
        services: Services, corpus: dict[str, str], text: str) -> None:
    assert found(services, text) == expected(corpus, text)


def test_terms_combine_with_and(services: Services, corpus: dict[str, str]) -> None:
    assert found(services, "凭证 反审") == expected(corpus, "凭证 反审") != set()
    assert found(services, "凭证 入库单价") == set()


def test_search_follows_edits_deletes_and_project(services: Services,
                                                  corpus: dict[str, str]) -> None:
    number = sorted(corpus)[1]
    services.issues.update(number, {"title": "采购订单关闭后仍可参照"})
    assert number not in found(services, "入库单价取不到")
    assert number in found(services, "订单关闭")
    services.issues.delete(number)
    assert number not in found(services, "订单关闭")
    assert number in found(services, "订单关闭", include_deleted=True)
    assert found(services, "订单关闭", project="HX") == set()


def test_a_very_common_short_term_falls_back_to_a_scan(services: Services,
                                                       project_code: str) -> None:
    # One character followed by more distinct characters than the vocabulary
    # expansion takes: the search must scan, and still escape LIKE's wildcards.
    spread = "".join(f"%{chr(0x4E00 + i)}" for i in range(search.MAX_PREFIX_TERMS + 5))
    wild, _ = services.issues.create(project_code, {"title": "通配符", "description": spread})
    plain, _ = services.issues.create(project_code, {"title": "普通问题"})
    assert found(services, "%") == {wild.number}
    assert found(services, "_") == set()
    assert plain.number in found(services, "普")


def test_random_substrings_match_a_plain_scan(services: Services,
                                              corpus: dict[str, str]) -> None:
    rng = random.Random(5)
    bodies = list(corpus.values())
    for _ in range(80):
        body = rng.choice(bodies).replace("\n", "")
        length = rng.randint(1, 5)
        start = rng.randrange(len(body) - length)
        text = body[start:start + length]
        if rng.random() < 0.3:
            text = text.upper()
        assert found(services, text) == expected(corpus, text), text


def test_query_helpers_quote_everything() -> None:
    assert search.fts_phrase('a"b') == '"a""b"'
    assert search.like_pattern("5%_\\") == "%5\\%\\_\\\\%"
    assert search.terms(' "凭证"  审核 凭证 ') == ["凭证", "审核"]
    assert len(search.terms(" ".join(str(i) for i in range(20)))) == search.MAX_QUERY_TERMS
