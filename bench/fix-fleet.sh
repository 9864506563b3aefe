#!/usr/bin/env bash
# Fleet fix benchmark (issue #10, "How it will be judged"): `tlsready fix --inventory … --apply --canary 5
# --max-failures K` against 200 simulated WinRM hosts on loopback (127.0.0.0/8 only), NTLM with message encryption
# over http, 20 ms injected latency before every HTTP answer, 5% of hosts with an injected write fault (2.5% access
# denied on the key of the last value a fix writes, 2.5% connection reset after 3 writes; --seed fixes which hosts).
#
#   1. As the issue asks, --max-failures 3: with ~10 faulty hosts the run stops starting hosts after the 3rd
#      failure; the numbers show how far it got.
#   2. --max-failures raised to 20 (above the ~10 faulty hosts) so the whole fleet is tried: hosts fixed, failed,
#      not started; HTTP requests per started host (the simulator's counters, printed by ./tlsready-sim when it
#      stops, with its registry writes); hosts fixed per second; the limit the latency allows
#      (concurrency / (HTTP requests per host x 20 ms)) and the achieved share of it.
#   Each run also checks, from the simulator's --registry-out, that every failed or not-started host's registry is
#   byte-equal to a pristine run's and every fixed host's is not.
#
# Usage: bench/fix-fleet.sh [HOSTS] [CONCURRENCY]     (defaults 200 and 32)
# Needs: JDK 17+, python3. Builds ./tlsready and ./tlsready-sim on first use. About 2 minutes on 2 cores.
# Everything is bounded: each simulator is stopped (SIGTERM) after its run and has a --duration safety net.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
hosts="${1:-200}"
conc="${2:-32}"
latency_ms=20
seed=7
base=127.2.0.1
evidence=("$root"/examples/2008r2-not-ready/*)
dir="$(mktemp -d)"
sim_pid=""
cleanup() {
  if [[ -n "$sim_pid" ]] && kill -0 "$sim_pid" 2>/dev/null; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
export TLSREADY_PASSWORD="bench-$RANDOM-$RANDOM"

# Build both launchers once, outside the measurements.
"$root/tlsready" --version >/dev/null
"$root/tlsready-sim" --evidence "${evidence[@]}" --user bench --listen 127.0.0.1:0 --duration 0 >/dev/null

# start_sim OUT.reg [SIM OPTIONS…]: serves $hosts hosts from $base; endpoints in $dir/hosts.txt; registries to OUT
# when stopped.
start_sim() {
  local out="$1"; shift
  rm -f "$dir/hosts.txt"
  "$root/tlsready-sim" --evidence "${evidence[@]}" --user bench --hosts "$hosts" --base "$base" --listen "$base:0" \
    --endpoints-out "$dir/hosts.txt" --registry-out "$out" --duration 900 "$@" >"$dir/sim.log" 2>&1 &
  sim_pid=$!
  for ((i = 0; i < 600; i++)); do
    grep -q '^ready' "$dir/sim.log" 2>/dev/null && return 0
    kill -0 "$sim_pid" 2>/dev/null || { cat "$dir/sim.log" >&2; exit 2; }
    sleep 0.1
  done
  echo "simulator not ready after 60 s" >&2; exit 2
}

# stop_sim: SIGTERM; the simulator writes its registries and prints "served N hosts: … R registry writes". Sets served.
stop_sim() {
  kill "$sim_pid"; wait "$sim_pid" 2>/dev/null || true; sim_pid=""
  served=$(grep '^tlsready-sim: served' "$dir/sim.log")
}

# The key of the last value a fix writes, from a dry run against one pristine host (also: changes per host).
mkdir -p "$dir/pristine"
start_sim "$dir/pristine/reg.reg"
"$root/tlsready" fix --host "$(head -1 "$dir/hosts.txt")" --transport http --auth ntlm --user bench -f json \
  >"$dir/dry.json" 2>/dev/null || true
stop_sim
key=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['hosts'][0]['changes'][-1]['key'])" "$dir/dry.json")
changes=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['hosts'][0]['changes']))" "$dir/dry.json")

printf 'tlsready fix fleet benchmark: %s cores, %d hosts, %d ms latency per HTTP request, NTLM + message encryption over http\n' \
  "$(nproc)" "$hosts" "$latency_ms"
printf 'faults (seed %d): write-denied on %s for 2.5%% of hosts, connection reset after 3 writes for 2.5%%; %d changes per host\n\n' \
  "$seed" "$key" "$changes"

# fix MAXFAIL: one fleet fix with the faults; prints the results.
fix() {
  local maxfail="$1" t0 t1 code
  rm -rf "$dir/after" "$dir/journals" "$dir/fix.jsonl"; mkdir -p "$dir/after"
  start_sim "$dir/after/reg.reg" --latency "$latency_ms" --seed "$seed" \
    --inject "write-denied:$key:0.025" --inject "drop-after:3:0.025"
  t0=$(date +%s.%N)
  set +e
  "$root/tlsready" fix --inventory "$dir/hosts.txt" --transport http --auth ntlm --user bench --apply \
    --canary 5 --max-failures "$maxfail" --concurrency "$conc" --backup-dir "$dir/journals" \
    -f jsonl -o "$dir/fix.jsonl" 2>"$dir/cli.err"
  code=$?
  set -e
  t1=$(date +%s.%N)
  stop_sim
  echo "--canary 5 --max-failures $maxfail --concurrency $conc: exit $code, wall $(python3 -c "print(f'{$t1 - $t0:.2f}')") s"
  echo "  $(grep '^fix: ' "$dir/cli.err" || echo 'no summary line')"
  echo "  $served"
  python3 - "$served" "$t0" "$t1" "$conc" "$latency_ms" "$dir" "$hosts" <<'PY'
import json, os, re, sys
served, t0, t1, conc, lat, d, n = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), \
    int(sys.argv[5]) / 1000, sys.argv[6], int(sys.argv[7])
wall = t1 - t0
lines = [json.loads(l) for l in open(os.path.join(d, "fix.jsonl"))]
targets = [t.strip() for t in open(os.path.join(d, "hosts.txt")) if t.strip()]
by = {l["target"]: l for l in lines}
not_started = [t for t in targets if t not in by or by[t].get("started") is False]
started = [by[t] for t in targets if t in by and by[t].get("started") is not False]
fixed = [l for l in started if l["error"] is None and l["applied"]]
failed = [l for l in started if l["error"] is not None]
undone = all(not {"written", "left-written"} & {c["outcome"] for c in l["changes"]} for l in failed)
m = re.search(r"(\d+) HTTP requests, (\d+) WS-Man requests.*?(\d+) injected faults, (\d+) registry writes", served)
http, wsman, faults, writes = map(int, m.groups())
journals = len(os.listdir(os.path.join(d, "journals"))) if os.path.isdir(os.path.join(d, "journals")) else 0
# Registries: failed and not-started hosts byte-equal to pristine, fixed hosts changed.
def reg(kind, target):
    addr = target.rsplit(":", 1)[0]
    return open(os.path.join(d, kind, f"reg-{addr}.reg"), "rb").read()
fixed_t = {t for t in targets if t in by and by[t] in fixed}
bad = [t for t in targets if (reg("after", t) != reg("pristine", t)) != (t in fixed_t)]
print(f"  hosts: {len(fixed)} fixed, {len(failed)} failed (every write undone per the report: {undone}), "
      f"{len(not_started)} not started; {journals} journals; {writes} registry writes")
print(f"  registries: {'every failed or not-started host byte-equal to pristine, every fixed host changed' if not bad else 'MISMATCH on ' + ', '.join(bad[:5])}")
per = http / max(1, len(started))
hps = len(fixed) / wall
limit = conc / (per * lat)
print(f"  requests per started host: {per:.1f} HTTP ({wsman / max(1, len(started)):.1f} WS-Man); "
      f"{writes / max(1, len(fixed)):.1f} registry writes per fixed host")
print(f"  throughput: {hps:.1f} hosts fixed/s; limit {conc} / ({per:.1f} x {lat * 1000:.0f} ms) = {limit:.1f} hosts/s; "
      f"achieved/theoretical = {hps / limit:.2f} ({100 * hps / limit:.0f}%; wall time includes JVM start and the "
      f"canary stage, 5 hosts alone)")
PY
  echo
}

fix 3
fix 20
