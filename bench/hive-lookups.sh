#!/usr/bin/env bash
# Hive lookup benchmark (issue #3, speed goal b): the audit's lookups on a ~27 MB hive pair, as whole processes:
# `tlsready audit --hives DIR` vs the equivalent hivex calls, one `hivexget` process per registry value the rule
# book requests (the list is taken from `tlsready collect --hives DIR`, so it is exactly what the audit reads: 37
# values at the time of writing) plus Select\Current and one `hivexsh` listing of the CBS packages, run
# sequentially. Interleaved runs; prints medians and the ratio (goal: tlsready no slower than hivex).
# The pair: regipy's SYSTEM (11.7 MB, real Windows 7) and a SOFTWARE built by hivex from examples/2008r2-ready,
# padded with bulk keys to 15 MB (bench/pad-hive.pl).
# Usage: bench/hive-lookups.sh [RUNS]   (default 7; corpus from TLSREADY_CORPUS or ../shared/corpus)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-7}"
corpus="${TLSREADY_CORPUS:-$root/../shared/corpus}"
command -v hivexget >/dev/null && command -v hivexregedit >/dev/null \
  || { echo "hivex tools not installed (apt-get install libhivex-bin libwin-hivex-perl)" >&2; exit 2; }
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT

cp "$corpus/hives/regipy/SYSTEM" "$dir/SYSTEM"
"$root/bench/hive-build.py" "$root/examples/2008r2-ready" "$dir" SOFTWARE
"$root/bench/pad-hive.pl" "$dir/SOFTWARE" 15

# The values the audit reads, as "HIVE<TAB>KEY<TAB>VALUE" hivexget arguments (CurrentControlSet -> ControlSet00N
# from Select\Current, the 32-bit view -> WOW6432Node).
"$root/tlsready" collect --hives "$dir" --output "$dir/facts.json" 2>/dev/null   # also builds + makes the CDS archive
current=$(hivexget "$dir/SYSTEM" '\Select' Current)
"$root/bench/hive-lookup-list.py" "$dir/facts.json" "$current" >"$dir/lookups.tsv"
hivex_lookups() {
  hivexget "$dir/SYSTEM" '\Select' Current >/dev/null
  while IFS=$'\t' read -r hive key name; do
    hivexget "$dir/$hive" "$key" "$name" >/dev/null 2>&1 || true    # absent values exit 1, as expected
  done <"$dir/lookups.tsv"
  hivexsh -e "$dir/SOFTWARE" >/dev/null 2>&1 <<'SH' || true
cd \Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages
ls
SH
}
"$root/tlsready" audit --hives "$dir" >/dev/null 2>&1 || true; hivex_lookups   # warm the file cache

now() { date +%s%N; }
ours=(); theirs=()
for ((i = 0; i < runs; i++)); do
  t0=$(now); "$root/tlsready" audit --hives "$dir" >/dev/null 2>&1 || true; t1=$(now)
  hivex_lookups; t2=$(now)
  ours+=($(( (t1 - t0) / 1000000 ))); theirs+=($(( (t2 - t1) / 1000000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mo=$(median "${ours[@]}"); mt=$(median "${theirs[@]}")
echo "hives: SYSTEM $(stat -c %s "$dir/SYSTEM") bytes, SOFTWARE $(stat -c %s "$dir/SOFTWARE") bytes; runs: $runs (interleaved)"
echo "tlsready audit --hives                         median ${mo} ms"
echo "hivex: $(( $(wc -l <"$dir/lookups.tsv") + 1 )) hivexget + 1 hivexsh (CBS list)   median ${mt} ms"
awk -v o="$mo" -v t="$mt" 'BEGIN { r = t / o; printf "hivex / tlsready: %.2fx (goal >= 1x) %s\n", r, (r >= 1 ? "OK" : "SLOWER") }'
