"""The bundle format's pieces without a store: names, manifest, encryption, ZIP pre-checks."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from golive_desk.domain.errors import BundleError
from golive_desk.sync import container, crypto, keys
from golive_desk.sync.format import (
    DEFAULT_LIMITS,
    EntryInfo,
    HeadStatement,
    Limits,
    Manifest,
    Prerequisite,
    RosterEntry,
    is_generated_name,
    parse_manifest,
)


@pytest.mark.parametrize("name", ["manifest.json", "manifest.sig", "ops/0001.jsonl",
                                  f"blobs/{'0f' * 32}"])
def test_generated_names_are_accepted(name: str) -> None:
    assert is_generated_name(name)


@pytest.mark.parametrize("name", ["../manifest.json", "ops/1.jsonl", "ops/0001.json",
                                  f"blobs/{'0F' * 32}", "blobs/../../x", "C:/ops/0001.jsonl",
                                  "/ops/0001.jsonl", "ops\\0001.jsonl", "ops/0001.jsonl/"])
def test_anything_else_is_not_a_generated_name(name: str) -> None:
    assert not is_generated_name(name)


def _manifest(**changes: object) -> Manifest:
    pair = keys.generate()
    sender = RosterEntry("a" * 32, "张力", "ZL", pair.public.hex(), False)
    values: dict[str, object] = dict(
        bundle_id="01a2", created_at="2026-11-27T09:00:00+00:00", sender=sender,
        receiver="b" * 32, scope="peer", project=None, version_vector={"a" * 32: 3},
        acknowledged={"a" * 32: 1}, prerequisites=(Prerequisite("a" * 32, 1, "c" * 64),),
        heads=(HeadStatement("a" * 32, 3, "d" * 64, "e" * 128),), roster=(sender,),
        op_count=2, blob_count=0, entries=(EntryInfo("ops/0001.jsonl", 10, "f" * 64),))
    values.update(changes)
    return Manifest(**values)  # type: ignore[arg-type]


def test_manifest_round_trips_and_keeps_unknown_keys() -> None:
    manifest = _manifest(extra={"future_key": [1, 2]})
    parsed = parse_manifest(manifest.to_json())
    assert parsed == manifest
    assert parsed.to_json() == manifest.to_json()


def test_manifest_from_a_newer_reader_asks_for_an_upgrade() -> None:
    raw = _manifest(min_reader="3.0").to_json()
    with pytest.raises(BundleError) as refused:
        parse_manifest(raw)
    assert refused.value.check == "version"


@pytest.mark.parametrize("raw", [b"", b"[]", b'{"magic": "zip"}', b"\xff\xfe",
                                 b'{"magic": "golive-desk-bundle", "min_reader": "1.0"}'])
def test_malformed_manifests_fail_the_manifest_check(raw: bytes) -> None:
    with pytest.raises(BundleError) as refused:
        parse_manifest(raw)
    assert refused.value.check == "manifest"


def test_encryption_round_trips_in_chunks_and_detects_truncation(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(bytes(range(256)) * (crypto.CHUNK // 256 * 2 + 7))
    sealed = io.BytesIO()
    crypto.encrypt_file(plain, sealed, "口令 secret")
    path = tmp_path / "sealed"
    path.write_bytes(sealed.getvalue())
    assert crypto.is_encrypted(path)
    opened = io.BytesIO()
    crypto.decrypt_file(path, opened, "口令 secret", 10 * crypto.CHUNK)
    assert opened.getvalue() == plain.read_bytes()
    # Cut at a chunk boundary: every remaining chunk is intact, the end flag is not.
    header = len(sealed.getvalue()) - (len(plain.read_bytes()) + 3 * 16)
    path.write_bytes(sealed.getvalue()[:header + 2 * (crypto.CHUNK + 16)])
    with pytest.raises(BundleError) as refused:
        crypto.decrypt_file(path, io.BytesIO(), "口令 secret", 10 * crypto.CHUNK)
    assert refused.value.check == "passphrase"
    path.write_bytes(sealed.getvalue())
    with pytest.raises(BundleError, match="larger"):
        crypto.decrypt_file(path, io.BytesIO(), "口令 secret", crypto.CHUNK)


def test_precheck_counts_entries_before_zipfile_parses_them() -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for i in range(30):
            archive.writestr(f"ops/{i:04d}.jsonl", b"")
    size = len(data.getvalue())
    assert container.precheck(data, size, DEFAULT_LIMITS) == 30
    with pytest.raises(BundleError) as refused:
        container.precheck(data, size, Limits(max_entries=10))
    assert refused.value.check == "entries"
    with pytest.raises(BundleError) as damaged:
        container.precheck(io.BytesIO(b"not a zip at all"), 16, DEFAULT_LIMITS)
    assert damaged.value.check == "container"
