#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Link-consumption benchmark (issue 3 "Speed"): one gatehouse-portal on SQLite (WAL) on
# 127.0.0.1, wrk at 16 connections against POST /portal/<token> and against GET /healthz
# in the same run. Prints consumptions/s, p99 latency and the ratio to /healthz.
#
# The portal runs with [security] link_policy = reusable, so one invite link can be
# consumed again and again: every request runs the full consume path (the conditional
# UPDATE, a new session row, the client's last-access update and two audit entries in
# one write transaction) without seeding millions of single-use tokens.
#
# Environment: BUILD_DIR (default build/release; configured with the release preset
# if the binary is missing), CONNECTIONS (16), DURATION (10s), WRK_THREADS (2),
# SERVER_THREADS (2), CONSUME_WARMUP (3s of consumes before measuring, so the hourly
# mail budget is spent and its mail delivered; 0 skips it), LOG_LEVEL (warning: per-request info logging is measured
# separately, see docs/performance.md), PERF_DATA (a file: record a `perf` profile of
# the server during the consume run, for `perf report -i FILE`).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build/release}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-10s}
WRK_THREADS=${WRK_THREADS:-2}
SERVER_THREADS=${SERVER_THREADS:-2}
LOG_LEVEL=${LOG_LEVEL:-warning}
CONSUME_WARMUP=${CONSUME_WARMUP:-3s}
PYTHON=/usr/bin/python3

command -v wrk >/dev/null || { echo "consume.sh: wrk is missing; run scripts/bootstrap.sh" >&2; exit 1; }
BIN=$BUILD_DIR/server/gatehouse-portal
if [[ ! -x $BIN ]]; then
    cmake --preset release -B "$BUILD_DIR" -DGATEHOUSE_BUILD_APP=OFF >/dev/null
    cmake --build "$BUILD_DIR" -j2 --target gatehouse-portal
fi

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

cat >"$WORK/portal.ini" <<INI
[server]
address = 127.0.0.1
port = 0
threads = $SERVER_THREADS
[database]
path = portal.db
[log]
level = $LOG_LEVEL
[security]
link_policy = reusable
INI

echo "bench-password-1" | "$BIN" create-admin --config "$WORK/portal.ini" --email bench@firm.example \
    --role paralegal --password-stdin >/dev/null
# The "listening" line is logged at info; start at info level only to read the port.
GATEHOUSE_LOG_LEVEL=info "$BIN" serve --config "$WORK/portal.ini" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
PORT=
for _ in $(seq 100); do
    PORT=$(grep -o '"port":[0-9]*' "$WORK/server.log" 2>/dev/null | head -1 | cut -d: -f2 || true)
    [[ -n $PORT ]] && break
    sleep 0.1
done
[[ -n $PORT ]] || { echo "consume.sh: server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; }
BASE=http://127.0.0.1:$PORT

json() { $PYTHON -c "import sys, json; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' \
    -d '{"email":"bench@firm.example","password":"bench-password-1"}' "$BASE/api/v1/session" | json '["token"]')
AUTH="Authorization: Bearer $TOKEN"
CLIENT=$(curl -sf -X POST -H "$AUTH" -H 'Content-Type: application/json' \
    -d '{"name":"Bench Client","email":"bench@client.example","matter":"Benchmark"}' "$BASE/api/v1/clients" | json '["id"]')
LINK=$(curl -sf -X POST -H "$AUTH" "$BASE/api/v1/clients/$CLIENT/invite" | json '["portal_url"]')
LINK_PATH=/portal/${LINK##*/portal/}
# The Continue page hands out the CSRF pair a browser would post back (cookie + field).
PAGE=$(curl -sf -c "$WORK/cookies" "$BASE$LINK_PATH")
CSRF_FIELD=$(printf '%s' "$PAGE" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
CSRF_COOKIE=$(awk '$6 == "__Host-gh_csrf" {print $7}' "$WORK/cookies")
[[ -n $CSRF_FIELD && -n $CSRF_COOKIE ]] || { echo "consume.sh: no CSRF pair on the Continue page" >&2; exit 1; }
export GATEHOUSE_BENCH_BODY="csrf=$CSRF_FIELD"
export GATEHOUSE_BENCH_COOKIE="__Host-gh_csrf=$CSRF_COOKIE"
# The link works before the load starts (303 to the hub).
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Cookie: $GATEHOUSE_BENCH_COOKIE" \
    --data-raw "$GATEHOUSE_BENCH_BODY" "$BASE$LINK_PATH")
[[ $STATUS == 303 ]] || { echo "consume.sh: the link answered $STATUS, not 303" >&2; exit 1; }

# CPU time (user + system, clock ticks) the server process has used so far: on a
# shared machine the server's CPU per request is steadier than requests per second.
server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
run_wrk() { # label, extra args...
    local label=$1; shift
    local before
    before=$(server_ticks)
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" >"$WORK/$label.txt"
    echo $(($(server_ticks) - before)) >"$WORK/$label.ticks"
    cat "$WORK/$label.txt" >&2
}
# Server CPU microseconds per request in a run.
cpu_per_request() {
    $PYTHON -c "import sys; t, n = float(sys.argv[1]), float(sys.argv[2]); print(f'{t * 1e6 / $(getconf CLK_TCK) / n:.0f}' if n else '-')" \
        "$(cat "$WORK/$1.ticks")" "$(awk '/requests in/ {print $1}' "$WORK/$1.txt")"
}
rps() { awk '/^Requests\/sec:/ {print $2}' "$WORK/$1.txt"; }
p99() { awk '$1 == "99%" {print $2}' "$WORK/$1.txt"; }
errors() { awk '/Non-2xx or 3xx responses:/ {print $5} /Socket errors/ {print}' "$WORK/$1.txt"; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== warm-up" >&2
wrk -t1 -c4 -d2s "$BASE/healthz" >/dev/null
# Steady state: every consume after the client's first queues a new-sign-in notice
# (B7) until the hourly mail budget (B3, 1,000) is spent, which at these rates takes a
# fraction of a second. Spend it before measuring and let the mail sender deliver what
# was queued, so neither run carries that one-off work.
if [[ $CONSUME_WARMUP != 0 ]]; then
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$CONSUME_WARMUP" -s "$ROOT/scripts/bench/consume.lua" "$BASE$LINK_PATH" >/dev/null
    for _ in $(seq 300); do
        PENDING=$($PYTHON - "$WORK/portal.db" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "select count(*) from mail_outbox where state in ('queued', 'sending', 'retrying')").fetchone()[0])
PY
)
        [[ $PENDING == 0 ]] && break
        sleep 0.2
    done
fi
echo "== GET /healthz" >&2
run_wrk healthz "$BASE/healthz"
echo "== POST /portal/<token>" >&2
PERF_PID=
if [[ -n ${PERF_DATA:-} ]]; then
    perf record -q ${PERF_ARGS:--g} -F 499 -p "$SERVER_PID" -o "$PERF_DATA" >/dev/null 2>&1 &
    PERF_PID=$!
fi
run_wrk consume -s "$ROOT/scripts/bench/consume.lua" "$BASE$LINK_PATH"
if [[ -n $PERF_PID ]]; then
    kill -INT "$PERF_PID"
    wait "$PERF_PID" || true
fi

H=$(rps healthz)
C=$(rps consume)
RATIO=$($PYTHON -c "print(f'{$C / $H:.2f}')")
echo
echo "gatehouse-portal consume benchmark ($CONNECTIONS connections, $DURATION each, server threads $SERVER_THREADS, $(nproc) cores)"
echo "  load average before/after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  GET /healthz            %10s req/s   p99 %-8s server CPU %s us/req\n' "$H" "$(p99 healthz)" \
    "$(cpu_per_request healthz)"
printf '  POST /portal/<token>    %10s cons/s  p99 %-8s server CPU %s us/req\n' "$C" "$(p99 consume)" \
    "$(cpu_per_request consume)"
printf '  consume / healthz       %10s\n' "$RATIO"
BAD=$(errors consume)
[[ -z $BAD ]] || echo "  consume non-303 answers or socket errors: $BAD"
SESSIONS=$($PYTHON - "$WORK/portal.db" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("select count(*) from client_sessions").fetchone()[0])
PY
)
echo "  sessions created        $SESSIONS"
