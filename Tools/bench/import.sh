#!/usr/bin/env bash
# The manufacturer XML import, measured (issue: Manufacturer XML import). Part of `make bench`; never `make test`.
# On the same generated file: xmllint --stream with the project's XSD (the ceiling for parsing plus validation),
# aftersales-import validate (parse + validate), --dry-run (the whole import, rolled back), a full import into an
# empty database, and the Python lxml baseline (Tools/bench/python_import.py). Then peak RSS for 10 MB and 1 GB.
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

# Each run is measured BENCH_IMPORT_RUNS times (default 3) and the fastest kept, with the highest peak RSS:
# a shared 2-core machine varies by a quarter from one minute to the next, and ratios of single runs wobble.
RUNS="${BENCH_IMPORT_RUNS:-3}"
measure() { # name, setup (shell code run before each run, untimed), command...
    local name=$1 setup=$2; shift 2
    local best="" peak=0 status=0
    for _ in $(seq "$RUNS"); do
        eval "$setup"
        read -r s p st < <($RSS "$@")
        best=$(python3 -c "b='$best'; print(min(float(b), $s) if b else $s)")
        peak=$(python3 -c "print(max($peak, $p))")
        [ "$st" = 0 ] || status=$st
    done
    printf '%s %s %s\n' "$best" "$peak" "$status" > "$OUT/$name.time"
    python3 -c "s=float('$best'); print('  %-34s %7.2f s  %6.1f MB/s  peak RSS %6.1f MiB  exit %s' % ('$name', s, $SIZE/1e6/s, float('$peak'), '$status'))"
}
measure "xmllint --stream --schema" "" xmllint --stream --noout --schema "$SCHEMA" "$OUT/main.xml"
measure "aftersales-import validate" "" "$BIN/aftersales-import" validate --quiet "$OUT/main.xml"
measure "aftersales-import --dry-run" 'fresh "$OUT/dry.sqlite"' "$BIN/aftersales-import" --dry-run --quiet --db "$OUT/dry.sqlite" "$OUT/main.xml"
measure "aftersales-import (full import)" 'fresh "$OUT/full.sqlite"' "$BIN/aftersales-import" --quiet --db "$OUT/full.sqlite" "$OUT/main.xml"
measure "aftersales-import (same file again)" "" "$BIN/aftersales-import" --quiet --db "$OUT/full.sqlite" "$OUT/main.xml"
measure "python lxml + executemany" 'fresh "$OUT/python.sqlite"' "$PY" Tools/bench/python_import.py "$OUT/main.xml" "$OUT/python.sqlite"
rate() { python3 -c "s=float(open('$OUT/$1.time').read().split()[0]); print($SIZE/1e6/s)"; }
python3 - "$(rate 'xmllint --stream --schema')" "$(rate 'aftersales-import validate')" "$(rate 'aftersales-import --dry-run')" \
          "$(rate 'aftersales-import (full import)')" "$(rate 'python lxml + executemany')" <<'PY'
import sys
xmllint, validate, dry, full, python = map(float, sys.argv[1:])
print("  ratios: validate / xmllint %.2f (target >= 0.7); dry-run / xmllint %.2f; full import / xmllint %.2f (target >= 0.5); full import / python %.2f (target >= 3)"
      % (validate / xmllint, dry / xmllint, full / xmllint, full / python))
PY
echo "  rows: $(sqlite3 "$OUT/full.sqlite" 'select count(*) from bulletin_vin') listed VINs, $(sqlite3 "$OUT/full.sqlite" 'select count(*) from manufacturer_vehicle') vehicles (aftersales-import); $(sqlite3 "$OUT/python.sqlite" 'select count(*) from bulletin_vin') / $(sqlite3 "$OUT/python.sqlite" 'select count(*) from manufacturer_vehicle') (python)"

# Memory does not grow with the file: peak RSS of a full import, 10 MB against 1 GB (the big one measured once).
generate small 10
SIZE=$(stat -c %s "$OUT/small.xml")
measure "import $(python3 -c "print('%.0f' % ($SIZE/1e6))") MB (peak RSS)" 'fresh "$OUT/small.sqlite"' "$BIN/aftersales-import" --quiet --db "$OUT/small.sqlite" "$OUT/small.xml"
generate big "$BIG_MB"
SIZE=$(stat -c %s "$OUT/big.xml")
RUNS=1
measure "import $(python3 -c "print('%.0f' % ($SIZE/1e6))") MB (peak RSS)" 'fresh "$OUT/big.sqlite"' "$BIN/aftersales-import" --quiet --db "$OUT/big.sqlite" "$OUT/big.xml"
rm -f "$OUT/big.sqlite" "$OUT/big.sqlite-wal"
