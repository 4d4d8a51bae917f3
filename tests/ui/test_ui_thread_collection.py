"""Garbage is collected on the UI thread only, from a timer, by the interpreter's own thresholds: a worker thread that
allocates never runs a collection (one there that frees a Qt object's Python side can crash the program)."""

from __future__ import annotations

import gc
import threading
import weakref

from reader.ui.ui_thread_collection import BUSY_MS, IDLE_MS, collect_on_ui_thread


class _Cycle:
    """An object that refers to itself: only a collection frees it."""

    def __init__(self) -> None:
        self.me = self


def test_a_worker_that_makes_garbage_never_collects_it_the_ui_thread_does(qtbot, qapp) -> None:
    collector = collect_on_ui_thread(qapp)
    threads: list[bool] = []

    def record(phase: str, info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread() is threading.main_thread())

    def make_garbage() -> None:
        for _ in range(20):
            for _ in range(gc.get_threshold()[0] * 3):
                _Cycle()

    last = _Cycle()
    freed = weakref.ref(last)
    del last
    gc.callbacks.append(record)
    try:
        worker = threading.Thread(target=make_garbage)
        worker.start()
        worker.join()
        assert threads == []  # the worker made enough garbage for dozens of collections and ran none
        assert freed() is not None  # nor did anyone else yet
        qtbot.waitUntil(lambda: freed() is None, timeout=3000)  # the timer's collection freed it
    finally:
        gc.callbacks.remove(record)
    assert threads and all(threads)  # every collection on the UI thread
    assert collect_on_ui_thread(qapp) is collector  # one collector per application
    assert not gc.isenabled()


def test_a_collection_is_made_only_when_a_generation_is_due(qapp) -> None:
    collector = collect_on_ui_thread(qapp)
    gc.collect()
    assert collector.collect_due() is None  # nothing allocated since
    for _ in range(gc.get_threshold()[0] + 10):
        _Cycle()
    assert collector.collect_due() == 0  # the youngest generation only


def test_an_idle_window_is_looked_at_less_and_less_often_and_a_busy_one_often(qapp) -> None:
    collector = collect_on_ui_thread(qapp)
    gc.collect()
    intervals = []
    for _ in range(8):
        collector.collect_due()
        intervals.append(collector._timer.interval())
    assert intervals == sorted(intervals) and intervals[-1] == IDLE_MS and intervals[0] < IDLE_MS
    for _ in range(gc.get_threshold()[0] + 10):
        _Cycle()
    collector.collect_due()
    assert collector._timer.interval() == BUSY_MS
