"""Style rules of the Connect area and Conversation tabs (kept beside them, not in theme.py)."""

from __future__ import annotations

from agent_desktop.ui.theme import Theme


def tab_rules(theme: Theme) -> str:
    """Flat tab buttons (``tab`` property) with an accent underline when checked."""
    return f"""
    QToolButton[tab="true"] {{ border: none; border-bottom: 2px solid transparent;
                padding: 5px 10px; color: {theme.muted.name()}; background: transparent; }}
    QToolButton[tab="true"]:hover {{ color: {theme.text.name()}; }}
    QToolButton[tab="true"]:checked {{ color: {theme.text.name()};
                border-bottom: 2px solid {theme.accent.name()}; font-weight: 600; }}
    """


def panel_rules(theme: Theme) -> str:
    """The conversation panel: borderless lists on the surface colour, a calm search bar."""
    return (
        tab_rules(theme)
        + f"""
    QListView#transcript, QListView#contactTranscript, QListView#publicPostList,
    QListView#contactList {{ border: none; background: {theme.surface.name()}; }}
    #conversationToolbar {{ background: {theme.raised.name()};
                border-bottom: 1px solid {theme.border.name()}; }}
    #contactPanel, #contactInfo {{ background: {theme.surface.name()}; }}
    #contactPanel {{ border-right: 1px solid {theme.border.name()}; }}
    #contactInfo {{ border-left: 1px solid {theme.border.name()}; }}
    #contactInfoName {{ font-size: 13pt; font-weight: 600; }}
    QToolButton#conversationSendButton, QToolButton#contactSendButton {{
                background: {theme.accent.name()}; color: {theme.accent_text.name()};
                border: none; border-radius: 6px; padding: 5px 12px; font-weight: 600; }}
    QToolButton#conversationSendButton:disabled, QToolButton#contactSendButton:disabled {{
                background: {theme.border.name()}; color: {theme.muted.name()}; }}
    """
    )
