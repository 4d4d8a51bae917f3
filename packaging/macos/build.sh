#!/usr/bin/env bash
# macOS download: "Field Reader.app" in dist/field-reader-<version>-macos-<arch>.dmg. NOT TESTED here (written on
# Linux); .github/workflows/release.yml runs it on a macOS runner. The app is not signed or notarised: Gatekeeper
# asks the user to open it with right-click > Open the first time (signing needs a Developer ID certificate).
# Usage, from the checkout:  packaging/macos/build.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -m venv .venv
.venv/bin/pip install --quiet -e '.[dev]'
VERSION=$(.venv/bin/python -c "import reader; print(reader.__version__)")
ARCH=$(uname -m)
echo "1/4 search index"
.venv/bin/field-reader index build
echo "2/4 first start prepared"
rm -rf build/prepared && .venv/bin/python packaging/prepare_first_start.py build/prepared >/dev/null
echo "3/4 Field Reader.app"
rm -rf build/pyinstaller "dist/Field Reader.app" dist/field-reader
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/field-reader.spec
READER_DATA_DIR=$(mktemp -d) QT_QPA_PLATFORM=offscreen "dist/Field Reader.app/Contents/MacOS/field-reader" --exit-after-start
echo "4/4 field-reader-$VERSION-macos-$ARCH.dmg"
rm -rf build/dmg && mkdir -p build/dmg
cp -R "dist/Field Reader.app" build/dmg/
ln -s /Applications build/dmg/Applications
cp packaging/README-download.txt build/dmg/README.txt
hdiutil create -volname "Field Reader" -srcfolder build/dmg -ov -format UDZO "dist/field-reader-$VERSION-macos-$ARCH.dmg"
