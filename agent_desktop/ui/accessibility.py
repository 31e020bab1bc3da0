"""Accessible names for plain controls, taken from the words people see beside them."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QWidget


def name_unnamed_controls(root: QWidget) -> None:
    """Controls without an accessible name get their form label, or their own text.

    Screen readers announce a control by its accessible name; Windows UI Automation shows it
    as the element's Name. Call once the widgets of ``root`` are built.
    """
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            field = field_item.widget() if field_item is not None else None
            if isinstance(label, QLabel) and field is not None and not field.accessibleName():
                field.setAccessibleName(label.text().replace("&", ""))
                label.setBuddy(field)
    for button in root.findChildren(QAbstractButton):
        if not button.accessibleName() and button.text():
            button.setAccessibleName(button.text().replace("&", ""))
