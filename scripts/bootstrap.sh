#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs everything Gatehouse needs to build, run and test on Debian/Ubuntu, using
# only the distribution's package archive and the npm registry. Safe to run again:
# when everything is already there it returns in a second or two.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

packages=(
  # build
  build-essential cmake ninja-build pkg-config git clang-format ccache
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-5compat-dev qt6-websockets-dev libqt6sql6-sqlite libgl-dev
  libboost-dev libargon2-dev libcurl4-openssl-dev libssl-dev libsqlite3-dev
  qtkeychain-qt6-dev libmstch-dev libqrencode-dev
  # run and test: a real Secret Service, a real SMTP server, a display for screenshots
  gnome-keyring dbus python3-aiosmtpd xvfb xauth imagemagick sqlite3 curl openssl
  # the example reverse-proxy configuration is tested with a real nginx
  nginx-light
  # PDF reports are checked through their text
  poppler-utils
  # browser tests of the portal pages (never a downloaded browser) and load generation
  chromium fonts-dejavu-core wrk
)
# Node.js for the browser tests: the distribution's, unless one is already installed.
command -v node >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "bootstrap: need root to install ${missing[*]}; run as root or install sudo" >&2; exit 1
  fi
}

if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${#missing[@]} Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Qt 6 build of QCA: a package where the distribution has one, else built from source.
if ! dpkg-query -W -f='${Status}' libqca-qt6-dev 2>/dev/null | grep -q "install ok installed"; then
  if apt-cache show libqca-qt6-dev >/dev/null 2>&1; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libqca-qt6-dev libqca-qt6-plugins >/dev/null 2>&1 \
      || as_root bash "$here/build-qca.sh"
  else
    as_root bash "$here/build-qca.sh"
  fi
fi
# playwright-core for the browser tests, from the npm registry, pinned by the lockfile.
browser_dir="$here/../tests/browser"
if [ ! -f "$browser_dir/node_modules/.package-lock.json" ] || \
   ! cmp -s <(grep -v '"name"' "$browser_dir/package-lock.json" | grep '"version"') \
            <(grep -v '"name"' "$browser_dir/node_modules/.package-lock.json" | grep '"version"'); then
  echo "bootstrap: installing the browser test packages (npm ci)"
  (cd "$browser_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "bootstrap: dependencies ready"
