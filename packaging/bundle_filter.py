"""What the PyInstaller bundle leaves out: unused Qt modules, plugins and translations.

Plain predicates over destination paths inside the bundle, so that they are unit-tested
(tests/unit/test_bundle_filter.py) and shared by the spec on every OS.
"""

from __future__ import annotations

from pathlib import PurePosixPath

#: Python modules the app never imports (PyInstaller would follow optional imports into them)
EXCLUDED_MODULES = [
    "tkinter",
    "unittest",
    "pydoc",
    "mypy",
    "hypothesis",
    "pytest",
    "_pytest",
    "pytestqt",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickTest",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    "PySide6.QtPrintSupport",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtHelp",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtConcurrent",
    "PySide6.QtSvgWidgets",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtQmlFeatures",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtMultimedia",
    "PySide6.QtWebEngineCore",
]

#: the UI languages we ship; Qt's own catalogues for other languages are left out
LANGUAGES = ("en", "fr")

#: Qt plugin folders and the plugins kept in each, by name without "lib" and suffix
#: (libqxcb.so, qwindows.dll, libqcocoa.dylib); every other plugin folder is left out
KEPT_PLUGINS: dict[str, frozenset[str]] = {
    name: frozenset(stems)
    for name, stems in {
        # offscreen: --self-test and CI; xcb and wayland: Linux desktops; windows; cocoa
        "platforms": ("qxcb", "qwayland", "qoffscreen", "qwindows", "qdirect2d", "qcocoa"),
        # the desktop's light / dark preference and native file dialogs (GTK is not bundled)
        "platformthemes": ("qxdgdesktopportal",),
        # dead keys and input methods (accents, ç, œ)
        "platforminputcontexts": (
            "composeplatforminputcontextplugin",
            "ibusplatforminputcontextplugin",
        ),
        "imageformats": ("qsvg", "qico", "qjpeg", "qgif"),
        "iconengines": ("qsvgicon",),
        "styles": ("qmodernwindowsstyle", "qwindowsvistastyle"),
        "xcbglintegrations": ("qxcb-glx-integration",),
        "wayland-shell-integration": ("xdg-shell",),
        "wayland-decoration-client": ("bradient", "adwaita"),
    }.items()
}

#: Qt libraries of modules we do not use (they arrive as dependencies of dropped plugins)
_UNUSED_QT_LIBS = frozenset(
    {
        "Qt6Qml",
        "Qt6QmlMeta",
        "Qt6QmlModels",
        "Qt6QmlWorkerScript",
        "Qt6Quick",
        "Qt6Network",
        "Qt6OpenGL",
        "Qt6EglFSDeviceIntegration",
        "Qt6EglFsKmsSupport",
        "Qt6Pdf",
        "Qt6VirtualKeyboard",
        "Qt6Sql",
        "Qt6Test",
        "Qt6Designer",
        "Qt6Help",
        "Qt6PrintSupport",
        "Qt6Xml",
        "Qt6Concurrent",
        "Qt6LabsStyleKit",
        "Qt6WlShellIntegration",
    }
)

#: Python packages that only tests and type checking use (found through optional imports)
_DEV_ONLY = frozenset({"mypy", "hypothesis", "ast_serialize", "pytest", "_pytest", "pytestqt"})


def _stem(name: str) -> str:
    stem = name.split(".", maxsplit=1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep(dest: str) -> bool:
    """Whether the file (or symlink) at ``dest``, relative to the bundle, is shipped."""
    path = PurePosixPath(dest.replace("\\", "/"))
    parts = path.parts
    if not parts or parts[0] in _DEV_ONLY or parts[0].split("-")[0] in _DEV_ONLY:
        return False
    in_qt = parts[0] == "PySide6"
    if in_qt and "plugins" in parts:
        index = parts.index("plugins")
        if len(parts) <= index + 2:
            return False  # not a file inside a plugin folder
        kept = KEPT_PLUGINS.get(parts[index + 1], frozenset())
        return _stem(path.name) in kept
    if in_qt and "translations" in parts:
        return path.name in {f"qtbase_{lang}.qm" for lang in LANGUAGES}
    if in_qt and "qml" in parts:
        return False
    return _stem(path.name) not in _UNUSED_QT_LIBS
