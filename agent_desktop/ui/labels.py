"""Translated names of value types, shared by every widget."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agent_desktop.core.types import Channel, PartyState, PendingLevel


def _tr(text: str) -> str:
    # lupdate files the calls of module-level helpers under the empty context
    return QCoreApplication.translate("", text)


def channel_label(channel: Channel) -> str:
    return {
        Channel.WEBCHAT: _tr("Web chat"),
        Channel.MESSENGER: _tr("Messenger"),
        Channel.TWITTER: _tr("X"),
        Channel.WHATSAPP: _tr("WhatsApp"),
        Channel.SMS: _tr("SMS"),
    }[channel]


def party_state_label(state: PartyState) -> str:
    return {
        PartyState.CONNECTED: _tr("Connected"),
        PartyState.DISCONNECTED: _tr("Disconnected"),
        PartyState.LEFT: _tr("Left"),
    }[state]


def pending_label(level: PendingLevel) -> str:
    return {
        PendingLevel.IDLE: _tr("No reply pending"),
        PendingLevel.GREEN: _tr("Reply pending"),
        PendingLevel.YELLOW: _tr("Reply overdue"),
        PendingLevel.RED: _tr("Reply urgently overdue"),
    }[level]


def default_code_label(code: str) -> str:
    """The built-in disposition codes (core.settings) in the interface language."""
    labels = {
        "Resolved": _tr("Resolved"),
        "Follow-up needed": _tr("Follow-up needed"),
        "Information provided": _tr("Information provided"),
        "Escalated": _tr("Escalated"),
        "No answer from contact": _tr("No answer from contact"),
    }
    return labels.get(code, code)


def format_elapsed(seconds: float) -> str:
    """``m:ss`` (minutes may exceed 59: ``75:02``)."""
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"
