#!/usr/bin/env bash
# The API against its own description (issue 19, item 6): schemathesis runs every phase (examples, coverage, fuzzing,
# stateful) with every check against a real aftersales-api (the debug build) on 127.0.0.1, over a database seeded by
# the demo generator, with a token per role. Zero failures is the bar: the script exits non-zero on any.
#
#   bash Tools/schemathesis.sh                    # what `make test` runs
#   ST_MAX_EXAMPLES=50 bash Tools/schemathesis.sh # a longer run
#   ST_KEEP=1 bash Tools/schemathesis.sh          # keep the work folder (database, server log, reports)
#
# Needs the debug build (`swift build`) and the virtual environment `make schemathesis-env` makes (.venv).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug}
VENV=${VENV:-.venv}
MAX_EXAMPLES=${ST_MAX_EXAMPLES:-8}
SEED=${ST_SEED:-19}
# A fixed "now" so every run sees the same deadlines, dates and due tasks.
export AFTERSALES_NOW="2026-11-23T10:00:00+08:00"
# English, so the start-up line below is read whatever the machine's or the database's language.
export AFTERSALES_LANG=en
export AFTERSALES_DB

for program in aftersales aftersales-api aftersales-demo-data; do
  [ -x "$BIN/$program" ] || { echo "schemathesis.sh: $BIN/$program is missing; run swift build first" >&2; exit 1; }
done
[ -x "$VENV/bin/schemathesis" ] || { echo "schemathesis.sh: $VENV/bin/schemathesis is missing; run make schemathesis-env" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/aftersales-schemathesis.XXXXXX")
SERVER=""
finish() {
  status=$?
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  if [ "${ST_KEEP:-0}" = 1 ] || [ "$status" != 0 ]; then echo "schemathesis.sh: work folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
  exit "$status"
}
trap finish EXIT
AFTERSALES_DB="$WORK/dealer.sqlite"
started=$(date +%s)

# Seed: the demo dealer's staff, 60 customers with vehicles and readings, deliveries with care plans and contacts,
# half a year of complaints, a recall, a segment and a campaign, consent for a few customers.
"$BIN/aftersales" init >/dev/null
"$BIN/aftersales-demo-data" staff --db "$AFTERSALES_DB" >/dev/null
"$BIN/aftersales-demo-data" csv --customers 60 --seed 7 --now "$AFTERSALES_NOW" >"$WORK/customers.csv"
"$BIN/aftersales" import-customers "$WORK/customers.csv" --quiet >/dev/null
"$BIN/aftersales-demo-data" history --db "$AFTERSALES_DB" --seed 7 --now "$AFTERSALES_NOW" >/dev/null
"$BIN/aftersales-demo-data" complaints --db "$AFTERSALES_DB" --seed 7 --now "$AFTERSALES_NOW" >/dev/null
cat >"$WORK/recall.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" issued="2026-11-01T08:00:00+08:00">
  <Bulletins>
    <Bulletin number="RC-2026-017" kind="recall" revision="1" issued="2026-10-12">
      <Title>前制动软管可能磨损</Title>
      <Component>制动系统</Component>
      <Summary>前制动软管可能与悬架部件摩擦</Summary>
      <Remedy>检查并更换前制动软管</Remedy>
      <Applies><Model make="Volkswagen" name="Sagitar" yearFrom="2018" yearTo="2027"/></Applies>
      <Labour code="47 11 19 00" hours="1.2"/>
      <Part number="5Q0 611 701 C" quantity="2"/>
    </Bulletin>
  </Bulletins>
</ManufacturerData>
XML
"$BIN/aftersales-import" "$WORK/recall.xml" >/dev/null 2>&1
"$BIN/aftersales" segment create retained --filter "class = retained" >/dev/null
"$BIN/aftersales" campaign create winter-check --segment retained --channel sms --category service \
  --template "尊敬的{{name}}{{title}}：冬季免费检测。{{dealer}}" >/dev/null
for id in 1 2 3 4 5; do
  "$BIN/aftersales" consent set "$id" --channel sms --status opt-in --source 到店登记表 >/dev/null
done

# A token per role, least allowed first: schemathesis sends each operation as the first identity it admits (a 403
# moves it on to the next), so the roles' refusals are exercised and documented too.
roles=(technician admin)
{
  printf '{"auth": ['
  sep=""
  for role in "${roles[@]}"; do
    secret=$("$BIN/aftersales" token create --role "$role" --name "schemathesis-$role" --format json |
      "$VENV/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["token"])')
    printf '%s{"name": "%s", "fixedHeaders": [{"name": "Authorization", "value": "Bearer %s"}]}' "$sep" "$role" "$secret"
    sep=", "
  done
  printf ']}\n'
} >"$WORK/auth.json"

"$BIN/aftersales-api" --host 127.0.0.1 --port 0 >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 300); do
  grep -q "listening on" "$WORK/server.log" 2>/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done
PORT=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$WORK/server.log" | head -1)
[ -n "$PORT" ] || { echo "schemathesis.sh: the server did not start" >&2; cat "$WORK/server.log" >&2; exit 1; }
seeded=$(date +%s)

# The description the server serves (Docs/openapi.yaml, embedded), so what is tested is what clients get.
status=0
"$VENV/bin/schemathesis" --config-file Tools/schemathesis.toml --no-color run "http://127.0.0.1:$PORT/openapi.yaml" \
  --auth-wfc "$WORK/auth.json" \
  --phases examples,coverage,fuzzing,stateful \
  --checks all \
  --max-examples "$MAX_EXAMPLES" \
  --seed "$SEED" \
  --workers 2 \
  --generation-database none \
  --report junit --report-dir "$WORK/report" \
  ${ST_ARGS:-} || status=$?
echo "schemathesis.sh: seeded in $((seeded - started)) s, tested in $(($(date +%s) - seeded)) s (exit $status)"
exit "$status"
