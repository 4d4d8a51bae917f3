"""Qt's own settings (what a file dialog remembers) are kept in the data folder, never in the home folder: a portable
copy writes nothing there."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# A start of the window as a reader makes it (the portable file beside a frozen program, or READER_DATA_DIR); once the
# page is painted, a file dialog opens on a folder and closes, as an export's would, and the window closes.
START_AND_USE_A_FILE_DIALOG = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    if sys.argv[1] == "portable":
        program = Path(sys.argv[2]) / "field-reader"
        program.write_bytes(b"")
        (program.parent / "portable").write_bytes(b"")
        sys.frozen = True
        sys.executable = str(program)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    from reader import paths
    from reader.app_objects import build_app_objects
    from reader.ui import app

    build_window = app.build_main_window

    def with_a_file_dialog(objects):
        window = build_window(objects)

        def use_a_dialog():
            dialog = QFileDialog(window, "Export Notes", sys.argv[3])
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            dialog.show()
            dialog.setDirectory(sys.argv[3])
            dialog.reject()
            dialog.deleteLater()  # a file dialog saves what it remembers as it goes
            QTimer.singleShot(0, window.close)

        window.document.first_painted.connect(lambda: QTimer.singleShot(0, use_a_dialog))
        return window

    app.build_main_window = with_a_file_dialog
    folders = paths.locate()
    sys.exit(app.run_window(lambda: build_app_objects(folders), folders.data, exit_after_start=False))
    """
)


@pytest.mark.parametrize("layout", ["portable", "READER_DATA_DIR"])
def test_a_file_dialog_remembers_its_folder_in_the_data_folder_not_the_home_folder(tmp_path: Path, layout: str):
    home, stick, documents = tmp_path / "home", tmp_path / "stick", tmp_path / "documents"
    for folder in (home, stick, documents):
        folder.mkdir()
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("READER_", "XDG_"))}
    environment.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), QT_QPA_PLATFORM="offscreen")
    if layout == "READER_DATA_DIR":
        environment["READER_DATA_DIR"] = str(stick / "data")
    result = subprocess.run(
        [sys.executable, "-c", START_AND_USE_A_FILE_DIALOG, layout, str(stick), str(documents)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(home.rglob("*")) == []  # nothing written in the home folder
    remembered = [path for path in (stick / "data").rglob("*.conf") if str(documents) in path.read_text()]
    assert remembered, "the file dialog's last folder is kept in the data folder"
