"""The window on a damaged store (issue 11): it says so and offers to recover."""

from __future__ import annotations

from pathlib import Path

from golive_desk.app import DesktopApp
from golive_desk.services.container import Services
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from tests.integration.test_faults import _store_with_issues, damage


def test_a_damaged_store_is_recovered_beside_it_and_opened(
        desktop: DesktopApp, prompter: ScriptedPrompter, store_path: Path) -> None:
    _store_with_issues(store_path, count=30)
    damage(store_path)
    before = store_path.read_bytes()
    prompter.confirms.append(True)
    assert desktop.open_store(store_path)
    kind, _, question = prompter.messages[0]
    assert kind == "confirm"
    assert "is damaged" in question
    assert "Recover it now?" in question
    kind, _, done = prompter.messages[1]
    assert kind == "info"
    assert "31 operations" in done
    assert desktop.services is not None
    assert desktop.services.store.path != store_path
    assert desktop.services.store.refusal is None
    assert desktop.settings().store_path == str(desktop.services.store.path)
    assert store_path.read_bytes() == before


def test_declining_recovery_opens_nothing(
        desktop: DesktopApp, prompter: ScriptedPrompter, store_path: Path) -> None:
    _store_with_issues(store_path, count=30)
    damage(store_path)
    prompter.confirms.append(False)
    assert not desktop.open_store(store_path)
    assert desktop.services is None
    assert not list(store_path.parent.glob("*.recovered-*"))
    Services.open(store_path).close()  # still readable, untouched
