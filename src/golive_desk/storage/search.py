"""Full-text search over issues: number, title, description, cause, resolution, timeline.

The one module that knows SQLite's FTS5. Documents (``issue_search``) and the
trigram index (``issue_fts``) are kept by triggers from revision 0003.

A query is split into terms at white space and quote marks; an issue matches
when it contains every term as a substring (case-insensitive for Latin
letters). User text never reaches FTS5's query language unquoted, so quotes,
``*``, ``NEAR`` or ``OR`` are searched for literally and never raise an error.

- Terms of three or more characters: an FTS5 phrase, answered by the index.
- Terms of one or two characters: the trigram index cannot match them
  directly, but every occurrence starts a trigram (each indexed column ends
  with a newline), so the index's vocabulary lists the trigrams that begin
  with the term and an OR of those is exact. When a very short, very common
  term starts too many trigrams, a LIKE scan of the documents is cheaper.
- Other databases (no FTS5): LIKE over the base tables.
"""

from __future__ import annotations

import re

from sqlalchemy import (
    ColumnElement,
    Connection,
    column,
    false,
    literal_column,
    or_,
    select,
    table,
)

from golive_desk.storage.tables import issue_search, issues, timeline_entries

# More trigrams than this for a one/two-character term: scan instead.
MAX_PREFIX_TERMS = 400
MAX_QUERY_TERMS = 8
_SPLIT = re.compile(r"[\s\"“”„«»]+")
_TOP = "\U0010ffff"  # sorts after every character: the upper bound of a prefix range

_fts = table("issue_fts", column("rowid"))
_vocab = table("issue_fts_vocab", column("term"))


def terms(text: str) -> list[str]:
    """The distinct search terms of ``text``, in order (at most MAX_QUERY_TERMS)."""
    seen: list[str] = []
    for part in _SPLIT.split(text):
        if part and part.lower() not in (t.lower() for t in seen):
            seen.append(part)
    return seen[:MAX_QUERY_TERMS]


def fts_phrase(term: str) -> str:
    """``term`` as one FTS5 phrase: inside double quotes every character is literal."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    """A LIKE pattern for a substring, with ``\\`` escaping ``%`` and ``_``."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def issue_condition(conn: Connection, text: str) -> ColumnElement[bool] | None:
    """A condition on ``issues.id`` that keeps the issues matching ``text``.

    None when ``text`` has no terms (no filtering). Needs the connection:
    short terms are looked up in the index's vocabulary first.
    """
    wanted = terms(text)
    if not wanted:
        return None
    if conn.dialect.name != "sqlite":
        return _and_all([_base_like(term) for term in wanted])
    conditions = [_term_condition(conn, term) for term in wanted]
    return _and_all(conditions)


def _and_all(conditions: list[ColumnElement[bool]]) -> ColumnElement[bool]:
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined & condition
    return combined


def _term_condition(conn: Connection, term: str) -> ColumnElement[bool]:
    if len(term) >= 3:
        return _fts_match(fts_phrase(term))
    prefix = term.lower()
    found = conn.execute(
        select(_vocab.c.term).where(_vocab.c.term >= prefix, _vocab.c.term < prefix + _TOP)
        .limit(MAX_PREFIX_TERMS + 1)).scalars().all()
    if not found:
        return false()
    if len(found) > MAX_PREFIX_TERMS:
        docs = select(issue_search.c.issue_id).where(
            issue_search.c.body.like(like_pattern(term), escape="\\"))
        return issues.c.id.in_(docs)
    return _fts_match(" OR ".join(fts_phrase(str(t)) for t in found))


def _fts_match(expression: str) -> ColumnElement[bool]:
    matching = select(_fts.c.rowid).where(literal_column("issue_fts").match(expression))
    docs = select(issue_search.c.issue_id).where(issue_search.c.doc.in_(matching))
    return issues.c.id.in_(docs)


def _base_like(term: str) -> ColumnElement[bool]:
    pattern = like_pattern(term)
    columns = (issues.c.number, issues.c.title, issues.c.description, issues.c.cause,
               issues.c.resolution)
    in_timeline = select(timeline_entries.c.issue_id).where(
        timeline_entries.c.text.ilike(pattern, escape="\\"))
    return or_(*(c.ilike(pattern, escape="\\") for c in columns),
               issues.c.id.in_(in_timeline))
