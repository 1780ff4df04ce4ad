#!/usr/bin/env bash
# The `serve` benchmark (issue 14): wrk on loopback against a release leerlijn-serve and an
# nginx serving the same bytes as a static file, one run, then a table.
#   1. GET /programmes?age=10&topic=online-safety (JSON)        vs nginx: the same bytes, static
#   2. the same with If-None-Match (304)                          vs nginx: If-None-Match (304)
# Reports requests/s, p99 latency, the ratio leerlijn/nginx, and leerlijn-serve's resident
# memory before and after (flat means no growth over the run). Kills everything it started.
# Usage: scripts/bench-serve.sh [seconds per run, default 5] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-5}
connections=${2:-32}
threads=2
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "needs $tool (apt-get install wrk nginx-light curl)"; exit 69; }
done

swift build -c release --product leerlijn-serve >/dev/null
binary="$(swift build -c release --show-bin-path)/leerlijn-serve"
work=$(mktemp -d)
chmod 755 "$work"   # nginx workers run as an unprivileged user
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
serve_port=$(free_port)
nginx_port=$(free_port)
server=""; nginx_pid=""
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  [ -n "$nginx_pid" ] && { kill "$nginx_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

"$binary" --host 127.0.0.1 --port "$serve_port" --log-level warning --reload-interval 0 >"$work/serve.log" 2>&1 &
server=$!
path='/programmes?age=10&topic=online-safety'
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$serve_port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

# nginx serves exactly the bytes leerlijn-serve answers, from a file, with its own ETag.
mkdir -p "$work/www" "$work/nginx"
curl -fsS "http://127.0.0.1:$serve_port$path" -o "$work/www/feed.json"
chmod -R a+rX "$work/www"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes $threads;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  types { application/json json; }
  server { listen 127.0.0.1:$nginx_port; root $work/www; etag on; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$nginx_port/feed.json" >/dev/null 2>&1 && break; sleep 0.1; done
cmp -s <(curl -fsS "http://127.0.0.1:$serve_port$path") "$work/www/feed.json" || { echo "nginx file differs"; exit 1; }

serve_etag=$(curl -fsS -D - -o /dev/null "http://127.0.0.1:$serve_port$path" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
nginx_etag=$(curl -fsS -D - -o /dev/null "http://127.0.0.1:$nginx_port/feed.json" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $serve_etag" "http://127.0.0.1:$serve_port$path")" = 304 ]
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $nginx_etag" "http://127.0.0.1:$nginx_port/feed.json")" = 304 ]

rss() { awk '/VmRSS/{print $2}' "/proc/$server/status"; }
run() { # url [header] → "requests/s p99(ms)"
  local out
  if [ $# -gt 1 ]; then out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "$2" "$1")
  else out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$1"); fi
  local rps p99
  rps=$(awk '/^Requests\/sec/{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  echo "$rps $p99"
}

curl -fsS "http://127.0.0.1:$serve_port$path" >/dev/null
rss_before=$(rss)
read -r s200 s200p99 < <(run "http://127.0.0.1:$serve_port$path")
rss_mid=$(rss)
read -r s304 s304p99 < <(run "http://127.0.0.1:$serve_port$path" "If-None-Match: $serve_etag")
rss_after=$(rss)
read -r n200 n200p99 < <(run "http://127.0.0.1:$nginx_port/feed.json")
read -r n304 n304p99 < <(run "http://127.0.0.1:$nginx_port/feed.json" "If-None-Match: $nginx_etag")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ printf "%.2f×", (b > 0 ? a / b : 0) }'; }
echo "Machine: cores=$(nproc); cpu=$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo); wrk ${duration}s × $threads threads × $connections connections on loopback; body $(wc -c <"$work/www/feed.json") bytes"
printf '%-44s %14s %10s %14s %10s %10s %s\n' "figure" "leerlijn req/s" "p99 ms" "nginx req/s" "p99 ms" "ratio" "target"
printf '%-44s %14s %10s %14s %10s %10s %s\n' "GET $path (JSON, 200)" "$s200" "$s200p99" "$n200" "$n200p99" "$(ratio "$s200" "$n200")" "≥ 0.5× nginx static"
printf '%-44s %14s %10s %14s %10s %10s %s\n' "same with If-None-Match (304)" "$s304" "$s304p99" "$n304" "$n304p99" "$(ratio "$s304" "$n304")" "≥ 1.0× nginx 304"
echo "leerlijn-serve RSS: ${rss_before} kB before, ${rss_mid} kB after the 200 run, ${rss_after} kB after the 304 run"
