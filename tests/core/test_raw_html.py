"""A content pack's report.md can hold HTML and links of any kind; the page shows them as text, and keeps as links
only places in the report, glossary entries, web pages and e-mail addresses."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.content import Report, load_report
from reader.errors import ContentError
from reader.glossary import load_glossary
from reader.render import RENDER_VERSION, RenderOptions, render_report, safe_address
from reader.render_cache import cached_report_html

HOSTILE_REPORT = """# Intro

Raw <img src="http://tracker.example/pixel.png"> and <a href="javascript:alert(1)">a link</a> and \
<script>alert(1)</script> and <iframe src="file:///etc/passwd"></iframe>.

<div onclick="alert(1)">A raw block</div>

Kept: [web](https://example.org/a?b=1&c=2 "Example"), [plain web](http://example.org), \
[mail](mailto:press@example.org), [back to the top](#intro), <https://auto.example/>.

Text only: [js](javascript:alert(1)), [JS](JaVaScRiPt:alert(1)), [file](file:///etc/passwd), \
[data](data:text/html,hi), [vb](vbscript:msgbox), [relative](../secret.txt), [ftp](ftp://files.example), \
<file:///etc/shadow>, [entity](java&#115;cript:alert(1)), [reference][r], [term](term:icj), [blank](http:).

[r]: file:///etc/hosts
"""
KEPT = {
    "https://example.org/a?b=1&c=2": "web",
    "http://example.org": "plain web",
    "mailto:press@example.org": "mail",
    "#intro": "back to the top",
    "https://auto.example/": "https://auto.example/",
    "term:icj": "term",
}
TEXT_ONLY = ["js", "JS", "file", "data", "vb", "relative", "ftp", "file:///etc/shadow", "entity", "reference"]


class _Page(HTMLParser):
    """The elements of a page, its links (address → text) and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.links: dict[str, str] = {}
        self.text = ""
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        named = dict(attrs)
        if tag == "a" and "href" in named:
            self._href = named["href"] or ""
            self.links[self._href] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._href = None

    def handle_data(self, data: str) -> None:
        self.text += data
        if self._href is not None:
            self.links[self._href] += data


@pytest.fixture
def hostile(tmp_path: Path, report: Report) -> Report:
    folder = tmp_path / "content"
    shutil.copytree(report.folder, folder)
    (folder / "report.md").write_text(HOSTILE_REPORT, encoding="utf-8")
    return load_report(folder)


def page_of(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.mark.parametrize("options", [RenderOptions(), RenderOptions(reference_mode=True)])
def test_raw_html_in_the_report_is_shown_as_text(hostile: Report, options: RenderOptions) -> None:
    page = page_of(render_report(hostile, options, load_glossary(hostile)))

    assert not {"img", "script", "iframe", "div", "object", "embed"} & set(page.tags)
    assert '<img src="http://tracker.example/pixel.png">' in page.text
    assert "<script>alert(1)</script>" in page.text
    assert '<div onclick="alert(1)">A raw block</div>' in page.text


def test_only_anchors_web_pages_and_mail_stay_links_and_every_other_link_is_its_text(hostile: Report) -> None:
    page = page_of(render_report(hostile))

    assert page.links == KEPT
    for text in TEXT_ONLY:
        assert re.search(rf"\b{re.escape(text)}\b", page.text)


def test_the_bundled_report_keeps_its_glossary_links_and_has_no_others(report: Report) -> None:
    page = page_of(render_report(report, glossary=load_glossary(report)))

    addresses = set(page.links)
    assert any(address.startswith("term:") for address in addresses)
    assert all(address.startswith("term:") for address in addresses)  # the bundled report has no links of its own


def test_an_image_in_the_report_is_refused_in_one_line(tmp_path: Path, report: Report) -> None:
    folder = tmp_path / "content"
    shutil.copytree(report.folder, folder)
    (folder / "report.md").write_text("# Intro\n\nSee ![a map](http://tracker.example/map.png).\n", encoding="utf-8")

    with pytest.raises(ContentError, match=r"^Cannot load report\.md: line 3 has an image"):
        load_report(folder)


def test_a_page_cached_by_an_older_version_is_not_served(hostile: Report, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    unsafe = '<html><body><a href="javascript:alert(1)">old page</a></body></html>'
    for version in range(1, int(RENDER_VERSION)):
        old = cache / "render" / f"{hostile.checksum[:32]}-v{version}-ref0.html"
        old.parent.mkdir(parents=True, exist_ok=True)
        old.write_text(unsafe, encoding="utf-8")

    html = cached_report_html(hostile, RenderOptions(), cache)

    assert "old page" not in html
    assert "https://example.org/a?b=1&amp;c=2" in html


@pytest.mark.parametrize(
    ("address", "safe"),
    [
        ("#overview-p1", True),
        ("https://www.amnesty.org/", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("mailto:someone@example.org", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("term:icj", True),
        ("term:icj/../x", False),
        ("../secret.txt", False),
        ("//evil.example/x", False),
        ("http:", False),
        ("https://exa mple.org", False),
        ("https://example.org/\x00", False),
    ],
)
def test_which_addresses_may_stay_links(address: str, safe: bool) -> None:
    assert safe_address(address) is safe
