#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds QCA 2.3.10 for Qt 6 with its OpenSSL provider into a cache prefix outside
# the work tree. Debian 12 ships no Qt 6 build of QCA, so the upstream tarball is
# fetched from Debian's own source archive (Debian 13's qca2 source package)
# through a private apt configuration; the system's apt sources stay untouched.
set -euo pipefail

QCA_VERSION=2.3.10
QCA_SHA256=1c5b722da93d559365719226bb121c726ec3c0dc4c67dea34f1e50e4e0d14a02
PREFIX=${GATEHOUSE_QCA_PREFIX:-/opt/gatehouse-deps/qca-qt6-$QCA_VERSION}

if [ -f "$PREFIX/.gatehouse-complete" ]; then
  echo "QCA $QCA_VERSION (Qt 6) already built in $PREFIX"
  exit 0
fi

# The archive URI the system already uses, read from its apt sources
# (deb822 first, then the one-line format). No host name is written here.
archive_uri() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '
      /^[[:space:]]*$/ { if (uri != "" && suites !~ /security/) { print uri; exit } uri = ""; suites = ""; next }
      /^URIs:/ { uri = $2 }
      /^Suites:/ { suites = $0 }
      END { if (uri != "" && suites !~ /security/) print uri }
    ' "$f" | head -n 1
  done | head -n 1
}
uri=$(archive_uri)
if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
  uri=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
fi
if [ -z "$uri" ]; then
  echo "build-qca: cannot find the Debian archive URI in /etc/apt/sources.list*; add one and retry" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/apt/lists/partial" "$work/apt/sources" "$work/apt/cache/archives/partial"
cat > "$work/apt/sources/trixie-src.sources" <<SRC
Types: deb-src
URIs: $uri
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
aptopts=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$work/apt/sources"
         -o Dir::State::Lists="$work/apt/lists" -o Dir::Cache="$work/apt/cache"
         -o APT::Sandbox::User=root)
apt-get "${aptopts[@]}" -qq update
# Only the upstream tarball is served for this version; apt exits non-zero for the
# missing .dsc and Debian diff, so the tarball itself is what we check.
(cd "$work" && apt-get "${aptopts[@]}" -qq source --download-only "qca2=$QCA_VERSION-1" >/dev/null 2>&1) || true
tarball="$work/qca2_$QCA_VERSION.orig.tar.xz"
if [ ! -f "$tarball" ]; then
  echo "build-qca: could not download qca2_$QCA_VERSION.orig.tar.xz from the Debian source archive" >&2
  exit 1
fi
echo "$QCA_SHA256  $tarball" | sha256sum -c --quiet - || { echo "build-qca: checksum mismatch for $tarball" >&2; exit 1; }

tar -C "$work" -xf "$tarball"
src=$(find "$work" -maxdepth 1 -type d -name 'qca-*' | head -n 1)
cmake -S "$src" -B "$work/build" -G Ninja -DBUILD_WITH_QT6=ON -DBUILD_TESTS=OFF -DBUILD_TOOLS=OFF \
  -DBUILD_PLUGINS=ossl -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" >"$work/configure.log" 2>&1 \
  || { cat "$work/configure.log" >&2; exit 1; }
cmake --build "$work/build" >"$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; exit 1; }
cmake --install "$work/build" >/dev/null
touch "$PREFIX/.gatehouse-complete"
echo "QCA $QCA_VERSION (Qt 6) installed in $PREFIX"
