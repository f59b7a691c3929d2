"""Input rules: a wrong date or code gets a message naming the field."""

from __future__ import annotations

from datetime import date

import pytest

from golive_desk.domain import validation
from golive_desk.domain.errors import ValidationError


def test_dates_must_be_iso() -> None:
    assert validation.parse_date("go_live", " 2026-11-02 ") == date(2026, 11, 2)
    with pytest.raises(ValidationError, match="go_live: '2026-02-30' is not a date"):
        validation.parse_date("go_live", "2026-02-30")


@pytest.mark.parametrize("code", ["", "1HX", "H", "HX-1", "ABCDEFGHIJK"])
def test_bad_project_codes_are_refused(code: str) -> None:
    with pytest.raises(ValidationError) as err:
        validation.project_code(code)
    assert err.value.field == "code"


def test_codes_and_initials_are_upper_cased() -> None:
    assert validation.project_code("hx2") == "HX2"
    assert validation.initials("zl") == "ZL"


def test_required_text_is_stripped_and_bounded() -> None:
    assert validation.required("name", "  张力 ") == "张力"
    with pytest.raises(ValidationError):
        validation.required("name", "   ")
    with pytest.raises(ValidationError):
        validation.required("name", "长" * 201)
