#!/usr/bin/env bash
# Hive audit benchmark (issue #13): the whole process `tlsready audit --hives DIR` (launcher included: JDK and cache
# as it picks them) vs the hivex tools doing the same lookups, as whole processes too:
#   - hivexget: one process per registry value the audit reads (the list comes from `tlsready collect --hives DIR`,
#     so it is exactly what the audit reads) + Select\Current + one hivexsh listing of the CBS packages;
#   - hivexregedit: one `--export` of each hive (SYSTEM, SOFTWARE), all values, the way one would script it.
# Two hive pairs: the shipped examples/2008r2-not-ready-volume (small), and a real Windows 7 SYSTEM from the corpus
# (regipy, 11.7 MB) with the example's SOFTWARE, when the corpus is there. Interleaved runs; medians and ratios
# (goal: tlsready no slower than hivex, ratio >= 1). bench/hive-lookups.sh does the same on a padded 15 MB SOFTWARE.
# Usage: bench/hive-audit.sh [RUNS]   (default 11; corpus from TLSREADY_CORPUS or ../shared/corpus)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-11}"
corpus="${TLSREADY_CORPUS:-$root/../shared/corpus}"
command -v hivexget >/dev/null && command -v hivexregedit >/dev/null && command -v hivexsh >/dev/null \
  || { echo "hivex tools not installed (apt-get install libhivex-bin libwin-hivex-perl)" >&2; exit 2; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
volume="$root/examples/2008r2-not-ready-volume"
config="$volume/Windows/System32/config"

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
now() { date +%s%N; }

# bench LABEL AUDIT_DIR SYSTEM SOFTWARE
bench() {
  local label=$1 dir=$2 system=$3 software=$4 lookups="$tmp/lookups.tsv" current
  "$root/tlsready" collect --hives "$dir" --output "$tmp/facts.json" >/dev/null 2>&1 || true  # builds, caches
  current=$(hivexget "$system" '\Select' Current)
  "$root/bench/hive-lookup-list.py" "$tmp/facts.json" "$current" >"$lookups"
  hivexget_lookups() {
    hivexget "$system" '\Select' Current >/dev/null
    while IFS=$'\t' read -r hive key name; do
      [[ $hive == SYSTEM ]] && file="$system" || file="$software"
      hivexget "$file" "$key" "$name" >/dev/null 2>&1 || true    # absent values exit 1, as expected
    done <"$lookups"
    hivexsh -e "$software" >/dev/null 2>&1 <<'SH' || true
cd \Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages
ls
SH
  }
  regedit_export() {
    hivexregedit --export "$system" '\' >/dev/null 2>&1 || true
    hivexregedit --export "$software" '\' >/dev/null 2>&1 || true
  }
  "$root/tlsready" audit --hives "$dir" >/dev/null 2>&1 || true; hivexget_lookups; regedit_export  # warm up
  local ours=() get=() export=() t0 t1 t2 t3
  for ((i = 0; i < runs; i++)); do
    t0=$(now); "$root/tlsready" audit --hives "$dir" >/dev/null 2>&1 || true; t1=$(now)
    hivexget_lookups; t2=$(now)
    regedit_export; t3=$(now)
    ours+=($(( (t1 - t0) / 1000000 ))); get+=($(( (t2 - t1) / 1000000 ))); export+=($(( (t3 - t2) / 1000000 )))
  done
  local mo mg me
  mo=$(median "${ours[@]}"); mg=$(median "${get[@]}"); me=$(median "${export[@]}")
  echo "$label: SYSTEM $(stat -c %s "$system") bytes, SOFTWARE $(stat -c %s "$software") bytes"
  echo "  tlsready audit --hives                              median ${mo} ms"
  echo "  hivexget x $(( $(wc -l <"$lookups") + 1 )) + hivexsh (CBS list)                median ${mg} ms"
  echo "  hivexregedit --export SYSTEM + SOFTWARE              median ${me} ms"
  awk -v o="$mo" -v g="$mg" -v e="$me" 'BEGIN {
    printf "  hivexget / tlsready: %.2fx %s; hivexregedit / tlsready: %.2fx %s (goal >= 1x)\n",
      g / o, (g >= o ? "OK" : "SLOWER"), e / o, (e >= o ? "OK" : "SLOWER") }'
}

echo "runs: $runs (interleaved)"
bench "examples/2008r2-not-ready-volume" "$volume" "$config/SYSTEM" "$config/SOFTWARE"
if [[ -f "$corpus/hives/regipy/SYSTEM" ]]; then
  mkdir -p "$tmp/large"
  cp "$corpus/hives/regipy/SYSTEM" "$tmp/large/SYSTEM"; cp "$config/SOFTWARE" "$tmp/large/SOFTWARE"
  bench "corpus regipy SYSTEM (Windows 7) + the example's SOFTWARE" "$tmp/large" "$tmp/large/SYSTEM" \
    "$tmp/large/SOFTWARE"
else
  echo "(no corpus at $corpus: the large SYSTEM hive is skipped)"
fi
