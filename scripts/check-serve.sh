#!/usr/bin/env bash
# Starts leerlijn-serve on a free loopback port, runs schemathesis against its OpenAPI
# document (bounded examples and time) and parses every calendar it and Exports/plans/ serve
# with Python's icalendar. Always stops the server it started.
# Usage: scripts/check-serve.sh [path/to/leerlijn-serve]   (default: debug build)
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.build/ci-venv
if [ ! -x "$venv/bin/schemathesis" ] || ! "$venv/bin/python" -c 'import icalendar' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check schemathesis icalendar
fi

binary=${1:-}
if [ -z "$binary" ]; then
  swift build --product leerlijn-serve >/dev/null
  binary="$(swift build --show-bin-path)/leerlijn-serve"
fi

port=$("$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp)
"$binary" --host 127.0.0.1 --port "$port" --log-level warning --reload-interval 0 >"$log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"; }
trap cleanup EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done

echo "== schemathesis against $base/openapi.json"
timeout 300 "$venv/bin/schemathesis" run "$base/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
  --max-examples 25 --max-time 90 --request-timeout 10 --seed 14 --workers 1 \
  --no-color --generation-database none --suppress-health-check all

echo "== icalendar: every calendar the server and Exports/plans/ publish"
calendars=()
for id in $(curl -fsS "$base/plans" | "$venv/bin/python" -c 'import json,sys; print(" ".join(p["id"] for p in json.load(sys.stdin)["plans"]))'); do
  calendars+=("$base/plans/$id.ics")
done
for file in Exports/plans/*.ics; do calendars+=("$file"); done
"$venv/bin/python" scripts/check-calendars.py "${calendars[@]}"

if [ -n "$(grep -i 'error\|critical' "$log" || true)" ]; then
  echo "server log has errors:"; cat "$log"; exit 1
fi
