#!/usr/bin/env bash
# Builds of aftersales-import side by side on the same generated file (import.sh's), to measure what a change to
# the reader costs: `Tools/bench/import-ab.sh LABEL DIR LABEL DIR [LABEL DIR...]`, each DIR holding an
# aftersales-import copied out of .build/release after its build; the first is the baseline. Never part of
# `make test` or `make bench`. In BENCH_IMPORT_RUNS rounds (default 5), each round runs validate, --dry-run and the
# full import once per build, the builds back to back in an order that rotates from round to round; each build's
# time is divided by the baseline's of the same round (this shared machine moves by a quarter from one minute to
# the next), and the median of the rounds is printed with all of them.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 4 ] && [ $(($# % 2)) -eq 0 ] || { echo "usage: $0 LABEL DIR LABEL DIR [LABEL DIR...]" >&2; exit 64; }
LABELS=()
DIRS=()
while [ $# -gt 0 ]; do LABELS+=("$1"); DIRS+=("$2"); shift 2; done
N=${#LABELS[@]}
BIN=.build/release
OUT=bench-out/import
MB="${BENCH_IMPORT_MB:-100}"
RUNS="${BENCH_IMPORT_RUNS:-5}"
RSS="python3 Tools/bench/peak_rss.py"
mkdir -p "$OUT/ab"
[ -f "$OUT/main.xml" ] || "$BIN/aftersales-demo-data" manufacturer-xml --megabytes "$MB" --out "$OUT/main.xml"
SIZE=$(stat -c %s "$OUT/main.xml")
for i in $(seq 0 $((N - 1))); do echo "build $i: ${LABELS[$i]} (${DIRS[$i]})"; done
echo "$(python3 -c "print('%.1f' % ($SIZE/1e6))") MB file, $RUNS rounds, $(nproc) cores, $(date -u +%FT%TZ)"
fresh() { rm -f "$1" "$1-wal" "$1-shm"; "$BIN/aftersales" init --db "$1" >/dev/null; }
MEASURES=(validate dry-run full)
for m in "${MEASURES[@]}"; do for i in $(seq 0 $((N - 1))); do rm -f "$OUT/ab/$m.$i.runs"; done; done
measure() { # measure, build index
    local m=$1 import="${DIRS[$2]}/aftersales-import"
    case $m in
        validate) $RSS "$import" validate --quiet "$OUT/main.xml" ;;
        dry-run) fresh "$OUT/ab/dry.sqlite"
                 $RSS "$import" --dry-run --quiet --db "$OUT/ab/dry.sqlite" "$OUT/main.xml" ;;
        full) fresh "$OUT/ab/full.sqlite"
              $RSS "$import" --quiet --db "$OUT/ab/full.sqlite" "$OUT/main.xml" ;;
    esac >> "$OUT/ab/$m.$2.runs"
}
for round in $(seq "$RUNS"); do
    for m in "${MEASURES[@]}"; do
        for k in $(seq 0 $((N - 1))); do measure "$m" $(((round + k) % N)); done
    done
done
python3 - "$OUT/ab" "$N" "${LABELS[@]}" <<'PY'
import statistics, sys
folder, n, labels = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
for m in ("validate", "dry-run", "full"):
    rows = [[line.split() for line in open(f"{folder}/{m}.{i}.runs")] for i in range(n)]
    times = [[float(r[0]) for r in rs] for rs in rows]
    print("  %s (seconds: fastest, median; time against %s, round by round)" % (m, labels[0]))
    for i in range(n):
        bad = [r[3] for r in rows[i] if r[3] != "0"]
        line = "    %-28s %6.2f %6.2f" % (labels[i], min(times[i]), statistics.median(times[i]))
        if i > 0:
            rounds = [t / b for t, b in zip(times[i], times[0])]
            line += "  median %.3f (%s)" % (statistics.median(rounds), " ".join("%.3f" % r for r in rounds))
        print(line + ("  EXIT " + ",".join(bad) if bad else ""))
PY
