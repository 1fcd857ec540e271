#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds Gatehouse with clang (warnings as errors, preset clang-release), checks that the
# portable code includes no POSIX-only headers, builds the two .deb packages with cpack,
# lints them, then installs them on this (throwaway, root) machine, runs both programs,
# answers /healthz as the unit's user, and purges them again, checking nothing is left.
# Idempotent; exits non-zero on the first failure; prints one summary line at the end.
# Needs root (apt-get). Usage: scripts/ci-packages.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
build="$top/build/clang-release"
pkgdir="$top/build/pkg-deb"
export CCACHE_BASEDIR="$top" CCACHE_NOHASHDIR=1
step() { echo "ci-packages: $*"; }
fail() { echo "ci-packages: FAILED: $*" >&2; echo "ci-packages: summary: FAILED ($*)"; exit 1; }
trap 'fail "command at line $LINENO exited non-zero"' ERR

[ "$(id -u)" -eq 0 ] || fail "needs root to install the packages (run in the CI container)"

need=(clang lintian appstream desktop-file-utils dpkg-dev fakeroot file curl adduser systemd)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

step "portability check"
scripts/check-portable.sh

step "clang build (warnings as errors)"
cmake --preset clang-release >/dev/null
cmake --build "$build" -j"$(nproc)" --target gatehouse gatehouse-portal

step "systemd unit exposure (must be 3.0 or less)"
if ! analysis=$(systemd-analyze security --offline=yes --threshold=30 installer/linux/gatehouse-portal.service 2>&1); then
  echo "$analysis" | grep -v '✓' >&2
  fail "systemd-analyze security rated gatehouse-portal.service above 3.0"
fi
exposure=$(echo "$analysis" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
echo "ci-packages: gatehouse-portal.service exposure $exposure"

step "metadata"
appstreamcli validate --no-net installer/linux/io.github.gatehouse.Gatehouse.metainfo.xml
desktop-file-validate installer/linux/gatehouse.desktop

step "cpack -G DEB"
rm -rf "$pkgdir"
mkdir -p "$pkgdir"
(cd "$build" && cpack -G DEB -B "$pkgdir" >/dev/null)
app_deb=$(ls "$pkgdir"/gatehouse_*.deb)
srv_deb=$(ls "$pkgdir"/gatehouse-portal_*.deb)
for d in "$app_deb" "$srv_deb"; do
  echo "ci-packages: $(basename "$d") $(du -k "$d" | cut -f1) KiB; Depends: $(dpkg-deb -f "$d" Depends)"
done

step "lintian"
lintian_out=$(lintian --tag-display-limit 0 --suppress-tags-from-file installer/linux/lintian-suppressed "$app_deb" "$srv_deb" 2>&1 || true)
[ -n "$lintian_out" ] && echo "$lintian_out"
if echo "$lintian_out" | grep -q '^E:'; then fail "lintian reported errors"; fi
lintian_warnings=$(echo "$lintian_out" | grep -c '^W:' || true)

step "install"
# A previous interrupted run may have left them installed.
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq gatehouse gatehouse-portal >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$app_deb" "$srv_deb" >/dev/null
QT_QPA_PLATFORM=offscreen gatehouse --version
gatehouse-portal --version
getent passwd gatehouse >/dev/null || fail "postinst did not create the gatehouse user"
[ "$(stat -c %U /var/lib/gatehouse)" = gatehouse ] || fail "/var/lib/gatehouse is not owned by gatehouse"
unit_user=$(sed -n 's/^User=//p' /lib/systemd/system/gatehouse-portal.service)

step "run the installed server as $unit_user"
work=$(runuser -u "$unit_user" -- mktemp -d /tmp/gatehouse-ci.XXXXXX)
port=$((20000 + RANDOM % 20000))
cat > "$work/portal.conf" <<CONF
[server]
address = 127.0.0.1
port = $port
public_url = http://127.0.0.1:$port
threads = 1
workers = 2
[database]
path = $work/portal.db
[mail]
transport = folder
folder = $work/mail
[log]
level = info
CONF
chown "$unit_user" "$work/portal.conf"
runuser -u "$unit_user" -- gatehouse-portal migrate --config "$work/portal.conf"
runuser -u "$unit_user" -- gatehouse-portal serve --config "$work/portal.conf" >"$work/serve.log" 2>&1 &
server_pid=$!
healthy=0
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >"$work/healthz" 2>/dev/null; then healthy=1; break; fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
if [ $healthy -ne 1 ]; then cat "$work/serve.log" >&2; fail "installed server did not answer /healthz"; fi
echo "ci-packages: /healthz answered: $(head -c 200 "$work/healthz")"
rm -rf "$work"

step "purge"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq gatehouse gatehouse-portal >/dev/null
for p in /usr/lib/gatehouse /usr/lib/gatehouse-portal /etc/gatehouse /var/lib/gatehouse /usr/bin/gatehouse \
         /usr/bin/gatehouse-portal /lib/systemd/system/gatehouse-portal.service; do
  [ -e "$p" ] && fail "$p left behind after purge"
done
getent passwd gatehouse >/dev/null && fail "gatehouse user left behind after purge"

trap - ERR
echo "ci-packages: summary: OK (clang -Werror build, portability check, 2 .debs, lintian 0 errors/${lintian_warnings} warnings, unit exposure ${exposure}, install + /healthz + purge clean)"
