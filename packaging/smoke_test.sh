#!/usr/bin/env bash
# Smoke test of the downloads in dist/ (after packaging/build.sh), the way a reader gets them: the checksums verify,
# the tarball unpacks, and the app inside runs with no Python on PATH, an empty home folder and a temporary data
# folder. One line per check; exit 1 at the first that fails.
# Usage: packaging/smoke_test.sh [DIST]
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-dist}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
pass() { printf 'ok   %s\n' "$*"; }
fail() {
    printf 'FAIL %s\n' "$*" >&2
    exit 1
}

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' reader/__init__.py)
TARBALL=$(ls "$DIST"/field-reader-"$VERSION"-linux-*.tar.xz)
DEB=$(ls "$DIST"/field-reader_"$VERSION"_*.deb)
mkdir -p "$WORK/home"

(cd "$DIST" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not verify"
grep -q "$(basename "$TARBALL")" "$DIST/SHA256SUMS" && grep -q "$(basename "$DEB")" "$DIST/SHA256SUMS" ||
    fail "SHA256SUMS does not list every artefact"
pass "SHA256SUMS lists and verifies $(wc -l <"$DIST/SHA256SUMS") artefacts"

dpkg-deb -c "$DEB" >"$WORK/deb-files"
tar -tJf "$TARBALL" >"$WORK/tar-files"  # listed once, into a file: `tar | grep -q` fails under pipefail (SIGPIPE)
for path in ./usr/share/applications/field-reader.desktop ./usr/bin/field-reader ./opt/field-reader/field-reader \
    ./usr/share/metainfo/org.fieldreader.FieldReader.metainfo.xml ./usr/share/icons/hicolor/scalable/apps/field-reader.svg; do
    grep -q " $path" "$WORK/deb-files" || fail "the .deb lacks $path"
done
pass "the .deb holds the app, the command, the desktop entry, icon and AppStream metadata"

# The interface's Arabic (ours and Qt's own dialog texts) is in both downloads.
for qm in reader/translations/field_reader_ar.qm PySide6/Qt/translations/qtbase_ar.qm; do
    grep -q " ./opt/field-reader/_internal/$qm\$" "$WORK/deb-files" || fail "the .deb lacks the Arabic interface ($qm)"
    grep -q "^field-reader-[^/]*/_internal/$qm\$" "$WORK/tar-files" || fail "the tarball lacks the Arabic interface ($qm)"
done
pass "both downloads hold the interface's Arabic translations"

# The window's own icon, at every size reader/ui/window_icon.py asks for.
for size in 16 24 32 48 64 128; do
    png=resources/icons/field-reader-$size.png
    grep -q " ./opt/field-reader/_internal/$png\$" "$WORK/deb-files" || fail "the .deb lacks the window icon ($png)"
    grep -q "^field-reader-[^/]*/_internal/$png\$" "$WORK/tar-files" || fail "the tarball lacks the window icon ($png)"
done
pass "both downloads hold the window's icon at 16 to 128 pixels"

# The licences: the notices, Qt's LGPL, Python's and fpdf2's texts are in both downloads, where the notices say.
for licence in THIRD-PARTY-NOTICES.txt LICENSES/Qt/LGPL-3.0.txt 'LICENSES/Python-[^/]*/LICENSE.txt' \
    'LICENSES/fpdf2-[^/]*/LICENSE'; do
    grep -q " ./opt/field-reader/$licence\$" "$WORK/deb-files" || fail "the .deb lacks $licence"
    grep -q "^field-reader-[^/]*/$licence\$" "$WORK/tar-files" || fail "the tarball lacks $licence"
done
pass "both downloads hold THIRD-PARTY-NOTICES.txt and the licence texts (Qt's LGPL, Python's, fpdf2's)"

tar -C "$WORK" -xJf "$TARBALL"
dpkg-deb -x "$DEB" "$WORK/deb-root"
bare() { env -i PATH=/var/empty HOME="$WORK/home" "$@"; }
bare READER_DATA_DIR="$WORK/deb-data" QT_QPA_PLATFORM=offscreen "$WORK/deb-root/opt/field-reader/field-reader" \
    --exit-after-start 2>/dev/null ||
    fail "the app unpacked from the .deb does not run"
pass "the app unpacked from the .deb runs"

APP_DIR=$(find "$WORK" -maxdepth 1 -type d -name 'field-reader-*')
# Every text the notices name is there, and each says what the notices say it is.
sed -n 's/^    Text: *//p' "$APP_DIR/THIRD-PARTY-NOTICES.txt" >"$WORK/licence-texts"
[ "$(wc -l <"$WORK/licence-texts")" -gt 20 ] || fail "THIRD-PARTY-NOTICES.txt names too few licence texts"
while read -r text; do
    [ -s "$APP_DIR/$text" ] || fail "THIRD-PARTY-NOTICES.txt names $text, which the tarball lacks"
    [ -s "$WORK/deb-root/opt/field-reader/$text" ] || fail "THIRD-PARTY-NOTICES.txt names $text, which the .deb lacks"
done <"$WORK/licence-texts"
grep -q "GNU LESSER GENERAL PUBLIC LICENSE" "$APP_DIR/LICENSES/Qt/LGPL-3.0.txt" &&
    grep -q "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" "$APP_DIR"/LICENSES/Python-*/LICENSE.txt &&
    grep -q "GNU LESSER GENERAL PUBLIC LICENSE" "$APP_DIR"/LICENSES/fpdf2-*/LICENSE ||
    fail "a licence text is not the licence it is named for"
for component in "^Qt 6" "PySide6_Essentials " "^fpdf2 " "^fonttools " "^Whoosh-Reloaded " "^platformdirs " \
    "^Python (" "^OpenSSL " "^SQLite " "^ICU " "^HarfBuzz" "^libxcb"; do
    grep -q "$component" "$APP_DIR/THIRD-PARTY-NOTICES.txt" || fail "THIRD-PARTY-NOTICES.txt does not list $component"
done
grep -q "THIRD-PARTY-NOTICES.txt" "$APP_DIR/README.txt" || fail "README.txt does not point to the notices"
zcat -f "$WORK/deb-root/usr/share/doc/field-reader/copyright" | grep -q "/opt/field-reader/THIRD-PARTY-NOTICES.txt" ||
    fail "the .deb's copyright file does not point to the notices"
pass "every licence text the notices name is in both downloads; README.txt and the .deb's copyright point to them"
APP=$APP_DIR/field-reader
# No Python on PATH (nothing on PATH at all), no locale, an empty home, a temporary data folder (`bare`).
with_data() { bare READER_DATA_DIR="$WORK/data" "$@"; }

[ "$(with_data "$APP" --version)" = "field-reader $VERSION" ] || fail "--version does not say $VERSION"
pass "--version says field-reader $VERSION"

with_data QT_QPA_PLATFORM=offscreen "$APP" --exit-after-start 2>"$WORK/start.err" || fail "the window did not start"
grep -v "propagateSizeHints" "$WORK/start.err" | grep . && fail "starting printed more than Qt's offscreen notice"
pass "the window opens and paints offscreen (no locale warning without LANG)"

with_data "$APP" search "Red Wolf" --json >"$WORK/search.json" 2>"$WORK/search.err" || fail "search failed"
grep -q '"section_title": "Automated Apartheid"' "$WORK/search.json" || fail "search did not find Automated Apartheid"
grep -q "Building" "$WORK/search.err" && fail "search built an index instead of using the bundled one"
pass "search \"Red Wolf\" finds the Automated Apartheid section with the bundled index"

cat >"$WORK/note.json" <<'JSON'
{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
 "body": {"type": "TextualBody", "value": "ملاحظة: نظام الذئب الأحمر في الخليل", "purpose": "commenting"},
 "target": {"selector": {"type": "TextQuoteSelector", "exact": "Red Wolf"}}}
JSON
with_data "$APP" notes import "$WORK/note.json" >/dev/null || fail "importing a note failed"
with_data "$APP" notes export --format pdf --out "$WORK/handout.pdf" >/dev/null || fail "the PDF handout failed"
[ "$(head -c 5 "$WORK/handout.pdf")" = "%PDF-" ] && grep -aq "DejaVu" "$WORK/handout.pdf" ||
    fail "the handout is not a PDF in the bundled font"
if [ -x .venv/bin/python ]; then  # the checker may use Python; the app did not
    .venv/bin/python - "$WORK/handout.pdf" <<'PY' || fail "the handout's Arabic does not read back"
import sys, unicodedata
from pypdf import PdfReader
text = unicodedata.normalize("NFKC", PdfReader(sys.argv[1]).pages[0].extract_text()).replace(" ", "")
assert "الذئبالأحمر" in text, text
PY
fi
pass "a PDF handout with an Arabic note comes out of the frozen app"

for display in :97 garbage; do  # one the app checks itself, one only Qt finds out about
    bare DISPLAY=$display "$APP" >"$WORK/display.out" 2>"$WORK/display.err" && fail "no display, yet exit 0"
    code=$?
    [ "$code" = 1 ] || fail "an unreachable display ($display) exits $code, not 1"
    [ "$(wc -l <"$WORK/display.err")" = 1 ] &&
        grep -q "^field-reader: Cannot open the display $display" "$WORK/display.err" ||
        fail "an unreachable display is not told in one line: $(cat "$WORK/display.err")"
done
pass "an unreachable display (:97, garbage) is one line and exit 1"

bare LANG=C READER_DATA_DIR="$WORK/locale-data" QT_QPA_PLATFORM=offscreen "$APP" --exit-after-start \
    2>"$WORK/locale.err" || fail "the app does not start with LANG=C"
! grep -q "not UTF-8" "$WORK/locale.err" || fail "LANG=C makes Qt warn: $(cat "$WORK/locale.err")"
pass "LANG=C starts without Qt's locale warning"

# Portable: a copy on a "stick" with the marker file; nothing may appear outside it (the home stays empty).
cp -a "$APP_DIR" "$WORK/stick"
mkdir -p "$WORK/stick-home"
carried() { env -i PATH=/var/empty HOME="$WORK/stick-home" "$@"; }
: >"$WORK/stick/portable"
carried QT_QPA_PLATFORM=offscreen "$WORK/stick/field-reader" --exit-after-start 2>/dev/null || fail "portable start failed"
carried "$WORK/stick/field-reader" notes import "$WORK/note.json" >/dev/null || fail "portable import failed"
# (A start with --exit-after-start writes no preferences: it only checks that the window paints.)
ls "$WORK/stick/data"/notes* >/dev/null 2>&1 || fail "portable mode did not keep the notes in data/ beside the app"
[ -z "$(find "$WORK/stick-home" -mindepth 1 -print -quit)" ] ||
    fail "portable mode wrote into the home folder: $(find "$WORK/stick-home" -mindepth 1)"
pass "portable mode keeps the notes in data/ beside the app, and writes nothing in the home folder"
before=$(find "$WORK/stick/_internal" -newer "$WORK/stick/portable" | wc -l)
carried "$WORK/stick/field-reader" index build >/dev/null 2>&1 || fail "index build failed in the download"
[ "$(find "$WORK/stick/_internal" -newer "$WORK/stick/portable" | wc -l)" = "$before" ] ||
    fail "index build wrote into the app folder: $(find "$WORK/stick/_internal" -newer "$WORK/stick/portable")"
ls "$WORK/stick/data/cache/index"/*.toc >/dev/null 2>&1 || fail "index build did not build into data/cache/index"
pass "index build from the download leaves the app folder alone and builds into the cache"
echo "smoke test passed: $(basename "$TARBALL"), $(basename "$DEB")"
