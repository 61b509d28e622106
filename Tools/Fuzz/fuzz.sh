#!/usr/bin/env bash
# `make fuzz`: builds aftersales-fuzz with libFuzzer and AddressSanitizer (its own build path, so the ordinary
# build is untouched), runs each target for $FUZZ_SECONDS (default 600) from its seeds, and prints per target the
# runs, executions per second, coverage (edges, features), corpus size and the inputs that broke an invariant.
# Exit status 1 when any target found one; its input is in .build/fuzz/runs/<target>/crashes/.
#   FUZZ_SECONDS=60 FUZZ_TARGETS="segment csv" bash Tools/Fuzz/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-600}
targets=${FUZZ_TARGETS:-manufacturer segment csv template}
build=.build/fuzz
runs=$build/runs

mkdir -p "$build"
echo "fuzz: building aftersales-fuzz with -sanitize=fuzzer,address in $build (log: $build/build.log)"
${SWIFT:-swift} build -c release --build-path "$build" --product aftersales-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLIBFUZZER > "$build/build.log" 2>&1 \
    || { grep -E "error" "$build/build.log" >&2; echo "fuzz: the build failed" >&2; exit 1; }
binary=$build/release/aftersales-fuzz

# libFuzzer and ASan report a crash with the input kept; Swift's backtracer would race them.
export SWIFT_BACKTRACE=enable=no
report=()
failed=0
for target in $targets; do
    seeds=("Tools/Fuzz/Seeds/$target")
    if [ -f "Tools/Fuzz/Seeds/$target.corpora" ]; then
        while read -r directory; do
            [ -n "$directory" ] && seeds+=("$directory")
        done < "Tools/Fuzz/Seeds/$target.corpora"
    fi
    # A run reports only what it found: inputs an earlier run left are cleared (keep one by copying it into
    # Tools/Fuzz/Seeds/<target>/ as regress-<what>.txt, where the replay test holds it).
    rm -rf "$runs/$target/crashes"
    mkdir -p "$runs/$target/corpus" "$runs/$target/crashes"
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
             -artifact_prefix="$runs/$target/crashes/")
    asan=""
    case $target in
        # Manufacturer files are larger than libFuzzer's default 4 KiB: room for a few items.
        manufacturer) options+=(-max_len=8192) ;;
        # Each TextSource takes a 1 MiB buffer; ASan's quarantine of them makes the run 2x slower (page faults).
        csv) asan=quarantine_size_mb=0 ;;
    esac
    echo "fuzz: $target for ${seconds}s, seeds ${seeds[*]}"
    log=$runs/$target/log
    status=0
    started=$SECONDS
    ASAN_OPTIONS=$asan nice -n 10 "$binary" "$target" "$runs/$target/corpus" "${seeds[@]}" "${options[@]}" \
        > "$log" 2>&1 || status=$?
    elapsed=$((SECONDS - started))
    stat() { grep -E "^stat::$1:" "$log" | awk '{print $2}' | tail -1; }
    last=$(grep -E "^#[0-9]+" "$log" | tail -1)
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<< "$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<< "$last")
    corpus=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<< "$last")
    crashes=$(find "$runs/$target/crashes" -type f | wc -l)
    if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        failed=1
        grep -E "^$target: |ERROR: " "$log" | head -3 || true
    fi
    report+=("$(printf '%-13s %6ss %11s %9s %6s %7s %7s %8s' "$target" "$elapsed" "$(stat number_of_executed_units)" \
        "$(stat average_exec_per_sec)" "${cov:-?}" "${ft:-?}" "${corpus:-?}" "$crashes")")
done

printf '%-13s %7s %11s %9s %6s %7s %7s %8s\n' target time runs exec/s cov ft corpus crashes
printf '%s\n' "${report[@]}"
[ "$failed" -eq 0 ] || echo "fuzz: the inputs that broke an invariant are in $runs/<target>/crashes/"
exit "$failed"
