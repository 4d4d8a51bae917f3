"""`collect_on_ui_thread`: Python's cycle collector run only on the UI thread, from a timer, never on a worker."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

BUSY_MS = 100  # between looks while garbage keeps coming (each look that finds a generation due)
IDLE_MS = 2000  # at most, while none is: the interval doubles from look to look up to this
_NAME = "uiThreadCollector"


class UiThreadCollector(QObject):
    """Makes the collections the interpreter would have made, by its own thresholds, each time its timer fires: every
    tenth of a second while garbage keeps coming, less and less often (every two seconds at most) while it does not,
    so an idle window is woken rarely."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(_NAME)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(BUSY_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int | None:
        """Collect the oldest generation that is due, if any (as the interpreter decides); which one, or None."""
        allocations, young_collections, middle_collections = gc.get_count()
        young, middle, old = self._thresholds
        if allocations <= young:
            self._timer.setInterval(min(IDLE_MS, self._timer.interval() * 2))
            return None
        self._timer.setInterval(BUSY_MS)
        generation = 0
        if young_collections > middle:  # enough young collections since the middle generation's last one
            generation = 2 if middle_collections > old else 1
        gc.collect(generation)
        return generation


def collect_on_ui_thread(app: QCoreApplication) -> UiThreadCollector:
    """Turn the interpreter's own collections off and make them on the UI thread instead, from a timer (once per
    application; later calls return the same collector).

    The interpreter collects in whichever thread allocates when a generation falls due: as often as not a worker
    building an index or reading an import. A collection there that frees the Python side of a Qt object makes
    PySide6 hand the C++ object's deletion to the UI thread, and that hand-over can crash the program (a
    segmentation fault in `Shiboken::BindingManager::releaseWrapper`, seen while the tests' windows came and
    went). From the timer, every collection runs on the UI thread, between two events.
    """
    collector = app.findChild(UiThreadCollector, _NAME) or UiThreadCollector(app)
    gc.disable()
    # What is due is collected now, as the interpreter would at its next allocation: the garbage the start made
    # goes before `long_lived` freezes what is alive (frozen, it would stay).
    collector.collect_due()
    return collector
