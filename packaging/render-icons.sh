#!/usr/bin/env bash
# Render the app icon's PNG sizes for the hicolor theme from resources/icons/alliance-desktop.svg.
# Run this after changing the SVG and commit the PNGs, so building the bundle needs no SVG tool.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
svg=resources/icons/alliance-desktop.svg
out=resources/linux/icons/hicolor
command -v rsvg-convert >/dev/null || { echo "render-icons: needs rsvg-convert (librsvg2-bin)" >&2; exit 1; }
for size in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "$out/${size}x${size}/apps"
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" \
    --output "$out/${size}x${size}/apps/alliance-desktop.png"
done
echo "render-icons: wrote $(ls "$out" | wc -l) sizes under $out"
