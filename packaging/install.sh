#!/bin/sh
# Install Field Reader for the current user from the unpacked download: no root, no network.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
TARGET="$SHARE/field-reader-app"
mkdir -p "$TARGET" "$HOME/.local/bin" "$SHARE/applications"
cp -R "$HERE"/. "$TARGET"/
ln -sf "$TARGET/field-reader" "$HOME/.local/bin/field-reader"

# The desktop entry names the installed program and icon by their full paths, which may hold spaces, quotes, `$`,
# `&` or `%` (a home folder's name). The Desktop Entry spec: an Exec argument goes in double quotes with " ` $ \
# escaped, `%` is doubled (field codes), and then every backslash is doubled again (the key file's own escape);
# Icon is a plain string, whose backslashes are doubled. The paths are data here, never part of a sed command.
backslashes_doubled() {
    printf '%s' "$1" | sed 's/\\/\\\\/g'
}
EXEC_ARGUMENT=$(printf '%s' "$TARGET/field-reader" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g')
EXEC_VALUE="\"$(backslashes_doubled "$EXEC_ARGUMENT")\""
ICON_VALUE=$(backslashes_doubled "$TARGET/field-reader.svg")
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        Exec=*) printf 'Exec=%s\n' "$EXEC_VALUE" ;;
        Icon=*) printf 'Icon=%s\n' "$ICON_VALUE" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$HERE/field-reader.desktop" > "$SHARE/applications/field-reader.desktop"
echo "Field Reader is installed: find it in your applications menu, or run ~/.local/bin/field-reader"
