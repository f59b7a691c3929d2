"""SYNC.md point 8: damaged or tampered bundles are refused before any write."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from golive_desk.domain.errors import BundleError
from golive_desk.storage.tables import local_node
from golive_desk.sync import keys
from golive_desk.sync.format import MANIFEST_NAME, MANIFEST_SIGNATURE_PREFIX, SIGNATURE_NAME
from tests.integration.sync_support import Node, file_state, make_node, send


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Node, Node, Path]]:
    """A laptop known to the office, and a bundle of new work for the office."""
    office = make_node(tmp_path, "周建国", "ZJG", office=True)
    laptop = make_node(tmp_path, "张力", "ZL")
    laptop.services.projects.add_project("HX", "华星电子", "杭州华星电子有限公司", "2026-11-02")
    send(laptop, office, tmp_path)
    send(office, laptop, tmp_path)
    for name in ("刘芳", "赵磊", "孙丽华"):
        laptop.services.projects.add_person("HX", name, "key_user", phone="0571-8623 1168")
    bundle = laptop.sync.export_bundle(tmp_path / "work.zip", peer="ZJG").file
    yield office, laptop, bundle
    office.close()
    laptop.close()


def _private_key(node: Node) -> bytes:
    with node.services.store.read() as conn:
        return bytes(conn.execute(select(local_node.c.private_key)).scalar_one())


def _entries(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def _rehash(entries: dict[str, bytes], sign_with: bytes | None = None,
            public_key: bytes | None = None) -> dict[str, bytes]:
    """Recompute every entry's size and hash in the manifest, optionally re-sign it."""
    manifest = json.loads(entries[MANIFEST_NAME])
    for item in manifest["entries"]:
        data = entries[item["name"]]
        item["size"], item["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    if public_key is not None:
        manifest["sender"]["public_key"] = public_key.hex()
    raw = json.dumps(manifest, sort_keys=True, separators=(",", ":"),
                     ensure_ascii=False).encode("utf-8")
    entries[MANIFEST_NAME] = raw
    if sign_with is not None:
        entries[SIGNATURE_NAME] = keys.sign(sign_with, MANIFEST_SIGNATURE_PREFIX + raw).hex()\
            .encode()
    return entries


def _edit_first_op(entries: dict[str, bytes]) -> dict[str, bytes]:
    text = entries["ops/0001.jsonl"].decode("utf-8")
    assert "0571-8623 1168" in text
    entries["ops/0001.jsonl"] = text.replace("0571-8623 1168", "0571-8623 9999", 1)\
        .encode("utf-8")
    return entries


def _refused(office: Node, bundle: Path, check: str | set[str]) -> BundleError:
    before = file_state(office.path)
    with pytest.raises(BundleError) as refused:
        office.sync.import_bundle(bundle, trust_new=True)
    wanted = {check} if isinstance(check, str) else check
    assert refused.value.check in wanted, refused.value.message
    assert file_state(office.path) == before
    return refused.value


def test_an_intact_bundle_imports(pair: tuple[Node, Node, Path]) -> None:
    office, _, bundle = pair
    assert office.sync.import_bundle(bundle).applied == 6  # 3 people, 3 memberships


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.999])
def test_a_truncated_bundle_is_refused(tmp_path: Path, pair: tuple[Node, Node, Path],
                                       keep: float) -> None:
    office, _, bundle = pair
    data = bundle.read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[:int(len(data) * keep)])
    error = _refused(office, cut, "container")
    assert "truncated" in error.message


def test_every_single_bit_flip_is_refused(tmp_path: Path,
                                          pair: tuple[Node, Node, Path]) -> None:
    office, _, bundle = pair
    data = bundle.read_bytes()
    checks: set[str] = set()
    # Flip bits across the whole file: headers, compressed ops, manifest, signature.
    for position in range(0, len(data), max(1, len(data) // 60)):
        flipped = bytearray(data)
        flipped[position] ^= 0x10
        target = tmp_path / f"flip{position}.zip"
        target.write_bytes(bytes(flipped))
        before = file_state(office.path)
        try:
            office.sync.import_bundle(target)
        except BundleError as exc:
            checks.add(exc.check)
        else:
            # A flip in a field nobody reads (a ZIP timestamp) changes nothing that
            # matters; the import must then be exactly the intact one.
            assert office.sync.import_bundle(bundle).applied == 0
            return
        assert file_state(office.path) == before
    assert checks <= {"container", "hash", "signature", "manifest", "names", "entries",
                      "size", "bomb"}
    assert len(checks) >= 2


def test_flipped_signature_is_refused_by_the_signature_check(
        tmp_path: Path, pair: tuple[Node, Node, Path]) -> None:
    office, _, bundle = pair
    entries = _entries(bundle)
    sig = bytearray(bytes.fromhex(entries[SIGNATURE_NAME].decode()))
    sig[5] ^= 1
    entries[SIGNATURE_NAME] = sig.hex().encode()
    _refused(office, _write(tmp_path / "sig.zip", entries), "signature")


def test_rehashed_tampered_op_fails_the_manifest_signature(
        tmp_path: Path, pair: tuple[Node, Node, Path]) -> None:
    office, _, bundle = pair
    forged = _write(tmp_path / "rehashed.zip", _rehash(_edit_first_op(_entries(bundle))))
    error = _refused(office, forged, "signature")
    assert "changed after it was written" in error.message


def test_tampered_and_resigned_with_another_key_fails_the_key_check(
        tmp_path: Path, pair: tuple[Node, Node, Path]) -> None:
    office, _, bundle = pair
    attacker = keys.generate()
    entries = _rehash(_edit_first_op(_entries(bundle)), sign_with=attacker.private,
                      public_key=attacker.public)
    _refused(office, _write(tmp_path / "resigned.zip", entries), "key")


def test_a_relaying_store_cannot_alter_another_nodes_ops(
        tmp_path: Path, pair: tuple[Node, Node, Path]) -> None:
    """The sender signs its manifest properly, but the laptop's chain head does not match."""
    office, _, bundle = pair
    office.sync.import_bundle(bundle)
    receiver = make_node(tmp_path, "林晓", "LX")
    try:
        relay = office.sync.export_bundle(tmp_path / "relay.zip", full=True).file
        entries = _rehash(_edit_first_op(_entries(relay)), sign_with=_private_key(office))
        forged = _write(tmp_path / "forged.zip", entries)
        receiver.sync.peers()  # let SQLite fold the creation's WAL into the file first
        before = file_state(receiver.path)
        with pytest.raises(BundleError) as refused:
            receiver.sync.import_bundle(forged, trust_new=True)
        assert refused.value.check in {"chain", "signature"}
        assert file_state(receiver.path) == before
        assert receiver.sync.import_bundle(relay, trust_new=True).applied > 0
    finally:
        receiver.close()


def test_a_bundle_from_a_newer_format_asks_for_an_upgrade(
        tmp_path: Path, pair: tuple[Node, Node, Path]) -> None:
    office, laptop, bundle = pair
    entries = _entries(bundle)
    manifest = json.loads(entries[MANIFEST_NAME])
    manifest["min_reader"] = "2.1"
    entries[MANIFEST_NAME] = json.dumps(manifest).encode()
    entries = _rehash(entries, sign_with=_private_key(laptop))
    error = _refused(office, _write(tmp_path / "new.zip", entries), "version")
    assert "upgrade" in error.message
    assert "2.1" in error.message


def test_an_op_of_a_newer_major_format_asks_for_an_upgrade(
        tmp_path: Path, pair: tuple[Node, Node, Path]) -> None:
    office, laptop, bundle = pair
    entries = _entries(bundle)
    entries["ops/0001.jsonl"] = entries["ops/0001.jsonl"].replace(b'"v":"1.0"', b'"v":"2.0"')
    entries = _rehash(entries, sign_with=_private_key(laptop))
    error = _refused(office, _write(tmp_path / "newop.zip", entries), "version")
    assert "2.0" in error.message

