"""reports/qr.py makes exactly the symbol reportlab's own encoder makes, only faster."""

from __future__ import annotations

import random
import string

import pytest
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.barcode.qrencoder import QRUtil

from golive_desk.reports.qr import lost_points, qr_matrix


def reportlab_symbol(value: str, level: str) -> list[list[bool]]:
    code = QrCodeWidget(value, barLevel=level).qr
    code.make()
    modules: list[list[bool]] = code.modules
    return modules


def payloads(seed: int) -> list[str]:
    rng = random.Random(seed)
    alphanumeric = string.ascii_uppercase + string.digits + ":/-"
    # The sheet's own shape first, then every QR mode and a range of versions.
    found = [f"GOLIVE:HX-ZL-{n:04d}/{rng.getrandbits(128):032X}" for n in range(30)]
    found += ["".join(rng.choice(alphanumeric) for _ in range(rng.randint(1, 250)))
              for _ in range(10)]
    found += ["".join(chr(rng.randint(32, 0x9FFF)) for _ in range(rng.randint(1, 40)))
              for _ in range(10)]
    return [*found, "", "0123456789" * 5]


@pytest.mark.parametrize("level", ["L", "M", "H"])
def test_the_symbol_is_reportlabs(level: str) -> None:
    for value in payloads(seed=len(level) + ord(level)):
        assert qr_matrix(value, level) == reportlab_symbol(value, level), value


class _Candidate:
    def __init__(self, modules: list[list[bool]]) -> None:
        self.modules = modules


def test_the_score_is_reportlabs_for_any_pattern() -> None:
    rng = random.Random(7)
    finder = [True, False, True, True, True, False, True, False, False, False, False]
    for size in (12, 21, 29, 33, 57):
        for _ in range(40):
            dark = rng.random()
            modules = [[rng.random() < dark for _ in range(size)] for _ in range(size)]
            if rng.random() < 0.5:  # rows full of finder-like runs: the score's quirks
                shift = rng.randint(0, 3)
                modules = [[finder[(c + r * shift) % 11] for c in range(size)]
                           for r in range(size)]
            if rng.random() < 0.5:  # the same along columns, which reportlab does not count
                modules = [list(column) for column in zip(*modules, strict=True)]
            flat = b"".join(bytes(row) for row in modules)
            assert lost_points(flat, size) == QRUtil.getLostPoint(_Candidate(modules))
