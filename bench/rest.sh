#!/usr/bin/env bash
# REST service benchmark (issue 11, item 9), in one run on this machine:
#   1. Offline audits of one host's evidence (examples/2008r2-not-ready, multipart upload) through
#      `POST /api/v1/audits` of a `./tlsready serve` process at 8, 32 and 128 concurrent clients, against the very
#      same audits in process (read the files, audit, write the JSON document; bench/RestLoad.java, no HTTP) at the
#      same concurrency: audits/s, p50 and p99 latency, and the ratio.
#   2. The server's peak RSS during each HTTP level (VmHWM, reset between levels): it must stay flat as clients grow.
#   3. A 500-host scan (`POST /api/v1/scans` with an inventory) against the WinRM simulator with 20 ms latency per
#      HTTP answer, NTLM over http, as bench/fleet.sh runs the CLI: wall time from the POST to state "finished",
#      requests per host, and the achieved share of the limit the latency allows
#      (the scan worker's concurrency 32 / (HTTP requests per host x 20 ms)).
# The load generator shares the machine (and its cores) with the server: the HTTP numbers include its cost.
#
# Usage: bench/rest.sh [SECONDS_PER_LEVEL]   (default 10; each level also gets a warm-up of that length)
# Needs: JDK 17+, python3, Linux /proc (peak RSS). Builds ./tlsready (CLI + service) and ./tlsready-sim on first use.
# Everything is bounded: the service and the simulator are stopped (SIGTERM) at the end or on an error.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=serve-url.sh
source "$root/bench/serve-url.sh"
seconds="${1:-10}"
latency_ms=20
hosts=500
evidence=("$root"/examples/2008r2-not-ready/*)
rest="$root/app-rest/target"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
dir="$(mktemp -d)"
serve_pid=""
sim_pid=""
stop() { if [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi; }
cleanup() { stop "$serve_pid"; stop "$sim_pid"; rm -rf "$dir"; }
trap cleanup EXIT
export TLSREADY_PASSWORD="bench-$RANDOM-$RANDOM"

# Build both launchers once, outside the measurements.
"$root/tlsready" serve --version >/dev/null
"$root/tlsready-sim" --evidence "${evidence[@]}" --user bench --listen 127.0.0.1:0 --duration 0 >/dev/null
load() { "$java_bin" -cp "$rest/tlsready-app-rest.jar:$rest/lib/*" "$root/bench/RestLoad.java" "$@"; }

# The scan's credential profile: a server-side file, mode 600 from the start.
(umask 077 && printf '{"profiles":{"bench":{"user":"bench","password":"%s","auth":"ntlm","transport":"http"}}}\n' \
  "$TLSREADY_PASSWORD" >"$dir/credentials.json")

"$root/tlsready" serve --listen 127.0.0.1:0 --data "$dir/data" --credentials "$dir/credentials.json" \
  2>"$dir/serve.log" &
serve_pid=$!
url=$(serve_url "$dir/serve.log" "$serve_pid")
token_file="$dir/data/initial-token"

printf 'tlsready REST benchmark: %s cores, %s s per level (after a warm-up as long), service at %s\n\n' \
  "$(nproc)" "$seconds" "$url"

: >"$dir/results"
for clients in 8 32 128; do
  echo "inproc $(load inproc "$clients" "$seconds" "${evidence[@]}")" >>"$dir/results"
  echo 5 >"/proc/$serve_pid/clear_refs" 2>/dev/null || true   # peak RSS from here on
  line=$(load http "$url" "$token_file" "$clients" "$seconds" "${evidence[@]}")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$serve_pid/status")
  echo "http $line rss_kb=$hwm" >>"$dir/results"
done
python3 - "$dir/results" <<'PYEOF'
import re, sys
rows = {}
for line in open(sys.argv[1]):
    mode, rest = line.split(" ", 1)
    d = dict(re.findall(r"(\w+)=(\{[^}]*\}|\S+)", rest))
    rows[(mode, int(d["clients"]))] = d
print("offline audits (one host, 14 evidence files), POST /api/v1/audits vs in process:")
print(f"{'clients':>7}  {'in-process/s':>12} {'p50 ms':>7} {'p99 ms':>7}   {'HTTP/s':>7} {'p50 ms':>7} {'p99 ms':>7}"
      f"  {'HTTP/in-proc':>12}  {'server peak RSS':>15}  statuses")
for c in (8, 32, 128):
    i, h = rows[("inproc", c)], rows[("http", c)]
    ratio = float(h["rate"]) / float(i["rate"])
    print(f"{c:>7}  {float(i['rate']):>12.1f} {float(i['p50']):>7.1f} {float(i['p99']):>7.1f}   "
          f"{float(h['rate']):>7.1f} {float(h['p50']):>7.1f} {float(h['p99']):>7.1f}  {ratio:>12.2f}  "
          f"{int(h['rss_kb']) / 1024:>12.0f} MB  {h['statuses']}")
rss = [int(rows[("http", c)]["rss_kb"]) for c in (8, 32, 128)]
print(f"peak RSS 128 clients / 8 clients: {rss[2] / rss[0]:.2f} (flat is ~1)")
PYEOF
echo

# --- a 500-host scan against the simulator --------------------------------------------------------------------
"$root/tlsready-sim" --evidence "${evidence[@]}" --user bench --hosts "$hosts" --base 127.0.30.1 \
  --listen 127.0.30.1:0 --latency "$latency_ms" --endpoints-out "$dir/hosts.txt" --duration 900 >"$dir/sim.log" 2>&1 &
sim_pid=$!
for ((i = 0; i < 600; i++)); do
  grep -q '^ready' "$dir/sim.log" 2>/dev/null && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$dir/sim.log" >&2; exit 2; }
  sleep 0.1
done
python3 - "$url" "$token_file" "$dir/hosts.txt" "$dir/scan.json" <<'PYEOF' || { echo "scan: FAILED (see above)"; exit 1; }
import json, sys, time, urllib.request, urllib.error
url, token, hosts, out = sys.argv[1], open(sys.argv[2]).read().strip(), open(sys.argv[3]).read(), sys.argv[4]
def call(method, path, body=None):
    req = urllib.request.Request(url + path.lstrip("/"), method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")
t0 = time.monotonic()
status, scan = call("POST", "/api/v1/scans", {"inventory": hosts, "profile": "bench"})
if status != 202:
    print(f"scan: POST /api/v1/scans answered {status}: {scan}", file=sys.stderr)
    sys.exit(1)
while scan["state"] == "running" and time.monotonic() - t0 < 900:
    time.sleep(0.2)
    status, scan = call("GET", "/api/v1/scans/" + scan["id"])
wall = time.monotonic() - t0
json.dump({"wall": wall, "scan": scan}, open(out, "w"))
PYEOF
stop "$sim_pid"; sim_pid=""
served=$(grep '^tlsready-sim: served' "$dir/sim.log")
python3 - "$dir/scan.json" "$served" "$latency_ms" "$hosts" <<'PYEOF'
import json, re, sys
r = json.load(open(sys.argv[1]))
scan, wall, lat, want = r["scan"], r["wall"], int(sys.argv[3]) / 1000, int(sys.argv[4])
m = re.search(r"served (\d+) hosts: (\d+) connections, (\d+) HTTP requests, (\d+) WS-Man requests", sys.argv[2])
hosts, conns, http, wsman = map(int, m.groups())
per = http / hosts
limit = 32 / (per * lat)
hps = scan["done"] / wall
ok = scan["state"] == "finished" and scan["done"] == want and scan["verdicts"].get("NOT_READY") == want
print(f"{want}-host scan, NTLM over http, {lat * 1000:.0f} ms latency: state {scan['state']}, done {scan['done']}/"
      f"{scan['total']}, verdicts {scan['verdicts']}, unreachable {scan['unreachable']}" + ("" if ok else "  PROBLEM"))
print(f"  wall {wall:.1f} s (POST to finished, polled every 0.2 s); {per:.1f} HTTP requests per host "
      f"({wsman / hosts:.1f} WS-Man), {conns / hosts:.2f} connections per host")
print(f"  throughput {hps:.1f} hosts/s; limit 32 / ({per:.1f} x {lat * 1000:.0f} ms) = {limit:.1f} hosts/s; "
      f"achieved/theoretical = {hps / limit:.2f} ({100 * hps / limit:.0f}%; bench/fleet.sh's goal for the CLI: >= 70%)")
PYEOF
