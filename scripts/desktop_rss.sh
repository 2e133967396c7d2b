#!/usr/bin/env bash
# Prints the desktop app's resident memory with the built-in corpus: the app's own process and the
# WebKit processes it started, once the window has shown and the analysis has run (a figure, not a
# check). Usage: scripts/desktop_rss.sh [BINARY] (default target/release/storyline-desktop).
set -eu
bin=${1:-target/release/storyline-desktop}
state=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$state"' EXIT
export STORYLINE_STATE_DIR=$state XDG_DATA_HOME=$state/data
# The built-in corpus, whatever story was opened last.
xvfb-run -a -s "-screen 0 1280x800x24" "$bin" >/dev/null 2>&1 &
app=$!
sleep "${WAIT:-25}"
ps -eo pid=,ppid=,rss=,args= | awk -v root="$app" '
  { parent[$1] = $2; rss[$1] = $3; a = $0; sub(/^ *[0-9]+ +[0-9]+ +[0-9]+ +/, "", a); args[$1] = a }
  END {
    keep[root] = 1
    for (pass = 0; pass < 6; pass++) for (p in parent) if (parent[p] in keep) keep[p] = 1
    for (p in keep) if (p in rss && p != root && args[p] !~ /^Xvfb/) {
      total += rss[p]
      printf "%8.1f MB  %s\n", rss[p] / 1024, substr(args[p], 1, 80)
    }
    printf "%8.1f MB  total\n", total / 1024
  }'
