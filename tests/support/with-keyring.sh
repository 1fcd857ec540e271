#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs a test with a real Secret Service: a private D-Bus session bus and an unlocked
# gnome-keyring in a throwaway HOME, so the test never touches the user's keyring.
set -euo pipefail
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: $tool is missing; install dbus and gnome-keyring (scripts/bootstrap.sh does)" >&2; exit 1; }
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache"
export XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- bash -c 'echo -n gatehouse-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' with-keyring "$@"
