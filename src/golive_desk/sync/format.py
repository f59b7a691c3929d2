"""The bundle format: entry names, the manifest, head statements and size limits.

A bundle is a ZIP whose entries all have generated names:

- ``manifest.json``: what the bundle holds and who wrote it (see :class:`Manifest`);
- ``manifest.sig``: the sender's Ed25519 signature of ``manifest.json``, in hex;
- ``ops/NNNN.jsonl``: op bodies, one canonical JSON object per line;
- ``blobs/<sha256>``: attachment files, named by their hash.

Nothing in the file is trusted until the manifest's signature, every entry's
size and hash, each node's chain and that node's signed head have been checked.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from golive_desk.domain.errors import BundleError
from golive_desk.domain.ops import canonical_json

MAGIC = "golive-desk-bundle"
FORMAT_VERSION = "1.0"
MIN_READER_VERSION = "1.0"
# The reader this program is; a bundle whose ``min_reader`` is newer is refused.
READER_VERSION = "1.0"

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
OPS_PER_FILE = 5000
HEAD_STATEMENT_PREFIX = b"golive-desk head statement v1\n"
MANIFEST_SIGNATURE_PREFIX = b"golive-desk manifest v1\n"

_OPS_NAME = re.compile(r"^ops/[0-9]{4}\.jsonl$")
_BLOB_NAME = re.compile(r"^blobs/[0-9a-f]{64}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_NODE = re.compile(r"^[0-9a-f]{32}$")
# Lamport clocks above this are refused outright: they would push every later
# clock towards SQLite's integer limit.
MAX_LAMPORT = 2**53


@dataclass(frozen=True)
class Limits:
    """Caps on everything read from a bundle. Tests lower them to stay fast."""

    max_file_bytes: int = 4 * 1024**3
    max_entries: int = 100_000
    max_central_directory_bytes: int = 64 * 1024**2
    max_manifest_bytes: int = 64 * 1024**2
    max_ops_entry_bytes: int = 256 * 1024**2
    max_blob_bytes: int = 2 * 1024**3
    max_total_bytes: int = 8 * 1024**3
    max_ops: int = 5_000_000
    # Deflate rarely beats 1:20 on JSON; 1:200 and above is a bomb, not a bundle.
    max_ratio: int = 200
    ratio_floor_bytes: int = 1024**2


DEFAULT_LIMITS = Limits()


def ops_entry_name(index: int) -> str:
    return f"ops/{index:04d}.jsonl"


def blob_entry_name(sha256: str) -> str:
    return f"blobs/{sha256}"


def is_generated_name(name: str) -> bool:
    """Only names the writer generates are legal; anything else is refused."""
    return name in (MANIFEST_NAME, SIGNATURE_NAME) or bool(
        _OPS_NAME.match(name) or _BLOB_NAME.match(name))


def is_hex64(text: object) -> bool:
    return isinstance(text, str) and bool(_HEX64.match(text))


def version_tuple(version: str) -> tuple[int, int]:
    """``"1.3"`` → ``(1, 3)``; anything unparseable counts as from the far future."""
    try:
        major, minor = version.split(".", 1)
        return int(major), int(minor)
    except (ValueError, AttributeError):
        return (10**6, 0)


@dataclass(frozen=True)
class EntryInfo:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class HeadStatement:
    """An origin node's signed claim: "my chain at ``seq`` ends in op ``op``"."""

    node: str
    seq: int
    op: str
    signature: str

    def message(self) -> bytes:
        return head_message(self.node, self.seq, self.op)


def head_message(node: str, seq: int, op_id: str) -> bytes:
    return HEAD_STATEMENT_PREFIX + canonical_json(
        {"node": node, "seq": seq, "op": op_id}).encode("utf-8")


@dataclass(frozen=True)
class RosterEntry:
    """A node key the sender knows; an office's roster enrolls laptops for the receiver."""

    node: str
    name: str
    initials: str
    public_key: str  # hex of the raw Ed25519 key
    office: bool


@dataclass(frozen=True)
class Prerequisite:
    """An op the receiver must hold before the bundle's ops of that node can apply."""

    node: str
    seq: int
    op: str


@dataclass(frozen=True)
class Manifest:
    """What a bundle holds. Serialised as canonical JSON and signed by the sender."""

    bundle_id: str
    created_at: str
    sender: RosterEntry
    receiver: str | None
    scope: str
    project: str | None
    version_vector: dict[str, int]
    acknowledged: dict[str, int]
    prerequisites: tuple[Prerequisite, ...]
    heads: tuple[HeadStatement, ...]
    roster: tuple[RosterEntry, ...]
    op_count: int
    blob_count: int
    entries: tuple[EntryInfo, ...]
    format: str = FORMAT_VERSION
    min_reader: str = MIN_READER_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> bytes:
        data: dict[str, Any] = dict(self.extra)
        data.update(
            magic=MAGIC, format=self.format, min_reader=self.min_reader,
            bundle_id=self.bundle_id, created_at=self.created_at,
            sender=_roster_json(self.sender), receiver=self.receiver,
            scope=self.scope, project=self.project,
            version_vector=self.version_vector, acknowledged=self.acknowledged,
            prerequisites=[{"node": p.node, "seq": p.seq, "op": p.op}
                           for p in self.prerequisites],
            heads=[{"node": h.node, "seq": h.seq, "op": h.op, "sig": h.signature}
                   for h in self.heads],
            roster=[_roster_json(r) for r in self.roster],
            counts={"ops": self.op_count, "blobs": self.blob_count},
            entries=[{"name": e.name, "size": e.size, "sha256": e.sha256}
                     for e in self.entries],
        )
        return canonical_json(data).encode("utf-8")

    @property
    def sender_fingerprint(self) -> str:
        from golive_desk.sync.keys import fingerprint

        return fingerprint(bytes.fromhex(self.sender.public_key))


def _roster_json(entry: RosterEntry) -> dict[str, Any]:
    from golive_desk.sync.keys import fingerprint

    return {"node": entry.node, "name": entry.name, "initials": entry.initials,
            "public_key": entry.public_key, "office": entry.office,
            "fingerprint": fingerprint(bytes.fromhex(entry.public_key))}


_KNOWN_KEYS = {"magic", "format", "min_reader", "bundle_id", "created_at", "sender",
               "receiver", "scope", "project", "version_vector", "acknowledged",
               "prerequisites", "heads", "roster", "counts", "entries"}


def parse_manifest(raw: bytes) -> Manifest:
    """Parse and shape-check ``manifest.json``; unknown keys of a newer minor are kept.

    Raises:
        BundleError: check ``manifest`` (not a manifest) or ``version`` (too new).
    """
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad(f"manifest.json is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("magic") != MAGIC:
        raise _bad("manifest.json is not a GoLive Desk bundle manifest")
    min_reader = str(data.get("min_reader", ""))
    if version_tuple(min_reader) > version_tuple(READER_VERSION):
        raise BundleError("version", f"this bundle needs a newer GoLive Desk: upgrade to a "
                          f"version that reads bundle format ≥ {min_reader}",
                          min_reader=min_reader)
    try:
        return Manifest(
            bundle_id=_text(data, "bundle_id"), created_at=_text(data, "created_at"),
            sender=_roster(data["sender"]),
            receiver=_node_or_none(data.get("receiver")),
            scope=_text(data, "scope"), project=data.get("project"),
            version_vector=_vector(data["version_vector"]),
            acknowledged=_vector(data.get("acknowledged") or {}),
            prerequisites=tuple(Prerequisite(_node(p["node"]), _count(p["seq"]), _hex(p["op"]))
                                for p in data["prerequisites"]),
            heads=tuple(HeadStatement(_node(h["node"]), _count(h["seq"]), _hex(h["op"]),
                                      _sig(h["sig"])) for h in data["heads"]),
            roster=tuple(_roster(r) for r in data["roster"]),
            op_count=_count(data["counts"]["ops"]), blob_count=_count(data["counts"]["blobs"]),
            entries=tuple(EntryInfo(str(e["name"]), _count(e["size"]), _hex(e["sha256"]))
                          for e in data["entries"]),
            format=_text(data, "format"), min_reader=min_reader,
            extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad(f"manifest.json is malformed ({exc!s})") from None


def _bad(message: str) -> BundleError:
    return BundleError("manifest", message)


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value or len(value) > 200:
        raise ValueError(f"{key} must be a short text")
    return value


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_LAMPORT:
        raise ValueError(f"{value!r} is not a count")
    return value


def _hex(value: object) -> str:
    if not is_hex64(value):
        raise ValueError(f"{value!r} is not a SHA-256")
    return str(value)


def _sig(value: object) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{128}", value):
        raise ValueError("a signature must be 128 hex digits")
    return value


def _node(value: object) -> str:
    if not isinstance(value, str) or not _NODE.match(value):
        raise ValueError(f"{value!r} is not a node id")
    return value


def _node_or_none(value: object) -> str | None:
    return None if value is None else _node(value)


def _vector(value: object) -> dict[str, int]:
    if not isinstance(value, dict):
        raise ValueError("a version vector must be an object")
    return {_node(k): _count(v) for k, v in value.items()}


def _roster(value: Any) -> RosterEntry:
    key = value["public_key"]
    if not isinstance(key, str) or not re.fullmatch(r"[0-9a-f]{64}", key):
        raise ValueError("a public key must be 64 hex digits")
    return RosterEntry(_node(value["node"]), str(value["name"])[:80],
                       str(value["initials"])[:4], key, bool(value["office"]))
