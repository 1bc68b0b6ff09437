#!/usr/bin/env bash
# Captures the screenshots of the README and docs/KEYS.md: the explorer in a real xterm (its
# default palette, so the colours are the ones the contrast checks measure) under Xvfb, on a
# black and on a white background. Needs Debian's xvfb, xterm, xdotool and imagemagick. Usage:
#   scripts/screens.sh [path/to/dossier] [keys for xdotool, e.g. "5 j Return"] [name]
# Writes docs/screens/NAME-dark.png and NAME-light.png (NAME defaults to "explorer").
set -euo pipefail
binary=${1:-.build/debug/dossier}
keys=${2:-}
name=${3:-explorer}
display=:87
Xvfb "$display" -screen 0 1300x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
for theme in dark light; do
  # xterm's defaults on black, and black on white; the explorer finds the background itself (OSC 11)
  if [ "$theme" = dark ]; then colours=(-bg black -fg '#e5e5e5'); else colours=(-bg white -fg black); fi
  xterm -geometry 120x34+0+0 -fa 'DejaVu Sans Mono' -fs 10 "${colours[@]}" -title "dossier-$theme" \
    -e env TERM=xterm-256color LANG=C.UTF-8 "$binary" &
  term=$!
  window=""
  for _ in $(seq 100); do window=$(xdotool search --name "dossier-$theme" 2>/dev/null | head -1) && [ -n "$window" ] && break; sleep 0.1; done
  # a screenshot, not a test: give the first frame time to arrive, then each key
  sleep 1.5
  # xterm ignores sent events; focused, it takes XTEST keys like typed ones
  xdotool windowfocus "$window" 2>/dev/null || true
  for key in $keys; do xdotool key "$key"; sleep 0.3; done
  sleep 0.5
  import -window "$window" "docs/screens/$name-$theme.png"
  xdotool key q
  for _ in $(seq 30); do kill -0 "$term" 2>/dev/null || break; sleep 0.1; done
  kill "$term" 2>/dev/null || true
done
echo "wrote docs/screens/$name-dark.png and docs/screens/$name-light.png"
