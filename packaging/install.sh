#!/bin/sh
# Install Field Reader for the current user from the unpacked download: no root, no network.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
TARGET="${XDG_DATA_HOME:-$HOME/.local/share}/field-reader-app"
mkdir -p "$TARGET" "$HOME/.local/bin" "${XDG_DATA_HOME:-$HOME/.local/share}/applications"
cp -R "$HERE"/. "$TARGET"/
ln -sf "$TARGET/field-reader" "$HOME/.local/bin/field-reader"
sed "s|^Exec=.*|Exec=$TARGET/field-reader|; s|^Icon=.*|Icon=$TARGET/field-reader.svg|" "$HERE/field-reader.desktop" \
    > "${XDG_DATA_HOME:-$HOME/.local/share}/applications/field-reader.desktop"
echo "Field Reader is installed: find it in your applications menu, or run ~/.local/bin/field-reader"
