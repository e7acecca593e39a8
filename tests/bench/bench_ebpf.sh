#!/usr/bin/env bash
# bench_ebpf: the OSBench-like workloads (tests/bench/osbench) native, under eBPF mode (a
# `saker --modern-bpf` engine with the upstream stable rules watching the whole host while the
# workload runs natively) and under tracer mode (`saker trace` with the same rules), in one run.
# Prints ns/op per configuration, speed relative to native, and the probe's drops per run.
# Configured by tests/bench/bench_ebpf.cmake into <build>/bench/bench_ebpf. Needs root.
#
# Usage: bench_ebpf [-n REPS] [-w WORKLOAD]... [-s SCALE]
#   -n REPS   runs per (workload, configuration), interleaved; the fastest counts (default 3)
#   -w NAME   only this workload (repeatable)
#   -s SCALE  multiply every workload's iteration count (default 1)
# Env: SAKER_BIN_DIR, OSBENCH_DIR, SAKER_RULES override the configured paths.
set -uo pipefail

BIN=${SAKER_BIN_DIR:-@SAKER_EBPF_BENCH_BIN_DIR@}
PROGS=${OSBENCH_DIR:-@SAKER_EBPF_BENCH_OSBENCH_DIR@}
RULES=${SAKER_RULES:-@SAKER_EBPF_BENCH_SHARED_DIR@/fixtures/upstream-rules/falco_rules.yaml}
REPS=3
SCALE=1
ONLY=()
while getopts "n:w:s:h" o; do
  case $o in
    n) REPS=$OPTARG ;;
    w) ONLY+=("$OPTARG") ;;
    s) SCALE=$OPTARG ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
  esac
done

# workload  default-iterations
WORKLOADS=(
  "create_files       20000"
  "create_threads      5000"
  "launch_programs     1000"
  "create_processes    3000"
  "memory_allocations 5000000"
)
CONFIGS=(native ebpf tracer)
declare -A LABEL=([native]="native" [ebpf]="eBPF mode" [tracer]="tracer mode")

[ -x "$BIN/saker" ] || { echo "bench_ebpf: $BIN/saker not built" >&2; exit 1; }
[ -f "$RULES" ] || { echo "bench_ebpf: rules $RULES not found" >&2; exit 1; }
TMP=$(mktemp -d /tmp/bench_ebpf.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

# eBPF mode: the engine is started before and stopped after each run; its -v summary gives the
# probe's drops for that run.
ENGINE_PID=""
start_engine() {
  "$BIN/saker" --modern-bpf -v -r "$RULES" -o stdout_output.enabled=false >"$TMP/engine.out" 2>"$TMP/engine.err" &
  ENGINE_PID=$!
  for _ in $(seq 1 600); do
    grep -q "Opened the eBPF probe" "$TMP/engine.err" 2>/dev/null && return 0
    kill -0 "$ENGINE_PID" 2>/dev/null || break
    sleep 0.05
  done
  echo "bench_ebpf: eBPF mode did not start:" >&2
  tail -3 "$TMP/engine.err" >&2
  ENGINE_PID=""
  return 1
}
stop_engine() {
  [ -n "$ENGINE_PID" ] || return
  kill -INT "$ENGINE_PID"
  wait "$ENGINE_PID" 2>/dev/null
  ENGINE_PID=""
}
DROPS=0
EVENTS=0
run_one() {  # config workload iterations -> ns/op or ERR
  local out
  case $1 in
    native) out=$("$PROGS/$2" "$3" 2>/dev/null | grep "^$2 ") || { echo ERR; return; } ;;
    ebpf)
      start_engine || { echo ERR; return; }
      out=$("$PROGS/$2" "$3" 2>/dev/null | grep "^$2 ")
      stop_engine
      local line
      line=$(grep "^eBPF probe:" "$TMP/engine.out")
      DROPS=$((DROPS + $(sed -n 's/.* \([0-9]*\) dropped (ring full).*/\1/p' <<<"$line")))
      EVENTS=$((EVENTS + $(sed -n 's/.*, \([0-9]*\) written by the probe.*/\1/p' <<<"$line")))
      [ -n "$out" ] || { echo ERR; return; } ;;
    tracer) out=$("$BIN/saker" trace -r "$RULES" -- "$PROGS/$2" "$3" 2>/dev/null | grep "^$2 ") || { echo ERR; return; } ;;
  esac
  awk '{print $4}' <<<"$out"
}

echo "bench_ebpf: $(uname -r), $(nproc) cpus, best of $REPS, scale $SCALE, rules $(basename "$RULES")"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf "%-19s %9s" "ns/op" "iters"
for c in "${CONFIGS[@]}"; do printf " %12s" "${LABEL[$c]}"; done
printf " %14s %12s\n" "probe events" "probe drops"
declare -A NS
for line in "${WORKLOADS[@]}"; do
  read -r w iters <<<"$line"
  if [ ${#ONLY[@]} -gt 0 ] && [[ ! " ${ONLY[*]} " =~ " $w " ]]; then continue; fi
  iters=$(awk -v a="$iters" -v s="$SCALE" 'BEGIN{printf "%d", a*s}')
  printf "%-19s %9s" "$w" "$iters"
  DROPS=0
  EVENTS=0
  for c in "${CONFIGS[@]}"; do NS[$w,$c]=""; done
  for ((r = 0; r < REPS; ++r)); do
    for c in "${CONFIGS[@]}"; do
      [ "${NS[$w,$c]}" = ERR ] && continue
      # run_one runs in a subshell: its drop counts come back on a second line.
      out=$(run_one "$c" "$w" "$iters"; echo "$DROPS $EVENTS")
      { read -r v; read -r DROPS EVENTS; } <<<"$out"
      if [ "$v" = ERR ]; then NS[$w,$c]=ERR
      elif [ -z "${NS[$w,$c]}" ] || awk -v a="$v" -v b="${NS[$w,$c]}" 'BEGIN{exit !(a<b)}'; then
        NS[$w,$c]=$v
      fi
    done
  done
  for c in "${CONFIGS[@]}"; do printf " %12s" "${NS[$w,$c]}"; done
  printf " %14s %12s\n" "$EVENTS" "$DROPS"
done

echo
echo "speed relative to native (1.0 = native; higher is better)"
printf "%-19s" "workload"
for c in "${CONFIGS[@]:1}"; do printf " %12s" "${LABEL[$c]}"; done
echo
for line in "${WORKLOADS[@]}"; do
  read -r w iters <<<"$line"
  [ -n "${NS[$w,native]:-}" ] || continue
  printf "%-19s" "$w"
  for c in "${CONFIGS[@]:1}"; do
    awk -v n="${NS[$w,native]}" -v t="${NS[$w,$c]}" \
      'BEGIN{ if (t == "ERR" || n == "ERR" || t <= 0) printf " %12s", "ERR"; else printf " %12.3f", n / t }'
  done
  echo
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
