#!/usr/bin/env bash
# bench_wrap_httpd: the cost of saker-wrap on a web server. busybox httpd in the busybox test
# image, unwrapped and wrapped (`/saker/saker-wrap -- httpd ...`, default rules, alerts on
# stderr), each serving a small page on a port published on 127.0.0.1; ApacheBench (ab, Debian
# package apache2-utils) sends N requests (default 10000, concurrency C, default 4, a new
# connection per request: busybox httpd has no keep-alive). Prints throughput and latency of
# both and the wrapped/unwrapped ratios. Podman containers are removed at the end.
#
# Usage: tests/bench/bench_wrap_httpd.sh [-n REQUESTS] [-c CONCURRENCY] [DIST]
#   DIST  the static folder of a build (default build/release/bin/dist; target saker-dist)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
N=10000
C=4
while getopts "n:c:h" o; do
  case $o in
    n) N=$OPTARG ;;
    c) C=$OPTARG ;;
    *) sed -n '2,11p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
DIST=$(cd "${1:-$root/build/release/bin/dist}" && pwd)
[ -x "$DIST/saker-wrap" ] || { echo "no saker-wrap in $DIST (build the saker-dist target)" >&2; exit 1; }
command -v ab >/dev/null || { echo "ab not found: apt-get install apache2-utils" >&2; exit 1; }
export CONTAINERS_CONF=$root/tests/support/containers.conf
image=$("$root/tests/support/mini_image.sh")

tag=$$
plain=saker-bench-plain-$tag
wrapped=saker-bench-wrapped-$tag
port_plain=$((22000 + tag % 1000))
port_wrapped=$((23000 + tag % 1000))
cleanup() { podman rm -f -t 0 "$plain" "$wrapped" >/dev/null 2>&1 || true; }
trap cleanup EXIT

serve='mkdir -p /www && head -c 512 /dev/zero | tr "\0" x > /www/index.html && exec httpd -f -p 8080 -h /www'
podman run -d --name "$plain" -p "127.0.0.1:$port_plain:8080" "$image" sh -c "$serve" >/dev/null
podman run -d --name "$wrapped" --cap-add SYS_PTRACE -v "$DIST:/saker:ro" -p "127.0.0.1:$port_wrapped:8080" \
  "$image" /saker/saker-wrap -- sh -c "$serve" >/dev/null

wait_up() {
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.1; done
  echo "httpd on port $1 did not come up" >&2; exit 1
}
wait_up "$port_plain"; wait_up "$port_wrapped"

# ab's summary: requests per second, mean time per request (ms), 50% and 99% (ms), failures.
run_ab() {
  local out
  out=$(ab -q -n "$N" -c "$C" "http://127.0.0.1:$1/" 2>&1)
  local rps mean p50 p99 failed
  rps=$(awk '/^Requests per second/ {print $4}' <<<"$out")
  mean=$(awk '/^Time per request/ && /\(mean\)/ {print $4; exit}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  failed=$(awk '/^Failed requests/ {print $3}' <<<"$out")
  echo "$rps $mean $p50 $p99 $failed"
}

# Warm both up, then measure them alternately (the machine is shared: best of 2 rounds).
ab -q -n 200 -c "$C" "http://127.0.0.1:$port_plain/" >/dev/null 2>&1
ab -q -n 200 -c "$C" "http://127.0.0.1:$port_wrapped/" >/dev/null 2>&1
best() {  # best of two runs by throughput
  local a b
  a=$(run_ab "$1"); b=$(run_ab "$1")
  if awk -v x="${a%% *}" -v y="${b%% *}" 'BEGIN {exit !(x >= y)}'; then echo "$a"; else echo "$b"; fi
}
read -r p_rps p_mean p_50 p_99 p_fail <<<"$(best "$port_plain")"
read -r w_rps w_mean w_50 w_99 w_fail <<<"$(best "$port_wrapped")"

echo "bench_wrap_httpd: busybox httpd, $N requests, concurrency $C, new connection per request, loopback"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
printf '%-10s %12s %14s %10s %10s %8s\n' config 'req/s' 'mean ms/req' 'p50 ms' 'p99 ms' failed
printf '%-10s %12s %14s %10s %10s %8s\n' unwrapped "$p_rps" "$p_mean" "$p_50" "$p_99" "$p_fail"
printf '%-10s %12s %14s %10s %10s %8s\n' wrapped "$w_rps" "$w_mean" "$w_50" "$w_99" "$w_fail"
awk -v pr="$p_rps" -v wr="$w_rps" -v pm="$p_mean" -v wm="$w_mean" 'BEGIN {
  printf "throughput wrapped/unwrapped: %.3f   mean latency wrapped/unwrapped: %.3f\n", wr / pr, wm / pm }'
alerts=$(podman logs "$wrapped" 2>&1 | grep -c 'Warning\|Notice\|Error\|Critical' || true)
echo "alerts in the wrapped container's log: $alerts"
