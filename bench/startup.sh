#!/usr/bin/env bash
# Start-up benchmark (issues #2, #13): a whole offline `tlsready audit` process, through the launcher, vs a bare JVM
# start (`java -version`) of the SAME JDK, for each JDK the launcher can run on: the JDK 17 (AppCDS archive) and,
# when one is installed, a JDK 25+ (AOT cache, JEP 483/514/515). All four commands interleaved in one loop so
# machine noise hits them alike; prints medians and each JDK's ratio. Goal (issue #13): ratio <= 5x.
# Usage: bench/startup.sh [RUNS]   (default 21)
# The JDKs: TLSREADY_BENCH_JDK17 / TLSREADY_BENCH_JDK25 (homes), else found under /usr/lib/jvm.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-21}"
set_args=("$root"/examples/2008r2-not-ready/*)

feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
find_jdk() {   # find_jdk MIN MAX: the first JDK under /usr/lib/jvm whose feature version is in [MIN, MAX]
  local home f
  for home in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
    f=$(feature "$home"); f=${f:-0}
    if [[ -x "$home/bin/java" && $f -ge $1 && $f -le $2 ]]; then echo "$home"; return; fi
  done
}
jdk17="${TLSREADY_BENCH_JDK17:-$(find_jdk 17 24)}"
jdk25="${TLSREADY_BENCH_JDK25:-$(find_jdk 25 999)}"
[[ -n "$jdk17" ]] || { echo "no JDK 17..24 found" >&2; exit 2; }
names=(17); homes=("$jdk17")
if [[ -n "$jdk25" ]]; then names+=(25); homes+=("$jdk25"); else echo "(no JDK 25+ found: JDK 17 only)"; fi

audit() { TLSREADY_JAVA="$1" "$root/tlsready" audit --snapshot "${set_args[@]}" >/dev/null 2>&1 || true; }
for home in "${homes[@]}"; do
  audit "$home"; audit "$home"    # build, training run (cache), warm file cache
done

# Wall-clock (what the admin waits for) and CPU (user + sys, children included: steadier when other work shares
# the machine) of one command, in ms, appended to times[KEY]: bash's `time` keyword, no extra process.
declare -A times
TIMEFORMAT='%R %U %S'
measure() {
  local key=$1 t; shift
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
  read -r real user sys <<<"$t"
  times[$key]+="$(awk -v r="$real" 'BEGIN { printf "%d", r * 1000 }') "
  times[cpu$key]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }') "
}
for ((i = 0; i < runs; i++)); do
  for j in "${!homes[@]}"; do
    measure "jvm$j" "${homes[$j]}/bin/java" -version
    measure "cli$j" audit "${homes[$j]}"
  done
done
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "runs: $runs (interleaved: each JDK's java -version, then its offline audit through ./tlsready)"
for j in "${!homes[@]}"; do
  mj=$(median "${times[jvm$j]}"); mc=$(median "${times[cli$j]}")
  cache=$([[ ${names[$j]} -ge 25 ]] && echo "AOT cache" || echo "AppCDS")
  echo "JDK ${names[$j]} (${homes[$j]}), $cache"
  echo "  java -version             median ${mj} ms"
  echo "  tlsready audit (offline)  median ${mc} ms"
  awk -v c="$mc" -v j="$mj" -v n="${names[$j]}" \
    'BEGIN { r = c / j; printf "  ratio JDK %s: %.2fx its own java -version (goal <= 5x) %s\n", n, r, (r <= 5 ? "OK" : "OVER") }'
  awk -v c="$(median "${times[cpucli$j]}")" -v j="$(median "${times[cpujvm$j]}")" \
    'BEGIN { printf "  (CPU time, user+sys: %d ms vs %d ms, %.2fx)\n", c, j, c / j }'
done
