"""The annotation toolbar: highlight, add a note, and the colour and style new highlights get."""

from __future__ import annotations

from PySide6.QtWidgets import QToolBar, QWidget

from reader.notes.note import Color, Style
from reader.ui.actions import Actions
from reader.ui.note_colors import color_icon


def color_action_name(color: Color) -> str:
    return "noteColor" + color.value.capitalize()


def style_action_name(style: Style) -> str:
    return "noteStyle" + style.value.capitalize()


def build_annotation_toolbar(parent: QWidget, actions: Actions) -> QToolBar:
    """A toolbar (objectName `annotationToolbar`) with the highlight, note, colour and style actions."""
    toolbar = QToolBar(parent.tr("Annotation"), parent)
    toolbar.setObjectName("annotationToolbar")
    toolbar.setAccessibleName(parent.tr("Annotation toolbar"))
    toolbar.addAction(actions["highlight"])
    toolbar.addAction(actions["addNote"])
    toolbar.addSeparator()
    for color in Color:
        action = actions[color_action_name(color)]
        action.setIcon(color_icon(color))
        action.setToolTip(parent.tr("New highlights in {0}").format(action.text().replace("&", "").lower()))
        toolbar.addAction(action)
    toolbar.addSeparator()
    for style in Style:
        toolbar.addAction(actions[style_action_name(style)])
    actions[color_action_name(Color.YELLOW)].setChecked(True)
    actions[style_action_name(Style.HIGHLIGHT)].setChecked(True)
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if button is not None and action.objectName():  # separators have neither
            button.setObjectName(action.objectName() + "Button")
            button.setAccessibleName(action.text().replace("&", ""))
    return toolbar


def chosen_color(actions: Actions) -> Color:
    return next((color for color in Color if actions[color_action_name(color)].isChecked()), Color.YELLOW)


def chosen_style(actions: Actions) -> Style:
    return next((style for style in Style if actions[style_action_name(style)].isChecked()), Style.HIGHLIGHT)
