#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Saves screenshots of the desktop app's real windows to docs/screenshots/app-*.png:
# starts a real gatehouse-portal with demo data in a temporary folder, then runs the
# screenshot driver under Xvfb against it.
#   scripts/screenshots-app.sh [BUILD_DIR]   (default: build/release; needs tests built)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build/release}
portal="$build/server/gatehouse-portal"
driver="$build/tests/desktop/gatehouse_screenshots"
for f in "$portal" "$driver"; do
  [ -x "$f" ] || { echo "screenshots-app: $f is missing; build with the server and tests enabled" >&2; exit 1; }
done
command -v xvfb-run >/dev/null || { echo "screenshots-app: needs xvfb-run (Debian package: xvfb)" >&2; exit 1; }

work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM
port=${GATEHOUSE_SCREENSHOT_PORT:-18471}
smtp_port=$((port + 1))
cat > "$work/portal.conf" <<CONF
[server]
address = 127.0.0.1
port = $port
public_url = http://127.0.0.1:$port

[database]
path = portal.db

# No mail server listens on the SMTP port, as when the firm's relay is down: the mail
# outbox screenshot shows what IT then sees. A test mail dies first (one attempt);
# after a restart with more attempts the invitations made by the driver keep retrying.
[mail]
transport = smtp
smtp_url = smtp://127.0.0.1:$smtp_port
smtp_starttls = off
max_attempts = 1
backoff_base_seconds = 20
backoff_max_seconds = 120
poll_interval_ms = 200
CONF
"$portal" migrate --config "$work/portal.conf" >/dev/null
head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$work/password"
"$portal" create-admin --config "$work/portal.conf" --email admin@firm.example --name "Alice Moretti" \
  --password-stdin < "$work/password" >/dev/null
"$portal" seed-demo --config "$work/portal.conf" >/dev/null

serve() {
  "$portal" serve --config "$work/portal.conf" 2>>"$work/portal.log" &
  pid=$!
  i=0
  until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -lt 100 ] || { echo "screenshots-app: server did not start" >&2; cat "$work/portal.log" >&2; exit 1; }
    sleep 0.1
  done
}

serve
"$portal" send-test-mail --config "$work/portal.conf" --to it-desk@firm.example >/dev/null
i=0
until grep -q '"mail.dead_lettered"' "$work/portal.log"; do
  i=$((i + 1)); [ $i -lt 100 ] || { echo "screenshots-app: the test mail did not fail as planned" >&2; exit 1; }
  sleep 0.1
done
kill "$pid"; wait "$pid" 2>/dev/null || true
sed -i 's/^max_attempts = 1$/max_attempts = 10/' "$work/portal.conf"
serve

mkdir -p "$top/docs/screenshots"
# A fixed screen size and DPI so screenshots are comparable between runs.
# The token goes to a throwaway keychain (a private D-Bus session), never the user's.
xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" env LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb \
  "$top/tests/support/with-keyring.sh" "$driver" --server "http://127.0.0.1:$port" --email admin@firm.example --password-file "$work/password" \
  --out "$top/docs/screenshots"
