#!/usr/bin/env bash
# The manufacturer XML import, measured (issue: Manufacturer XML import). Part of `make bench`; never `make test`.
# On the same generated file: xmllint --stream with the project's XSD (the ceiling for parsing plus validation),
# aftersales-import validate (parse + validate), --dry-run (the whole import, rolled back), a full import into an
# empty database, and the Python lxml baseline (Tools/bench/python_import.py). Then peak RSS of a valid file against
# an invalid one of the same size, and for 10 MB against 1 GB.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.build/release
OUT=bench-out/import
MB="${BENCH_IMPORT_MB:-100}"
BIG_MB="${BENCH_IMPORT_BIG_MB:-1000}"
mkdir -p "$OUT"
if [ ! -x bench-out/venv/bin/python ] || ! bench-out/venv/bin/python -c 'import lxml' 2>/dev/null; then
    python3 -m venv bench-out/venv && bench-out/venv/bin/pip install -q lxml
fi
PY=bench-out/venv/bin/python
RSS="python3 Tools/bench/peak_rss.py"
SCHEMA=Docs/schemas/manufacturer-data.xsd

generate() { [ -f "$OUT/$1.xml" ] || "$BIN/aftersales-demo-data" manufacturer-xml --megabytes "$2" --out "$OUT/$1.xml" >/dev/null; }
fresh() { rm -f "$1" "$1-wal" "$1-shm"; "$BIN/aftersales" init --db "$1" >/dev/null; }
generate main "$MB"
SIZE=$(stat -c %s "$OUT/main.xml")
VINS=$(grep -c "<Vin>" "$OUT/main.xml")
BULLETINS=$(grep -c "<Bulletin " "$OUT/main.xml")
echo "Manufacturer XML import: $(python3 -c "print('%.1f' % ($SIZE/1e6))") MB file, $BULLETINS bulletins, $VINS listed VINs (release, $(nproc) cores)"

# Measured in BENCH_IMPORT_RUNS rounds (default 3), each round running every command once, one after the other:
# a shared 2-core machine varies by a quarter from one minute to the next, so a ratio is taken between runs of
# the same round (the median of the rounds is printed, with the lowest and highest); the time shown is the
# fastest, the peak RSS the highest.
RUNS="${BENCH_IMPORT_RUNS:-3}"
run() { # name, setup (shell code run before, untimed), command... → appends "seconds peak status" to $OUT/name.runs
    local name=$1 setup=$2; shift 2
    eval "$setup"
    $RSS "$@" >> "$OUT/$name.runs"
}
report() { # name: the fastest time, MB/s, the highest peak RSS, the worst exit status
    python3 - "$OUT/$1.runs" "$1" "$SIZE" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
best = min(float(r[0]) for r in rows); peak = max(float(r[1]) for r in rows)
status = next((r[2] for r in rows if r[2] != "0"), "0")
print("  %-38s %7.2f s  %6.1f MB/s  peak RSS %6.1f MiB  exit %s" % (sys.argv[2], best, int(sys.argv[3]) / 1e6 / best, peak, status))
PY
}
NAMES=("xmllint --stream --schema" "aftersales-import validate" "aftersales-import --dry-run" "aftersales-import (full import)"
       "aftersales-import (same file again)" "python lxml + executemany")
for name in "${NAMES[@]}"; do rm -f "$OUT/$name.runs"; done
for _ in $(seq "$RUNS"); do
    run "${NAMES[0]}" "" xmllint --stream --noout --schema "$SCHEMA" "$OUT/main.xml"
    run "${NAMES[1]}" "" "$BIN/aftersales-import" validate --quiet "$OUT/main.xml"
    run "${NAMES[2]}" 'fresh "$OUT/dry.sqlite"' "$BIN/aftersales-import" --dry-run --quiet --db "$OUT/dry.sqlite" "$OUT/main.xml"
    run "${NAMES[3]}" 'fresh "$OUT/full.sqlite"' "$BIN/aftersales-import" --quiet --db "$OUT/full.sqlite" "$OUT/main.xml"
    run "${NAMES[4]}" "" "$BIN/aftersales-import" --quiet --db "$OUT/full.sqlite" "$OUT/main.xml"
    run "${NAMES[5]}" 'fresh "$OUT/python.sqlite"' "$PY" Tools/bench/python_import.py "$OUT/main.xml" "$OUT/python.sqlite"
done
for name in "${NAMES[@]}"; do report "$name"; done
python3 - "$OUT" <<'PY'
import statistics, sys
out = sys.argv[1]
def times(name): return [float(line.split()[0]) for line in open(f"{out}/{name}.runs")]
xmllint, validate, dry, full, python = (times(n) for n in ("xmllint --stream --schema", "aftersales-import validate",
    "aftersales-import --dry-run", "aftersales-import (full import)", "python lxml + executemany"))
def ratio(label, ours, base, target):
    rounds = [b / o for o, b in zip(ours, base)]
    print("  %-24s median %.2f (rounds %s)  target >= %s" % (label, statistics.median(rounds), " ".join("%.2f" % r for r in rounds), target))
print("  ratios, round by round (a command's rate against the other's in the same round):")
ratio("validate / xmllint", validate, xmllint, "0.7")
ratio("dry-run / xmllint", dry, xmllint, "0.7")
ratio("full import / xmllint", full, xmllint, "0.5")
ratio("full import / python", full, python, "3")
PY
echo "  rows: $(sqlite3 "$OUT/full.sqlite" 'select count(*) from bulletin_vin') listed VINs, $(sqlite3 "$OUT/full.sqlite" 'select count(*) from manufacturer_vehicle') vehicles (aftersales-import); $(sqlite3 "$OUT/python.sqlite" 'select count(*) from bulletin_vin') / $(sqlite3 "$OUT/python.sqlite" 'select count(*) from manufacturer_vehicle') (python)"

# Memory stays flat with bad input too: peak RSS of the same commands on the valid file and on one of the same size
# where every bulletin lists BENCH_IMPORT_BAD_VINS VINs that break the VIN pattern (default 120: more problems than
# an item lists), so every bulletin is rejected. The bound is 64 MiB for both (measured once: RSS barely varies).
BAD_VINS="${BENCH_IMPORT_BAD_VINS:-120}"
INVALID="$OUT/invalid-$BAD_VINS.xml"
[ -f "$INVALID" ] || "$BIN/aftersales-demo-data" manufacturer-xml --megabytes "$MB" \
    --bad-vins-per-bulletin "$BAD_VINS" --out "$INVALID" >/dev/null
mb() { python3 -c "print('%.1f' % ($(stat -c %s "$1")/1e6))"; }
echo "Peak RSS, valid ($(mb "$OUT/main.xml") MB) against invalid ($(mb "$INVALID") MB, $(grep -c "<Bulletin " "$INVALID")" \
    "bulletins with $BAD_VINS bad VINs each): the same commands, bound 64 MiB"
echo "  (the rejected items' problems go to stderr and --report as they are found; discarded here)"
MEMORY=()
for kind in valid invalid; do
    FILE="$OUT/main.xml"; [ "$kind" = invalid ] && FILE="$INVALID"
    for name in "$kind: validate" "$kind: import" "$kind: import --keep-valid --report"; do rm -f "$OUT/$name.runs"; done
    run "$kind: validate" "" "$BIN/aftersales-import" validate --quiet "$FILE" 2>/dev/null
    run "$kind: import" 'fresh "$OUT/memory.sqlite"' "$BIN/aftersales-import" --quiet --db "$OUT/memory.sqlite" \
        "$FILE" 2>/dev/null
    run "$kind: import --keep-valid --report" 'fresh "$OUT/memory.sqlite"' "$BIN/aftersales-import" --quiet \
        --keep-valid --report "$OUT/report.json" --db "$OUT/memory.sqlite" "$FILE" 2>/dev/null
    MEMORY+=("$kind: validate" "$kind: import" "$kind: import --keep-valid --report")
done
for name in "${MEMORY[@]}"; do report "$name"; done
python3 - "$OUT" "${MEMORY[@]}" <<'PY'
import sys
out, names = sys.argv[1], sys.argv[2:]
peaks = {n: max(float(line.split()[1]) for line in open(f"{out}/{n}.runs")) for n in names}
worst = max(peaks, key=peaks.get)
print("  highest peak RSS: %.1f MiB (%s)  bound 64 MiB: %s" % (peaks[worst], worst, "ok" if peaks[worst] <= 64 else "OVER"))
PY
rm -f "$OUT/memory.sqlite" "$OUT/memory.sqlite-wal" "$OUT/report.json"

# Memory does not grow with the file: peak RSS of a full import, 10 MB against 1 GB (the big one measured once).
generate small 10
SIZE=$(stat -c %s "$OUT/small.xml")
NAME="import $(python3 -c "print('%.0f' % ($SIZE/1e6))") MB (peak RSS)"
rm -f "$OUT/$NAME.runs"
for _ in $(seq "$RUNS"); do run "$NAME" 'fresh "$OUT/small.sqlite"' "$BIN/aftersales-import" --quiet --db "$OUT/small.sqlite" "$OUT/small.xml"; done
report "$NAME"
generate big "$BIG_MB"
SIZE=$(stat -c %s "$OUT/big.xml")
NAME="import $(python3 -c "print('%.0f' % ($SIZE/1e6))") MB (peak RSS)"
rm -f "$OUT/$NAME.runs"
run "$NAME" 'fresh "$OUT/big.sqlite"' "$BIN/aftersales-import" --quiet --db "$OUT/big.sqlite" "$OUT/big.xml"
report "$NAME"
rm -f "$OUT/big.sqlite" "$OUT/big.sqlite-wal"
