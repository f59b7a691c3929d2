"""The QR code's module matrix: reportlab's encoder, with its mask choice made faster.

A QR encoder lays the data out under each of 8 mask patterns and keeps the
one with the fewest "lost points" (long runs, 2×2 blocks, finder-like
patterns, too much or too little dark). reportlab rebuilds the whole symbol
for each mask and scores it module by module in Python: about 2.5 ms of a
sheet's 3.5 ms QR code, a fifth of drawing the sheet. Here the symbol is
built once; each other candidate is that symbol with the modules where the
two masks differ flipped (one integer XOR), and the score is computed on
byte strings (regular expressions, ``bytes.count``, integer bit operations).
The chosen mask — and the printed symbol — is exactly reportlab's.

reportlab's score has quirks that are kept, or it would choose another mask
for some payloads: the finder-like pattern (1011101 then 4 light) is sought
only along rows (its column check compares a tuple with a list and never
matches), in one direction, and never in a row's last module.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.barcode.qrencoder import QRUtil

MASKS = 8
_RUN = re.compile(rb"\x00\x00\x00\x00\x00+|\x01\x01\x01\x01\x01+")  # 5 or more alike
_FINDER = bytes([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0])
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def qr_matrix(value: str, level: str = "M") -> list[list[bool]]:
    """The dark (True) and light modules of ``value``'s QR code, row by row."""
    code = QrCodeWidget(value, barLevel=level).qr
    if code.version is None:
        code.version = code.calculate_version()
    code.makeImpl(True, 0)  # a candidate: type information left blank, as reportlab scores
    size = code.getModuleCount()
    first = int.from_bytes(b"".join(bytes(row) for row in code.modules), "big")
    scores = [lost_points((first ^ flips).to_bytes(size * size, "big"), size)
              for flips in _mask_changes(code)]
    code.makeImpl(False, scores.index(min(scores)))  # the first of equal scores, as reportlab
    modules: list[list[bool]] = code.modules
    return modules


_FLIPS: dict[int, tuple[int, ...]] = {}  # by version: where the data modules lie


def _mask_changes(code: Any) -> tuple[int, ...]:
    """For each mask, where it differs from mask 0 on the data modules, one byte a module."""
    flips = _FLIPS.get(code.version)
    if flips is None:
        size = code.getModuleCount()
        layers = []
        for mask in range(MASKS):
            dark = QRUtil.getMask(mask)
            layer = bytearray(size * size)
            for col, row in code.dataPosIterator():
                layer[row * size + col] = dark(row, col)
            layers.append(int.from_bytes(layer, "big"))
        flips = _FLIPS[code.version] = tuple(layer ^ layers[0] for layer in layers)
    return flips


def lost_points(flat: bytes, size: int) -> int:
    """reportlab's ``QRUtil.getLostPoint`` of a candidate (``size`` rows of 0/1 bytes)."""
    rows = [flat[start:start + size] for start in range(0, size * size, size)]
    columns = [flat[col::size] for col in range(size)]
    # One search over every line: the separator ends a run at each line's end.
    score = sum(len(run) - 2 for run in _RUN.findall(b"\x02".join(rows + columns)))
    # Rows only, never reaching a row's last module; count() skips past each
    # match as reportlab's scan does.
    score += 40 * b"\x02".join(row[:-1] for row in rows).count(_FINDER)
    score += 3 * _same_blocks(rows)
    return score + 10 * (abs(100 * flat.count(1) // (size * size) - 50) // 5)


def _same_blocks(rows: list[bytes]) -> int:
    """2×2 blocks of one colour: each pair of rows compared as integers, bit by bit."""
    bits = [int(row.translate(_DIGITS), 2) for row in rows]
    pairs = (1 << (len(rows) - 1)) - 1  # one bit for each two neighbouring columns
    total = 0
    for upper, lower in itertools.pairwise(bits):
        differ = upper ^ lower
        total += (~(differ | differ >> 1 | upper ^ upper >> 1) & pairs).bit_count()
    return total
