#!/usr/bin/env bash
# Screenshot of the real Storyline window (not a WebDriver rendering): runs the desktop end-to-end
# test on a private Xvfb screen, and once an article is open the test reads the whole X screen with
# ImageMagick's `import -window root`. Usage: screenshot.sh BINARY OUT.png
set -euo pipefail
binary=$(realpath "${1:?usage: screenshot.sh BINARY OUT.png}")
out=$(realpath -m "${2:?usage: screenshot.sh BINARY OUT.png}")
venv="${STORYLINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/storyline}/venv"
here=$(dirname "$0")
mkdir -p "$(dirname "$out")"
STORYLINE_SCREENSHOT="$out" STORYLINE_MEASURE_RSS=1 \
  xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp' "$venv/bin/python" "$here/test_window.py" "$binary"
echo "screenshot: $out"
