#!/usr/bin/env bash
# Pack the one-folder bundle as a Debian package with dpkg-deb (no debhelper needed).
# Usage: build_deb.sh dist/field-reader VERSION DEB_ARCH OUT.deb
# Installs the app under /opt/field-reader, `field-reader` on PATH through /usr/bin with its manual page, and the
# desktop entry, icon and AppStream metadata where desktops and software centres look for them.
set -euo pipefail
BUNDLE=$1
VERSION=$2
ARCH=$3
OUT=$4
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
umask 022
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt/field-reader" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/field-reader" \
    "$STAGE/usr/share/lintian/overrides" "$STAGE/usr/share/man/man1"
# The licences go with the app: THIRD-PARTY-NOTICES.txt names each text by its path beside it, in LICENSES/.
cp -a "$BUNDLE/field-reader" "$BUNDLE/_internal" "$BUNDLE/THIRD-PARTY-NOTICES.txt" "$BUNDLE/LICENSES" "$STAGE/opt/field-reader/"
ln -s /opt/field-reader/field-reader "$STAGE/usr/bin/field-reader"
cp "$ROOT/resources/field-reader.desktop" "$STAGE/usr/share/applications/"
cp "$ROOT/resources/icons/field-reader.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/"
cp "$ROOT/resources/org.fieldreader.FieldReader.metainfo.xml" "$STAGE/usr/share/metainfo/"
cp "$HERE/copyright" "$STAGE/usr/share/doc/field-reader/copyright"
sed "s/@VERSION@/$VERSION/; s/@DATE@/$(date -R -d @"${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct)}")/" \
    "$HERE/changelog.in" | gzip -9n >"$STAGE/usr/share/doc/field-reader/changelog.gz"
cp "$HERE/lintian-overrides" "$STAGE/usr/share/lintian/overrides/field-reader"
gzip -9n <"$HERE/field-reader.1" >"$STAGE/usr/share/man/man1/field-reader.1.gz"
chmod -R u+rwX,go+rX,go-w "$STAGE"
# Libraries are loaded, never run: not executable (Debian policy); the program itself stays executable.
find "$STAGE/opt/field-reader/_internal" -type f -name '*.so*' -exec chmod 0644 {} +
SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed "s/@VERSION@/$VERSION/; s/@ARCH@/$ARCH/; s/@SIZE@/$SIZE/" "$HERE/control.in" >"$STAGE/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz -z9 --build "$STAGE" "$OUT"
