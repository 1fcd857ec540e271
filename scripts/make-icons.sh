#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Regenerates the committed raster icons from installer/linux/gatehouse.svg: the hicolor
# PNGs for Linux, the Windows .ico and the macOS .icns. Run after changing the SVG and
# commit the results; the build never needs these tools.
# Needs: librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")/../installer"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "linux/icons/${size}x${size}"
  rsvg-convert -w "$size" -h "$size" linux/gatehouse.svg -o "linux/icons/${size}x${size}/gatehouse.png"
done
convert $(for s in 16 24 32 48 64 128 256; do echo "linux/icons/${s}x${s}/gatehouse.png"; done) windows/gatehouse.ico
png2icns macos/gatehouse.icns $(for s in 16 32 48 128 256 512; do echo "linux/icons/${s}x${s}/gatehouse.png"; done) >/dev/null
echo "make-icons: hicolor PNGs, windows/gatehouse.ico and macos/gatehouse.icns written"
