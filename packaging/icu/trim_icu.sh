#!/usr/bin/env bash
# Replace a bundled libicudata.so.NN with one holding only the root, English and Arabic data (trim_icu_data.py says
# what goes and why). Usage: trim_icu.sh path/to/libicudata.so.NN work-folder
# The library holds one symbol, icudtNN_dat: the whole data package. Its .rodata section is that package; icupkg
# removes items from it, and a data-only library exporting the same symbol (no code) takes the original's place.
set -euo pipefail
LIB=$1
WORK=$2
HERE=$(cd "$(dirname "$0")" && pwd)
MAJOR=${LIB##*.so.}
DATA="icudt${MAJOR}l"
rm -rf "$WORK" && mkdir -p "$WORK/in" "$WORK/out"
objcopy -O binary --only-section=.rodata "$LIB" "$WORK/in/$DATA.dat"
icupkg -l "$WORK/in/$DATA.dat" | python3 "$HERE/trim_icu_data.py" >"$WORK/remove.txt"
icupkg -r "$WORK/remove.txt" "$WORK/in/$DATA.dat" "$WORK/out/$DATA.dat"
cat >"$WORK/icudata.S" <<ASM
    .section .rodata
    .balign 16
    .globl ${DATA%l}_dat
    .type ${DATA%l}_dat, @object
${DATA%l}_dat:
    .incbin "$WORK/out/$DATA.dat"
    .size ${DATA%l}_dat, .-${DATA%l}_dat
    .section .note.GNU-stack,"",@progbits
ASM
cc -shared -nostdlib -s -Wl,-soname,"libicudata.so.$MAJOR" -o "$WORK/libicudata.so.$MAJOR" "$WORK/icudata.S"
echo "ICU data: $(stat -c %s "$LIB") bytes before, $(stat -c %s "$WORK/libicudata.so.$MAJOR") after"
cp "$WORK/libicudata.so.$MAJOR" "$LIB"
