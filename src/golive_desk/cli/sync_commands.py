"""bundle export|import|verify, peers list, conflicts list|resolve."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from golive_desk.cli.issue_commands import conflict_values_json
from golive_desk.cli.output import Output
from golive_desk.cli.store_commands import open_services
from golive_desk.cli.sync_text import warning_json, warning_text
from golive_desk.domain.conflicts import FieldConflict
from golive_desk.domain.errors import BundleError, ValidationError
from golive_desk.services.sync_models import ImportReport, PeerView, VerifyReport


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bundle = sub.add_parser("bundle", help="sync bundles: export, import, verify") \
        .add_subparsers(dest="sub", required=True)
    p = bundle.add_parser("export", help="write the changes a peer lacks (or all) to a file")
    p.add_argument("file", type=Path)
    p.add_argument("--for", dest="peer", help="peer name, initials or node id")
    p.add_argument("--project", help="only this project's records")
    p.add_argument("--full", action="store_true", help="everything this store holds")
    p.add_argument("--passphrase-file", type=Path, help="encrypt with the passphrase in F")
    p.set_defaults(handler=cmd_export)
    p = bundle.add_parser("import", help="check a bundle, then apply it in one transaction")
    p.add_argument("file", type=Path)
    p.add_argument("--passphrase-file", type=Path)
    p.add_argument("--trust-new", action="store_true",
                   help="enroll the sender's key if this store does not know it yet")
    p.set_defaults(handler=cmd_import)
    p = bundle.add_parser("verify", help="check a bundle without importing it")
    p.add_argument("file", type=Path)
    p.add_argument("--passphrase-file", type=Path)
    p.set_defaults(handler=cmd_verify)

    peers = sub.add_parser("peers", help="stores this one exchanges bundles with") \
        .add_subparsers(dest="sub", required=True)
    peers.add_parser("list").set_defaults(handler=cmd_peers)

    conflicts = sub.add_parser("conflicts", help="edits that collided in a merge") \
        .add_subparsers(dest="sub", required=True)
    conflicts.add_parser("list").set_defaults(handler=cmd_conflicts)
    p = conflicts.add_parser("resolve", help="keep VALUE for FIELD of record NUMBER")
    p.add_argument("number")
    p.add_argument("field")
    p.add_argument("value")
    p.set_defaults(handler=cmd_resolve)


def _passphrase(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationError("passphrase_file",
                              f"cannot read {path}: {exc.strerror or exc}") from None
    # Only the line break an editor adds is dropped: spaces may be part of it.
    return text.rstrip("\r\n")


def _refused(exc: BundleError) -> int:
    print(f"golive-desk: bundle refused ({exc.check} check): {exc.message}", file=sys.stderr)
    return 1


def cmd_export(args: argparse.Namespace, out: Output) -> int:
    services = open_services(args)
    try:
        result = services.sync.export_bundle(args.file, peer=args.peer, project=args.project,
                                             full=args.full,
                                             passphrase=_passphrase(args.passphrase_file))
    finally:
        services.close()
    out.data({"file": str(result.file), "bundle_id": result.bundle_id, "ops": result.ops,
              "blobs": result.blobs, "bytes": result.bytes},
             f"wrote {result.file}: {result.ops} ops, {result.blobs} attachments, "
             f"{result.bytes} bytes")
    return 0


def conflict_json(c: FieldConflict) -> dict[str, Any]:
    return {"number": c.label or c.entity_id, "entity": c.entity, "id": c.entity_id,
            "field": c.field, "kind": c.kind.value, "values": conflict_values_json(c)}


def report_json(report: ImportReport) -> dict[str, Any]:
    return {"bundle_id": report.bundle_id, "from_node": report.from_node,
            "from_name": report.from_name, "applied": report.applied,
            "already_had": report.already_had, "pending": report.pending,
            "conflicts": [conflict_json(c) for c in report.conflicts],
            "warnings": [warning_json(w) for w in report.warnings],
            "already_imported_at": report.already_imported_at,
            "enrolled": list(report.enrolled)}


def _report_text(report: ImportReport) -> str:
    head = (f"bundle {report.bundle_id} from {report.from_name} ({report.from_node[:8]}): "
            f"{report.applied} applied, {report.already_had} already here, "
            f"{report.pending} waiting for earlier bundles")
    lines = [head]
    if report.already_imported_at and report.applied == 0:
        lines.append(f"  nothing new: this bundle was imported on {report.already_imported_at}")
    lines += [f"  enrolled node {node[:8]}" for node in report.enrolled]
    lines += [f"  CONFLICT {c.label} {c.field}: "
              + " | ".join(f"{v.value!r} by {v.author}" for v in c.values)
              for c in report.conflicts]
    lines += [f"  warning: {warning_text(w)}" for w in report.warnings]
    return "\n".join(lines)


def cmd_import(args: argparse.Namespace, out: Output) -> int:
    services = open_services(args)
    try:
        report = services.sync.import_bundle(args.file,
                                             passphrase=_passphrase(args.passphrase_file),
                                             trust_new=args.trust_new)
    except BundleError as exc:
        return _refused(exc)
    finally:
        services.close()
    out.data(report_json(report), _report_text(report))
    return 0


def verify_json(report: VerifyReport) -> dict[str, Any]:
    return {"ok": True, "bundle_id": report.bundle_id, "from_node": report.from_node,
            "from_name": report.from_name, "from_initials": report.from_initials,
            "fingerprint": report.fingerprint, "from_office": report.from_office,
            "sender_known": report.sender_known, "unknown_nodes": list(report.unknown_nodes),
            "ops": report.ops, "new_ops": report.new_ops, "blobs": report.blobs,
            "bytes": report.bytes, "encrypted": report.encrypted,
            "missing_prerequisites": list(report.missing_prerequisites),
            "created_at": report.created_at}


def cmd_verify(args: argparse.Namespace, out: Output) -> int:
    services = open_services(args)
    try:
        report = services.sync.verify_bundle(args.file,
                                             passphrase=_passphrase(args.passphrase_file))
    except BundleError as exc:
        return _refused(exc)
    finally:
        services.close()
    trust = "known sender" if report.sender_known else \
        "UNKNOWN sender: import with --trust-new to enroll it"
    out.data(verify_json(report),
             f"bundle {report.bundle_id} from {report.from_name} ({report.from_initials}, key "
             f"{report.fingerprint}) is intact: {report.ops} ops ({report.new_ops} new), "
             f"{report.blobs} attachments; {trust}")
    return 0


def peer_json(p: PeerView) -> dict[str, Any]:
    return {"node": p.node_id, "name": p.name, "initials": p.initials,
            "fingerprint": p.fingerprint, "office": p.is_office, "trusted": p.trusted,
            "acknowledged": p.acknowledged, "acknowledged_ops": p.acknowledged_ops,
            "last_exchange": p.last_exchange, "last_bundle_id": p.last_bundle_id,
            "enrolled_via": p.enrolled_via}


def cmd_peers(args: argparse.Namespace, out: Output) -> int:
    services = open_services(args)
    try:
        peers = services.sync.peers()
    finally:
        services.close()
    out.table([peer_json(p) for p in peers],
              ["name", "initials", "node", "fingerprint", "office", "acknowledged_ops",
               "last_exchange"])
    return 0


def cmd_conflicts(args: argparse.Namespace, out: Output) -> int:
    services = open_services(args)
    try:
        found = services.sync.conflicts()
    finally:
        services.close()
    rows = [conflict_json(c) for c in found]
    if out.json_mode:
        out.data(rows)
        return 0
    shown = [{**r, "values": " | ".join(f"{v['value']!r} by {v['author']}" for v in r["values"])}
             for r in rows]
    out.table(shown, ["number", "field", "kind", "values"])
    return 0


def cmd_resolve(args: argparse.Namespace, out: Output) -> int:
    services = open_services(args)
    try:
        services.sync.resolve(args.number, args.field, args.value)
    finally:
        services.close()
    out.data({"number": args.number, "field": args.field, "value": args.value,
              "resolved": True}, f"resolved {args.field} of {args.number}")
    return 0
