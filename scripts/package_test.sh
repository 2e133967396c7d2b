#!/usr/bin/env bash
# `make test-package`: the Debian package as a user gets it. Installs target/debian/*.deb with apt
# (which also installs the libraries it depends on), runs the real-window suite against the
# installed /usr/bin/storyline-desktop, checks that the installed CLI serves the installed UI, and
# removes the package again whatever happened.
set -u
deb=$(ls -t target/debian/storyline_*.deb 2>/dev/null | head -1)
if [ -z "$deb" ]; then echo "no package in target/debian (run make package)"; echo "0 passed, 1 failed"; exit 1; fi
SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
cleanup() { DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y storyline >/dev/null 2>&1 || true; }
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "./$deb" || { echo "FAIL apt install $deb"; echo "0 passed, 1 failed"; exit 1; }
passed=0; failed=0
# The installed CLI serves the installed UI.
log=$(mktemp)
/usr/bin/storyline serve --port 0 2>"$log" &
serve=$!
for _ in $(seq 1 100); do grep -q "token=" "$log" && break; sleep 0.2; done
url=$(grep -o 'http://127.0.0.1:[0-9]*/?token=[0-9a-f]*' "$log" | head -1)
if [ -n "$url" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && grep -q "share/storyline/ui" "$log"; then
  echo "ok   the installed storyline serves the installed UI"; passed=$((passed + 1))
else
  echo "FAIL the installed storyline serves the installed UI"; cat "$log"; failed=$((failed + 1))
fi
kill "$serve" 2>/dev/null; rm -f "$log"
# The real-window suite against the installed app; its count line is the suite's.
out=$(xvfb-run -a -s '-screen 0 1280x800x24' "$1" tests/desktop/test_window.py /usr/bin/storyline-desktop 2>&1)
status=$?
echo "$out" | grep -v "^     rss"
counts=$(echo "$out" | grep -oE '[0-9]+ passed, [0-9]+ failed' | tail -1)
p=${counts%% passed*}; f=${counts##*, }; f=${f%% failed}
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
[ $status -eq 0 ] || [ "${f:-1}" -gt 0 ] || failed=$((failed + 1))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
