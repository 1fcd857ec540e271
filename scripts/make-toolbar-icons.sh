#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Regenerates the toolbar icons in resources/icons/ from the Adwaita icon theme's
# symbolic SVGs (licence and origin: resources/icons/README.md): copies each SVG into
# light/ as it is (#2e3436 strokes, for a light palette) and into dark/ recoloured
# (#eeeeec, for a dark one), then rasterises both at 24 px and 48 px (@2x). Commit the
# results; the build never needs these tools.
# Needs: adwaita-icon-theme, librsvg2-bin (rsvg-convert).
set -euo pipefail
adwaita=${ADWAITA_DIR:-/usr/share/icons/Adwaita/scalable}
out="$(dirname "$0")/../resources/icons"
# name in resources/icons  <-  Adwaita icon
icons="new-client:actions/contact-new-symbolic
invite:actions/mail-send-symbolic
invite-selected:actions/mail-reply-all-symbolic
toggle-lock:status/changes-prevent-symbolic
revoke:actions/action-unavailable-symbolic
confirm-code:actions/call-start-symbolic
attach-document:status/mail-attachment-symbolic"
for entry in $icons; do
  name=${entry%%:*}
  src="$adwaita/${entry#*:}.svg"
  [ -f "$src" ] || { echo "make-toolbar-icons: $src is missing (Debian package: adwaita-icon-theme)" >&2; exit 1; }
  cp "$src" "$out/light/$name.svg"
  sed 's/#2e3436/#eeeeec/g' "$src" > "$out/dark/$name.svg"
  for set in light dark; do
    rsvg-convert -w 24 -h 24 "$out/$set/$name.svg" -o "$out/$set/$name.png"
    rsvg-convert -w 48 -h 48 "$out/$set/$name.svg" -o "$out/$set/$name@2x.png"
  done
done
echo "make-toolbar-icons: SVGs and PNGs written to resources/icons/light and resources/icons/dark"
