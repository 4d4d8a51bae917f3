#!/bin/sh
# Install Field Reader for the current user from the unpacked download, or remove it again: no root, no network.
# Usage: ./install.sh              install (or update) into ~/.local/share/field-reader-app, with a menu entry
#        ./install.sh --uninstall  remove the program, its menu entry and its command; the reader's notes stay
set -eu
HERE=$(cd "$(dirname "$0")" && pwd -P)
SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
TARGET="$SHARE/field-reader-app"
COMMAND="$HOME/.local/bin/field-reader"
MENU_ENTRY="$SHARE/applications/field-reader.desktop"
NOTES="$SHARE/field-reader"

# A copy used in portable mode keeps the reader's notes in data/ beside the program, marked by a `portable` file.
# Neither is ever copied over, replaced or deleted here: they are the reader's, not the program's. Paths are printed
# with printf, as some shells' echo reads backslashes in them.
remove_program_files() {
    find "$1" -mindepth 1 -maxdepth 1 ! -name data ! -name portable -exec rm -rf {} +
}

uninstall() {
    rm -f "$MENU_ENTRY"
    if [ -L "$COMMAND" ] && [ "$(readlink "$COMMAND")" = "$TARGET/field-reader" ]; then
        rm -f "$COMMAND"
    fi
    if [ -d "$TARGET/data" ]; then
        remove_program_files "$TARGET"
        printf 'Field Reader is removed. The notes it kept beside itself stay in %s\n' "$TARGET/data"
    else
        rm -rf "$TARGET"
        printf 'Field Reader is removed. Your notes stay in %s\n' "$NOTES"
    fi
}

case "${1-}" in
    "") ;;
    --uninstall) uninstall; exit 0 ;;
    *) echo "usage: install.sh [--uninstall]" >&2; exit 2 ;;
esac

if [ -d "$TARGET" ] && [ "$(cd "$TARGET" && pwd -P)" = "$HERE" ]; then
    echo "install.sh: Field Reader is already installed here; run the install.sh of a newer download to update it." >&2
    exit 1
fi
mkdir -p "$TARGET" "$HOME/.local/bin" "$SHARE/applications"
# An update removes the old version's files first: a file it no longer has would otherwise stay, and a library
# overwritten in place would crash a copy of the program that is running.
remove_program_files "$TARGET"
(cd "$HERE" && find . -mindepth 1 -maxdepth 1 ! -name data ! -name portable -exec cp -RP {} "$TARGET"/ \;)
ln -sf "$TARGET/field-reader" "$COMMAND"

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
done < "$HERE/field-reader.desktop" > "$MENU_ENTRY.new"
mv -f "$MENU_ENTRY.new" "$MENU_ENTRY"
echo "Field Reader is installed: find it in your applications menu, or run ~/.local/bin/field-reader"
if [ -e "$HERE/portable" ]; then
    printf "The installed copy keeps its notes in %s; the notes in this folder's data/ stay here.\n" "$NOTES"
fi
