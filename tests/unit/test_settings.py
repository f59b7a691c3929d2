"""Settings survive restarts; a damaged file falls back to defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from golive_desk import settings


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    settings.save(path, settings.Settings(language="zh_CN", last_project="HX"))
    assert settings.load(path) == settings.Settings(language="zh_CN", last_project="HX")


def test_damaged_settings_give_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", "utf-8")
    assert settings.load(path) == settings.Settings()


@pytest.mark.parametrize(("lang", "expected"), [("zh_CN.UTF-8", "zh_CN"), ("de_DE.UTF-8", "en")])
def test_default_language_follows_the_system(monkeypatch: pytest.MonkeyPatch, lang: str,
                                             expected: str) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", lang)
    assert settings.Settings().effective_language() == expected
