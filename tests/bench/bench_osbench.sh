#!/usr/bin/env bash
# bench_osbench: OSBench-like workloads, each run native and under the tracers in one run; prints
# ns/op per configuration and traced/native speed ratios beside pdig's published figures.
# Configured by tests/bench/bench_osbench.cmake into <build>/bench/bench_osbench.
#
# Usage: bench_osbench [-n REPS] [-w WORKLOAD]... [-s SCALE]
#   -n REPS   runs per (workload, configuration), interleaved across configurations; the
#             fastest counts (default 3: the machine is shared, the minimum is the least
#             disturbed run)
#   -w NAME   only this workload (repeatable)
#   -s SCALE  multiply every workload's iteration count (default 1)
# Env: SAKER_BIN_DIR, OSBENCH_DIR, SAKER_RULES override the configured paths; OSBENCH_EXTRA=1
# adds the idea-measuring configurations (see below).
set -uo pipefail

BIN=${SAKER_BIN_DIR:-@SAKER_OSBENCH_BIN_DIR@}
PROGS=${OSBENCH_DIR:-@SAKER_OSBENCH_DIR@}
RULES=${SAKER_RULES:-@SAKER_OSBENCH_SHARED_DIR@/fixtures/upstream-rules/falco_rules.yaml}
REPS=3
SCALE=1
ONLY=()
while getopts "n:w:s:h" o; do
  case $o in
    n) REPS=$OPTARG ;;
    w) ONLY+=("$OPTARG") ;;
    s) SCALE=$OPTARG ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
  esac
done

# workload  default-iterations  pdig-ratio  target-ratio
WORKLOADS=(
  "create_files       20000   0.245 0.5"
  "create_threads      5000   0.495 -"
  "launch_programs     1000   0.255 0.5"
  "create_processes    3000   0.285 0.5"
  "memory_allocations 5000000 1.005 0.95"
)

declare -A CONFIG_CMD
CONFIGS=(native trace_all trace_default strace)
CONFIG_CMD[native]=""
CONFIG_CMD[trace_all]="$BIN/saker-trace -a -w /dev/null --"
CONFIG_CMD[trace_default]="$BIN/saker-trace -w /dev/null --"
CONFIG_CMD[strace]="strace -f -qq -o /dev/null --"
declare -A CONFIG_LABEL=([native]="native" [trace_all]="saker-trace -a"
  [trace_default]="saker-trace" [strace]="strace -f" [saker_trace]="saker trace -r")

for tool in "$BIN/saker-trace"; do
  [ -x "$tool" ] || { echo "bench_osbench: $tool not built" >&2; exit 1; }
done
command -v strace >/dev/null || { echo "bench_osbench: strace not installed" >&2; exit 1; }
# `saker trace` (engine + tracer in one command) when it works in this build.
if [ -x "$BIN/saker" ] && [ -f "$RULES" ] &&
   "$BIN/saker" trace -r "$RULES" -- /bin/true >/dev/null 2>&1; then
  CONFIGS+=(saker_trace)
  CONFIG_CMD[saker_trace]="$BIN/saker trace -r $RULES --"
  SAKER_TRACE_NOTE="saker trace: on"
else
  SAKER_TRACE_NOTE="saker trace: not measured ('$BIN/saker trace -r RULES -- /bin/true' failed or is not built)"
fi
# OSBENCH_EXTRA=1: configurations that measure ideas rather than products, e.g. the tracer and
# its tree pinned to one CPU (a stop's wake-ups then never cross CPUs).
if [ "${OSBENCH_EXTRA:-0}" = 1 ] && command -v taskset >/dev/null; then
  CONFIGS+=(trace_one_cpu)
  CONFIG_CMD[trace_one_cpu]="taskset -c 0 $BIN/saker-trace -w /dev/null --"
  CONFIG_LABEL[trace_one_cpu]="trace 1 cpu"
fi

# One run: prints ns/op of the workload's own timed loop, or "ERR".
run_one() {  # config workload iterations
  local out
  # shellcheck disable=SC2086
  out=$(${CONFIG_CMD[$1]} "$PROGS/$2" "$3" 2>/dev/null | grep "^$2 ") || { echo ERR; return; }
  awk '{print $4}' <<<"$out"
}

echo "bench_osbench: $(uname -r), $(nproc) cpus, best of $REPS, scale $SCALE"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$SAKER_TRACE_NOTE"
echo
printf "%-19s %9s" "ns/op" "iters"
for c in "${CONFIGS[@]}"; do printf " %15s" "${CONFIG_LABEL[$c]}"; done
echo
declare -A NS
for line in "${WORKLOADS[@]}"; do
  read -r w iters pdig target <<<"$line"
  if [ ${#ONLY[@]} -gt 0 ] && [[ ! " ${ONLY[*]} " =~ " $w " ]]; then continue; fi
  iters=$(awk -v a="$iters" -v s="$SCALE" 'BEGIN{printf "%d", a*s}')
  printf "%-19s %9s" "$w" "$iters"
  # Interleaved: rep 1 of every configuration, then rep 2, ... so that a burst of load from
  # elsewhere hits all configurations alike instead of one of them.
  for c in "${CONFIGS[@]}"; do NS[$w,$c]=""; done
  for ((r = 0; r < REPS; ++r)); do
    for c in "${CONFIGS[@]}"; do
      [ "${NS[$w,$c]}" = ERR ] && continue
      v=$(run_one "$c" "$w" "$iters")
      if [ "$v" = ERR ]; then NS[$w,$c]=ERR
      elif [ -z "${NS[$w,$c]}" ] || awk -v a="$v" -v b="${NS[$w,$c]}" 'BEGIN{exit !(a<b)}'; then
        NS[$w,$c]=$v
      fi
    done
  done
  for c in "${CONFIGS[@]}"; do printf " %15s" "${NS[$w,$c]}"; done
  echo
done

echo
echo "traced/native speed (1.0 = native; higher is better)"
printf "%-19s" "workload"
for c in "${CONFIGS[@]:1}"; do printf " %15s" "${CONFIG_LABEL[$c]}"; done
printf " %8s %8s\n" "pdig" "target"
for line in "${WORKLOADS[@]}"; do
  read -r w iters pdig target <<<"$line"
  [ -n "${NS[$w,native]:-}" ] || continue
  printf "%-19s" "$w"
  for c in "${CONFIGS[@]:1}"; do
    awk -v n="${NS[$w,native]}" -v t="${NS[$w,$c]}" \
      'BEGIN{ if (t == "ERR" || n == "ERR" || t <= 0) printf " %15s", "ERR";
              else printf " %15.3f", n / t }'
  done
  printf " %8s %8s\n" "$pdig" "$target"
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
