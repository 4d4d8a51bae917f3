"""Which parts of a panel the reader folded is kept in the preferences, in the open even while the lock is on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.prefs import Preferences


def test_folds_survive_a_restart_each_under_its_name(data_dir: Path) -> None:
    prefs = Preferences(data_dir)
    prefs.set_fold("notes-filters", False)
    prefs.set_fold("notes-layers", True)
    prefs.save()

    again = Preferences(data_dir)

    assert (again.fold("notes-filters"), again.fold("notes-layers")) == (False, True)
    assert again.fold("never-folded") is None


@pytest.mark.parametrize(
    "folds", ["folded", 1, ["notes-filters"], {"notes-filters": "no"}, {"notes-filters": 0}, {"notes-filters": None}]
)
def test_a_damaged_fold_is_unknown_and_the_rest_of_the_file_still_counts(data_dir: Path, folds: object) -> None:
    (data_dir / "preferences.json").write_text(json.dumps({"zoom": 2, "folds": folds}), encoding="utf-8")

    prefs = Preferences(data_dir)

    assert prefs.fold("notes-filters") is None
    assert prefs.zoom == 2
    assert prefs.load_problem is None
    prefs.set_fold("notes-layers", True)  # a new fold replaces the damaged value
    assert prefs.fold("notes-layers") is True


def test_folds_stay_in_the_open_file_while_the_lock_is_on(data_dir: Path) -> None:
    prefs = Preferences(data_dir, sealed=True)
    prefs.set_fold("notes-filters", True)
    prefs.save()

    saved = json.loads((data_dir / "preferences.json").read_text(encoding="utf-8"))

    assert saved["folds"] == {"notes-filters": True}
    assert Preferences(data_dir, sealed=True).fold("notes-filters") is True
