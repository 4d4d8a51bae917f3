"""The download's third-party licences: who made each bundled file, their licence texts, and THIRD-PARTY-NOTICES.txt.

`packaging/field-reader.spec` calls `write_notices` with the source of every file PyInstaller put in the bundle.
Each file is traced to its owner exactly: the Python distribution whose RECORD lists it, Python itself (the
interpreter's own folder), the Debian package that installed it (`dpkg -S`), or this project. A file nobody owns
stops the build, so nothing is shipped without its licence.
"""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

NOTICES = "THIRD-PARTY-NOTICES.txt"
LICENSES = "LICENSES"
COMMON_LICENSES = Path("/usr/share/common-licenses")
HERE = Path(__file__).resolve().parent
# Qt and Qt for Python: their wheels carry no licence file, so the texts come from Debian's common licences.
QT_DISTRIBUTIONS = {"pyside6-essentials", "pyside6-addons", "pyside6", "shiboken6"}
LICENCE_NAME = re.compile(r"LICEN|COPYING|NOTICE", re.IGNORECASE)
# What Debian's copyright files do not say in one word: the licence of the library itself (not of its source
# package's other programs), for the libraries PyInstaller copies from the build machine.
DEBIAN_LIBRARIES: dict[str, tuple[str, str]] = {
    "libssl3": ("OpenSSL", "Apache-2.0"),
    "libsqlite3-0": ("SQLite", "public domain"),
    "libffi8": ("libffi", "MIT"),
    "libuuid1": ("libuuid (util-linux)", "BSD-3-Clause"),
    "libjpeg62-turbo": ("libjpeg-turbo", "IJG and BSD-3-Clause"),
    "libkeyutils1": ("keyutils library", "LGPL-2.0-or-later"),
    "libcom-err2": ("com_err (e2fsprogs)", "MIT-style"),
    "libkrb5-3": ("MIT Kerberos 5", "MIT-style"),
    "libkrb5support0": ("MIT Kerberos 5", "MIT-style"),
    "libk5crypto3": ("MIT Kerberos 5", "MIT-style"),
    "libgssapi-krb5-2": ("MIT Kerberos 5", "MIT-style"),
}
DEBIAN_PREFIXES = {"libxcb": ("libxcb and xcb-util (X11)", "MIT"), "libxkbcommon": ("xkbcommon", "MIT")}


@dataclass(frozen=True, slots=True)
class Owners:
    """Who made the bundled files: Python distributions, Python itself, Debian packages; and files nobody owns."""

    distributions: tuple[importlib.metadata.Distribution, ...]
    python: bool
    debian_packages: tuple[str, ...]
    unowned: tuple[Path, ...]
    sources: tuple[Path, ...]


def distribution_name(distribution: importlib.metadata.Distribution) -> str:
    return distribution.metadata["Name"]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _distribution_files(project: str) -> dict[Path, importlib.metadata.Distribution]:
    files: dict[Path, importlib.metadata.Distribution] = {}
    for distribution in importlib.metadata.distributions():
        if _normal(distribution_name(distribution)) == _normal(project):
            continue  # this project's own files are ours, not a third party's
        for file in distribution.files or ():
            files[Path(file.locate()).resolve()] = distribution
    return files


def debian_package(path: Path) -> str | None:
    """The Debian package that installed `path` (tried as given, resolved, and across the /usr merge), or None."""
    candidates = {str(path), str(path.resolve())}
    candidates |= {name.removeprefix("/usr") if name.startswith("/usr/") else "/usr" + name for name in set(candidates)}
    for candidate in sorted(candidates):
        try:
            found = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        except OSError:
            return None
        if found.returncode == 0:
            return found.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


def find_owners(sources: Iterable[Path], project_root: Path, project: str = "field-reader") -> Owners:
    """Who made each file in `sources` (the files PyInstaller bundled, by their path on the build machine)."""
    sources = tuple(sorted({Path(source).resolve() for source in sources}))
    files = _distribution_files(project)
    python_home = Path(sys.base_prefix).resolve()
    project_root = project_root.resolve()
    distributions: dict[str, importlib.metadata.Distribution] = {}
    packages: set[str] = set()
    python = False
    unowned: list[Path] = []
    for source in sources:
        if source in files:
            distributions[distribution_name(files[source])] = files[source]
        elif source.is_relative_to(python_home) and "site-packages" not in source.parts:
            python = True
        elif package := debian_package(source):
            packages.add(package)
        elif not source.is_relative_to(project_root):
            unowned.append(source)
    return Owners(
        tuple(distributions[name] for name in sorted(distributions, key=str.lower)),
        python,
        tuple(sorted(packages)),
        tuple(unowned),
        sources,
    )


def licence_of(distribution: importlib.metadata.Distribution) -> str:
    """The distribution's licence as it states it: its SPDX expression, else its short License field or classifiers."""
    metadata = distribution.metadata
    if expression := metadata.get("License-Expression"):
        return expression
    stated = (metadata.get("License") or "").strip()
    if stated and "\n" not in stated and len(stated) <= 200:
        return stated
    classifiers = [c.split(" :: ")[-1] for c in metadata.get_all("Classifier") or () if c.startswith("License ::")]
    return "; ".join(classifiers) or "see its licence file"


def licence_files(distribution: importlib.metadata.Distribution) -> list[tuple[Path, str]]:
    """Each licence file the distribution ships, with its name inside the distribution's licence folder."""
    found = []
    for file in distribution.files or ():
        if LICENCE_NAME.search(file.name):
            parts = file.parts
            if parts[0].endswith(".dist-info"):
                parts = parts[2:] if len(parts) > 2 and parts[1] == "licenses" else parts[1:]
            found.append((Path(file.locate()), "/".join(parts)))
    return found


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the notices: a component, its version, its licence, and where its texts are in the bundle."""

    name: str
    version: str
    licence: str
    texts: tuple[str, ...]
    note: str = ""


class _Writer:
    """Copies licence texts into the bundle's LICENSES/ folder and remembers the entries for the notices."""

    def __init__(self, bundle: Path) -> None:
        self.bundle = bundle
        self.folder = bundle / LICENSES
        shutil.rmtree(self.folder, ignore_errors=True)
        self.common: set[str] = set()

    def copy(self, source: Path, relative: str) -> str:
        if not source.is_file():
            raise SystemExit(f"third_party_notices: {source} is missing; the download cannot ship its licence.")
        target = self.folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)  # follows symbolic links (Debian's GPL is a link to GPL-3)
        target.chmod(0o644)
        return f"{LICENSES}/{relative}"

    def common_licence(self, name: str) -> str:
        self.common.add(name)
        return self.copy(COMMON_LICENSES / name, f"common-licenses/{name}")


def _python_entries(owners: Owners, writer: _Writer) -> list[Entry]:
    entries = []
    for distribution in owners.distributions:
        name, version = distribution_name(distribution), distribution.version
        if _normal(name) in QT_DISTRIBUTIONS:
            continue
        files = licence_files(distribution)
        if not files:
            raise SystemExit(f"third_party_notices: {name} {version} ships no licence file; add its text.")
        texts = tuple(writer.copy(source, f"{name}-{version}/{relative}") for source, relative in files)
        entries.append(Entry(name, version, licence_of(distribution), texts))
    if owners.python:
        version = sys.version.split()[0]
        text = writer.copy(Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt", f"Python-{version}/LICENSE.txt")
        entries.append(Entry("Python (the interpreter and its standard library)", version, "PSF-2.0", (text,)))
    return entries


def qt_notice(qt_version: str, distributions: list[tuple[str, str]], icu: str | None) -> str:
    """The notice, in our words, for Qt and Qt for Python: what is bundled, under which licence, where its source is."""
    pyside = dict(distributions).get("PySide6_Essentials") or distributions[0][1]
    minor = ".".join(qt_version.split(".")[:2])
    names = "\n".join(f"  {name} {version}" for name, version in distributions)
    icu_line = f"  ICU {icu}, the Unicode library Qt uses, is shipped with Qt's libraries.\n" if icu else ""
    return (
        f"Qt {qt_version} and Qt for Python (PySide6 and shiboken6)\n\n"
        "Field Reader uses Qt, the Qt Company's toolkit, through Qt for Python. They are bundled as the Qt Company\n"
        "publishes them in these Python packages, unmodified (only the parts the reader never uses are left out):\n"
        f"{names}\n{icu_line}\n"
        "Field Reader uses them under the GNU Lesser General Public License version 3 (LGPL-3.0-only), one of the\n"
        "licences they are offered under (the others are GPL-2.0-only and GPL-3.0-only). The LGPL's text is in\n"
        "LGPL-3.0.txt, and the GPL it builds on in GPL-3.0.txt, both in this folder.\n\n"
        "Their libraries are separate files, loaded when the program starts: Qt's in _internal/PySide6/Qt/lib/ and\n"
        "_internal/PySide6/Qt/plugins/, Qt for Python's in _internal/PySide6/, _internal/shiboken6/ and\n"
        "_internal/lib{pyside6,shiboken6}.abi3.so.*. You may replace them with your own build of the same version.\n\n"
        "Their complete source code is published by the Qt Project:\n"
        f"  Qt {qt_version}: https://download.qt.io/official_releases/qt/{minor}/{qt_version}/single/\n"
        f"  Qt for Python {pyside}: https://download.qt.io/official_releases/QtForPython/pyside6/PySide6-{pyside}-src/\n"
        "  and in git at https://code.qt.io/ (qt/qt5 and pyside/pyside-setup, tag v" + qt_version + ").\n"
        "Qt contains code by others (for example HarfBuzz, PCRE2, libpng, zlib, md4c); their licences are listed at\n"
        "https://doc.qt.io/qt-6/licenses-used-in-qt.html.\n"
    )


def _qt_entries(owners: Owners, writer: _Writer, qt_version: str) -> list[Entry]:
    distributions = [
        (distribution_name(item), item.version)
        for item in owners.distributions
        if _normal(distribution_name(item)) in QT_DISTRIBUTIONS
    ]
    if not distributions:
        return []
    icu = next((match[1] for s in owners.sources if (match := re.match(r"libicuuc\.so\.(\d+)", s.name))), None)
    texts = [writer.copy(COMMON_LICENSES / "LGPL-3", "Qt/LGPL-3.0.txt")]
    texts.append(writer.copy(COMMON_LICENSES / "GPL-3", "Qt/GPL-3.0.txt"))
    notice = writer.folder / "Qt" / "NOTICE.txt"
    notice.write_text(qt_notice(qt_version, distributions, icu), encoding="utf-8")
    texts.insert(0, f"{LICENSES}/Qt/NOTICE.txt")
    names = ", ".join(f"{name} {version}" for name, version in distributions)
    entries = [Entry(f"Qt {qt_version}, through {names}", "", "LGPL-3.0-only", tuple(texts))]
    if icu:
        icu_copyright = sorted(Path("/usr/share/doc").glob("libicu[0-9]*/copyright"))
        if not icu_copyright:
            raise SystemExit(
                "third_party_notices: ICU's licence text is missing: install icu-devtools (make package-deps)."
            )
        text = writer.copy(icu_copyright[-1], "ICU/copyright")
        entries.append(
            Entry(
                f"ICU {icu}, shipped with Qt's libraries",
                "",
                "Unicode-DFS-2016 (ICU's licence)",
                (text,),
                "text as Debian ships it for its own ICU",
            )
        )
    return entries


def _embedded_entries(owners: Owners, writer: _Writer) -> list[Entry]:
    names = {_normal(distribution_name(item)) for item in owners.distributions}
    entries = []
    if names & ({"uharfbuzz"} | QT_DISTRIBUTIONS):
        text = writer.copy(HERE / "licenses" / "HarfBuzz-COPYING.txt", "HarfBuzz/COPYING.txt")
        entries.append(
            Entry("HarfBuzz, in uharfbuzz and in Qt", "", 'MIT-Modern-Variant (HarfBuzz\'s "Old MIT")', (text,))
        )
    if "cryptography" in names:
        text = writer.common_licence("Apache-2.0")
        entries.append(Entry("OpenSSL 3, built into cryptography's extension module", "", "Apache-2.0", (text,)))
    if "pillow" in names:
        entries.append(
            Entry(
                "The libraries in _internal/pillow.libs/, shipped with Pillow",
                "",
                "each its own: libjpeg-turbo (IJG, BSD-3-Clause), Little CMS (MIT), libtiff (libtiff), OpenJPEG"
                " (BSD-2-Clause), liblzma (0BSD), zstd (BSD-3-Clause), libxcb and libXau (MIT)",
                (),
                "their texts are in Pillow's licence file, listed above",
            )
        )
    return entries


def _debian_entries(owners: Owners, writer: _Writer) -> list[Entry]:
    """One entry per Debian source package: its libraries share one copyright file."""
    sources: dict[str, list[str]] = {}
    for package in owners.debian_packages:
        query = ["dpkg-query", "-W", "-f=${source:Package}", package]
        sources.setdefault(subprocess.run(query, capture_output=True, text=True, check=True).stdout, []).append(package)
    entries = []
    for source, packages in sorted(sources.items()):
        package = packages[0]
        prefix = next((value for key, value in DEBIAN_PREFIXES.items() if package.startswith(key)), None)
        component, licence = DEBIAN_LIBRARIES.get(package) or prefix or (package, "see its copyright file")
        query = ["dpkg-query", "-W", "-f=${Version}", package]
        version = subprocess.run(query, capture_output=True, text=True, check=True).stdout
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        texts = [writer.copy(copyright_file, f"debian/{source}/copyright")]
        # Debian's copyright files point to licences in /usr/share/common-licenses, which other systems lack.
        stated = copyright_file.read_text(encoding="utf-8", errors="replace")
        for name in sorted(set(re.findall(r"/usr/share/common-licenses/([A-Za-z0-9.+-]+)", stated))):
            if (COMMON_LICENSES / name).is_file():
                texts.append(writer.common_licence((COMMON_LICENSES / name).resolve().name))
        libraries = ", ".join(packages)
        entries.append(Entry(f"{component} {version} (Debian: {libraries})", "", licence, tuple(dict.fromkeys(texts))))
    return entries


def _section(title: str, entries: list[Entry]) -> str:
    lines = [title, "-" * len(title)]
    for entry in entries:
        lines.append(f"{entry.name} {entry.version}".rstrip())
        lines.append(f"    Licence: {entry.licence}")
        lines.extend(f"    Text:    {text}" for text in entry.texts)
        if entry.note:
            lines.append(f"    ({entry.note})")
    return "\n".join(lines) + "\n"


def write_notices(
    bundle: Path, sources: Iterable[Path], project_root: Path, app: str, version: str, qt_version: str
) -> Owners:
    """Copy every bundled component's licence texts into bundle/LICENSES and write bundle/THIRD-PARTY-NOTICES.txt."""
    owners = find_owners(sources, project_root)
    if owners.unowned:
        listed = ", ".join(str(path) for path in owners.unowned)
        raise SystemExit(f"third_party_notices: no licence known for these bundled files: {listed}")
    writer = _Writer(bundle)
    python = _python_entries(owners, writer)
    qt = _qt_entries(owners, writer, qt_version)
    embedded = _embedded_entries(owners, writer)
    debian = _debian_entries(owners, writer)
    dejavu = [
        Entry(
            "DejaVu fonts (Sans and Serif)",
            "",
            "Bitstream Vera and public domain changes",
            ("_internal/reader/fonts/LICENSE-DejaVu.txt",),
        )
    ]
    header = (
        f"{app} {version}: third-party notices\n\n"
        f"{app} itself is free software under the GNU General Public License, version 3 or later\n"
        "(GPL-3.0-or-later). This folder also holds other people's work, each under its own licence: every\n"
        "component is listed below with its version, its licence and where the licence text is, relative to\n"
        "this file. We did not change any of it; parts the reader never uses were left out of the download.\n"
        "The texts are copied as each component ships them. Licences in Debian's common-licenses are in\n"
        f"{LICENSES}/common-licenses/.\n\n"
    )
    text = header + "\n".join(
        [
            _section("Python and Python libraries", python),
            _section("Qt", qt) if qt else "",
            _section("Libraries built into the packages above", embedded) if embedded else "",
            _section("Libraries copied from the build system (Debian)", debian) if debian else "",
            _section("Fonts", dejavu),
        ]
    ).replace("\n\n\n", "\n\n")
    (bundle / NOTICES).write_text(text, encoding="utf-8")
    return owners
