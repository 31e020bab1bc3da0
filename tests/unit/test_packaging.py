"""The Windows installer script compiles; the bundle filter and the app icon are right."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.packaging_modules import PACKAGING, load

NSI = PACKAGING / "windows" / "installer.nsi"
MAKENSIS = shutil.which("makensis")
needs_makensis = pytest.mark.skipif(
    MAKENSIS is None,
    reason="makensis is not installed (Debian: apt-get install nsis; ./dev test does it as root)",
)


def stand_in_payload(root: Path) -> Path:
    """A folder shaped like the PyInstaller bundle, with stand-in files."""
    payload = root / "payload"
    (payload / "_internal" / "PySide6").mkdir(parents=True)
    (payload / "agent-desktop.exe").write_bytes(b"MZ stand-in executable")
    (payload / "_internal" / "PySide6" / "qtbase_fr.qm").write_bytes(b"\x00" * 64)
    return payload


def makensis(*defines: str, cwd: Path = NSI.parent) -> subprocess.CompletedProcess[str]:
    assert MAKENSIS is not None
    return subprocess.run(
        [MAKENSIS, "-V2", "-NOCD", *defines, str(NSI)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@needs_makensis
def test_installer_compiles_with_the_version_in_its_name(
    tmp_path: Path, qapp: QApplication
) -> None:
    icons = load("make_icons")
    icon = tmp_path / "app.ico"
    icon.write_bytes(icons.ico_bytes())
    payload = stand_in_payload(tmp_path)
    result = makensis(
        "-DVERSION=1.2.3",
        f"-DPAYLOAD={payload}",
        f"-DOUTDIR={tmp_path}",
        f"-DICON={icon}",
        "-WX",  # warnings are errors: a sloppy script fails here, not on a Windows runner
    )
    assert result.returncode == 0, result.stdout + result.stderr
    installer = tmp_path / "agent-desktop-1.2.3-setup-x64.exe"
    data = installer.read_bytes()
    assert data[:2] == b"MZ"
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    assert data[pe : pe + 4] == b"PE\x00\x00"
    # IMAGE_FILE_MACHINE_AMD64: the amd64-unicode target, not the 32-bit default
    assert struct.unpack_from("<H", data, pe + 4)[0] == 0x8664


@needs_makensis
def test_installer_refuses_to_build_without_a_version(tmp_path: Path) -> None:
    payload = stand_in_payload(tmp_path)
    result = makensis(f"-DPAYLOAD={payload}", f"-DOUTDIR={tmp_path}")
    assert result.returncode != 0
    assert "pass the application version" in result.stdout + result.stderr
    assert not list(tmp_path.glob("*.exe"))


def test_installer_script_declares_what_the_issue_asks() -> None:
    """Per-user, no admin, both languages, silent options: the lines that make them so."""
    text = NSI.read_text(encoding="utf-8")
    for line in (
        "Unicode true",
        "Target amd64-unicode",
        "RequestExecutionLevel user",
        'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"',
        '!insertmacro MUI_LANGUAGE "English"',
        '!insertmacro MUI_LANGUAGE "French"',
        '"/REMOVEDATA"',
        '"/NODESKTOP"',
        'DeleteRegKey HKCU "${UNINST_KEY}"',
    ):
        assert line in text, line
    assert "HKLM" not in text  # a per-user install never writes the machine hive


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqminimalegl.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/translations/qtbase_fr.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_fr.qm", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("libQt6Network.so.6", False),  # the symlink PyInstaller puts beside the library
        ("PySide6/Qt6Qml.dll", False),
        ("agent_desktop/resources/translations/agent_desktop_fr.qm", True),
        ("agent_desktop/resources/icons/app.svg", True),
        ("mypy/typeshed/stdlib/os.pyi", False),
        ("hypothesis/_native.so", False),
    ],
)
def test_bundle_keeps_only_what_the_app_uses(dest: str, kept: bool) -> None:
    assert load("bundle_filter").keep(dest) is kept


def test_app_icon_holds_every_windows_size(qapp: QApplication) -> None:
    icons = load("make_icons")
    data: bytes = icons.ico_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    sides = []
    for i in range(count):
        width, _h, _c, _r, _planes, _bits, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        sides.append(width or 256)
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + size <= len(data)
    assert sides == list(icons.ICO_SIZES)
    image = icons.app_icon_image(64)
    # an opaque tile with a light glyph in the middle, transparent corners
    assert image.pixelColor(32, 4).alpha() == 255
    assert image.pixelColor(0, 0).alpha() == 0


def test_window_icon_has_every_size(qapp: QApplication) -> None:
    from agent_desktop.ui.app_icon import ICON_SIZES, app_icon

    sizes = {size.width() for size in app_icon().availableSizes()}
    assert sizes == set(ICON_SIZES)
