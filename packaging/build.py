"""Build GoLive Desk with PyInstaller: a one-folder and/or a one-file build.

    uv run python packaging/build.py            # both, into dist/
    uv run python packaging/build.py --onedir   # only dist/golive-desk/
    uv run python packaging/build.py --onefile  # only dist/onefile/golive-desk(.exe)

Before PyInstaller runs it compiles the translations (.qm), renders the
application icon from resources/icons/app.svg into .png/.ico/.icns, and
writes the Windows version-info file from the package version.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def compile_translations() -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


def render_icons(out: Path) -> None:
    """One SVG, every OS's icon format."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    out.mkdir(parents=True, exist_ok=True)
    images = []
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        png = out / f"golive-desk-{size}.png"
        image.save(str(png))
        images.append(Image.open(png))
    shutil.copy(out / "golive-desk-256.png", out / "golive-desk.png")
    largest = images[-1]
    largest.save(out / "golive-desk.ico", sizes=[(s, s) for s in ICON_SIZES if s <= 256])
    largest.save(out / "golive-desk.icns")


def write_version_info(out: Path) -> str:
    from importlib.metadata import version

    text = version("golive-desk")
    parts = [int(p) for p in text.split(".")[:3] if p.isdigit()] + [0, 0, 0]
    four = tuple(parts[:4])
    (out / "version_info.txt").write_text(f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'GoLive Desk'),
      StringStruct('FileDescription', 'GoLive Desk 上线支持台'),
      StringStruct('FileVersion', '{text}'),
      StringStruct('InternalName', 'golive-desk'),
      StringStruct('OriginalFilename', 'golive-desk.exe'),
      StringStruct('ProductName', 'GoLive Desk'),
      StringStruct('ProductVersion', '{text}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])])
""", "utf-8")
    return text


def run_pyinstaller(onefile: bool, dist: Path, work: Path, build: Path) -> Path:
    env = dict(os.environ, GOLIVE_BUILD_DIR=str(build), GOLIVE_ONEFILE="1" if onefile else "0")
    env.setdefault("PYINSTALLER_ZLIB_COMPRESSION_LEVEL", "9")  # the PYZ: 6 by default
    # The one file would have the one folder's name: it gets a folder of its own.
    dist = dist / "onefile" if onefile else dist
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(dist),
                    "--workpath", str(work / ("onefile" if onefile else "onedir")),
                    str(ROOT / "packaging" / "golive_desk.spec")], check=True, env=env)
    name = "golive-desk.exe" if sys.platform == "win32" else "golive-desk"
    return dist / name if onefile else dist / "golive-desk"


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    # lstat: onedir builds hold symlinks to their own files; count each file once.
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--onedir", action="store_true")
    parser.add_argument("--onefile", action="store_true")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)
    modes = [m for m, on in (("onedir", args.onedir), ("onefile", args.onefile)) if on]
    modes = modes or ["onedir", "onefile"]
    build = args.work
    build.mkdir(parents=True, exist_ok=True)
    compile_translations()
    render_icons(build / "icons")
    version = write_version_info(build)
    for mode in modes:
        output = run_pyinstaller(mode == "onefile", args.dist, args.work, build)
        print(f"{mode}: {output} ({folder_size(output) / 1e6:.1f} MB), version {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
