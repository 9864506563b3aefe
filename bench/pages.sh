#!/usr/bin/env bash
# Dashboard benchmark (issue 12): the served /hosts page against the JSON API it sits beside, on a stored fleet.
#   1. Seeds a data directory with HOSTS hosts (default 10,000) over three days of history: real reports (the example
#      sets and the corpus' systeminfo files audited through the domain, renamed; unreachable hosts with the
#      adapters' error texts), saved through the storage adapter (DashboardFleet, run as a source file on the
#      service's class path). Prints the seeding time.
#   2. Starts `./tlsready serve` on it, signs in on /login with the initial token (a session cookie, as a browser),
#      and times N sequential requests (after N/4 of warm-up) of three /hosts pages: page 1, a middle page, and one
#      filtered by verdict + failing rule and sorted by last audit - each against GET /api/v1/hosts with the same
#      query and a bearer token. One kept-alive connection each; the client shares the machine with the server.
#   3. Prints the medians (and p90) and the page/API ratio: what rendering the HTML costs on top of the query.
#
# Usage: bench/pages.sh [REQUESTS] [HOSTS]   (defaults 200 and 10000)
# Needs: JDK 17+, python3. Builds ./tlsready (CLI + service) on first use. The service is stopped (SIGTERM) at the
# end or on an error, and the data directory removed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=serve-url.sh
source "$root/bench/serve-url.sh"
requests="${1:-200}"
hosts="${2:-10000}"
rest="$root/app-rest/target"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
corpus="${TLSREADY_CORPUS:-$root/../shared/corpus}"
dir="$(mktemp -d)"
serve_pid=""
stop() { if [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi; }
cleanup() { stop "$serve_pid"; rm -rf "$dir"; }
trap cleanup EXIT

"$root/tlsready" serve --version >/dev/null

# 1. the fleet, seeded before the service starts on it
kb=()
[[ -d "$corpus/kb" ]] && kb=("$corpus/kb")
"$java_bin" -cp "$rest/tlsready-app-rest.jar:$rest/lib/*" \
  "$root/app-rest/src/test/java/io/tlsready/app/rest/pages/DashboardFleet.java" \
  "$dir/data" "$hosts" "$root/examples" "${kb[@]}" 2>"$dir/seed.log" | tee "$dir/seed.txt"

# 2. the service on it
"$root/tlsready" serve --listen 127.0.0.1:0 --data "$dir/data" 2>"$dir/serve.log" &
serve_pid=$!
url=$(serve_url "$dir/serve.log" "$serve_pid")

printf 'tlsready dashboard benchmark: %s cores, %s stored hosts, %s requests per query (after %s of warm-up)\n\n' \
  "$(nproc)" "$hosts" "$requests" "$((requests / 4))"

python3 - "$url" "$dir/data/initial-token" "$requests" "$hosts" <<'PYEOF'
import http.client, json, re, statistics, sys, time, urllib.parse
url, token, n, hosts = sys.argv[1], open(sys.argv[2]).read().strip(), int(sys.argv[3]), int(sys.argv[4])
u = urllib.parse.urlsplit(url)

def connection():
    return http.client.HTTPConnection(u.hostname, u.port, timeout=60)

# sign in as a browser does: the login form's hidden fields (if any) plus the token; keep the session cookie
c = connection()
c.request("GET", "/login")
r = c.getresponse()
form = r.read().decode()
fields = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form))
cookies = [h.split(";")[0] for k, h in r.getheaders() if k.lower() == "set-cookie"]
fields["token"] = token
headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": url.rstrip("/")}
if cookies:
    headers["Cookie"] = "; ".join(cookies)
c.request("POST", "/login", body=urllib.parse.urlencode(fields), headers=headers)
r = c.getresponse()
r.read()
session = [h.split(";")[0] for k, h in r.getheaders() if k.lower() == "set-cookie" and "tlsready_session=" in h]
if r.status not in (302, 303) or not session:
    sys.exit(f"sign-in failed: HTTP {r.status}, no session cookie")
page_headers = {"Cookie": session[-1]}
api_headers = {"Authorization": "Bearer " + token}

def get(conn, path, headers):
    t0 = time.perf_counter()
    conn.request("GET", path, headers=headers)
    resp = conn.getresponse()
    body = resp.read()
    ms = (time.perf_counter() - t0) * 1000
    if resp.status != 200:
        sys.exit(f"GET {path}: HTTP {resp.status}: {body[:300]!r}")
    return ms, body

def rule_to_filter():
    conn = connection()
    conn.request("GET", "/api/v1/fleet", headers=api_headers)
    resp = conn.getresponse()
    body = resp.read().decode()
    m = re.search(r'"failingRules"\s*:\s*\[\s*\{\s*"rule"\s*:\s*"([A-Z0-9_]+)"', body)
    return m.group(1) if resp.status == 200 and m else "SCHANNEL_TLS12_CLIENT"

middle = max(1, hosts // 50 // 2)
rule = rule_to_filter()
queries = [
    ("page 1", "/hosts", "/api/v1/hosts?limit=50"),
    (f"page {middle}", f"/hosts?page={middle}", f"/api/v1/hosts?offset={(middle - 1) * 50}&limit=50"),
    ("NOT_READY+" + rule + ", by audited desc",
     f"/hosts?verdict=NOT_READY&failing={rule}&sort=audited&order=desc",
     f"/api/v1/hosts?verdict=NOT_READY&failing={rule}&sort=audited&order=desc&limit=50"),
]
print(f"{'query':<50} {'page p50':>9} {'p90':>7} {'API p50':>8} {'p90':>7}  {'page/API':>8}  {'page KB':>7} {'API KB':>6}")
for name, page, api in queries:
    pc, ac = connection(), connection()
    for _ in range(max(1, n // 4)):
        get(pc, page, page_headers)
        get(ac, api, api_headers)
    pt, at = [], []
    for _ in range(n):  # interleaved, so both see the same machine load
        ms, pbody = get(pc, page, page_headers)
        pt.append(ms)
        ms, abody = get(ac, api, api_headers)
        at.append(ms)
    psize, asize = len(pbody), len(abody)
    # the two answers list the same hosts in the same order, or the comparison means nothing
    shown = re.findall(r'<tr data-host="([^"]*)"', pbody.decode())
    listed = [i["host"] for i in json.loads(abody)["items"]]
    if shown != listed:
        sys.exit(f"{name}: the page lists {len(shown)} hosts {shown[:3]}..., the API {len(listed)} {listed[:3]}...")
    p50, a50 = statistics.median(pt), statistics.median(at)
    p90, a90 = statistics.quantiles(pt, n=10)[-1], statistics.quantiles(at, n=10)[-1]
    print(f"{name:<50} {p50:>7.1f}ms {p90:>5.1f}ms {a50:>6.1f}ms {a90:>5.1f}ms  {p50 / a50:>8.2f}  "
          f"{psize / 1024:>7.1f} {asize / 1024:>6.1f}")
print("(for each query the page's rows and the API's items were the same hosts in the same order)")
PYEOF
