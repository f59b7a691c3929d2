"""The user's folders on Linux: read from the XDG variables as platformdirs reads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from platformdirs import PlatformDirs

from golive_desk.paths import APP_NAME, AppDirs

CASES = [
    {},  # none set: ~/.local/share, ~/.config, ~/.local/state
    {"XDG_DATA_HOME": "/srv/data", "XDG_CONFIG_HOME": "/srv/conf", "XDG_STATE_HOME": "/srv/st"},
    {"XDG_DATA_HOME": "relative/data", "XDG_CONFIG_HOME": "", "XDG_STATE_HOME": "~/state"},
]


@pytest.mark.parametrize("variables", CASES)
def test_the_folders_are_platformdirs_ones(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                           variables: dict[str, str]) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    expected = PlatformDirs(APP_NAME, appauthor=False)
    dirs = AppDirs.for_user()
    assert dirs.data == Path(expected.user_data_dir)
    assert dirs.config == Path(expected.user_config_dir)
    assert dirs.log == Path(expected.user_log_dir)
    assert dirs.default_store.parent == dirs.data

