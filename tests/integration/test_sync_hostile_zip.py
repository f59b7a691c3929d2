"""SYNC.md point 9: zip-slip names, links, ZIP bombs and a million entries."""

from __future__ import annotations

import hashlib
import struct
import tempfile
import time
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from golive_desk.domain.errors import BundleError
from golive_desk.domain.ids import uuid7
from golive_desk.storage.tables import local_node
from golive_desk.sync import keys
from golive_desk.sync.format import (
    MANIFEST_NAME,
    MANIFEST_SIGNATURE_PREFIX,
    SIGNATURE_NAME,
    EntryInfo,
    Manifest,
    RosterEntry,
)
from tests.integration.sync_support import Node, file_state, make_node, send


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder where the reader may make temporary files; checked empty afterwards."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Node, Node]]:
    office = make_node(tmp_path, "周建国", "ZJG", office=True)
    laptop = make_node(tmp_path, "张力", "ZL")
    send(laptop, office, tmp_path)
    office.sync.peers()
    yield office, laptop
    office.close()
    laptop.close()


def _refuse(office: Node, bundle: Path, check: str, scratch: Path) -> BundleError:
    before = file_state(office.path)
    with pytest.raises(BundleError) as refused:
        office.sync.import_bundle(bundle, trust_new=True)
    assert refused.value.check == check, refused.value.message
    assert file_state(office.path) == before
    assert list(scratch.iterdir()) == []
    return refused.value


def _zip_with(path: Path, name: str, data: bytes = b"x", *, mode: int = 0o100644) -> Path:
    with zipfile.ZipFile(path, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a duplicate name is the point of one case
        archive.writestr("manifest.json", b"{}")
        info = zipfile.ZipInfo(name)
        info.external_attr = mode << 16
        archive.writestr(info, data)
    return path


@pytest.mark.parametrize(("name", "check"), [
    ("../evil", "names"), ("ops/../../evil", "names"), ("/tmp/evil", "names"),
    ("C:/evil", "names"), ("C:\\evil", "names"), ("..\\evil", "names"),
    ("ops/0001.jsonl.exe", "names"), ("ops/", "names"), ("manifest.json", "names"),
])
def test_path_like_and_unexpected_names_are_refused(
        tmp_path: Path, pair: tuple[Node, Node], scratch: Path, name: str, check: str) -> None:
    office, _ = pair
    bundle = _zip_with(tmp_path / "slip.zip", name)
    _refuse(office, bundle, check, scratch)
    assert not any(p.name == "evil" for p in tmp_path.parent.rglob("evil*"))


def test_links_are_refused(tmp_path: Path, pair: tuple[Node, Node], scratch: Path) -> None:
    office, _ = pair
    name = f"blobs/{'a' * 64}"
    bundle = _zip_with(tmp_path / "link.zip", name, b"/etc/passwd", mode=0o120777)
    _refuse(office, bundle, "links", scratch)


def _private(node: Node) -> tuple[bytes, bytes]:
    with node.services.store.read() as conn:
        row = conn.execute(select(local_node.c.private_key, local_node.c.public_key)).one()
    return bytes(row.private_key), bytes(row.public_key)


def _signed_bundle(path: Path, sender: Node, entry: EntryInfo, payload: Path) -> Path:
    """A bundle signed by a trusted sender whose one ops entry is ``payload`` (deflated)."""
    private, public = _private(sender)
    manifest = Manifest(
        bundle_id=uuid7(), created_at="2026-11-27T09:00:00+00:00",
        sender=RosterEntry(sender.node_id, sender.name, sender.initials, public.hex(), False),
        receiver=None, scope="full", project=None, version_vector={}, acknowledged={},
        prerequisites=(), heads=(), roster=(), op_count=1, blob_count=0, entries=(entry,))
    raw = manifest.to_json()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(MANIFEST_NAME, raw)
        archive.writestr(SIGNATURE_NAME, keys.sign(private, MANIFEST_SIGNATURE_PREFIX + raw)
                         .hex())
        archive.write(payload, entry.name, compress_type=zipfile.ZIP_DEFLATED)
    return path


def _zeros(path: Path, megabytes: int) -> Path:
    with path.open("wb") as out:
        block = bytes(1024 * 1024)
        for _ in range(megabytes):
            out.write(block)
    return path


def test_a_zip_bomb_is_refused_by_its_inflation_ratio(
        tmp_path: Path, pair: tuple[Node, Node], scratch: Path) -> None:
    office, laptop = pair
    zeros = _zeros(tmp_path / "zeros", 200)
    digest = hashlib.sha256(zeros.read_bytes()).hexdigest()
    bundle = _signed_bundle(tmp_path / "bomb.zip", laptop,
                            EntryInfo("ops/0001.jsonl", 200 * 1024 * 1024, digest), zeros)
    assert bundle.stat().st_size < 1024 * 1024
    error = _refuse(office, bundle, "bomb", scratch)
    assert "bomb" in error.message


def test_an_entry_larger_than_its_manifest_says_is_cut_off(
        tmp_path: Path, pair: tuple[Node, Node], scratch: Path) -> None:
    office, laptop = pair
    zeros = _zeros(tmp_path / "zeros", 50)
    bundle = _signed_bundle(tmp_path / "liar.zip", laptop,
                            EntryInfo("ops/0001.jsonl", 1000, "0" * 64), zeros)
    _refuse(office, bundle, "size", scratch)


def test_a_declared_size_over_the_cap_is_refused_before_reading(
        tmp_path: Path, pair: tuple[Node, Node], scratch: Path) -> None:
    office, laptop = pair
    small = tmp_path / "small"
    small.write_bytes(b"{}\n")
    bundle = _signed_bundle(tmp_path / "huge.zip", laptop,
                            EntryInfo("ops/0001.jsonl", 10 * 1024**4, "0" * 64), small)
    _refuse(office, bundle, "size", scratch)


def _million_entries(path: Path, count: int = 1_000_000) -> Path:
    """A real ZIP64 archive whose central directory lists ``count`` (empty) entries.

    Every record points at the same local header, which keeps the file at ~50 MB
    and quick to write; the reader must refuse it from the end record alone.
    """
    name = b"x"
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 0, 0, 0,
                        zlib.crc32(b""), 0, 0, len(name), 0) + name
    central = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 45, 20, 0, 0, 0, 0,
                          zlib.crc32(b""), 0, 0, len(name), 0, 0, 0, 0, 0o100644 << 16,
                          0) + name
    cd_offset = len(local)
    cd_size = len(central) * count
    eocd64_offset = cd_offset + cd_size
    eocd64 = struct.pack("<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count,
                         cd_size, cd_offset)
    locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, eocd64_offset, 1)
    eocd = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                       0xFFFFFFFF, 0)
    with path.open("wb") as out:
        out.write(local)
        chunk = central * 10_000
        for _ in range(count // 10_000):
            out.write(chunk)
        out.write(eocd64 + locator + eocd)
    return path


def test_a_million_entries_are_refused_fast(tmp_path: Path, pair: tuple[Node, Node],
                                           scratch: Path) -> None:
    office, _ = pair
    bundle = _million_entries(tmp_path / "million.zip")
    assert zipfile.is_zipfile(bundle)
    start = time.perf_counter()
    error = _refuse(office, bundle, "entries", scratch)
    assert time.perf_counter() - start < 2.0
    assert "1000000 entries" in error.message


def test_a_lying_small_count_with_a_huge_directory_is_refused(
        tmp_path: Path, pair: tuple[Node, Node], scratch: Path) -> None:
    office, _ = pair
    bundle = _million_entries(tmp_path / "liar.zip", 100_000)
    data = bytearray(bundle.read_bytes())
    # Claim 10 entries in the ZIP64 record; the directory still holds 100,000.
    pos = data.rfind(b"PK\x06\x06")
    struct.pack_into("<QQ", data, pos + 24, 10, 10)
    bundle.write_bytes(bytes(data))
    _refuse(office, bundle, "entries", scratch)
