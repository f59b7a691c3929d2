"""The version the program reports is the one the package is built with."""

from __future__ import annotations

import tomllib
from pathlib import Path

import golive_desk


def test_the_version_in_the_package_is_pyprojects() -> None:
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text("utf-8"))["project"]
    assert golive_desk.__version__ == project["version"]
