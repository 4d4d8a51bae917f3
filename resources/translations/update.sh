#!/bin/sh
# Regenerate the interface's translations: lupdate collects every string marked for translation in reader/ui/
# into reader/translations/field_reader_ar.ts (translations already made are kept; strings no longer used are
# dropped), then lrelease compiles the .ts into the .qm the app loads. Translate new strings with pyside6-linguist
# (or by editing the .ts), then run this again.
set -eu
cd "$(dirname "$0")/../.."
BIN=${BIN:-.venv/bin}
"$BIN/pyside6-lupdate" -no-obsolete -locations none -target-language ar reader/ui/*.py -ts reader/translations/field_reader_ar.ts
"$BIN/pyside6-lrelease" reader/translations/field_reader_ar.ts -qm reader/translations/field_reader_ar.qm
