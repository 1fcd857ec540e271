#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""All of the portal server's SQL lives in server/storage/ (docs/architecture.md): the
only code that names a table or runs a statement. Fails, naming file and line, when a
file elsewhere under server/ includes Qt's query classes or holds an SQL statement in a
string literal."""
import re
import sys
from pathlib import Path

top = Path(__file__).resolve().parent.parent
server = top / "server"
query_include = re.compile(r'#include\s*<QSql(Query|Error|Record)>')
# A statement at the start of a string literal: "SELECT …", "INSERT INTO …", …
statement = re.compile(r'"\s*(SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|'
                       r'CREATE\s+(TABLE|INDEX)\s|PRAGMA\s|WITH\s+\w+\s+AS\s)', re.IGNORECASE)
found = []
for path in sorted(server.rglob("*")):
    if path.suffix not in (".cpp", ".h") or (server / "storage") in path.parents:
        continue
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if query_include.search(line) or statement.search(line):
            found.append(f"{path.relative_to(top)}:{number}: {line.strip()}")
for entry in found:
    print(f"check-server-sql: SQL outside server/storage: {entry}")
print(f"check-server-sql: {'FAILED' if found else 'OK'} ({len(found)} findings)")
sys.exit(1 if found else 0)
