#!/usr/bin/env bash
# Fleet benchmark (issue #4, "Fleet speed"): `tlsready audit --inventory` against simulated WinRM hosts on loopback
# (127.0.0.0/8 only), NTLM with message encryption over http, 20 ms injected latency before every HTTP answer.
#
#   1. 500 hosts at the default concurrency (32) and at 64: requests per host (the simulator's counters, printed by
#      ./tlsready-sim when it stops), wall time, hosts/s, the limit the latency allows
#      (concurrency / (HTTP requests per host x 20 ms)) and the achieved share of it (goal >= 70%).
#   2. Requests per host against what the facts need: WS-Man requests = keys + present values + WQL queries, read
#      from the adapter's provenance ("19 keys, 32 registry requests; …; 34 requests").
#   3. Peak RSS of the tlsready process (the JVM; ./tlsready execs it) for 500 vs 5,000 hosts, same concurrency,
#      `-f jsonl -o FILE` without --report (no host report is kept): memory must stay flat.
#
# Usage: bench/fleet.sh [BIG_FLEET]     (default 5000; e.g. 2000 for a quicker run)
# Needs: JDK 17+, python3, GNU time (/usr/bin/time). Builds ./tlsready and ./tlsready-sim on first use.
# Runs in about 3 minutes on 2 cores (the simulator and the client share the machine). Everything is bounded:
# each simulator is stopped (SIGTERM) after its run and has a --duration safety net.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
big="${1:-5000}"
latency_ms=20
evidence=("$root"/examples/2008r2-not-ready/*)
dir="$(mktemp -d)"
sim_pid=""
cleanup() {
  if [[ -n "$sim_pid" ]] && kill -0 "$sim_pid" 2>/dev/null; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
export TLSREADY_PASSWORD="bench-$RANDOM-$RANDOM"
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is needed for peak RSS" >&2; exit 2; }

# Build both launchers once, outside the measurements.
"$root/tlsready" --version >/dev/null
"$root/tlsready-sim" --evidence "${evidence[@]}" --user bench --listen 127.0.0.1:0 --duration 0 >/dev/null

# start_sim HOSTS BASE: serves HOSTS hosts from BASE (one free port each); endpoints in $dir/hosts.txt.
start_sim() {
  local hosts="$1" base="$2"
  rm -f "$dir/hosts.txt"
  "$root/tlsready-sim" --evidence "${evidence[@]}" --user bench --hosts "$hosts" --base "$base" --listen "$base:0" \
    --latency "$latency_ms" --endpoints-out "$dir/hosts.txt" --duration 900 >"$dir/sim.log" 2>&1 &
  sim_pid=$!
  for ((i = 0; i < 600; i++)); do
    grep -q '^ready' "$dir/sim.log" 2>/dev/null && return 0
    kill -0 "$sim_pid" 2>/dev/null || { cat "$dir/sim.log" >&2; exit 2; }
    sleep 0.1
  done
  echo "simulator not ready after 60 s" >&2; exit 2
}

# stop_sim: SIGTERM; the simulator prints "served N hosts: C connections, H HTTP requests, W WS-Man requests, …".
# Sets served.
stop_sim() {
  kill "$sim_pid"; wait "$sim_pid" 2>/dev/null || true; sim_pid=""
  served=$(grep '^tlsready-sim: served' "$dir/sim.log")
}

# audit CONCURRENCY: runs the CLI over $dir/hosts.txt; sets wall (s), rss (KB), code.
audit() {
  rm -f "$dir/results.jsonl"
  local t0 t1
  t0=$(date +%s.%N)
  set +e
  /usr/bin/time -f %M -o "$dir/rss" "$root/tlsready" audit --inventory "$dir/hosts.txt" --transport http --auth ntlm \
    --user bench --concurrency "$1" -f jsonl -o "$dir/results.jsonl" 2>"$dir/cli.err"
  code=$?
  set -e
  t1=$(date +%s.%N)
  wall=$(python3 -c "print(f'{$t1 - $t0:.2f}')")
  rss=$(tail -1 "$dir/rss")
}

# check HOSTS: every host audited (NOT_READY, as its evidence says), no error.
check() {
  python3 - "$dir/results.jsonl" "$1" <<'EOF'
import json, sys, collections
lines = [json.loads(l) for l in open(sys.argv[1])]
verdicts = collections.Counter(h["verdict"] for h in lines)
errors = [h["error"] for h in lines if h.get("error")]
ok = len(lines) == int(sys.argv[2]) and verdicts == {"NOT_READY": len(lines)} and not errors
print(f"  hosts in results: {len(lines)}  verdicts: {dict(verdicts)}" + ("" if ok else f"  PROBLEM: {errors[:3]}"))
EOF
}

printf 'tlsready fleet benchmark: %s cores, %d ms latency per HTTP request, NTLM + message encryption over http\n\n' \
  "$(nproc)" "$latency_ms"

declare -A rss_of
for conc in 32 64; do
  start_sim 500 127.0.20.1
  audit "$conc"
  stop_sim
  echo "500 hosts, --concurrency $conc: exit $code, wall ${wall} s, peak RSS ${rss} KB"
  check 500
  echo "  $served"
  python3 - "$served" "$wall" "$conc" "$latency_ms" "$dir/results.jsonl" <<'EOF'
import json, re, sys
served, wall, conc, lat = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]) / 1000
m = re.search(r"served (\d+) hosts: (\d+) connections, (\d+) HTTP requests, (\d+) WS-Man requests", served)
hosts, conns, http, wsman = map(int, m.groups())
first = json.loads(open(sys.argv[5]).readline())
detail = first["provenance"][0]["detail"]
d = re.search(r"(\d+) keys, (\d+) registry requests.*?(\d+) requests$", detail)
keys, reg, total = map(int, d.groups())
wql = total - reg
needed = keys + (reg - keys) + wql
http_per_host, wsman_per_host = http / hosts, wsman / hosts
hps = hosts / wall
limit = conc / (http_per_host * lat)
print(f"  requests per host: {http_per_host:.1f} HTTP = {wsman_per_host:.1f} WS-Man + {(http - wsman) / hosts:.1f} NTLM "
      f"handshake legs; {conns / hosts:.2f} connections per host")
print(f"  facts need: {keys} keys (EnumValues) + {reg - keys} present values (Get*Value) + {wql} WQL = {needed} WS-Man "
      f"requests -> {'exactly what is sent' if needed == round(wsman_per_host) else 'MORE are sent'} "
      f"(adapter provenance: \"{detail}\")")
print(f"  throughput: {hps:.1f} hosts/s; limit {conc} / ({http_per_host:.1f} x {lat * 1000:.0f} ms) = {limit:.1f} hosts/s;"
      f" achieved/theoretical = {hps / limit:.2f} ({100 * hps / limit:.0f}%, goal >= 70%; wall time includes JVM start)")
EOF
  [[ $conc == 64 ]] && rss_of[500]=$rss
  echo
done

start_sim "$big" 127.1.0.1
audit 64
stop_sim
rss_of[$big]=$rss
echo "$big hosts, --concurrency 64: exit $code, wall ${wall} s, peak RSS ${rss} KB"
python3 - "$served" "$wall" "$latency_ms" <<'EOF'
import re, sys
hosts, http = map(int, re.search(r"served (\d+) hosts: \d+ connections, (\d+) HTTP", sys.argv[1]).groups())
hps, per = hosts / float(sys.argv[2]), http / hosts
limit = 64 / (per * int(sys.argv[3]) / 1000)
print(f"  throughput: {hps:.1f} hosts/s; limit 64 / ({per:.1f} x {sys.argv[3]} ms) = {limit:.1f} hosts/s;"
      f" achieved/theoretical = {hps / limit:.2f} ({100 * hps / limit:.0f}%; JVM start-up amortised over more hosts)")
EOF
check "$big"
echo "  $served"
echo
python3 -c "
a, b = ${rss_of[500]}, ${rss_of[$big]}
print(f'memory: peak RSS 500 hosts {a / 1024:.0f} MB, $big hosts {b / 1024:.0f} MB: ratio {b / a:.2f} for {$big / 500:.0f}x the hosts')"
