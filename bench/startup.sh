#!/usr/bin/env bash
# Start-up benchmark (issue #2): a whole offline `tlsready audit` process vs a bare JVM start
# (`java -version`), interleaved in one run so machine noise hits both alike. Prints medians and the ratio.
# Goal: ratio <= 8. Usage: bench/startup.sh [RUNS]   (default 21)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-21}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
set_args=("$root"/examples/2008r2-not-ready/*)

"$root/tlsready" audit --snapshot "${set_args[@]}" >/dev/null 2>&1 || true   # build + CDS archive
"$root/tlsready" audit --snapshot "${set_args[@]}" >/dev/null 2>&1 || true   # warm file cache

now() { date +%s%N; }
jvm=(); cli=()
for ((i = 0; i < runs; i++)); do
  t0=$(now); "$java_bin" -version >/dev/null 2>&1; t1=$(now)
  "$root/tlsready" audit --snapshot "${set_args[@]}" >/dev/null 2>&1 || true; t2=$(now)
  jvm+=($(( (t1 - t0) / 1000000 ))); cli+=($(( (t2 - t1) / 1000000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mj=$(median "${jvm[@]}"); mc=$(median "${cli[@]}")
echo "runs: $runs (interleaved)"
echo "java -version          median ${mj} ms"
echo "tlsready audit (offline) median ${mc} ms"
awk -v c="$mc" -v j="$mj" 'BEGIN { r = c / j; printf "ratio: %.2fx (goal <= 8x) %s\n", r, (r <= 8 ? "OK" : "OVER") }'
