#!/usr/bin/env bash
# Build the Linux downloads into dist/ (`make package` runs this after setting up .venv):
#   dist/field-reader/                                  the one-folder app (no Python needed on the target machine)
#   dist/field-reader-<version>-linux-<arch>.tar.xz     that folder packed, with install.sh and a README
#   dist/field-reader_<version>_<debian arch>.deb       the same under /opt/field-reader, `field-reader` on PATH
#   dist/SHA256SUMS                                     every artefact's SHA-256, for `sha256sum -c`
# One line per step on stdout; the tools' own output goes to build/package.log.
# Needs: .venv (make test), dpkg-deb; icupkg and cc to trim ICU's data (the step is skipped without them).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
LOG=build/package.log
mkdir -p build dist
: >"$LOG"
step() { printf '%s\n' "$*"; }
quiet() { "$@" >>"$LOG" 2>&1 || { echo "failed: $* (see $LOG)" >&2; tail -20 "$LOG" >&2; exit 1; }; }

VERSION=$("$BIN/python" -c "import reader; print(reader.__version__)")
ARCH=$(uname -m)
DEB_ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
NAME="field-reader-$VERSION-linux-$ARCH"

step "1/8 PyInstaller"
quiet "$BIN/pip" install --quiet "pyinstaller>=6.10,<7"

step "2/8 search index (built once here, shipped read-only)"
quiet "$BIN/field-reader" index build

step "3/8 first start prepared (parsed report, rendered page, shiboken6's start-up code compiled)"
rm -rf build/prepared
quiet "$BIN/python" packaging/prepare_first_start.py build/prepared

step "4/8 one-folder bundle: dist/field-reader/"
rm -rf build/pyinstaller dist/field-reader
# Bytecode without column ranges (tracebacks lose their ^^^ marks, not their lines): smaller code in memory.
PYTHONNODEBUGRANGES=1 quiet "$BIN/pyinstaller" --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/field-reader.spec
INTERNAL=dist/field-reader/_internal
# ICU's data is 31 MB of every locale's names, calendars and code pages; Qt needs root, English and Arabic.
# icupkg takes the rest out, and a data-only library with the same symbol replaces the original.
ICUDATA=$(find "$INTERNAL" -name 'libicudata.so.*' -type f | head -1)
if [ -n "$ICUDATA" ] && command -v icupkg >/dev/null && command -v cc >/dev/null; then
    quiet packaging/icu/trim_icu.sh "$ICUDATA" build/icu
    step "    ICU data trimmed to root, English and Arabic: $(du -h "$ICUDATA" | cut -f1)"
else
    step "    ICU data left whole (install icu-devtools and a C compiler to trim it)"
fi
cp resources/field-reader.desktop resources/org.fieldreader.FieldReader.metainfo.xml resources/icons/field-reader.svg \
    packaging/install.sh dist/field-reader/
cp packaging/README-download.txt dist/field-reader/README.txt

step "5/8 smoke test of the bundle"
quiet timeout 120 env READER_DATA_DIR="$(mktemp -d)" QT_QPA_PLATFORM=offscreen dist/field-reader/field-reader --exit-after-start

# xz -9 makes the smallest file every Linux unpacks (tar and GNOME/KDE archive tools read .tar.xz everywhere);
# gzip is larger by about a third, zstd is not read by older tar.
step "6/8 $NAME.tar.xz"
rm -f dist/field-reader-*-linux-*.tar.*
rm -rf "build/$NAME" && mkdir -p "build/$NAME"
cp -a dist/field-reader/. "build/$NAME/"
tar -C build --owner=0 --group=0 --numeric-owner --sort=name -cf - "$NAME" | xz -9e -T1 >"dist/$NAME.tar.xz"

step "7/8 field-reader_${VERSION}_$DEB_ARCH.deb"
rm -f dist/field-reader_*.deb
quiet packaging/deb/build_deb.sh dist/field-reader "$VERSION" "$DEB_ARCH" "dist/field-reader_${VERSION}_$DEB_ARCH.deb"

step "8/8 SHA256SUMS"
(cd dist && sha256sum "$NAME.tar.xz" "field-reader_${VERSION}_$DEB_ARCH.deb" >SHA256SUMS)
for artefact in "dist/$NAME.tar.xz" "dist/field-reader_${VERSION}_$DEB_ARCH.deb"; do
    step "    $artefact $(du -h "$artefact" | cut -f1)"
done
