#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets everything up and runs the product on this machine: the portal server on
# SQLite with mail written to a folder, and the staff desktop app connected to it.
# Idempotent: a second run reuses the build, the database and the admin account.
#
#   GATEHOUSE_HOME   where the server's config, database and mail go
#                    (default ~/.local/share/gatehouse-local)
#   GATEHOUSE_PORT   the server's port on 127.0.0.1 (default 8470)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash scripts/bootstrap.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"

home=${GATEHOUSE_HOME:-$HOME/.local/share/gatehouse-local}
port=${GATEHOUSE_PORT:-8470}
portal="$top/build/release/server/gatehouse-portal"
app="$top/build/release/app/gatehouse"
mkdir -p "$home/mail"
chmod 700 "$home"

conf="$home/portal.conf"
if [ ! -f "$conf" ]; then
  cat > "$conf" <<CONF
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
fi
"$portal" check-config --config "$conf"
"$portal" migrate --config "$conf"

# The first admin account: created once, its password kept beside the database
# (readable by this user only) so a second run can show it again.
creds="$home/first-admin.txt"
if [ ! -f "$creds" ]; then
  password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
  out=$(printf '%s\n' "$password" | "$portal" create-admin --config "$conf" --email admin@firm.example \
          --name "Firm Administrator" --password-stdin --if-none)
  case "$out" in
    *"already exists"*) echo "run-local: an admin account already exists in $home (this script does not know its password)" ;;
    *) (umask 077 && printf 'email: admin@firm.example\npassword: %s\n' "$password" > "$creds") ;;
  esac
fi
"$portal" seed-demo --config "$conf" >/dev/null

url="http://127.0.0.1:$port"
if curl -fsS --max-time 2 "$url/healthz" >/dev/null 2>&1; then
  echo "run-local: a server is already answering at $url; using it"
  server_pid=""
else
  "$portal" serve --config "$conf" 2>>"$home/portal.log" &
  server_pid=$!
  trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true' EXIT INT TERM
  for _ in $(seq 1 50); do
    curl -fsS --max-time 1 "$url/healthz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { echo "run-local: the server did not start; see $home/portal.log" >&2; tail -n 5 "$home/portal.log" >&2; exit 1; }
    sleep 0.2
  done
fi

echo
echo "Gatehouse portal server: $url   (log: $home/portal.log, mail: $home/mail)"
[ -f "$creds" ] && sed 's/^/  sign in with  /' "$creds"
echo

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  "$app" --server "$url"
elif [ -n "$server_pid" ]; then
  echo "No display here, so the desktop app was not started (run it on a desktop with: $app --server $url)."
  echo "The server keeps running; press Ctrl-C to stop it."
  wait "$server_pid" || true
fi
