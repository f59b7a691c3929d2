"""init, demo, project, person, doctor."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from golive_desk.cli import overview_commands
from golive_desk.cli.output import Output
from golive_desk.domain.models import Person, Project
from golive_desk.services import store_admin
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="create a store: node id, keys, the local user")
    p.add_argument("--name", required=True)
    p.add_argument("--initials", required=True)
    p.add_argument("--office", action="store_true", help="this store is the branch office")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="fill the store with a realistic demo project")
    p.add_argument("--issues", type=int, default=300)
    p.set_defaults(handler=cmd_demo)

    project = sub.add_parser("project", help="projects").add_subparsers(dest="sub", required=True)
    p = project.add_parser("add")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--customer", required=True)
    p.add_argument("--go-live", required=True)
    p.add_argument("--month-end")
    p.add_argument("--doc-prefix", help="printed documents' number prefix (default: the code)")
    p.set_defaults(handler=cmd_project_add)
    p = project.add_parser("list")
    p.set_defaults(handler=cmd_project_list)
    p = project.add_parser("summary", help="the overview's figures")
    p.add_argument("code")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="machine-readable output (as the global --json)")
    p.set_defaults(handler=overview_commands.cmd_project_summary)

    person = sub.add_parser("person", help="people").add_subparsers(dest="sub", required=True)
    p = person.add_parser("add")
    p.add_argument("--project", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True)
    p.add_argument("--initials", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--email", default="")
    p.add_argument("--department", default="")
    p.set_defaults(handler=cmd_person_add)
    p = person.add_parser("list", help="everyone, once, with their projects (or one project's)")
    p.add_argument("--project")
    p.set_defaults(handler=cmd_person_list)

    p = sub.add_parser("doctor", help="check the store; rebuild, recover or restore it")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--rebuild", action="store_true",
                      help="rebuild the projections from the op log")
    what.add_argument("--recover", action="store_true",
                      help="copy what can be read of a damaged store into a new store beside it")
    what.add_argument("--backups", action="store_true",
                      help="list the automatic backups made before upgrades")
    what.add_argument("--restore", type=Path, metavar="FILE",
                      help="put a backup in place of the store (the current one is kept aside)")
    p.set_defaults(handler=cmd_doctor)


def open_services(args: argparse.Namespace) -> Services:
    from golive_desk.cli import store_path

    return Services.open(store_path(args))


def project_json(p: Project) -> dict[str, Any]:
    data = asdict(p)
    data["go_live"] = p.go_live.isoformat()
    data["month_end"] = p.month_end.isoformat() if p.month_end else None
    data["status"] = p.status.value
    return data


def person_json(p: Person) -> dict[str, Any]:
    data = asdict(p)
    data["role"] = p.role.value
    data["side"] = p.side.value
    return data


def cmd_init(args: argparse.Namespace, out: Output) -> int:
    from golive_desk.cli import store_path

    path = store_path(args)
    path.parent.mkdir(parents=True, exist_ok=True) if not args.db else None
    user = store_admin.init_store(path, args.name, args.initials, office=args.office)
    out.data({"store": str(path), "node": user.node_id, "name": user.name,
              "initials": user.initials, "office": user.is_office},
             f"created store {path} for {user.name} ({user.initials}), node {user.node_id}")
    return 0


def cmd_demo(args: argparse.Namespace, out: Output) -> int:
    services = open_services(args)
    try:
        result = fill_demo(services, issues=args.issues)
    finally:
        services.close()
    out.data({"project": result.project_code, "people": result.people, "issues": result.issues},
             f"demo project {result.project_code}: {result.people} people, "
             f"{result.issues} issues")
    return 0


def cmd_project_add(args: argparse.Namespace, out: Output) -> int:
    services = open_services(args)
    try:
        project, _ = services.projects.add_project(args.code, args.name, args.customer,
                                                   args.go_live, args.month_end,
                                                   args.doc_prefix)
    finally:
        services.close()
    out.data(project_json(project), f"added project {project.code} {project.name}")
    return 0


def cmd_project_list(args: argparse.Namespace, out: Output) -> int:
    services = open_services(args)
    try:
        projects = services.projects.list_projects()
    finally:
        services.close()
    out.table([project_json(p) for p in projects],
              ["code", "name", "customer", "go_live", "month_end", "status"])
    return 0


def cmd_person_add(args: argparse.Namespace, out: Output) -> int:
    services = open_services(args)
    try:
        person, _ = services.projects.add_person(
            args.project, args.name, args.role, initials=args.initials, phone=args.phone,
            email=args.email, department=args.department)
    finally:
        services.close()
    code = args.project.strip().upper()
    out.data(person_json(person), f"added {person.name} to {code} ({person.role.value})")
    return 0


def cmd_person_list(args: argparse.Namespace, out: Output) -> int:
    services = open_services(args)
    try:
        if args.project:
            rows = [person_json(p) for p in services.projects.people(args.project)]
            columns = ["name", "initials", "role", "side", "phone", "email"]
        else:
            rows = [{**asdict(p), "side": p.side.value, "projects": list(p.projects)}
                    for p in services.projects.all_people()]
            columns = ["name", "initials", "side", "projects", "phone", "email"]
    finally:
        services.close()
    if not out.json_mode:
        for row in rows:
            if isinstance(row.get("projects"), list):
                row["projects"] = " ".join(row["projects"])
    out.table(rows, columns)
    return 0


def cmd_doctor(args: argparse.Namespace, out: Output) -> int:
    from golive_desk.cli import store_path

    # These work on the file itself: a damaged store need not open.
    if args.recover:
        return _recover(store_path(args), out)
    if args.backups:
        found = store_admin.backups(store_path(args))
        out.table([{"file": str(b.path), "size": b.size,
                    "made_at": b.made_at.isoformat(timespec="seconds")} for b in found],
                  ["file", "size", "made_at"])
        return 0
    if args.restore is not None:
        path = store_path(args)
        aside = store_admin.restore(path, args.restore)
        out.data({"store": str(path), "restored_from": str(args.restore), "kept_aside": str(aside)},
                 f"restored {path} from {args.restore}; the store it replaced is kept as {aside}")
        return 0
    services = open_services(args)
    try:
        report = store_admin.doctor(services.store, rebuild=args.rebuild)
    finally:
        services.close()
    if report.damaged is not None:
        out.data({"ops": 0, "ok": False, "problems": list(report.problems), "rebuilt": False,
                  "damaged": report.damaged}, f"DAMAGED: {report.problems[0]}")
        return 1
    text = f"{report.ops} ops checked; " + ("chain ok" if report.chain_ok else "PROBLEMS:\n  "
                                            + "\n  ".join(report.problems))
    if report.blobs_removed or report.leftovers_removed:
        text += (f"; removed {report.blobs_removed} files no op refers to and "
                 f"{report.leftovers_removed} left by interrupted writes")
    if report.rebuilt:
        text += "; projections rebuilt from the op log"
    out.data({"ops": report.ops, "ok": report.chain_ok, "problems": list(report.problems),
              "rebuilt": report.rebuilt, "blobs_removed": report.blobs_removed,
              "leftovers_removed": report.leftovers_removed}, text)
    return 0 if report.chain_ok else 1


def _recover(path: Path, out: Output) -> int:
    report = store_admin.recover(path)
    text = (f"recovered {report.ops_saved} ops ({report.ops_lost} unreadable), "
            f"{report.blobs} files into {report.target}; "
            f"{path} was not changed. Check it with 'golive-desk --db {report.target} doctor', "
            f"then move it in place of the damaged store")
    if report.problems:
        text += "\nPROBLEMS:\n  " + "\n  ".join(report.problems)
    out.data({"source": str(report.source), "target": str(report.target),
              "ops_saved": report.ops_saved, "ops_lost": report.ops_lost,
              "rows_saved": report.rows_saved, "blobs": report.blobs,
              "problems": list(report.problems)}, text)
    return 0
