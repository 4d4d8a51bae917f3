#!/usr/bin/env bash
# Build the installer download for Linux: dist/field-reader-<version>-linux-<arch>.tar.gz
# (a self-contained folder: no Python, no internet, no set-up needed on the target machine).
# Usage: packaging/build.sh   (from a checkout where `make test` has created .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
"$BIN/pip" install --quiet "pyinstaller>=6.10,<7"
VERSION=$("$BIN/python" -c "import reader; print(reader.__version__)")
ARCH=$(uname -m)

# The search index is built once here, at release time, and shipped read-only.
if "$BIN/field-reader" index --help >/dev/null 2>&1; then
    "$BIN/field-reader" index build
fi

rm -rf build/pyinstaller dist/field-reader
"$BIN/pyinstaller" --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/field-reader.spec

cp resources/field-reader.desktop resources/org.fieldreader.FieldReader.metainfo.xml packaging/install.sh dist/field-reader/
cp resources/icons/field-reader.svg dist/field-reader/ 2>/dev/null || true

# Smoke test the frozen app before packing it.
READER_DATA_DIR=$(mktemp -d) QT_QPA_PLATFORM=offscreen dist/field-reader/field-reader --exit-after-start
dist/field-reader/field-reader sections >/dev/null

tar -C dist -czf "dist/field-reader-$VERSION-linux-$ARCH.tar.gz" field-reader
echo "built dist/field-reader-$VERSION-linux-$ARCH.tar.gz ($(du -h "dist/field-reader-$VERSION-linux-$ARCH.tar.gz" | cut -f1))"
