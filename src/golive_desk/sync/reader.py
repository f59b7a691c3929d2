"""Open a bundle and check everything that can be checked without the store.

Order matters: the file size, then (for encrypted bundles) the passphrase, then
the ZIP's table of contents, then the manifest and its signature, then the
caller's trust decision about the sender, and only then the entries, each
streamed with a cap and compared with the hash the signed manifest gives.
Nothing is written anywhere except a decrypted copy in a private temporary
folder that is removed when the bundle is closed.
"""

from __future__ import annotations

import hashlib
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NamedTuple

from golive_desk.domain.errors import BundleError
from golive_desk.domain.ops import OP_FORMAT, OP_FORMAT_MAJOR, Op, format_major
from golive_desk.sync import container, crypto, keys
from golive_desk.sync.format import (
    DEFAULT_LIMITS,
    MANIFEST_NAME,
    MANIFEST_SIGNATURE_PREFIX,
    MAX_LAMPORT,
    SIGNATURE_NAME,
    Limits,
    Manifest,
    parse_manifest,
)


class CarriedOp(NamedTuple):
    """An op as carried: its id is the SHA-256 of ``body`` exactly as received.

    A named tuple, not a dataclass: an import makes one per op, and a frozen
    dataclass costs three times as much to build.
    """

    op_id: str
    body: str
    op: Op


@dataclass
class BundleContents:
    """A checked bundle, open until the ``open_bundle`` block ends."""

    manifest: Manifest
    manifest_sha256: str
    ops: list[CarriedOp]
    blobs: dict[str, int]
    file_bytes: int
    encrypted: bool
    _entries: container.EntryReader = field(repr=False)

    def copy_blob(self, sha256: str, sink: BinaryIO) -> None:
        """Stream a blob into ``sink`` again, re-checking its hash on the way.

        Raises:
            BundleError: ``hash`` when the file changed since it was checked.
        """
        size = self.blobs[sha256]
        digest = self._entries.stream(f"blobs/{sha256}", size, sink.write)
        if digest != sha256:
            raise BundleError("hash", f"attachment {sha256[:12]} changed while importing")


SenderCheck = Callable[[Manifest], None]


@contextmanager
def open_bundle(path: Path, *, passphrase: str | None = None,
                limits: Limits = DEFAULT_LIMITS,
                check_sender: SenderCheck | None = None) -> Iterator[BundleContents]:
    """Open and check a bundle file; see the module text for the order of checks.

    Raises:
        BundleError: ``check`` names the check that failed.
    """
    path = Path(path)
    if not path.is_file():
        raise BundleError("container", f"{path} is not a file")
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise BundleError("size", f"the bundle is {size} bytes; at most "
                          f"{limits.max_file_bytes} are accepted")
    encrypted = crypto.is_encrypted(path)
    with ExitStack() as stack:
        if encrypted:
            # Only a decrypted copy needs disk space; it lives in a private folder
            # that goes away with the bundle.
            scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="golive-bundle-"))
            plain = Path(scratch) / "bundle.zip"
            with plain.open("wb") as out:
                crypto.decrypt_file(path, out, passphrase, limits.max_file_bytes)
            path = plain
        fh = stack.enter_context(path.open("rb"))
        container.precheck(fh, path.stat().st_size, limits)
        try:
            archive = stack.enter_context(zipfile.ZipFile(fh))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError,
                NotImplementedError) as exc:  # "zip file version 10.9": a flipped bit
            raise BundleError("container", f"not a bundle: the ZIP archive is damaged "
                              f"({exc})") from None
        container.check_names(archive.infolist())
        entries = container.EntryReader(archive, limits)
        yield _read_checked(entries, limits, check_sender, size, encrypted)


def _read_checked(entries: container.EntryReader, limits: Limits,
                  check_sender: SenderCheck | None, size: int,
                  encrypted: bool) -> BundleContents:
    names = entries.names()
    if MANIFEST_NAME not in names or SIGNATURE_NAME not in names:
        raise BundleError("manifest", "the bundle has no signed manifest")
    raw = entries.read_all(MANIFEST_NAME, limits.max_manifest_bytes)
    signature = entries.read_all(SIGNATURE_NAME, 1024)
    manifest = parse_manifest(raw)
    _check_signature(manifest, raw, signature)
    if check_sender is not None:
        check_sender(manifest)
    _check_entry_list(manifest, names, limits)
    ops = _read_ops(entries, manifest, limits)
    blobs: dict[str, int] = {}
    for entry in manifest.entries:
        if entry.name.startswith("blobs/"):
            digest = entries.stream(entry.name, entry.size, _discard)
            _check_hash(entry.name, digest, entry.sha256)
            if entry.name != f"blobs/{digest}":
                raise BundleError("hash", f"attachment {entry.name} does not match its name")
            blobs[digest] = entry.size
    if len(blobs) != manifest.blob_count:
        raise BundleError("manifest", "the manifest's attachment count is wrong")
    return BundleContents(manifest, hashlib.sha256(raw).hexdigest(), ops, blobs, size,
                          encrypted, entries)


def _discard(_: bytes) -> None:
    return None


def _check_signature(manifest: Manifest, raw: bytes, signature: bytes) -> None:
    try:
        sig = bytes.fromhex(signature.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        sig = b""
    public = bytes.fromhex(manifest.sender.public_key)
    if len(sig) != 64 or not keys.verify(public, MANIFEST_SIGNATURE_PREFIX + raw, sig):
        raise BundleError("signature", "the manifest's signature does not match: the bundle "
                          "was changed after it was written")


def _check_entry_list(manifest: Manifest, names: set[str], limits: Limits) -> None:
    listed = [e.name for e in manifest.entries]
    if len(set(listed)) != len(listed):
        raise BundleError("manifest", "the manifest lists an entry twice")
    present = names - {MANIFEST_NAME, SIGNATURE_NAME}
    if set(listed) != present:
        odd = sorted(present.symmetric_difference(listed))[:3]
        raise BundleError("entries", f"the bundle's entries differ from its manifest: {odd}")
    total = 0
    for entry in manifest.entries:
        cap = limits.max_blob_bytes if entry.name.startswith("blobs/") else \
            limits.max_ops_entry_bytes
        if entry.size > cap:
            raise BundleError("size", f"entry {entry.name} is {entry.size} bytes; at most "
                              f"{cap} are allowed")
        total += entry.size
    if total > limits.max_total_bytes:
        raise BundleError("size", f"the bundle unpacks to {total} bytes; at most "
                          f"{limits.max_total_bytes} are allowed")
    if manifest.op_count > limits.max_ops:
        raise BundleError("size", f"the bundle carries {manifest.op_count} ops; at most "
                          f"{limits.max_ops} are allowed")


def _check_hash(name: str, digest: str, expected: str) -> None:
    if digest != expected:
        raise BundleError("hash", f"entry {name} does not match its SHA-256 in the manifest")


def _read_ops(entries: container.EntryReader, manifest: Manifest,
              limits: Limits) -> list[CarriedOp]:
    carried: list[CarriedOp] = []
    for entry in sorted(manifest.entries, key=lambda e: e.name):
        if not entry.name.startswith("ops/"):
            continue
        data = entries.read_all(entry.name, entry.size)
        if len(data) != entry.size:
            raise BundleError("size", f"entry {entry.name} is shorter than the manifest says")
        digest = _Sha256(data)  # on the other core while the ops are parsed
        try:
            carried += _parse_entry(entry.name, data, len(carried), limits)
        except BundleError:
            _check_hash(entry.name, digest.hexdigest(), entry.sha256)  # damage says so
            raise
        _check_hash(entry.name, digest.hexdigest(), entry.sha256)
    if len(carried) != manifest.op_count:
        raise BundleError("manifest", "the manifest's op count does not match the ops carried")
    return carried


class _Sha256(threading.Thread):
    """SHA-256 of a buffer, computed on another thread (hashlib lets go of the GIL)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(name="bundle-entry-sha256", daemon=True)
        self._data = data
        self._digest = ""
        self.start()

    def run(self) -> None:
        self._digest = hashlib.sha256(self._data).hexdigest()

    def hexdigest(self) -> str:
        self.join()
        return self._digest


def _parse_entry(name: str, data: bytes, carried: int, limits: Limits) -> list[CarriedOp]:
    """The ops of one ``ops/`` entry; ``carried`` ops came before it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleError("ops", f"entry {name} is not UTF-8 text") from None
    lines = text.split("\n")
    # Counted before parsing: a bundle with too many ops is refused unread.
    if carried + len(lines) - lines.count("") > limits.max_ops:
        raise BundleError("size", "the bundle carries more ops than allowed")
    return _parse_lines(name, data.split(b"\n"), lines)


def _parse_lines(entry: str, raw_lines: list[bytes], lines: list[str]) -> list[CarriedOp]:
    """Parse and check each op line; its id is the SHA-256 of the line's bytes.

    ``raw_lines`` and ``lines`` are the entry split before and after decoding;
    they correspond one to one (in UTF-8 a newline byte is only ever a newline),
    so each line is hashed from the bytes as read rather than encoded again.
    """
    carried: list[CarriedOp] = []
    append = carried.append
    sha256 = hashlib.sha256
    from_body = Op.from_body
    new_carried = tuple.__new__  # CarriedOp's own __new__ only adds a call
    for raw, line in zip(raw_lines, lines, strict=True):
        if not line:
            continue
        try:
            op = from_body(line)
        except (ValueError, KeyError, TypeError) as exc:
            raise BundleError("ops", f"{entry}: an op is malformed ({exc})") from None
        if op.v != OP_FORMAT and format_major(op.v) > OP_FORMAT_MAJOR:
            raise BundleError("version", f"the bundle holds ops of format {op.v}; upgrade "
                              f"GoLive Desk to a version that reads op format ≥ {op.v}",
                              op_format=op.v)
        if not (1 <= op.seq <= MAX_LAMPORT and 0 <= op.lamport <= MAX_LAMPORT):
            raise BundleError("lamport", f"{entry}: an op has an impossible seq or Lamport "
                              f"clock")
        append(new_carried(CarriedOp, (sha256(raw).hexdigest(), line, op)))
    return carried
