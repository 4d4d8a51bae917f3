"""Numbered lists keep their numbers, as written, on the page and in `show`; the bundled report's anchors stay."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reader.__main__ import main
from reader.content import BlockKind, load_report
from reader.render import render_section

ARTICLE = """# Article 13

Everyone has these rights:

3. Everyone has the right to freedom of movement.
4. Everyone has the right to leave any country.

- a bullet stays a bullet

1. Loose lists count too.

2. Each item is still one paragraph.
"""


def make_pack(folder: Path) -> Path:
    folder.mkdir()
    manifest = {
        "title": "Universal Declaration of Human Rights",
        "publisher": "United Nations",
        "source": "un.org",
        "language": "en",
        "edition_date": "1948-12-10",
        "files": ["udhr.md"],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "udhr.md").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_a_list_starting_at_3_keeps_its_numbers_in_the_text(tmp_path):
    section = load_report(make_pack(tmp_path / "udhr")).section("article-13")
    items = [paragraph for paragraph in section.paragraphs if paragraph.kind is BlockKind.LIST_ITEM]
    assert [item.text for item in items] == [
        "3. Everyone has the right to freedom of movement.",
        "4. Everyone has the right to leave any country.",
        "a bullet stays a bullet",
        "1. Loose lists count too.",
        "2. Each item is still one paragraph.",
    ]


def test_the_page_shows_each_number_once_and_never_renumbers(tmp_path):
    page = render_section(load_report(make_pack(tmp_path / "udhr")).section("article-13"))
    shown = [re.sub(r"<[^>]*>", "", item) for item in re.findall(r"<li>(.*?)</li>", page)]
    assert shown[:2] == [
        "3. Everyone has the right to freedom of movement.",
        "4. Everyone has the right to leave any country.",
    ]
    assert page.count('<ol style="list-style-type: none">') == 2  # the list draws no second number of its own


def test_show_prints_the_numbers_instead_of_bullets(tmp_path, capsys):
    pack = make_pack(tmp_path / "udhr")
    assert main(["--content", str(pack), "show", "article-13"]) == 0
    out = capsys.readouterr().out
    assert "¶2 3. Everyone has the right to freedom of movement." in out
    assert "¶3 4. Everyone has the right to leave any country." in out
    assert "¶4 • a bullet stays a bullet" in out
    assert "¶5 1. Loose lists count too." in out
    assert "• 3." not in out


def test_the_bundled_report_has_no_numbered_list_so_no_pinned_anchor_moves(report):
    assert not any(paragraph.ordered for paragraph in report.paragraphs())
