"""The storage seam: services reach storage through its functions, never through SQL.

Services may import ``golive_desk.storage`` modules (repositories, query
functions, ``Store``, ``Tx``) but not SQLAlchemy, not the table definitions,
and they name no ``Connection``: what SQL runs, and on which database, is
storage's business (docs/architecture.md, "The storage seam").
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import golive_desk.services

SERVICES = Path(golive_desk.services.__file__).parent
FORBIDDEN = ("sqlalchemy", "golive_desk.storage.tables", "alembic")


def _imported(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module an ``import`` or ``from … import`` names, with its line (at any depth:
    an import inside a function counts too)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def _breaches(source: str) -> list[str]:
    tree = ast.parse(source)
    problems = [f"line {line}: imports {name}" for line, name in _imported(tree)
                if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)]
    problems += [f"line {node.lineno}: names Connection" for node in ast.walk(tree)
                 if (isinstance(node, ast.Name) and node.id == "Connection")
                 or (isinstance(node, ast.Attribute) and node.attr == "Connection")]
    return problems


@pytest.mark.parametrize("path", sorted(SERVICES.rglob("*.py")), ids=lambda p: p.name)
def test_services_know_no_sql(path: Path) -> None:
    assert _breaches(path.read_text("utf-8")) == []


@pytest.mark.parametrize("source", [
    "import sqlalchemy",
    "from sqlalchemy import select",
    "from sqlalchemy.engine import Row",
    "def f():\n    from golive_desk.storage.tables import ops",
    "from golive_desk.storage import tables",
    "def f(conn: Connection) -> None: ...",
    "def f(conn: 'sa.Connection') -> None: ...\nimport sqlalchemy as sa",
])
def test_the_check_catches_each_way_in(source: str) -> None:
    assert _breaches(source)


def test_the_check_lets_storage_functions_through() -> None:
    assert _breaches("from golive_desk.storage import issue_queries, sync_state\n"
                     "from golive_desk.storage.engine import Store, Tx\n"
                     '"""A Connection in words is fine."""') == []
