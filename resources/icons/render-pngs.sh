#!/usr/bin/env bash
# Renders the application icon's PNG sizes from the SVG (needs rsvg-convert: apt-get install
# librsvg2-bin). The PNGs are checked in; run this after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for size in 48 64 128 256; do
    rsvg-convert --width "$size" --height "$size" --format png \
        --output "org.clinicdesk.ClinicDesk-$size.png" org.clinicdesk.ClinicDesk.svg
done
