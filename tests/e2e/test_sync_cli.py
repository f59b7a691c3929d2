"""``bundle``, ``peers`` and ``conflicts`` driven through the real program, as the office's
scripts drive them."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any


def _init(cli: Any, db: Path, name: str, initials: str, *extra: str) -> None:
    result = cli(db, "init", "--name", name, "--initials", initials, *extra)
    assert result.returncode == 0, result.stderr


def test_laptops_exchange_through_the_office_and_settle_a_conflict(
        cli: Any, tmp_path: Path) -> None:
    office, laptop_a, laptop_b = (tmp_path / n for n in ("office.db", "a.db", "b.db"))
    _init(cli, office, "周建国", "ZJG", "--office")
    _init(cli, laptop_a, "张力", "ZL")
    _init(cli, laptop_b, "陈思远", "CSY")
    assert cli(laptop_a, "project", "add", "HX", "--name", "华星电子 ERP 上线支持", "--customer",
               "杭州华星电子有限公司", "--go-live", "2026-11-02").returncode == 0
    added = cli(laptop_a, "issue", "add", "--project", "HX", "--title", "凭证打印缺页",
                json_out=True)
    assert added.returncode == 0, added.stderr
    number = added.json()["number"]

    # First contact: the office refuses an unknown laptop unless told to enroll it.
    first = tmp_path / "a-first.bundle"
    exported = cli(laptop_a, "bundle", "export", str(first), "--full", json_out=True)
    assert exported.returncode == 0, exported.stderr
    assert set(exported.json()) == {"file", "bundle_id", "ops", "blobs", "bytes"}
    refused = cli(office, "bundle", "import", str(first))
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1
    assert "trust check" in refused.stderr
    assert "--trust-new" in refused.stderr
    assert "Traceback" not in refused.stderr
    verified = cli(office, "bundle", "verify", str(first), json_out=True)
    assert verified.returncode == 0
    assert verified.json()["sender_known"] is False
    imported = cli(office, "bundle", "import", str(first), "--trust-new", json_out=True)
    assert imported.returncode == 0, imported.stderr
    report = imported.json()
    assert {"bundle_id", "from_node", "applied", "already_had", "pending", "conflicts",
            "warnings"} <= set(report)
    assert report["applied"] == exported.json()["ops"]
    again = cli(office, "bundle", "import", str(first), json_out=True)
    assert again.json()["applied"] == 0

    # The office fills laptop B, which enrolls the office (and, by its roster, A).
    fill = tmp_path / "office-full.bundle"
    assert cli(office, "bundle", "export", str(fill), "--full").returncode == 0
    assert cli(laptop_b, "bundle", "import", str(fill), "--trust-new").returncode == 0
    assert cli(laptop_a, "bundle", "import", str(fill), "--trust-new").returncode == 0
    peers = cli(laptop_b, "peers", "list", json_out=True).json()
    assert {p["initials"] for p in peers} == {"ZJG", "ZL"}

    # Both laptops retitle the issue offline; the office sees one conflict.
    assert cli(laptop_a, "issue", "set", number, "title=总账凭证打印缺页").returncode == 0
    assert cli(laptop_b, "issue", "set", number, "title=凭证第二页空白").returncode == 0
    for db, name in ((laptop_a, "a"), (laptop_b, "b")):
        bundle = tmp_path / f"{name}.bundle"
        assert cli(db, "bundle", "export", str(bundle), "--for", "ZJG").returncode == 0
        result = cli(office, "bundle", "import", str(bundle), "--trust-new", json_out=True)
        assert result.returncode == 0, result.stderr
    listed = cli(office, "conflicts", "list", json_out=True).json()
    assert [(c["number"], c["field"]) for c in listed] == [(number, "title")]
    assert {v["value"] for v in listed[0]["values"]} == {"总账凭证打印缺页", "凭证第二页空白"}
    # A plain edit never settles the conflict silently: it is refused, naming both values.
    plain = cli(office, "issue", "set", number, "title=凭证打印问题")
    assert plain.returncode == 1
    assert "总账凭证打印缺页" in plain.stderr
    assert "凭证第二页空白" in plain.stderr
    assert "--resolve" in plain.stderr
    assert "Traceback" not in plain.stderr
    assert len(cli(office, "conflicts", "list", json_out=True).json()) == 1
    resolved = cli(office, "issue", "set", number, "title=凭证打印缺页(已确认)", "--resolve")
    assert resolved.returncode == 0, resolved.stderr
    assert cli(office, "conflicts", "list", json_out=True).json() == []

    back = tmp_path / "back.bundle"
    assert cli(office, "bundle", "export", str(back), "--for", "CSY").returncode == 0
    assert cli(laptop_b, "bundle", "import", str(back), json_out=True).returncode == 0
    shown = cli(laptop_b, "issue", "show", number, json_out=True).json()
    assert shown["title"] == "凭证打印缺页(已确认)"
    assert shown["conflicts"] == []


def test_refused_bundles_name_the_check_and_unknown_peers_get_a_hint(
        cli: Any, tmp_path: Path) -> None:
    office, laptop = tmp_path / "office.db", tmp_path / "laptop.db"
    _init(cli, office, "周建国", "ZJG", "--office")
    _init(cli, laptop, "张力", "ZL")
    hint = cli(laptop, "bundle", "export", str(tmp_path / "x.bundle"), "--for", "ZJG")
    assert hint.returncode == 1
    assert "peers list" in hint.stderr

    bundle = tmp_path / "mail.bundle"
    secret = tmp_path / "pass.txt"
    secret.write_text("华星 2026!\n", encoding="utf-8")
    assert cli(laptop, "bundle", "export", str(bundle), "--full", "--passphrase-file",
               str(secret)).returncode == 0
    locked = cli(office, "bundle", "import", str(bundle), "--trust-new")
    assert locked.returncode == 1
    assert "passphrase check" in locked.stderr
    opened = cli(office, "bundle", "import", str(bundle), "--trust-new", "--passphrase-file",
                 str(secret), json_out=True)
    assert opened.returncode == 0, opened.stderr

    slip = tmp_path / "slip.bundle"
    with zipfile.ZipFile(slip, "w") as archive:
        archive.writestr("../../evil.sh", "rm -rf /")
    refused = cli(office, "bundle", "verify", str(slip))
    assert refused.returncode == 1
    assert "names check" in refused.stderr
    assert not (tmp_path.parent / "evil.sh").exists()

    truncated = tmp_path / "cut.bundle"
    truncated.write_bytes(bundle.read_bytes()[:100])
    cut = cli(office, "bundle", "import", str(truncated))
    assert cut.returncode == 1
    assert "check" in cut.stderr
    assert "Traceback" not in cut.stderr
