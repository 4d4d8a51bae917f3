"""A filter box of the notes panel (`ElidingComboBox`) shows an English tag in the Arabic interface left to right,
ended in "…" at its end when too narrow, as the read-aloud bar's voice list does."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui.eliding_combo_box import ElidingComboBox

TAG = "accountability-and-international-justice-mechanisms"


def test_an_english_choice_in_a_right_to_left_box_reads_from_its_start(qtbot) -> None:
    box = ElidingComboBox()
    qtbot.addWidget(box)
    box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    box.set_choices([(TAG, TAG), ("وسم", "arabic")])
    box.resize(140, box.sizeHint().height())
    box.show()
    qtbot.waitExposed(box)

    text, direction = box.shown_text()

    assert direction == Qt.LayoutDirection.LeftToRight
    assert text.endswith("…") and TAG.startswith(text[:-1])
    assert box.toolTip() == TAG
    image = box.grab()  # painted without error, text and all
    assert not image.isNull()


def test_a_choice_in_the_interface_direction_keeps_it(qtbot) -> None:
    box = ElidingComboBox()
    qtbot.addWidget(box)
    box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    box.set_choices([("وسم", "arabic")])

    assert box.shown_text()[1] == Qt.LayoutDirection.RightToLeft
