"""Editing a project after creation: one op per changed field, validated first."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from golive_desk.domain.errors import ValidationError
from golive_desk.domain.issues import DEFAULT_MODULES
from golive_desk.services.container import Services
from golive_desk.storage.oplog import op_count


def _ops(services: Services) -> int:
    with services.store.read() as tx:
        return op_count(tx)


def test_settings_read_back_what_was_created_with_defaults(services: Services,
                                                           project_code: str) -> None:
    settings = services.projects.settings(project_code)
    assert settings.name == "华星电子 ERP 上线支持"
    assert settings.go_live == date(2026, 11, 2)
    assert settings.month_end == date(2026, 11, 30)
    assert settings.modules == DEFAULT_MODULES
    assert settings.doc_prefix is None
    assert settings.onsite_days == 5


def test_an_update_writes_only_what_changed_and_every_reader_sees_it(
        services: Services, project_code: str) -> None:
    before = services.projects.settings(project_code)
    ops = _ops(services)
    wanted = replace(before, customer="华星电子股份有限公司", doc_prefix="HXDZ_ERP_",
                     modules=("总账", " 应收 ", "总账", "生产"), onsite_days=8)
    project, changes = services.projects.update_project(project_code, wanted)
    assert _ops(services) == ops + 4  # customer, doc_prefix, modules, onsite_days
    assert changes.touches("project")
    assert project.customer == "华星电子股份有限公司"
    assert project.doc_prefix == "HXDZ_ERP"  # the number adds its own "_"
    assert services.issues.modules(project_code) == ("总账", "应收", "生产")
    assert services.calendar.onsite_days(project_code) == 8
    # Nothing changed: nothing written.
    _, again = services.projects.update_project(project_code,
                                                services.projects.settings(project_code))
    assert _ops(services) == ops + 4
    assert not again.touches("project")


def test_clearing_the_prefix_returns_to_the_project_code(services: Services,
                                                         project_code: str) -> None:
    settings = services.projects.settings(project_code)
    services.projects.update_project(project_code, replace(settings, doc_prefix="HX_DOC"))
    project, _ = services.projects.update_project(project_code, replace(settings, doc_prefix=" "))
    assert project.doc_prefix is None


@pytest.mark.parametrize(("change", "field"), [
    ({"name": "  "}, "name"),
    ({"customer": ""}, "customer"),
    ({"month_end": date(2026, 10, 1)}, "month_end"),
    ({"doc_prefix": "HX ERP"}, "doc_prefix"),
    ({"modules": ()}, "modules"),
    ({"modules": ("x" * 31,)}, "modules"),
    ({"onsite_days": 61}, "onsite_days"),
])
def test_bad_settings_are_refused_and_nothing_is_written(
        services: Services, project_code: str, change: dict[str, object], field: str) -> None:
    ops = _ops(services)
    wanted = replace(services.projects.settings(project_code), **change)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        services.projects.update_project(project_code, wanted)
    assert caught.value.field == field
    assert _ops(services) == ops
