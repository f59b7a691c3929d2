"""Node keys: Ed25519 pairs that sign each node's chain heads.

cryptography is imported by the functions that use it. A key's fingerprint is
the read model's (``domain.models.fingerprint``), computed when shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from golive_desk.domain import models


@dataclass(frozen=True)
class KeyPair:
    private: bytes  # raw 32-byte seed
    public: bytes  # raw 32-byte public key


def generate() -> KeyPair:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.Raw,
                                           serialization.PublicFormat.Raw)
    return KeyPair(private, public)


def sign(private: bytes, message: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(private).sign(message)


def verify(public: bytes, message: bytes, signature: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


fingerprint = models.fingerprint  # (the local user's is shown from the read model)
