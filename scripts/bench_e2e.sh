#!/usr/bin/env bash
# `make bench-e2e`: Storyline and the Python yardstick (benches/e2e/baseline.py) side by side, in one
# run, on the same generated corpus: N articles (default 10,000) made from the built-in ones with
# seed 42. Storyline's figure is `storyline search 扎克伯格 --corpus DIR --index NEW`: read, analyse,
# index on disk and answer a query, from a cold start with no index. Prints wall time, CPU time,
# peak resident memory and throughput for each, and the ratios (a figure, not a check).
set -eu
n=${N:-10000}
cache=${STORYLINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/storyline}
venv=$cache/bench-venv
out=target/bench-e2e
mkdir -p "$out"
if ! "$venv/bin/python" -c 'import opencc, jieba, ahocorasick' 2>/dev/null; then
  echo "bench-e2e: creating $venv with opencc, jieba, pyahocorasick"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check opencc jieba pyahocorasick
fi
corpus=$out/corpus-$n
if [ ! -f "$corpus/manifest.json" ]; then
  rm -rf "$corpus"
  "$venv/bin/python" benches/e2e/make_corpus.py assets/articles "$corpus" "$n" --seed 42 >/dev/null
fi
cargo build --release --bin storyline
mb=$(du -sb --apparent-size "$corpus" | awk '{ print $1 / 1e6 }')

# Runs a command under /usr/bin/time; leaves "wall user sys maxrss_kb" in $out/$1.time.
measure() {
  local name=$1; shift
  sync; sleep 1
  /usr/bin/time -f "%e %U %S %M" -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1 || {
    echo "bench-e2e: $name failed:"; tail -20 "$out/$name.log"; exit 1; }
}
rm -rf "$out/index" "$out/base.sqlite"
measure storyline env XDG_DATA_HOME="$out/data" target/release/storyline search 扎克伯格 \
  --corpus "$corpus" --index "$out/index"
measure python "$venv/bin/python" benches/e2e/baseline.py "$corpus" --index "$out/base.sqlite"

echo
echo "corpus: $n articles, $(printf %.1f "$mb") MB ($corpus)"
awk -v mb="$mb" '
  FNR == 1 { name = (FILENAME ~ /storyline\.time$/) ? "storyline" : "python"; wall[name] = $1; cpu[name] = $2 + $3; rss[name] = $4 }
  END {
    printf "%-10s %10s %10s %11s %13s\n", "", "wall", "CPU", "peak RSS", "throughput"
    for (i = 1; i <= 2; i++) {
      n = (i == 1) ? "storyline" : "python"
      printf "%-10s %8.1f s %8.1f s %8.0f MB %8.2f MB/s\n", n, wall[n], cpu[n], rss[n] / 1024, mb / wall[n]
    }
    printf "ratio: %.1f× in wall time, %.1f× in CPU time, %.1f× the memory\n", \
      wall["python"] / wall["storyline"], cpu["python"] / cpu["storyline"], rss["storyline"] / rss["python"]
  }' "$out/storyline.time" "$out/python.time"
echo "index: $(du -sh "$out/index" | cut -f1) (Storyline), $(du -sh "$out/base.sqlite" | cut -f1) (SQLite FTS5)"
