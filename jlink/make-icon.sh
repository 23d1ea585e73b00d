#!/usr/bin/env bash
# Draws jlink/expander-explorer.png, the launcher and menu icon: the Heawood graph (the point-line incidence
# graph of the Fano plane, 3-regular bipartite and Ramanujan) on a circle, left vertices blue, right orange.
# Needs ImageMagick's convert; run it again only to change the icon.
set -euo pipefail
out=$(cd "$(dirname "$0")" && pwd)/expander-explorer.png
draw=$(awk 'BEGIN {
  n = 14; c = 128; r = 96; pi = atan2(0, -1)
  for (i = 0; i < n; i++) { x[i] = c + r * sin(2 * pi * i / n); y[i] = c - r * cos(2 * pi * i / n) }
  printf "stroke #37474f stroke-width 5 fill none "
  # Heawood graph as LCF notation [5,-5]^7: the 14-cycle plus a chord from every vertex i to i +/- 5
  for (i = 0; i < n; i++) {
    j = (i + 1) % n; printf "line %.1f,%.1f %.1f,%.1f ", x[i], y[i], x[j], y[j]
    if (i % 2 == 0) { j = (i + 5) % n; printf "line %.1f,%.1f %.1f,%.1f ", x[i], y[i], x[j], y[j] }
  }
  printf "stroke #263238 stroke-width 3 "
  for (i = 0; i < n; i++) {
    printf "fill %s circle %.1f,%.1f %.1f,%.1f ", (i % 2 == 0 ? "#1e88e5" : "#fb8c00"), x[i], y[i], x[i] + 14, y[i]
  }
}')
convert -size 256x256 xc:none -fill '#eceff1' -stroke none -draw "roundrectangle 4,4 251,251 40,40" \
  -draw "$draw" -strip "$out"
echo "wrote $out"
