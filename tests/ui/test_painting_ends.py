"""A widget's paint ends its painter itself: a frame held past the paint (a traceback, a debugger, a profiler's
sampler) must not leave the painter open while Qt finishes the paint, which crashed the window now and then."""

from __future__ import annotations

import sys
from types import FrameType

from reader.ui.eliding_combo_box import ElidingComboBox


def test_the_combo_box_ends_its_painter_even_when_the_paint_outlives_its_frame(qtbot, qtlog) -> None:
    combo = ElidingComboBox()
    combo.addItem("Highlights and notes from every layer")
    qtbot.addWidget(combo)
    kept: list[FrameType] = []

    def keep_paint_frames(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call" and frame.f_code.co_name == "paintEvent":
            kept.append(frame)

    sys.setprofile(keep_paint_frames)
    try:
        combo.grab()  # painted now, with its frame (and its locals) held by `kept`
    finally:
        sys.setprofile(None)
    assert kept, "the paint did not run"
    assert not [record for record in qtlog.records if "active painter" in record.message]
