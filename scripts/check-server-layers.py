#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The portal server's folders and which may include which (docs/architecture.md):

    storage  <-  audit, tokens, auth, ratelimit, sessions, push  <-  mail
             <-  http  <-  pages  <-  portal, api  <-  ops  <-  server/*.cpp (cli, routes, main)

common/, secrets/ and the core headers in server/ (config, clock, log, validation,
passwordhasher, serverresources) may be included from anywhere. An include outside this
graph fails, naming file and line, unless it is listed in KNOWN_DEBT below; a debt entry
that no longer occurs fails too, so the list only shrinks."""
import re
import sys
from pathlib import Path

top = Path(__file__).resolve().parent.parent
server = top / "server"

ANYWHERE = {"common", "secrets"}
CORE = {"config.h", "clock.h", "log.h", "validation.h", "passwordhasher.h", "serverresources.h"}
DOMAIN = {"audit", "tokens", "auth", "ratelimit", "sessions", "mail", "push"}
HANDLERS = {"storage", "http", "pages"} | DOMAIN
ALLOWED = {
    "storage": set(),
    "audit": {"storage"},
    "tokens": {"storage"},
    "auth": {"storage"},
    "ratelimit": {"storage"},
    "sessions": {"storage"},
    "mail": {"storage", "audit", "ratelimit", "tokens"},
    "push": {"storage"},
    "http": {"ratelimit"},
    "pages": {"http"},
    "portal": HANDLERS,
    "api": HANDLERS,
    "ops": {"storage", "http", "audit", "mail"},
}
# Edges that exist today and break the graph; fix them and delete the line.
KNOWN_DEBT = {
    ("storage", "auth"),    # StaffStore seals TOTP secrets with auth/totpvault
    ("sessions", "http"),   # cookies are read from HttpRequest
}

include = re.compile(r'^\s*#include\s+"([^"]+)"')
violations, seen = [], set()
for path in sorted(server.rglob("*")):
    if path.suffix not in (".cpp", ".h"):
        continue
    rel = path.relative_to(server)
    folder = rel.parts[0] if len(rel.parts) > 1 else None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        m = include.match(line)
        if not m:
            continue
        target = m.group(1)
        parts = target.split("/")
        if len(parts) == 1:
            # Same folder, or a server/ root header.
            if (path.parent / target).exists() or folder is None or target not in {p.name for p in server.glob("*.h")}:
                continue
            if target not in CORE:
                violations.append(f"server/{rel}:{number}: {folder}/ includes the top-level {target}")
            continue
        dep = parts[0]
        if folder is None or dep == folder or dep in ANYWHERE or not (server / dep).is_dir():
            continue
        if dep in ALLOWED.get(folder, set()):
            continue
        seen.add((folder, dep))
        if (folder, dep) not in KNOWN_DEBT:
            violations.append(f"server/{rel}:{number}: {folder}/ may not include {dep}/ ({target})")
for folder, dep in sorted(KNOWN_DEBT - seen):
    violations.append(f"known debt {folder}/ -> {dep}/ is gone: delete it from KNOWN_DEBT")
for v in violations:
    print(f"check-server-layers: {v}")
print(f"check-server-layers: {'FAILED' if violations else 'OK'} ({len(violations)} findings, "
      f"{len(KNOWN_DEBT & seen)} known debts left)")
sys.exit(1 if violations else 0)
