"""The README screenshot script renders the main window, also at 200% scaling."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.packaging_modules import PACKAGING


def test_screenshots_render_sharp_at_200_percent(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "screenshots.py"), "--out", str(tmp_path),
         "--themes", "dark", "--lang", "fr", "--size", "800x560"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(tmp_path / "main-dark.png"))
    # every logical pixel is two device pixels: rendered at 200%, not stretched
    assert (image.width(), image.height()) == (1600, 1120)
    assert image.devicePixelRatio() in (1.0, 2.0)
    # the dark theme's window colour fills the empty parts
    corner = image.pixelColor(image.width() - 4, image.height() - 4)
    assert corner.lightness() < 80
