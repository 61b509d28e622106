#!/usr/bin/env bash
# `make bench`: performance figures from the release build. Never part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${BENCH_ROWS:-1000000}"
echo "== AfterSales benchmarks ($(nproc) cores, $(date -u +%F)) =="
.build/release/aftersales-bench customers --rows "$ROWS" --out bench-out
