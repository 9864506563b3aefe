#!/usr/bin/env bash
# Hive memory benchmark (issue #3, goal c): peak RSS of `tlsready audit --hives DIR` as the SYSTEM hive grows.
# regipy's SYSTEM (11.7 MB, real Windows 7) is grown by hivex itself (bench/pad-hive.pl adds keys with 16,000-byte
# REG_BINARY values under \TlsreadyBenchPadding) to each size; SOFTWARE is built from examples/2008r2-ready. The
# reader maps the file and reads only the cells on the audit's ~40 lookup paths, so peak RSS must stay flat: it
# must not grow with the hive beyond the pages the lookups touch. Prints the median peak RSS of RUNS runs per size.
# Usage: bench/hive-memory.sh [RUNS] [SIZES_MB...]   (default 3 runs; 12 50 200 MB)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"; shift || true
if (($#)); then sizes=("$@"); else sizes=(12 50 200); fi
corpus="${TLSREADY_CORPUS:-$root/../shared/corpus}"
command -v hivexregedit >/dev/null || { echo "hivex tools not installed (apt-get install libwin-hivex-perl)" >&2; exit 2; }
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT

"$root/bench/hive-build.py" "$root/examples/2008r2-ready" "$dir" SOFTWARE
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
printf '%-12s %-14s %-18s %s\n' "target" "SYSTEM bytes" "peak RSS (KB)" "verdict"
for mb in "${sizes[@]}"; do
  cp "$corpus/hives/regipy/SYSTEM" "$dir/SYSTEM"; chmod u+w "$dir/SYSTEM"
  "$root/bench/pad-hive.pl" "$dir/SYSTEM" "$mb"
  "$root/tlsready" audit --hives "$dir" >/dev/null 2>&1 || true   # warm-up (build, CDS archive, file cache)
  rss=()
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f %M -o "$dir/m" "$root/tlsready" audit --hives "$dir" --format json >"$dir/out.json" 2>/dev/null || true
    rss+=($(tail -1 "$dir/m"))
  done
  verdict=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["hosts"][0]["verdict"])' "$dir/out.json")
  printf '%-12s %-14s %-18s %s\n' "${mb} MB" "$(stat -c %s "$dir/SYSTEM")" "$(median "${rss[@]}")" "$verdict"
done
