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
trap 'kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM
port=${GATEHOUSE_SCREENSHOT_PORT:-18471}
cat > "$work/portal.conf" <<CONF
[server]
address = 127.0.0.1
port = $port
public_url = http://127.0.0.1:$port

[database]
path = portal.db

[mail]
transport = folder
folder = mail
CONF
mkdir -p "$work/mail"
"$portal" migrate --config "$work/portal.conf" >/dev/null
head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$work/password"
"$portal" create-admin --config "$work/portal.conf" --email admin@firm.example --name "Alice Moretti" \
  --password-stdin < "$work/password" >/dev/null
"$portal" seed-demo --config "$work/portal.conf" >/dev/null
"$portal" serve --config "$work/portal.conf" 2>"$work/portal.log" &
pid=$!
i=0
until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
  i=$((i + 1)); [ $i -lt 100 ] || { echo "screenshots-app: server did not start" >&2; cat "$work/portal.log" >&2; exit 1; }
  sleep 0.1
done

mkdir -p "$top/docs/screenshots"
# A fixed screen size and DPI so screenshots are comparable between runs.
# The token goes to a throwaway keychain (a private D-Bus session), never the user's.
xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" env LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb \
  "$top/tests/support/with-keyring.sh" "$driver" --server "http://127.0.0.1:$port" --email admin@firm.example --password-file "$work/password" \
  --out "$top/docs/screenshots"
