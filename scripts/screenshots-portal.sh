#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Regenerates docs/screenshots/portal-*.png: one picture per client-facing page.
# gatehouse_pages_dump (scripts/pages-dump) renders every page template, and
# tests/browser/preview.mjs shows each in Debian's Chromium from the real
# gatehouse-portal's origin (its /static/ files, the page CSP) at desktop and phone width.
# The browser specs take their own screenshots of the live flows (CTest artifacts).
#   scripts/screenshots-portal.sh [BUILD_DIR]     (default build/asan)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build/asan}" && pwd)
bin=$build/server/gatehouse-portal
pages=$build/tests/server/gatehouse_pages_dump
for f in "$bin" "$pages"; do
    [ -x "$f" ] || { echo "missing $f; build first (cmake --build --preset asan)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export ASAN_OPTIONS=detect_leaks=0
"$pages" "$work/html"
(cd "$root/tests/browser" && GATEHOUSE_PORTAL_BIN=$bin node preview.mjs "$work/html" "$work/png")

out=$root/docs/screenshots
mkdir -p "$out"
for png in "$work"/png/*-desktop.png; do
    name=$(basename "$png" -desktop.png)
    cp "$png" "$out/portal-$name.png"
    echo "docs/screenshots/portal-$name.png"
done
# Two phone-width examples show the layout on a small screen.
for name in hub continue; do
    cp "$work/png/$name-mobile.png" "$out/portal-$name-mobile.png"
    echo "docs/screenshots/portal-$name-mobile.png"
done
