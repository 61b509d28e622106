#!/usr/bin/env bash
# The manufacturer XML import, measured honestly (issue 20). Part of `make bench`; never `make test`.
#
# Two shapes of generated file (BENCH_IMPORT_SHAPES, default "vins vehicles"): VIN lists (bulletins of about 1,000
# VINs each, like the 104.9 MB national file of the issue) and master-data vehicles. On each, in every round, the
# commands below one after the other, each reporting wall time, CPU time (user + system) and peak RSS; every round
# runs once with the second core idle and once with it busy (a CPU-bound loop this script pins to CPU 1 with
# taskset, and stops when the round is done or the script exits). The unit of the ratios is parsing alone,
# `xmllint --stream --noout`; each ratio is taken within one round and condition, and the median of the rounds is
# printed with the lowest and highest.
#
# Variables: BENCH_IMPORT_MB (each shape's file, default 100), BENCH_IMPORT_RUNS (rounds, default 5),
# BENCH_IMPORT_SHAPES, BENCH_IMPORT_BAD_VINS (the invalid file, default 120), BENCH_IMPORT_BIG_MB (the memory run,
# default 1000). About 12 minutes at the defaults on the project's 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.build/release
OUT=bench-out/import
MB="${BENCH_IMPORT_MB:-100}"
BIG_MB="${BENCH_IMPORT_BIG_MB:-1000}"
RUNS="${BENCH_IMPORT_RUNS:-5}"
SHAPES="${BENCH_IMPORT_SHAPES:-vins vehicles}"
BAD_VINS="${BENCH_IMPORT_BAD_VINS:-120}"
SCHEMA=Docs/schemas/manufacturer-data.xsd
mkdir -p "$OUT"
if [ ! -x bench-out/venv/bin/python ] || ! bench-out/venv/bin/python -c 'import lxml' 2>/dev/null; then
    python3 -m venv bench-out/venv && bench-out/venv/bin/pip install -q lxml
fi
PY=bench-out/venv/bin/python
MEASURE="python3 Tools/bench/peak_rss.py"

# The load on the second core: started and stopped by this script, and stopped whatever way it ends.
LOAD_PID=""
load_on() { taskset -c 1 sh -c 'while :; do :; done' & LOAD_PID=$!; }
load_off() {
    [ -n "$LOAD_PID" ] || return 0
    kill "$LOAD_PID" 2>/dev/null || true
    wait "$LOAD_PID" 2>/dev/null || true
    LOAD_PID=""
}
trap load_off EXIT
trap 'load_off; exit 130' INT TERM

mb() { python3 -c "print('%.1f' % ($(stat -c %s "$1")/1e6))"; }
generate() { # name, shape, megabytes, extra options...
    local name=$1 shape=$2 size=$3; shift 3
    [ -f "$OUT/$name.xml" ] || "$BIN/aftersales-demo-data" manufacturer-xml --shape "$shape" --megabytes "$size" "$@" \
        --out "$OUT/$name.xml" >/dev/null
}
fresh() { rm -f "$1" "$1-wal" "$1-shm"; "$BIN/aftersales" init --db "$1" >/dev/null; }
run() { # runs file, command... → appends "wall cpu peak status"
    local runs=$1; shift
    $MEASURE "$@" >> "$runs"
}

# What the dry run does, in its own words (Modules/ManufacturerImport/ManufacturerImporter.swift, Docs/import.md).
DRY="dry run: parse, validate and compare with the database in one transaction, rolled back; the VIN lists of new
  and replaced bulletins counted, not written"
echo "Manufacturer XML import, $(date -u +%FT%TZ), release build, $(nproc) cores," \
    "load now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$RUNS rounds; each round once with the second core idle, once with it busy (a CPU loop pinned to CPU 1)"
echo "(idle means this script's own load is off: the machine may be shared)"
echo "$DRY"

KEYS=(parse schema validate dry full again again-dry python)
for shape in $SHAPES; do
    FILE="$OUT/$shape.xml"
    generate "$shape" "$shape" "$MB"
    echo
    echo "== $shape: $(mb "$FILE") MB, $(grep -c "<Bulletin " "$FILE") bulletins," \
        "$(grep -c "<Vin>" "$FILE") listed VINs," \
        "$(grep -c "<Vehicle " "$FILE") vehicles"
    for key in "${KEYS[@]}"; do rm -f "$OUT/$shape".*."$key".runs; done
    for _ in $(seq "$RUNS"); do
        for condition in free busy; do
            [ "$condition" = busy ] && load_on
            R="$OUT/$shape.$condition"
            run "$R.parse.runs" xmllint --stream --noout "$FILE"
            # For reference only, and so with the core free only (as the full comparison below): the time it takes.
            [ "$condition" = free ] &&
                run "$R.schema.runs" xmllint --stream --noout --schema "$SCHEMA" "$FILE" 2>/dev/null  # "FILE validates"
            run "$R.validate.runs" "$BIN/aftersales-import" validate --quiet "$FILE"
            fresh "$OUT/dry.sqlite"
            run "$R.dry.runs" "$BIN/aftersales-import" --dry-run --quiet --db "$OUT/dry.sqlite" "$FILE"
            fresh "$OUT/full.sqlite"
            run "$R.full.runs" "$BIN/aftersales-import" --quiet --db "$OUT/full.sqlite" "$FILE"
            run "$R.again.runs" "$BIN/aftersales-import" --quiet --db "$OUT/full.sqlite" "$FILE"
            [ "$condition" = free ] &&
                run "$R.again-dry.runs" "$BIN/aftersales-import" --dry-run --quiet --db "$OUT/full.sqlite" "$FILE"
            fresh "$OUT/python.sqlite"
            run "$R.python.runs" "$PY" Tools/bench/python_baseline.py "$FILE" "$OUT/python.sqlite"
            load_off
        done
    done
    # The baseline stores what the import stores: the same number of rows in every table it fills.
    "$PY" Tools/bench/python_baseline.py --counts "$OUT/full.sqlite" > "$OUT/$shape.rows.import"
    "$PY" Tools/bench/python_baseline.py --counts "$OUT/python.sqlite" > "$OUT/$shape.rows.python"
    python3 - "$OUT" "$shape" "$(stat -c %s "$FILE")" <<'PY'
import statistics, sys
out, shape, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = {
    "parse": "xmllint --stream --noout (parse only: the unit)",
    "schema": "xmllint --stream --noout --schema",
    "validate": "aftersales-import validate",
    "dry": "dry run into an empty database",
    "full": "full import into an empty database",
    "again": "the same file again (unchanged)",
    "again-dry": "the same file again, --dry-run (full comparison)",
    "python": "Python baseline (python_baseline.py)",
}
def rows(condition, key):
    try:
        return [line.split() for line in open(f"{out}/{shape}.{condition}.{key}.runs")]
    except FileNotFoundError:  # measured with the core free only
        return []
def column(condition, key, i):
    return [float(r[i]) for r in rows(condition, key)]
def spread(values):
    return "%6.2f (%.2f–%.2f)" % (statistics.median(values), min(values), max(values)) if values else "     —"
print("  %-50s %-22s %-22s %-22s %-22s %s" % ("median of the rounds (lowest–highest), seconds", "wall, core free",
      "CPU, core free", "wall, core busy", "CPU, core busy", "peak RSS"))
for key, name in names.items():
    failed = sorted({r[3] for c in ("free", "busy") for r in rows(c, key) if r[3] != "0"})
    peak = max(column("free", key, 2) + column("busy", key, 2))
    print("  %-50s %-22s %-22s %-22s %-22s %5.1f MiB%s" % (
        name, spread(column("free", key, 0)), spread(column("free", key, 1)), spread(column("busy", key, 0)),
        spread(column("busy", key, 1)), peak, "  EXIT " + ",".join(failed) if failed else ""))
print("  MB/s, median wall, core free: " + ", ".join(
    "%s %.0f" % (k, size / 1e6 / statistics.median(column("free", k, 0)))
    for k in ("parse", "validate", "full", "python")))
def ratio(label, top, bottom, condition, index, target, at_most):
    rounds = [a / b for a, b in zip(column(condition, top, index), column(condition, bottom, index))]
    median = statistics.median(rounds)
    met = median <= target if at_most else median >= target
    print("  %-58s %5.2f (%.2f–%.2f)  target %s %s: %s" % (label, median, min(rounds), max(rounds),
          "<=" if at_most else ">=", target, "met" if met else "NOT MET"))
print("  ratios (each within a round; median of the rounds, lowest–highest):")
ratio("full import / parse only, wall, core free", "full", "parse", "free", 0, 3, True)
ratio("full import / parse only, wall, core busy", "full", "parse", "busy", 0, 5, True)
ratio("Python / full import, wall, core free", "python", "full", "free", 0, 3, False)
ratio("Python / full import, CPU, core free", "python", "full", "free", 1, 2, False)
ratio("validate / parse only, wall, core free", "validate", "parse", "free", 0, 2, True)
rss = max(max(column(c, k, 2), default=0)
          for c in ("free", "busy") for k in ("validate", "dry", "full", "again", "again-dry"))
print("  %-58s %5.1f MiB  target < 64 MiB: %s" % ("peak RSS of aftersales-import, valid file", rss,
      "met" if rss < 64 else "NOT MET"))
print("  for information (wall, core free, medians of the rounds): same file again / full import %.3f;\n"
      "  the same again by --dry-run / full import %.2f; dry run / parse only %.2f" % tuple(
          statistics.median([a / b for a, b in zip(column("free", t, 0),
                                                   column("free", "full" if t != "dry" else "parse", 0))])
          for t in ("again", "again-dry", "dry")))
imported = open(f"{out}/{shape}.rows.import").read().split("\n")
python = open(f"{out}/{shape}.rows.python").read().split("\n")
different = [f"{a} against {b}" for a, b in zip(imported, python) if a != b]
print("  rows stored, aftersales-import and Python: " + ("the same in every table (" + ", ".join(
      line for line in imported if line.startswith(("bulletin_vin", "manufacturer_vehicle", "audit_log"))) + ")"
      if not different else "DIFFERENT: " + "; ".join(different)))
PY
done

# Memory stays flat with bad input too: peak RSS of validate and import on the VIN-list file and on one of the same
# size where every bulletin lists BENCH_IMPORT_BAD_VINS VINs that break the VIN pattern (more problems than an item
# lists), so every bulletin is rejected. The bound is 64 MiB for both (measured once: RSS barely varies).
VALID="$OUT/vins.xml"
generate vins vins "$MB"
INVALID="$OUT/invalid-$BAD_VINS.xml"
generate "invalid-$BAD_VINS" vins "$MB" --bad-vins-per-bulletin "$BAD_VINS"
echo
echo "Peak RSS, valid ($(mb "$VALID") MB) against invalid ($(mb "$INVALID") MB, $(grep -c "<Bulletin " "$INVALID")" \
    "bulletins with $BAD_VINS bad VINs each), bound 64 MiB (the rejected items' problems discarded here)"
for kind in valid invalid; do
    FILE="$VALID"; [ "$kind" = invalid ] && FILE="$INVALID"
    rm -f "$OUT/memory.$kind".*.runs
    run "$OUT/memory.$kind.validate.runs" "$BIN/aftersales-import" validate --quiet "$FILE"
    fresh "$OUT/memory.sqlite"
    run "$OUT/memory.$kind.import.runs" "$BIN/aftersales-import" --quiet --db "$OUT/memory.sqlite" "$FILE"
    fresh "$OUT/memory.sqlite"
    run "$OUT/memory.$kind.keep-valid.runs" "$BIN/aftersales-import" --quiet --keep-valid --report "$OUT/report.json" \
        --db "$OUT/memory.sqlite" "$FILE"
done 2>/dev/null
# Memory does not grow with the file: a full import of 10 MB against BENCH_IMPORT_BIG_MB (the default mix).
generate small mixed 10
generate big mixed "$BIG_MB"
for name in small big; do
    rm -f "$OUT/memory.$name.import.runs"
    fresh "$OUT/memory.sqlite"
    run "$OUT/memory.$name.import.runs" "$BIN/aftersales-import" --quiet --db "$OUT/memory.sqlite" "$OUT/$name.xml"
done
python3 - "$OUT" "$(mb "$OUT/small.xml")" "$(mb "$OUT/big.xml")" <<'PY'
import sys
out, small, big = sys.argv[1:]
worst = 0
for name, label in [("valid.validate", "valid: validate"), ("valid.import", "valid: import"),
                    ("valid.keep-valid", "valid: import --keep-valid --report"),
                    ("invalid.validate", "invalid: validate"), ("invalid.import", "invalid: import"),
                    ("invalid.keep-valid", "invalid: import --keep-valid --report"),
                    ("small.import", f"import of {small} MB (mixed)"), ("big.import", f"import of {big} MB (mixed)")]:
    wall, cpu, peak, status = open(f"{out}/memory.{name}.runs").read().split()
    worst = max(worst, float(peak))
    print("  %-40s %7.2f s wall %7.2f s CPU  peak RSS %5.1f MiB  exit %s"
          % (label, float(wall), float(cpu), float(peak), status))
print("  highest peak RSS %.1f MiB, target < 64 MiB: %s" % (worst, "met" if worst < 64 else "NOT MET"))
PY
rm -f "$OUT/memory.sqlite" "$OUT/memory.sqlite-wal" "$OUT/memory.sqlite-shm" "$OUT/report.json"
