#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The desktop app (app/, ui/, model/) and the shared code (common/) build on Windows and
# macOS too, so they may include POSIX-only headers only in the named platform helpers
# below, behind #if defined(Q_OS_UNIX). Exits 1 and names each offending line otherwise.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

# Files allowed to use POSIX headers (each guards them with Q_OS_UNIX).
allowed=(
  common/crypto.cpp # getentropy()
)

pattern='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](unistd\.h|sys/[^>"]*|pthread\.h|dlfcn\.h|fcntl\.h|signal\.h|termios\.h|pwd\.h|grp\.h|poll\.h|syslog\.h|netdb\.h|netinet/[^>"]*|arpa/[^>"]*|sched\.h|spawn\.h|dirent\.h|semaphore\.h|strings\.h|libgen\.h|glob\.h|wordexp\.h|ifaddrs\.h|net/[^>"]*)[>"]'

bad=0
while IFS= read -r hit; do
  file=${hit%%:*}
  skip=0
  for a in "${allowed[@]}"; do [ "$file" = "$a" ] && skip=1; done
  [ $skip -eq 1 ] && continue
  echo "check-portable: $hit: POSIX-only header outside a platform helper" >&2
  bad=1
done < <(grep -rnE --include='*.cpp' --include='*.h' "$pattern" app ui model common || true)

if [ $bad -ne 0 ]; then
  echo "check-portable: FAILED (move the call into a platform helper listed in scripts/check-portable.sh)" >&2
  exit 1
fi
echo "check-portable: OK (app/ ui/ model/ common/ include no POSIX-only headers outside ${allowed[*]%% *})"
