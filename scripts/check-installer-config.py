#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks the installer sources that cannot be built on Linux (the Windows MSI's WiX
fragment, the macOS Info.plist and MDM profile) and the committed icons:
well-formed, and naming only managed settings the app really declares
(model/appsettings.cpp), so a renamed setting cannot leave IT's policy silently unread.
Prints one line per check; exits non-zero on the first mismatch."""
import plistlib
import re
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

top = Path(__file__).resolve().parent.parent
failures = []


def fail(message):
    failures.append(message)
    print(f"check-installer-config: FAIL {message}")


declared = dict(re.findall(r'const QString (k\w+) = QStringLiteral\("([^"]+)"\)',
                           (top / "model/appsettings.cpp").read_text()))
declares = set(re.findall(r'declare\((k\w+),', (top / "model/appsettings.cpp").read_text()))
managed = {declared[name] for name in declares if name in declared}
if not managed:
    fail("no managed settings found in model/appsettings.cpp")


def check_setting(where, key):
    plain = key[len("Defaults/"):] if key.startswith("Defaults/") else key
    if plain not in managed:
        fail(f"{where} sets '{key}', which the app does not declare as managed ({sorted(managed)})")
    else:
        print(f"check-installer-config: {where}: {key} is a managed setting")


# Windows: registry values under the policy key, as QSettings maps them
# (subkeys = the setting's groups, value name = its last part).
wix = ET.parse(top / "installer/windows/gatehouse-policy.wxs").getroot()
ns = {"w": "http://schemas.microsoft.com/wix/2006/wi"}
policy_root = "Software\\Policies\\Gatehouse\\Gatehouse"
found = 0
for regkey in wix.iterfind(".//w:RegistryKey", ns):
    key = regkey.get("Key", "")
    if not key.startswith(policy_root + "\\") or regkey.get("Root") != "HKLM":
        continue
    groups = key[len(policy_root) + 1:].replace("\\", "/")
    for value in regkey.iterfind("w:RegistryValue", ns):
        found += 1
        check_setting("gatehouse-policy.wxs", f"{groups}/{value.get('Name')}")
        kind = value.get("Type")
        if value.get("Name") == "allow_server_change" and kind != "integer":
            fail("allow_server_change must be written as a DWORD (Type=\"integer\")")
if found == 0:
    fail("gatehouse-policy.wxs writes no policy value")
for prop in ("SERVERURL", "LOCKSERVERURL", "NODESKTOPSHORTCUT"):
    if wix.find(f".//w:Property[@Id='{prop}']", ns) is None:
        fail(f"gatehouse-policy.wxs does not declare the public property {prop}")

# macOS: the profile's payload keys use "." for "/" (Qt's property-list mapping).
with open(top / "installer/macos/gatehouse.mobileconfig", "rb") as f:
    profile = plistlib.load(f)
payload = profile["PayloadContent"][0]
if payload["PayloadType"] != "invalid.gatehouse.Gatehouse":
    fail(f"the profile targets {payload['PayloadType']}, not the app's preference domain")
for key in payload:
    if not key.startswith("Payload"):
        check_setting("gatehouse.mobileconfig", key.replace(".", "/"))
info = (top / "installer/macos/Info.plist.in").read_text()
ET.fromstring(info.encode())  # well-formed
for needed in ("CFBundleIdentifier", "LSMinimumSystemVersion", "CFBundleIconFile", "CFBundleShortVersionString"):
    if needed not in info:
        fail(f"Info.plist.in lacks {needed}")

# Icons: every hicolor PNG is the size its folder says.
for png in sorted((top / "installer/linux/icons").glob("*/gatehouse.png")):
    data = png.read_bytes()
    width, height = struct.unpack(">II", data[16:24])
    if data[:8] != b"\x89PNG\r\n\x1a\n" or f"{width}x{height}" != png.parent.name:
        fail(f"{png.relative_to(top)} is {width}x{height}")
for binary, magic in (("installer/windows/gatehouse.ico", b"\x00\x00\x01\x00"), ("installer/macos/gatehouse.icns", b"icns")):
    if not (top / binary).read_bytes().startswith(magic):
        fail(f"{binary} is not an icon file")

print(f"check-installer-config: {'FAILED' if failures else 'OK'}")
sys.exit(1 if failures else 0)
