# Shared by .ci/load and .ci/soak: start the production build (make release) on a
# fresh data directory with COUNT demo vacancies, wait until it is ready, and sign
# in the demo jobseeker. Sets: port, data, pid, session, css, vacancy; rss prints
# the server's resident memory in MB.
#   start_release_server COUNT
start_release_server() {
  local count=$1
  [ -x target/release/jobunivers ] || { echo "no release build: run make release"; exit 1; }
  port=${LOAD_PORT:-3190}
  data=$(mktemp -d /tmp/jobunivers-load.XXXXXX)
  JOBUNIVERS_ADDR=127.0.0.1:$port JOBUNIVERS_DATA_DIR=$data JOBUNIVERS_SITE_ROOT=target/site-release JOBUNIVERS_LOG=warn \
    target/release/jobunivers serve --seed-demo-if-empty --demo-count "$count" >"$data/server.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT
  # Seeding and indexing take about a minute per 100,000 vacancies.
  for _ in $(seq 1 $((600 + count / 500))); do curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { echo "the server did not become ready"; tail -20 "$data/server.log"; exit 1; }
  css=$(cd target/site-release && ls pkg/*.css | head -1)
  # The demo jobseeker's session, for Min side.
  session=$(curl -fsS -D - -o /dev/null -H "Origin: http://127.0.0.1:$port" \
    -d "email=borger@demo.example&password=demo-jobunivers-2026&neste=" "http://127.0.0.1:$port/log-ind" |
    awk 'tolower($1) == "set-cookie:" { sub(/;.*/, "", $2); print $2; exit }')
  vacancy=$(curl -fsS "http://127.0.0.1:$port/job" | grep -o 'href="/job/[0-9]*"' | head -1 | sed 's/href="//; s/"//')
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }

install_wrk() {
  command -v wrk >/dev/null && return
  echo "installing wrk (Debian)"
  apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
}
