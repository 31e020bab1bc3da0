"""Light, dark and high-contrast themes: one palette plus a few semantic colours."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from agent_desktop.core.contrast import contrast_ratio
from agent_desktop.core.types import PendingLevel


class ThemeMode(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


@dataclass(frozen=True)
class Theme:
    name: str
    dark: bool
    window: QColor
    surface: QColor  # panels, lists
    raised: QColor  # toolbar, header
    text: QColor
    muted: QColor
    border: QColor
    accent: QColor
    accent_text: QColor
    customer_bubble: QColor
    agent_bubble: QColor
    agent_bubble_text: QColor
    system_text: QColor
    failed: QColor
    green: QColor
    yellow: QColor
    red: QColor
    link: QColor

    def pending_color(self, level: PendingLevel) -> QColor:
        return {
            PendingLevel.IDLE: self.muted,
            PendingLevel.GREEN: self.green,
            PendingLevel.YELLOW: self.yellow,
            PendingLevel.RED: self.red,
        }[level]


LIGHT = Theme(
    name="light",
    dark=False,
    window=QColor("#f3f4f6"),
    surface=QColor("#ffffff"),
    raised=QColor("#ffffff"),
    text=QColor("#1f2328"),
    muted=QColor("#656d76"),
    border=QColor("#d8dce1"),
    accent=QColor("#1f6feb"),
    accent_text=QColor("#ffffff"),
    customer_bubble=QColor("#eef1f4"),
    agent_bubble=QColor("#dbe9ff"),
    agent_bubble_text=QColor("#102a52"),
    system_text=QColor("#656d76"),
    failed=QColor("#c62828"),
    green=QColor("#1a7f37"),
    yellow=QColor("#9a6700"),  # amber dark enough for text on white (WCAG AA)
    red=QColor("#cf222e"),
    link=QColor("#0b57d0"),
)

DARK = Theme(
    name="dark",
    dark=True,
    window=QColor("#16181c"),
    surface=QColor("#1e2126"),
    raised=QColor("#24272d"),
    text=QColor("#e6e8eb"),
    muted=QColor("#9aa1a9"),
    border=QColor("#363a41"),
    accent=QColor("#4c8dff"),
    accent_text=QColor("#0b1220"),
    customer_bubble=QColor("#2a2e35"),
    agent_bubble=QColor("#1d3a66"),
    agent_bubble_text=QColor("#e7f0ff"),
    system_text=QColor("#9aa1a9"),
    failed=QColor("#ff6b6b"),
    green=QColor("#3fb950"),
    yellow=QColor("#e3b341"),
    red=QColor("#ff5c5c"),
    link=QColor("#7fb0ff"),
)

HIGH_CONTRAST = Theme(
    name="high_contrast",
    dark=True,
    window=QColor("#000000"),
    surface=QColor("#000000"),
    raised=QColor("#000000"),
    text=QColor("#ffffff"),
    muted=QColor("#e0e0e0"),
    border=QColor("#ffffff"),
    accent=QColor("#ffff00"),
    accent_text=QColor("#000000"),
    customer_bubble=QColor("#1a1a1a"),
    agent_bubble=QColor("#00285a"),
    agent_bubble_text=QColor("#ffffff"),
    system_text=QColor("#ffffff"),
    failed=QColor("#ff8080"),
    green=QColor("#00ff00"),
    yellow=QColor("#ffff00"),
    red=QColor("#ff4040"),
    link=QColor("#80c0ff"),
)


#: (foreground, background) colour roles drawn as text on each other: WCAG AA, 4.5:1.
#: The status colours are text too (the connection label).
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "window"),
    ("text", "surface"),
    ("text", "raised"),
    ("muted", "window"),
    ("muted", "surface"),
    ("muted", "raised"),
    ("accent_text", "accent"),
    ("agent_bubble_text", "agent_bubble"),
    ("text", "customer_bubble"),
    ("system_text", "surface"),
    ("failed", "surface"),
    ("link", "surface"),
    ("green", "raised"),
    ("yellow", "raised"),
    ("red", "raised"),
)

#: shapes and outlines that carry meaning (pending level, focus, selection): 3:1
GRAPHIC_PAIRS: tuple[tuple[str, str], ...] = (
    ("accent", "surface"),
    ("accent", "raised"),
    ("green", "window"),
    ("yellow", "window"),
    ("red", "window"),
)


def on_color(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (banners)."""
    rgb = (background.red(), background.green(), background.blue())
    white = contrast_ratio(rgb, (255, 255, 255))
    black = contrast_ratio(rgb, (0, 0, 0))
    return QColor("#ffffff") if white >= black else QColor("#000000")


def system_wants_high_contrast() -> bool:
    """The OS asks for more contrast (Windows high contrast, macOS Increase contrast)."""
    from PySide6.QtCore import Qt  # not at import: see frame_theme()

    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10+
    if accessibility is None:
        return False
    preference = accessibility().contrastPreference()
    return bool(preference == Qt.ContrastPreference.HighContrast)


def system_is_dark() -> bool:
    from PySide6.QtCore import Qt  # not at import: see frame_theme()

    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(mode: str) -> Theme:
    if mode == ThemeMode.HIGH_CONTRAST:
        return HIGH_CONTRAST
    if mode == ThemeMode.DARK:
        return DARK
    if mode == ThemeMode.LIGHT:
        return LIGHT
    if system_wants_high_contrast():
        return HIGH_CONTRAST
    return DARK if system_is_dark() else LIGHT


def frame_theme(mode: str, remembered: str | None) -> Theme:
    """The theme of the window's frame at start-up (ui/startup_window.py).

    Asking Qt for the system's colour scheme (:func:`resolve`) creates every Python enum
    class of Qt's ``Qt`` namespace, ~15 ms before the first paint. So for ``system`` the
    frame takes the theme the system gave last time (``remembered``: a theme's name), else
    the lightness of the platform's palette; the full start-up resolves the theme again
    and the window follows if it differs.
    """
    if mode in (ThemeMode.LIGHT, ThemeMode.DARK, ThemeMode.HIGH_CONTRAST):
        return resolve(mode)
    known = {theme.name: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}
    if remembered in known:
        return known[remembered]
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


def palette_for(theme: Theme) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    pal.setColor(role.Window, theme.window)
    pal.setColor(role.WindowText, theme.text)
    pal.setColor(role.Base, theme.surface)
    pal.setColor(role.AlternateBase, theme.customer_bubble)
    pal.setColor(role.Text, theme.text)
    pal.setColor(role.PlaceholderText, theme.muted)
    pal.setColor(role.Button, theme.raised)
    pal.setColor(role.ButtonText, theme.text)
    pal.setColor(role.Highlight, theme.accent)
    pal.setColor(role.HighlightedText, theme.accent_text)
    pal.setColor(role.ToolTipBase, theme.raised)
    pal.setColor(role.ToolTipText, theme.text)
    pal.setColor(role.Link, theme.link)
    pal.setColor(role.Mid, theme.border)
    pal.setColor(role.Midlight, theme.border)
    pal.setColor(role.Dark, theme.border.darker(130))
    pal.setColor(role.Light, theme.raised.lighter(110))
    for group_role in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, group_role, theme.muted)
    return pal


def stylesheet(theme: Theme) -> str:
    """The few rules a palette cannot express."""
    return f"""
    QToolTip {{ color: {theme.text.name()}; background: {theme.raised.name()};
                border: 1px solid {theme.border.name()}; padding: 4px; }}
    #topBar, #interactionBar {{ background: {theme.raised.name()};
                border-bottom: 1px solid {theme.border.name()}; }}
    #chatHeader {{ background: {theme.raised.name()};
                border-bottom: 1px solid {theme.border.name()}; }}
    #composerFrame {{ background: {theme.surface.name()};
                border: 1px solid {theme.border.name()}; border-radius: 8px; }}
    #composerFrame[focused="true"] {{ border: 1px solid {theme.accent.name()}; }}
    #composer {{ border: none; background: transparent; }}
    #conversationPane {{ background: {theme.surface.name()}; }}
    #transcript, #partyList {{ border: none; background: {theme.surface.name()}; }}
    #sidePanel {{ background: {theme.surface.name()};
                border-left: 1px solid {theme.border.name()}; }}
    #sectionTitle {{ color: {theme.muted.name()}; font-weight: 600; }}
    #typingNotice {{ color: {theme.muted.name()}; font-style: italic; }}
    #contactName {{ font-size: 15pt; font-weight: 600; }}
    #noticeBanner[level="error"] {{ background: {theme.red.name()};
                color: {on_color(theme.red).name()}; }}
    #noticeBanner[level="warning"] {{ background: {theme.yellow.name()};
                color: {on_color(theme.yellow).name()}; }}
    #noticeBanner[level="info"] {{ background: {theme.accent.name()};
                color: {theme.accent_text.name()}; }}
    #noticeBanner QLabel, #noticeBanner QToolButton {{ color: inherit; background: transparent;
                border: none; }}
    #incomingChatToast {{ background: {theme.raised.name()};
                border: 1px solid {theme.border.name()}; border-radius: 10px; }}
    #interactionPreview {{ background: {theme.raised.name()};
                border: 1px solid {theme.border.name()}; border-radius: 8px; }}
    #emptyState QLabel {{ color: {theme.muted.name()}; }}
    QToolButton#helpButton::menu-indicator {{ image: none; }}
    QPushButton#acceptButton, QPushButton#sendButton {{ background: {theme.accent.name()};
                color: {theme.accent_text.name()}; border: none; border-radius: 6px;
                padding: 6px 14px; font-weight: 600; }}
    QPushButton#acceptButton:disabled, QPushButton#sendButton:disabled {{
                background: {theme.raised.name()}; color: {theme.muted.name()};
                border: 1px solid {theme.border.name()}; }}
    """


def _high_contrast_rules(theme: Theme) -> str:
    """Fusion outlines fields and check boxes in a shade of the window colour, which on
    pure black is black: draw them in the border colour instead. (Bordered spin boxes lose
    Fusion's arrows; their values are typed, or stepped with Up / Down and the wheel.)"""
    return f"""
    QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit, QAbstractItemView {{
                border: 1px solid {theme.border.name()}; }}
    QPushButton {{ border: 1px solid {theme.border.name()}; border-radius: 4px;
                padding: 4px 12px; }}
    QPushButton:focus {{ border: 2px solid {theme.accent.name()}; }}
    QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: 0; border: none; }}
    QCheckBox::indicator {{ width: 13px; height: 13px; border: 1px solid {theme.border.name()};
                background: {theme.surface.name()}; }}
    QCheckBox::indicator:checked {{ background: {theme.accent.name()}; }}
    """


def _explicit_fonts(app: QApplication) -> list[tuple[QWidget, QFont]]:
    widgets = app.allWidgets()
    if not widgets:
        return []  # start-up: no widget yet, and Qt's namespace left alone (frame_theme)
    from PySide6.QtCore import Qt

    attribute = Qt.WidgetAttribute.WA_SetFont
    return [(w, QFont(w.font())) for w in widgets if w.testAttribute(attribute)]


def apply_theme(app: QApplication, mode: str) -> Theme:
    """Resolve ``mode`` (``system``: what the OS asks for) and give ``app`` its look."""
    theme = resolve(mode)
    style_theme(app, theme)
    return theme


#: the application property saying that its style is Fusion (asking Qt for the style
#: object instead creates QStyle's ~20 Python enums: ~10 ms of the first window's start)
_FUSION = "agentDesktopFusion"


def fusion_application(argv0: str) -> QApplication:
    """A new QApplication that starts with the Fusion style (:func:`style_theme`)."""
    app = QApplication([argv0, "-style", "Fusion"])
    app.setProperty(_FUSION, True)
    return app


def style_theme(app: QApplication, theme: Theme) -> None:
    """Fusion, ``theme``'s palette and style sheet for ``app`` (nothing if it has them)."""
    sheet = stylesheet(theme)
    if theme is HIGH_CONTRAST:
        sheet += _high_contrast_rules(theme)
    fusion = bool(app.property(_FUSION))
    if fusion and app.styleSheet() == sheet:
        return  # unchanged: re-polishing every widget would only cost time
    # a new style sheet re-polishes every widget and drops fonts set with setFont (a bold
    # name, the transcript zoom): keep them
    explicit = _explicit_fonts(app)
    if not fusion:
        app.setStyle("Fusion")
        app.setProperty(_FUSION, True)
    app.setPalette(palette_for(theme))
    app.setStyleSheet(sheet)
    for widget, font in explicit:
        widget.setFont(font)
