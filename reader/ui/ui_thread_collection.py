"""`collect_on_ui_thread`: Python's cycle collector run only on the UI thread, from a timer, never on a worker."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

COLLECT_EVERY_MS = 1000
_NAME = "uiThreadCollector"


class UiThreadCollector(QObject):
    """Makes the collections the interpreter would have made, by its own thresholds, each time its timer fires."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(_NAME)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(COLLECT_EVERY_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int | None:
        """Collect the oldest generation that is due, if any (as the interpreter decides); which one, or None."""
        allocations, young_collections, middle_collections = gc.get_count()
        young, middle, old = self._thresholds
        if allocations <= young:
            return None
        generation = 0
        if young_collections > middle:  # enough young collections since the middle generation's last one
            generation = 2 if middle_collections > old else 1
        gc.collect(generation)
        return generation


def collect_on_ui_thread(app: QCoreApplication) -> UiThreadCollector:
    """Turn the interpreter's own collections off and make them on the UI thread instead, once a second (once per
    application; later calls return the same collector).

    The interpreter collects in whichever thread allocates when a generation falls due: as often as not a worker
    building an index or reading an import. A collection there that frees the Python side of a Qt object makes
    PySide6 hand the C++ object's deletion to the UI thread, and that hand-over can crash the program (a
    segmentation fault in `Shiboken::BindingManager::releaseWrapper`, seen while the tests' windows came and
    went). From the timer, every collection runs on the UI thread, between two events.
    """
    collector = app.findChild(UiThreadCollector, _NAME) or UiThreadCollector(app)
    gc.disable()
    return collector
