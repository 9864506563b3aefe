# Sourced by the bench scripts that start `./tlsready serve` in the background: waits (up to 60 s) until the service
# logs "listening on URL" to LOG and prints URL; exits 2 with the log if the service dies or never listens.
# Usage: url=$(serve_url LOG PID)
serve_url() {
  local log="$1" pid="$2" i url
  for ((i = 0; i < 600; i++)); do
    grep -q 'listening on' "$log" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 2; }
    sleep 0.1
  done
  url=$(grep -o 'listening on http://[^ ]*/' "$log" | head -1 | cut -d' ' -f3)
  [[ -n "$url" ]] || { echo "the service did not start in 60 s" >&2; cat "$log" >&2; exit 2; }
  echo "$url"
}
