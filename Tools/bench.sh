#!/usr/bin/env bash
# `make bench`: performance figures from the release build. Never part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${BENCH_ROWS:-1000000}"
BULLETINS="${BENCH_BULLETINS:-100000}"
VINS="${BENCH_VINS:-10000000}"
BIN=.build/release
echo "== AfterSales benchmarks ($(nproc) cores, $(date -u +%F)) =="
"$BIN/aftersales-bench" customers --rows "$ROWS" --out bench-out
"$BIN/aftersales-bench" complaints --out bench-out
"$BIN/aftersales-bench" campaigns --out bench-out
# Repair orders (issue 17): 1,000,000 customers and 3,000,000 orders unless BENCH_WO_CUSTOMERS / BENCH_WO_ORDERS say.
"$BIN/aftersales-bench" workorders --out bench-out
# Appointments (issue 18): 20 bays, 30 technicians, 8 advisors, 60 days of bookings, 200 today.
"$BIN/aftersales-bench" appointments --out bench-out
"$BIN/aftersales-bench" warranty --bulletins "$BULLETINS" --vins "$VINS" --out bench-out | tee bench-out/warranty.txt

# The eligibility route next to the route that reads one customer, under wrk on 127.0.0.1.
DB=bench-out/warranty.sqlite
VIN=$(sed -n 's/^dealer VIN for the HTTP comparison: //p' bench-out/warranty.txt)
"$BIN/aftersales" token revoke bench --db "$DB" >/dev/null 2>&1 || true
TOKEN=$("$BIN/aftersales" token create --role service-advisor --name "bench-$(date +%s%N)" --db "$DB" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
"$BIN/aftersales-api" --db "$DB" --port 0 > bench-out/api.log 2>&1 &
API=$!
trap 'kill $API 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q "listening on" bench-out/api.log && break; sleep 0.2; done
PORT=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' bench-out/api.log | head -1)
rate() { wrk -t2 -c32 -d10s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1" | sed -n 's/^Requests\/sec: *//p'; }
ONE=$(rate /v1/customers/1)
ELIG=$(rate "/v1/vehicles/$VIN/warranty?mileage=20000")
echo "HTTP under wrk -t2 -c32 -d10s (release, 127.0.0.1):"
echo "  GET /v1/customers/1:                $ONE req/s"
echo "  GET /v1/vehicles/$VIN/warranty:  $ELIG req/s"
python3 -c "print('  ratio (eligibility / one customer): %.2f   target >= 0.50' % ($ELIG / $ONE))"
