"""Hostile content files: devices, pipes, links to them, huge or deeply nested files get one clear line, fast."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from reader import bounded_read
from reader.bounded_read import RefusedFileError, read_regular_file
from reader.content import MAX_CONTENT_FILE_BYTES, load_report
from reader.errors import ContentError
from reader.glossary import GlossaryError, load_glossary, read_terms
from reader.markdown_tree import MAX_NESTING, read_markdown

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def _outcome(action: Callable[[], object], seconds: float = 20) -> BaseException | None:
    """Run `action` in a thread and return what it raised; fail if it is still running after `seconds`."""
    caught: list[BaseException | None] = []

    def run() -> None:
        try:
            action()
        except BaseException as exc:
            caught.append(exc)
        else:
            caught.append(None)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the read hung"
    return caught[0]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    return folder


def _make_fifo(path: Path) -> Path:
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    return path


def _link_to(path: Path, target: Path) -> Path:
    path.unlink(missing_ok=True)
    path.symlink_to(target)
    return path


# -- read_regular_file ------------------------------------------------------------------------------------------


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_bytes(b"abc" * 1000)
    assert read_regular_file(path, 3000) == b"abc" * 1000


def test_a_file_one_byte_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_bytes(b"x" * 3001)
    with pytest.raises(RefusedFileError, match="more than the"):
        read_regular_file(path, 3000)


@needs_dev_zero
def test_a_link_to_dev_zero_is_refused_before_reading(tmp_path: Path) -> None:
    link = _link_to(tmp_path / "notes.json", Path("/dev/zero"))
    error = _outcome(lambda: read_regular_file(link, 1000))
    assert isinstance(error, RefusedFileError)
    assert str(error) == "Cannot read notes.json: it is not a regular file (a device, pipe or socket)."


@needs_fifo
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = _make_fifo(tmp_path / "pipe.json")
    assert isinstance(_outcome(lambda: read_regular_file(fifo, 1000)), RefusedFileError)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RefusedFileError, match="it is a folder, not a file"):
        read_regular_file(tmp_path, 1000)


@needs_fifo
def test_a_pipe_swapped_in_after_the_check_is_refused_once_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first check sees a regular file; by the time the file is opened it is a pipe with no writer."""
    regular = tmp_path / "regular"
    regular.write_bytes(b"{}")
    fifo = _make_fifo(tmp_path / "swapped.json")
    real_stat = os.stat
    monkeypatch.setattr(bounded_read.os, "stat", lambda path: real_stat(regular))
    error = _outcome(lambda: read_regular_file(fifo, 1000))
    assert isinstance(error, RefusedFileError)
    assert "not a regular file" in str(error)


def test_a_file_that_grows_after_the_checks_is_cut_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sizes are checked on stat, but the read itself stops one byte past the limit whatever stat said."""
    path = tmp_path / "growing.json"
    path.write_bytes(b"x" * 10_000)
    small = os.stat_result((0o100644, 0, 0, 1, 0, 0, 10, 0, 0, 0))
    monkeypatch.setattr(bounded_read.os, "stat", lambda path: small)
    monkeypatch.setattr(bounded_read.os, "fstat", lambda descriptor: small)
    read = []
    real_read = os.read
    monkeypatch.setattr(bounded_read.os, "read", lambda fd, size: read.append(size) or real_read(fd, size))
    with pytest.raises(RefusedFileError, match="more than the"):
        read_regular_file(path, 100)
    assert sum(read) <= 101


# -- the content folder -----------------------------------------------------------------------------------------


@needs_dev_zero
@pytest.mark.parametrize("name", ["report.md", "manifest.json"])
def test_content_file_linked_to_dev_zero_is_one_clear_error(content: Path, tmp_path: Path, name: str) -> None:
    _link_to(content / name, Path("/dev/zero"))
    error = _outcome(lambda: load_report(content, tmp_path / "cache"))
    assert isinstance(error, ContentError)
    assert str(error) == f"Cannot load {name} from {content}: it is not a regular file (a device, pipe or socket)."
    assert not (tmp_path / "cache").exists()


@needs_fifo
@pytest.mark.parametrize("name", ["report.md", "manifest.json"])
def test_content_file_that_is_a_pipe_is_refused_without_hanging(content: Path, name: str) -> None:
    _make_fifo(content / name)
    error = _outcome(lambda: load_report(content))
    assert isinstance(error, ContentError)
    assert f"Cannot load {name} from {content}: it is not a regular file" in str(error)


def test_an_oversized_report_file_is_refused_before_reading(content: Path) -> None:
    with (content / "report.md").open("r+b") as stream:
        stream.truncate(MAX_CONTENT_FILE_BYTES + 1)
    with pytest.raises(ContentError, match=r"Cannot load report\.md from .*: it is 50\.0 MB, more than the 50 MB"):
        load_report(content)


@needs_dev_zero
def test_glossary_linked_to_dev_zero_leaves_the_report_readable_and_the_glossary_refused(content: Path) -> None:
    _link_to(content / "glossary.json", Path("/dev/zero"))
    assert _outcome(lambda: load_report(content)) is None  # the checksum counts an unreadable glossary as absent
    report = load_report(content)
    error = _outcome(lambda: load_glossary(report))
    assert isinstance(error, GlossaryError)
    assert str(error) == "Cannot load the glossary glossary.json: it is not a regular file (a device, pipe or socket)."


@needs_fifo
def test_glossary_that_is_a_pipe_is_refused_without_hanging(content: Path) -> None:
    report = load_report(content)
    _make_fifo(content / "glossary.json")
    assert _outcome(lambda: load_report(content)) is None
    error = _outcome(lambda: read_terms(content / "glossary.json"))
    assert isinstance(error, GlossaryError)
    assert "not a regular file" in str(error)
    assert isinstance(_outcome(lambda: load_glossary(report)), GlossaryError)


# -- deep nesting and huge numbers ------------------------------------------------------------------------------


def test_glossary_nested_100000_deep_is_one_clear_error(content: Path) -> None:
    (content / "glossary.json").write_text('{"terms": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        read_terms(content / "glossary.json")
    assert str(caught.value) == "Cannot load glossary.json: its JSON is nested too deeply to be a glossary."


def test_glossary_with_a_5000_digit_number_is_one_clear_error(content: Path) -> None:
    (content / "glossary.json").write_text('{"format": ' + "9" * 5000 + ', "terms": []}', encoding="utf-8")
    with pytest.raises(GlossaryError, match="it holds a number too long to read"):
        read_terms(content / "glossary.json")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "its JSON is nested too deeply to be a manifest"),
        ('{"title": ' + "1" * 5000 + "}", "it holds a number too long to read"),
    ],
)
def test_hostile_manifest_is_one_clear_error(content: Path, value: str, message: str) -> None:
    (content / "manifest.json").write_text(value, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_report(content)
    assert str(caught.value) == f"Cannot load manifest.json: {message}."


def test_a_damaged_or_hostile_section_cache_is_ignored_and_replaced(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = load_report(content, cache)
    (cached,) = (cache / "report").iterdir()
    cached.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert load_report(content, cache).sections == expected.sections
    assert json.loads(cached.read_bytes())[0] == 1  # written again from the parsed Markdown


@needs_fifo
def test_a_pipe_in_place_of_the_section_cache_does_not_hang_the_start(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = load_report(content, cache)
    (cached,) = (cache / "report").iterdir()
    _make_fifo(cached)
    assert _outcome(lambda: load_report(content, cache)) is None
    assert load_report(content, cache).sections == expected.sections
    assert cached.is_file()


_DEEP = 100_000


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (">" * _DEEP + " deep\n", 5),
        ("> " * _DEEP + "deep\n", 5),
        ("- " * _DEEP + "deep\n", 5),
        ("1. " * _DEEP + "deep\n", 5),
        ("> - " * _DEEP + "deep\n", 5),
        # each line one level deeper: the indent counts a level per four columns, the bullet one more
        ("".join("    " * level + "- deep\n" for level in range(3000)), 5 + MAX_NESTING),
        ("".join("\t" * level + "!!! callout\n" for level in range(3000)), 5 + MAX_NESTING + 1),
    ],
    ids=["quotes", "spaced-quotes", "bullets", "numbers", "mixed", "indented-list", "indented-boxes"],
)
def test_markdown_nested_too_deeply_is_one_clear_error_naming_the_line(content: Path, body: str, line: int) -> None:
    (content / "report.md").write_text("# Title\n\nA paragraph.\n\n" + body, encoding="utf-8")
    error = _outcome(lambda: load_report(content), seconds=10)
    assert isinstance(error, ContentError)
    assert str(error) == (
        f"Cannot load report.md: line {line} is nested more than {MAX_NESTING} levels deep (indents, lists or "
        "block quotes inside each other); the reader shows none inside another, so flatten it."
    )


def test_nesting_up_to_the_limit_still_gets_the_usual_message(content: Path) -> None:
    (content / "report.md").write_text("# Title\n\n" + "> " * MAX_NESTING + "deep\n", encoding="utf-8")
    with pytest.raises(ContentError, match="puts a <blockquote> inside a block quote"):
        load_report(content)


def test_a_long_thematic_break_is_not_taken_for_nesting() -> None:
    items = read_markdown("# Title\n\nBefore.\n\n" + "- " * 100 + "\n\nAfter.\n", "report.md")
    assert [getattr(item, "text", None) for item in items[1:]] == ["Before.", "After."]


def test_a_paragraph_of_brackets_is_refused_quickly(content: Path) -> None:
    (content / "report.md").write_text("# Title\n\n" + "[" * 50_000 + "x" + "](u)" * 50_000 + "\n", encoding="utf-8")
    error = _outcome(lambda: load_report(content), seconds=10)
    assert isinstance(error, ContentError)
    assert (
        str(error) == "Cannot load report.md: line 3 begins a paragraph with over 500 “[”, too many to read as links."
    )
