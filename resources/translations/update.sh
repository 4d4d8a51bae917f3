#!/bin/sh
# Regenerate the interface's translations: lupdate collects every string marked for translation in reader/ui/
# (self.tr, QCoreApplication.translate) and every core message marked QT_TRANSLATE_NOOP("core", …) in reader/
# outside ui/ and cli/ (reader/message.py: the command line prints them in English, the window translates them)
# into reader/translations/field_reader_ar.ts (translations already made are kept; strings no longer used are
# dropped), then lrelease compiles the .ts into the .qm the app loads. Translate new strings with pyside6-linguist
# (or by editing the .ts), then run this again.
set -eu
cd "$(dirname "$0")/../.."
BIN=${BIN:-.venv/bin}
CORE=$(find reader -name '*.py' -not -path 'reader/ui/*' -not -path 'reader/cli/*' | LC_ALL=C sort)
# shellcheck disable=SC2086 # one argument per file (no file name of ours has a space)
"$BIN/pyside6-lupdate" -no-obsolete -locations none -target-language ar reader/ui/*.py $CORE \
	-ts reader/translations/field_reader_ar.ts
"$BIN/pyside6-lrelease" reader/translations/field_reader_ar.ts -qm reader/translations/field_reader_ar.qm
