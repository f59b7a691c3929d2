"""Fuzz bundle imports for N seconds: mutate ZIP structure, JSON, and re-signed op fields.

Each run copies an office store that has enrolled a laptop, imports a mutated
copy of the laptop's bundle and sorts the outcome:

- *refused*: a typed error (``BundleError``…), and the store byte-for-byte
  unchanged, blob folder included (else it counts as *changed*);
- *accepted*: the import went through; every issue must then still read
  (register, each issue in full, the canonical dump), else it is a *crash*;
- *crash*: any other exception, with its traceback (the first of each kind
  is printed).

The ``resign`` mutations use the laptop's own key (a test key: an enrolled
computer with a bug or a newer version) to re-hash the mutated op, re-chain
the ops after it, re-sign its head and the manifest: so they reach the op
checks rather than the signature check.

    uv run python tools/fuzz_bundles.py --seconds 600
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import sys
import tempfile
import time
import traceback
import warnings
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from drill_support import Scene, copy_store, file_state, make_scene

from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.ops import canonical_json
from golive_desk.services import store_admin
from golive_desk.services.container import Services
from golive_desk.storage import local_node
from golive_desk.sync import keys
from golive_desk.sync.format import (
    MANIFEST_NAME,
    MANIFEST_SIGNATURE_PREFIX,
    SIGNATURE_NAME,
    head_message,
)

Entries = dict[str, bytes]

HOSTILE: tuple[Any, ...] = (
    None, {}, [], "", 0, -1, 1.5, True, 10**300, 2**63, -(2**63) - 1, "yesterday",
    "x" * 5000, "../../etc/passwd", "2026-02-30", "9999-12-31T23:59:59+00:00",
    {"a": {"b": {"c": []}}}, ["x"], "\u202e\u0000\u001b[31m", "a" * 64, "0" * 64,
)


def read_entries(path: Path) -> Entries:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_entries(entries: list[tuple[str, bytes]], *, method: int = zipfile.ZIP_DEFLATED
                  ) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def resign(entries: Entries, key: bytes) -> Entries:
    """Recompute the manifest's sizes and hashes and sign it with ``key``."""
    manifest = json.loads(entries[MANIFEST_NAME])
    for item in manifest.get("entries", []):
        data = entries.get(item.get("name"), b"")
        item["size"], item["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    raw = json.dumps(manifest, sort_keys=True, separators=(",", ":"),
                     ensure_ascii=False).encode("utf-8")
    entries[MANIFEST_NAME] = raw
    entries[SIGNATURE_NAME] = keys.sign(key, MANIFEST_SIGNATURE_PREFIX + raw).hex().encode()
    return entries


# -- mutations: each returns the bundle's bytes ----------------------------------------

def zip_mutation(rng: random.Random, raw: bytes, entries: Entries, key: bytes) -> bytes:
    kind = rng.choice(["truncate", "flip", "duplicate", "rename", "drop", "extra", "stored",
                       "zip-in-zip", "empty", "garbage"])
    items = list(entries.items())
    if kind == "truncate":
        return raw[: rng.randrange(len(raw))]
    if kind == "flip":
        data = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return bytes(data)
    if kind == "duplicate":
        items.append(rng.choice(items))
    elif kind == "rename":
        at = rng.randrange(len(items))
        items[at] = (rng.choice(["../evil", "/abs", "C:\\x", "ops/../../x", "blobs/zz",
                                 "ops/0001.jsonl", "manifest.json\x00", "a/" * 50]),
                     items[at][1])
    elif kind == "drop":
        items.pop(rng.randrange(len(items)))
    elif kind == "extra":
        items.append((f"ops/{rng.randint(0, 9999):04d}.jsonl", b'{"x":1}\n'))
    elif kind == "zip-in-zip":
        items.append((f"blobs/{'0' * 64}", raw))
    elif kind == "empty":
        items = []
    elif kind == "garbage":
        return rng.randbytes(rng.randint(0, 4096))
    return write_entries(items, method=zipfile.ZIP_STORED if kind == "stored"
                         else zipfile.ZIP_DEFLATED)


def _mutate_json(rng: random.Random, value: Any, depth: int = 0) -> Any:
    if isinstance(value, dict) and value and depth < 4 and rng.random() < 0.7:
        key = rng.choice(list(value))
        roll = rng.random()
        if roll < 0.15:
            del value[key]
        elif roll < 0.25:
            value[rng.choice(["extra", "v", "__proto__", key + "x"])] = rng.choice(HOSTILE)
        else:
            value[key] = _mutate_json(rng, value[key], depth + 1)
        return value
    if isinstance(value, list) and value and depth < 4 and rng.random() < 0.7:
        at = rng.randrange(len(value))
        value[at] = _mutate_json(rng, value[at], depth + 1)
        return value
    return rng.choice(HOSTILE)


def json_mutation(rng: random.Random, raw: bytes, entries: Entries, key: bytes) -> bytes:
    """Mutate the manifest or an op line as JSON; re-sign the manifest (op ids not redone)."""
    name = rng.choice([n for n in entries if n == MANIFEST_NAME or n.startswith("ops/")])
    data = entries[name]
    if rng.random() < 0.1:  # bytes that are not UTF-8, or not JSON at all
        at = rng.randrange(max(1, len(data)))
        entries[name] = data[:at] + rng.choice([b"\xff\xfe", b"\xed\xa0\x80", b"{", b"\x00"]) \
            + data[at:]
    elif name == MANIFEST_NAME:
        entries[name] = json.dumps(_mutate_json(rng, json.loads(data))).encode()
    else:
        lines = data.decode("utf-8").splitlines()
        at = rng.randrange(len(lines))
        lines[at] = json.dumps(_mutate_json(rng, json.loads(lines[at])), ensure_ascii=False)
        entries[name] = ("\n".join(lines) + "\n").encode("utf-8")
    return write_entries(list(resign(entries, key).items()))


def resigned_op_mutation(rng: random.Random, raw: bytes, entries: Entries, key: bytes) -> bytes:
    """Change one op's fields, then redo its id, the chain after it, its head and manifest."""
    names = sorted(n for n in entries if n.startswith("ops/"))
    placed = [(n, line) for n in names for line in entries[n].decode("utf-8").splitlines()]
    old_ids = [hashlib.sha256(line.encode("utf-8")).hexdigest() for _, line in placed]
    bodies = [json.loads(line) for _, line in placed]
    body = bodies[rng.randrange(len(bodies))]
    target = rng.choice(["value", "value", "field", "entity", "entity_id", "wall", "lamport",
                         "author", "kind", "prev", "v", "extra"])
    if target == "value" and isinstance(body.get("value"), dict) and body["value"]:
        body["value"][rng.choice(list(body["value"]))] = rng.choice(HOSTILE)
    else:
        body[target] = rng.choice(HOSTILE)
    renamed: dict[str, str] = {}
    lines: dict[str, list[str]] = {n: [] for n in names}
    for (name, _), op, old_id in zip(placed, bodies, old_ids, strict=True):
        # The writer puts each node's ops in seq order, dependencies first.
        if isinstance(op.get("chain"), str) and op["chain"] in renamed:
            op["chain"] = renamed[op["chain"]]
        if isinstance(op.get("prev"), list):
            op["prev"] = [renamed.get(p, p) if isinstance(p, str) else p for p in op["prev"]]
        text = canonical_json(op)
        new_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if new_id != old_id:
            renamed[old_id] = new_id
        lines[name].append(text)
    for name in names:
        entries[name] = ("\n".join(lines[name]) + "\n").encode("utf-8")
    manifest = json.loads(entries[MANIFEST_NAME])
    for head in manifest.get("heads", []):
        if head.get("op") in renamed:
            head["op"] = renamed[head["op"]]
            head["sig"] = keys.sign(key, head_message(head["node"], head["seq"], head["op"])
                                    ).hex()
    entries[MANIFEST_NAME] = json.dumps(manifest).encode()
    return write_entries(list(resign(entries, key).items()))


MUTATIONS = {"zip": zip_mutation, "json": json_mutation, "resign": resigned_op_mutation}


def _laptop_key(scene: Scene) -> bytes:
    services = Services.open(scene.laptop)
    try:
        with services.store.read() as tx:
            return bytes(local_node.identity(tx).private_key)
    finally:
        services.close()


def _read_everything(services: Services) -> None:
    from golive_desk.domain.issues import IssueQuery

    for row in services.issues.list_issues(IssueQuery(include_deleted=True)):
        services.issues.get(row.number)
    store_admin.canonical_dump(services.store)


def run(seconds: float, seed: int, folder: Path, verbose: bool) -> dict[str, Any]:
    warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
    rng = random.Random(seed)
    scene = make_scene(folder / "scene", issues=12, files=3, file_bytes=4096)
    key = _laptop_key(scene)
    base = scene.bundle.read_bytes()
    entries = read_entries(scene.bundle)
    figures: Counter[str] = Counter()
    crashes: dict[str, str] = {}
    victim = folder / "victim.db"
    bundle = folder / "fuzzed.zip"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        kind = rng.choice(list(MUTATIONS))
        try:
            data = MUTATIONS[kind](rng, base, dict(entries), key)
        except Exception:  # a mutation the fuzzer cannot re-sign (the manifest became a list…)
            figures["unbuildable_mutations"] += 1
            continue
        bundle.write_bytes(data)
        copy_store(scene.office, victim)
        figures["runs"] += 1
        figures[f"runs_{kind}"] += 1
        services = Services.open(victim)
        before = file_state(victim)
        try:
            services.sync.import_bundle(bundle)
        except GoLiveError as exc:
            figures["refused"] += 1
            figures[f"refused_{getattr(exc, 'check', exc.code)}"] += 1
            if file_state(victim) != before:
                figures["changed_on_refusal"] += 1
        except Exception as exc:
            figures["crashes"] += 1
            label = f"{kind}: {type(exc).__name__}: {str(exc)[:120]}"
            crashes.setdefault(label, traceback.format_exc())
        else:
            figures["accepted"] += 1
            try:
                _read_everything(services)
            except GoLiveError as exc:  # clean, but what was accepted cannot be shown
                figures["unreadable_after_accept"] += 1
                crashes.setdefault(f"{kind} (read after accept, typed): {exc.message[:120]}", "")
            except Exception as exc:
                figures["crashes"] += 1
                label = f"{kind} (read after accept): {type(exc).__name__}: {str(exc)[:120]}"
                crashes.setdefault(label, traceback.format_exc())
        finally:
            services.close()
    for name in ("crashes", "changed_on_refusal", "accepted", "refused",
                 "unreadable_after_accept"):
        figures.setdefault(name, 0)
    if verbose:
        for label, trace in crashes.items():
            print(f"--- {label}\n{trace}", file=sys.stderr)
    return {"seconds": seconds, "seed": seed, **dict(sorted(figures.items())),
            "crash_kinds": sorted(crashes)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--json", action="store_true", help="figures as JSON on stdout")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fuzz-bundles-") as tmp:
        figures = run(args.seconds, args.seed, Path(tmp), verbose=True)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for name, value in figures.items():
            print(f"{name:32} {value}")
    return 1 if figures["crashes"] or figures["changed_on_refusal"] else 0


if __name__ == "__main__":
    sys.exit(main())
