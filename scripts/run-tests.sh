#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets everything up and runs the whole test suite (CTest) in the sanitizer build:
# unit tests, tests against the real gatehouse-portal over loopback HTTP, and GUI
# tests of the desktop app on the offscreen platform. Extra arguments go to ctest.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash scripts/bootstrap.sh
# One compiler cache for every clone and build tree of this machine: paths below the
# checkout are hashed relative to it, so a fresh clone elsewhere still hits.
export CCACHE_BASEDIR="$top" CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"
ctest --preset asan -j"$(nproc)" "$@"
