#!/usr/bin/env bash
# Hive export benchmark (issue #3, speed goal a): a full export of the largest corpus SYSTEM hive to .reg,
# `tlsready hive export` vs `hivexregedit --export`, whole processes, interleaved in one run so machine noise hits
# both alike. Prints medians, the ratio (goal: ours at least 2x faster) and peak RSS of each.
# Usage: bench/hive-export.sh [RUNS]   (default 7; corpus from TLSREADY_CORPUS or ../shared/corpus)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-7}"
corpus="${TLSREADY_CORPUS:-$root/../shared/corpus}"
command -v hivexregedit >/dev/null || { echo "hivexregedit not installed (apt-get install libwin-hivex-perl)" >&2; exit 2; }
# The largest SYSTEM hive in the corpus (regipy's SYSTEM_B, 12.8 MB, at the time of writing).
largest="$(find "$corpus/hives" -type f -name 'SYSTEM*' ! -name '*.LOG*' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)"
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
# Copied alone: beside its .LOG1/.LOG2 tlsready would replay them (hivex cannot), and both must export the same bytes.
hive="$out/SYSTEM"; cp "$largest" "$hive"

"$root/tlsready" hive export "$hive" --output "$out/x.reg" 2>/dev/null   # build + CDS archive
hivexregedit --export "$hive" '\' >"$out/y.reg"                          # warm the file cache

now() { date +%s%N; }
ours=(); theirs=(); rss_ours=(); rss_theirs=()
for ((i = 0; i < runs; i++)); do
  t0=$(now); /usr/bin/time -f %M -o "$out/m1" "$root/tlsready" hive export "$hive" --output "$out/x.reg" 2>/dev/null; t1=$(now)
  /usr/bin/time -f %M -o "$out/m2" hivexregedit --export "$hive" '\' >"$out/y.reg"; t2=$(now)
  ours+=($(( (t1 - t0) / 1000000 ))); theirs+=($(( (t2 - t1) / 1000000 )))
  rss_ours+=($(tail -1 "$out/m1")); rss_theirs+=($(tail -1 "$out/m2"))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mo=$(median "${ours[@]}"); mt=$(median "${theirs[@]}")
echo "hive: $largest ($(stat -c %s "$hive") bytes, primary file only); runs: $runs (interleaved)"
echo "tlsready hive export     median ${mo} ms  peak RSS median $(median "${rss_ours[@]}") KB  (.reg $(stat -c %s "$out/x.reg") bytes, UTF-16LE)"
echo "hivexregedit --export    median ${mt} ms  peak RSS median $(median "${rss_theirs[@]}") KB  (.reg $(stat -c %s "$out/y.reg") bytes, UTF-8)"
awk -v o="$mo" -v t="$mt" 'BEGIN { r = t / o; printf "speed-up: %.2fx (goal >= 2x) %s\n", r, (r >= 2 ? "OK" : "UNDER") }'
