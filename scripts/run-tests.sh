#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets everything up and runs the whole test suite: CTest in the sanitizer build (unit
# tests, tests against the real gatehouse-portal over loopback HTTP, GUI tests of the
# desktop app on the offscreen platform, browser specs and journeys), then the package
# checks (clang build with warnings as errors, portability check, the two .debs built,
# linted, installed, run and purged: scripts/ci-packages.sh). Extra arguments go to
# ctest. GATEHOUSE_SKIP_PACKAGES=1 leaves out the package checks, which install and
# purge packages on this machine and need root.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash scripts/bootstrap.sh
# One compiler cache for every clone and build tree of this machine: paths below the
# checkout are hashed relative to it, so a fresh clone elsewhere still hits.
export CCACHE_BASEDIR="$top" CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
ctest --preset asan -j"$(nproc)" "$@" | tee "$log"

if [ "${GATEHOUSE_SKIP_PACKAGES:-0}" != 1 ]; then
  bash scripts/ci-packages.sh
fi
# The suite's count once more as the last line, after the package checks' output.
sed -n 's/^[0-9]*% tests passed, \([0-9]*\) tests* failed out of \([0-9]*\)$/\1 \2/p' "$log" |
  while read -r failed total; do echo "ctest: $((total - failed)) passed, $failed failed"; done
