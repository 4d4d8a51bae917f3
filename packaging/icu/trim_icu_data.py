"""Which items of ICU's data the bundle keeps: print the ones to remove, one a line, for `icupkg -r`.

Qt uses ICU for locale-aware case mapping, collation and locale names; the reader shows one English report and
ships Qt's Arabic and English translations, so only the root, English and Arabic locales are kept. Gone: every
other locale's names, currencies, units, time zones and number spellings, the legacy code-page converters (Qt
decodes UTF-8 itself), the StringPrep/IDNA profiles (Qt has its own IDNA), the confusables list and the transliterators.
The word-break dictionaries stay: the root break rules name them, and icupkg refuses a package without them.
Usage: icupkg -l icudt73l.dat | python3 trim_icu_data.py > remove.txt
"""

from __future__ import annotations

import re
import sys

LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
KEPT_LOCALE = re.compile(r"^(root|en|ar)(_[A-Za-z0-9]*)*\.res$")
DROPPED = re.compile(r"(\.cnv|\.spp|\.cfu|^uts46\.nrm)$|^translit/")


def removed(item: str) -> bool:
    """Whether one item (`coll/de.res`, `ibm-37_P100-1995.cnv`) leaves the bundle."""
    name = item.rsplit("/", 1)[-1]
    if DROPPED.search(item) or DROPPED.search(name):
        return True
    return bool(LOCALE.match(name)) and not KEPT_LOCALE.match(name)


if __name__ == "__main__":
    for line in sys.stdin:
        item = line.strip()
        if item and removed(item):
            print(item)
