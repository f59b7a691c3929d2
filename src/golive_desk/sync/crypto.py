"""Optional passphrase encryption for bundles that travel by mail.

The key comes from scrypt; the file is cut into chunks, each sealed with
AES-256-GCM (the STREAM construction: the nonce carries a chunk counter and a
"last chunk" flag), so a reordered, truncated or extended file fails to open
and a large bundle never has to sit in memory whole.

Layout: ``MAGIC | salt(16) | log2(n) r p (1 byte each) | chunk size (4) |
nonce prefix (7) | chunks``; the header is the associated data of every chunk.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from golive_desk.domain.errors import BundleError

MAGIC = b"GLDENC\x00\x01"
_HEADER = struct.Struct(">8s16sBBBI7s")
_TAG = 16
CHUNK = 1024 * 1024
_LOG2_N = 15  # 32 MiB of memory, ~0.1 s: slow for guessing, quick for a person
# A hostile header must not make us spend gigabytes on scrypt.
_MAX_LOG2_N = 20


def is_encrypted(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    if not passphrase:
        raise BundleError("passphrase", "the passphrase is empty")
    kdf = Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p)
    return kdf.derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if last else b"\x00")


def encrypt_file(src: Path, dst: BinaryIO, passphrase: str) -> None:
    """Encrypt ``src`` into the open binary file ``dst``."""
    salt = os.urandom(16)
    prefix = os.urandom(7)
    header = _HEADER.pack(MAGIC, salt, _LOG2_N, 8, 1, CHUNK, prefix)
    aead = AESGCM(_derive(passphrase, salt, _LOG2_N, 8, 1))
    dst.write(header)
    with src.open("rb") as fh:
        chunk = fh.read(CHUNK)
        counter = 0
        while True:
            following = fh.read(CHUNK)
            last = not following
            dst.write(aead.encrypt(_nonce(prefix, counter, last), chunk, header))
            if last:
                break
            chunk = following
            counter += 1


def decrypt_file(src: Path, dst: BinaryIO, passphrase: str | None, max_bytes: int) -> None:
    """Decrypt ``src`` into ``dst``, refusing more than ``max_bytes`` of plain text.

    Raises:
        BundleError: check ``passphrase``: none given, wrong, or the file is damaged.
    """
    if passphrase is None:
        raise BundleError("passphrase", "this bundle is encrypted; give its passphrase "
                          "(--passphrase-file)")
    with src.open("rb") as fh:
        header = fh.read(_HEADER.size)
        if len(header) != _HEADER.size:
            raise BundleError("passphrase", "the encrypted bundle is truncated")
        magic, salt, log2_n, r, p, chunk_size, prefix = _HEADER.unpack(header)
        if (magic != MAGIC or not 10 <= log2_n <= _MAX_LOG2_N or not 1 <= r <= 16
                or not 1 <= p <= 4 or not 1024 <= chunk_size <= 64 * CHUNK):
            raise BundleError("passphrase", "the encrypted bundle's header is damaged")
        aead = AESGCM(_derive(passphrase, salt, log2_n, r, p))
        counter = 0
        written = 0
        block = fh.read(chunk_size + _TAG)
        while True:
            following = fh.read(chunk_size + _TAG)
            last = not following
            try:
                plain = aead.decrypt(_nonce(prefix, counter, last), block, header)
            except InvalidTag:
                raise BundleError("passphrase", "wrong passphrase, or the encrypted bundle "
                                  "is damaged") from None
            written += len(plain)
            if written > max_bytes:
                raise BundleError("size", "the encrypted bundle is larger than allowed")
            dst.write(plain)
            if last:
                return
            block = following
            counter += 1
            if counter >= 2**32:
                raise BundleError("size", "the encrypted bundle has too many chunks")
