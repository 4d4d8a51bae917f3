"""The annotation toolbar: highlight, add a note, and the colour and style new highlights get."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QToolBar, QWidget

from reader.notes.note import Color, Style
from reader.ui.actions import ActionName, Actions
from reader.ui.note_colors import color_icon

COLOR_ACTIONS = {
    Color.YELLOW: ActionName.NOTE_COLOR_YELLOW,
    Color.GREEN: ActionName.NOTE_COLOR_GREEN,
    Color.BLUE: ActionName.NOTE_COLOR_BLUE,
    Color.PINK: ActionName.NOTE_COLOR_PINK,
    Color.PURPLE: ActionName.NOTE_COLOR_PURPLE,
    Color.ORANGE: ActionName.NOTE_COLOR_ORANGE,
}
STYLE_ACTIONS = {
    Style.HIGHLIGHT: ActionName.NOTE_STYLE_HIGHLIGHT,
    Style.UNDERLINE: ActionName.NOTE_STYLE_UNDERLINE,
    Style.STRIKE: ActionName.NOTE_STYLE_STRIKE,
}


def build_annotation_toolbar(parent: QWidget, actions: Actions) -> QToolBar:
    """A toolbar (objectName `annotationToolbar`) with the highlight, note, colour and style actions."""
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Annotation"), parent)
    toolbar.setObjectName("annotationToolbar")
    toolbar.setAccessibleName(QCoreApplication.translate("MainWindow", "Annotation toolbar"))
    toolbar.addAction(actions[ActionName.HIGHLIGHT])
    toolbar.addAction(actions[ActionName.ADD_NOTE])
    toolbar.addSeparator()
    for color, name in COLOR_ACTIONS.items():
        action = actions[name]
        action.setIcon(color_icon(color))
        action.setToolTip(
            QCoreApplication.translate("MainWindow", "New highlights in {0}").format(
                action.text().replace("&", "").lower()
            )
        )
        toolbar.addAction(action)
    toolbar.addSeparator()
    for name in STYLE_ACTIONS.values():
        toolbar.addAction(actions[name])
    actions[COLOR_ACTIONS[Color.YELLOW]].setChecked(True)
    actions[STYLE_ACTIONS[Style.HIGHLIGHT]].setChecked(True)
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if button is not None and action.objectName():  # separators have neither
            button.setObjectName(action.objectName() + "Button")
            button.setAccessibleName(action.text().replace("&", ""))
    return toolbar


def chosen_color(actions: Actions) -> Color:
    return next((color for color, name in COLOR_ACTIONS.items() if actions[name].isChecked()), Color.YELLOW)


def chosen_style(actions: Actions) -> Style:
    return next((style for style, name in STYLE_ACTIONS.items() if actions[name].isChecked()), Style.HIGHLIGHT)
