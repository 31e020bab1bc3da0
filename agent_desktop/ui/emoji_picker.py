"""The emoji picker: Recent and All views, a group bar, search, skin tones.

A popup (it closes on Escape or a click outside); choosing an emoji emits
:attr:`EmojiPicker.emojiChosen` and leaves the picker open so that the agent can pick more.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.core.emoji import Emoji, EmojiCatalog, SkinTone
from agent_desktop.ui.emoji_images import EmojiImages

ModelIndex = QModelIndex | QPersistentModelIndex

CELL = 38  # grid cell, px
GLYPH_PT = 17.0  # emoji point size in the grid
IMAGE_PX = 24  # bundled image size in the grid
HAND = "\u270b"  # ✋: shows the chosen skin tone


class EmojiListModel(QAbstractListModel):
    """A flat list of emoji; ``UserRole`` is the emoji string, the tooltip its name."""

    def __init__(
        self,
        catalog: EmojiCatalog,
        language: str,
        images: EmojiImages | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._language = language
        self._images = images
        self._items: list[str] = []
        self._names: list[str] = []

    def set_emojis(self, emojis: Sequence[str]) -> None:
        self.beginResetModel()
        self._items = list(emojis)
        self._names = [self._catalog.name(e, self._language) for e in self._items]
        self.endResetModel()

    def set_entries(self, entries: Sequence[Emoji], tone: SkinTone) -> None:
        self.beginResetModel()
        self._items = [entry.with_tone(tone) for entry in entries]
        self._names = [entry.name(self._language) for entry in entries]
        self.endResetModel()

    def emojis(self) -> list[str]:
        return list(self._items)

    def set_images(self, images: EmojiImages | None) -> None:
        self.beginResetModel()
        self._images = images
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        emoji = self._items[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return emoji
        if role == Qt.ItemDataRole.DisplayRole:
            if self._images is not None and self._images.has(emoji):
                return None  # the image stands for it
            return emoji
        if role == Qt.ItemDataRole.DecorationRole:
            return None if self._images is None else self._images.icon(emoji, IMAGE_PX)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._names[index.row()] or emoji
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class EmojiGrid(QListView):
    """Icon-mode grid; Enter (or a click) chooses the current emoji."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emojiGrid")
        self.setAccessibleName(self.tr("Emoji"))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setGridSize(QSize(CELL, CELL))
        self.setIconSize(QSize(IMAGE_PX, IMAGE_PX))
        self.setSpacing(0)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = QFont(self.font())
        font.setPointSizeF(GLYPH_PT)
        self.setFont(font)
        self.clicked.connect(self.choose)

    def choose(self, index: QModelIndex) -> None:
        emoji = index.data(Qt.ItemDataRole.UserRole)
        if emoji:
            self.chosen.emit(str(emoji))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            index = self.currentIndex()
            if index.isValid():
                self.choose(index)
            event.accept()
            return
        super().keyPressEvent(event)


class EmojiPicker(QFrame):
    """The picker popup. Passive: it shows the catalog and emits what the agent picks."""

    emojiChosen = Signal(str)
    skinToneChosen = Signal(int)

    def __init__(
        self,
        catalog: EmojiCatalog,
        language: str,
        images: EmojiImages | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("emojiPicker")
        self.setAccessibleName(self.tr("Emoji picker"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.catalog = catalog
        self.language = language
        self.tone = SkinTone.NONE
        self._images = images
        self._recent: list[str] = []
        self._view = "all"  # "recent" or "all"
        self._group_starts = catalog.group_starts()

        self.search = QLineEdit(self)
        self.search.setObjectName("emojiSearch")
        self.search.setAccessibleName(self.tr("Search emoji"))
        self.search.setPlaceholderText(self.tr("Search emoji (English or French)"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)

        self.tone_button = QToolButton(self)
        self.tone_button.setObjectName("emojiSkinToneButton")
        self.tone_button.setAccessibleName(self.tr("Skin tone"))
        self.tone_button.setToolTip(self.tr("Skin tone"))
        self.tone_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tone_button.setAutoRaise(True)
        self.tone_menu = QMenu(self.tone_button)
        self.tone_menu.setObjectName("emojiSkinToneMenu")
        self.tone_actions = []
        for tone in SkinTone:
            action = self.tone_menu.addAction(self._tone_text(tone))
            action.setCheckable(True)
            action.setData(int(tone))
            action.triggered.connect(lambda _checked=False, t=tone: self.choose_tone(t))
            self.tone_actions.append(action)
        self.tone_button.setMenu(self.tone_menu)

        self.recent_tab = self._tab_button("emojiRecentTab", self.tr("Recent"))
        self.all_tab = self._tab_button("emojiAllTab", self.tr("All"))
        self.tabs = QButtonGroup(self)
        self.tabs.setExclusive(True)
        self.tabs.addButton(self.recent_tab)
        self.tabs.addButton(self.all_tab)
        self.recent_tab.clicked.connect(lambda: self.show_view("recent"))
        self.all_tab.clicked.connect(lambda: self.show_view("all"))

        self.group_buttons: list[QToolButton] = []
        group_bar = QHBoxLayout()
        group_bar.setSpacing(0)
        for index, group in enumerate(catalog.groups):
            button = QToolButton(self)
            button.setObjectName("emojiGroupButton")
            button.setProperty("groupKey", group.key)
            start = self._group_starts[index]
            button.setText(catalog.entries[start].emoji if start >= 0 else "?")
            name = group.name(language)
            button.setToolTip(name[:1].upper() + name[1:])
            button.setAccessibleName(button.toolTip())
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False, g=index: self.jump_to_group(g))
            group_bar.addWidget(button)
            self.group_buttons.append(button)
        group_bar.addStretch(1)

        self.model = EmojiListModel(catalog, language, images, self)
        self.grid = EmojiGrid(self)
        self.grid.setModel(self.model)
        self.grid.chosen.connect(self._chosen)
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.grid.entered.connect(self._show_name)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emojiEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.name_label = QLabel(self)
        self.name_label.setObjectName("emojiName")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setAccessibleName(self.tr("Emoji name"))

        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.search, 1)
        top.addWidget(self.tone_button)
        tabs = QHBoxLayout()
        tabs.setSpacing(2)
        tabs.addWidget(self.recent_tab)
        tabs.addWidget(self.all_tab)
        tabs.addSpacing(6)
        tabs.addLayout(group_bar, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 6)
        box.setSpacing(6)
        box.addLayout(top)
        box.addLayout(tabs)
        box.addWidget(self.grid, 1)
        box.addWidget(self.empty_label, 1)
        box.addWidget(self.name_label)
        self.resize(CELL * 10 + 40, 360)

        self.search.textChanged.connect(self._search_changed)
        self._sync_tone_button()
        self.show_view("all")

    def _tab_button(self, name: str, text: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setAccessibleName(text)
        button.setCheckable(True)
        button.setAutoRaise(True)
        return button

    def _tone_text(self, tone: SkinTone) -> str:
        names = {
            SkinTone.NONE: self.tr("Default"),
            SkinTone.LIGHT: self.tr("Light"),
            SkinTone.MEDIUM_LIGHT: self.tr("Medium-light"),
            SkinTone.MEDIUM: self.tr("Medium"),
            SkinTone.MEDIUM_DARK: self.tr("Medium-dark"),
            SkinTone.DARK: self.tr("Dark"),
        }
        hand = self.catalog.find(HAND)
        glyph = hand.with_tone(tone) if hand is not None else ""
        return f"{glyph}  {names[tone]}"

    # state ------------------------------------------------------------------------------
    def set_recent(self, emojis: Sequence[str]) -> None:
        self._recent = list(emojis)
        if self._view == "recent" and not self.search.text().strip():
            self._refresh()

    def set_tone(self, tone: SkinTone) -> None:
        """Show ``tone`` (the remembered choice) without emitting :attr:`skinToneChosen`."""
        self.tone = SkinTone(tone)
        self._sync_tone_button()
        if self._view == "all" or self.search.text().strip():
            self._refresh(keep_position=True)

    def set_images(self, images: EmojiImages | None) -> None:
        self._images = images
        self.model.set_images(images)
        self._sync_chrome()

    def _sync_chrome(self) -> None:
        """Group bar and tone button: images when bundled (and present), else characters."""
        buttons: list[tuple[QToolButton, str]] = [
            (button, self.catalog.entries[start].emoji if start >= 0 else "")
            for button, start in zip(self.group_buttons, self._group_starts, strict=True)
        ]
        hand = self.catalog.find(HAND)
        buttons.append((self.tone_button, hand.with_tone(self.tone) if hand is not None else ""))
        for button, emoji in buttons:
            image = None if self._images is None else self._images.icon(emoji, 18)
            button.setIcon(image if image is not None else QIcon())
            button.setText("" if image is not None else emoji)

    def choose_tone(self, tone: SkinTone) -> None:
        self.set_tone(tone)
        self.skinToneChosen.emit(int(tone))

    def _sync_tone_button(self) -> None:
        self._sync_chrome()
        for action in self.tone_actions:
            action.setChecked(action.data() == int(self.tone))

    def show_view(self, view: str) -> None:
        self._view = view
        (self.recent_tab if view == "recent" else self.all_tab).setChecked(True)
        if self.search.text():
            self.search.clear()  # _search_changed refreshes
        else:
            self._refresh()

    def jump_to_group(self, group: int) -> None:
        if self._view != "all" or self.search.text():
            self.show_view("all")
        start = self._group_starts[group]
        if start >= 0:
            index = self.model.index(start, 0)
            self.grid.setCurrentIndex(index)
            self.grid.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def current_view(self) -> str:
        return "search" if self.search.text().strip() else self._view

    def _search_changed(self, _text: str) -> None:
        self._refresh()

    def _refresh(self, keep_position: bool = False) -> None:
        query = self.search.text().strip()
        position = self.grid.verticalScrollBar().value()
        if query:
            self.model.set_entries(self.catalog.search(query), self.tone)
            empty = self.tr("No emoji matches “{0}”.").format(query)
        elif self._view == "recent":
            self.model.set_emojis(self._recent)
            empty = self.tr("The emoji you send will appear here.")
        else:
            self.model.set_entries(self.catalog.entries, self.tone)
            empty = ""
        has_rows = self.model.rowCount() > 0
        self.grid.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)
        self.empty_label.setText(empty)
        if has_rows:
            self.grid.setCurrentIndex(self.model.index(0, 0))
            if keep_position:
                self.grid.verticalScrollBar().setValue(position)
            else:
                self.grid.scrollToTop()
        else:
            self.name_label.clear()

    def _chosen(self, emoji: str) -> None:
        self.emojiChosen.emit(emoji)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_name(current)

    def _show_name(self, index: QModelIndex) -> None:
        if index.isValid():
            name = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            self.name_label.setText(name[:1].upper() + name[1:])

    # showing ------------------------------------------------------------------------------
    def popup_at(self, anchor: QWidget) -> None:
        """Open above ``anchor`` (below it when there is no room), search field focused."""
        self.adjustSize()
        size = self.size()
        top_left = anchor.mapToGlobal(QPoint(0, -size.height() - 4))
        screen = anchor.screen().availableGeometry()
        if top_left.y() < screen.top():
            top_left = anchor.mapToGlobal(QPoint(0, anchor.height() + 4))
        top_left.setX(max(screen.left(), min(top_left.x(), screen.right() - size.width())))
        self.move(top_left)
        self.show()
        self.search.setFocus(Qt.FocusReason.PopupFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                index = self.grid.currentIndex()
                if index.isValid():
                    self.grid.choose(index)
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Right) and (
                key in (Qt.Key.Key_Down, Qt.Key.Key_Up) or not self.search.text()
            ):
                self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
