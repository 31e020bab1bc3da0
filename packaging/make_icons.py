"""Write the application icon (agent_desktop/ui/app_icon.py) as PNG and multi-size ICO.

Run as ``python packaging/make_icons.py OUT_DIR``; the PyInstaller spec calls
:func:`write_icons` itself.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QImage

from agent_desktop.ui.app_icon import ICON_SIZES as ICO_SIZES
from agent_desktop.ui.app_icon import app_icon_image

PNG_SIZE = 256


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def ico_bytes(sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    """A Windows ICO holding one PNG-compressed image per size (Vista and later)."""
    images = [png_bytes(app_icon_image(size)) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def write_icons(out_dir: Path) -> tuple[Path, Path]:
    """Write ``agent_desktop.png`` and ``agent_desktop.ico`` into ``out_dir``."""
    if QGuiApplication.instance() is None:
        # QSvgRenderer and QImage need no window system, but fonts and plugins need an app
        QGuiApplication(["make_icons", "-platform", "offscreen"])
    out_dir.mkdir(parents=True, exist_ok=True)
    png = out_dir / "agent_desktop.png"
    ico = out_dir / "agent_desktop.ico"
    png.write_bytes(png_bytes(app_icon_image(PNG_SIZE)))
    ico.write_bytes(ico_bytes())
    return png, ico


if __name__ == "__main__":
    for path in write_icons(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons")):
        print(path)
