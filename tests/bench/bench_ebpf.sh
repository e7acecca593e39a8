#!/usr/bin/env bash
# bench_ebpf: the OSBench-like workloads (tests/bench/osbench) native, under eBPF mode (a
# `saker --modern-bpf` engine with the upstream stable rules watching the whole host while the
# workload runs natively) and under tracer mode (`saker trace` with the same rules), in one run.
# Prints ns/op per configuration, speed relative to native, and the probe's drops per run.
# Configured by tests/bench/bench_ebpf.cmake into <build>/bench/bench_ebpf; the shared part is
# osbench_driver.sh next to it. Needs root.
#
# Usage: bench_ebpf [-n REPS] [-w WORKLOAD]... [-s SCALE]
#   -n REPS   runs per (workload, configuration), interleaved; the fastest counts (default 3)
#   -w NAME   only this workload (repeatable)
#   -s SCALE  multiply every workload's iteration count (default 1)
# Env: SAKER_BIN_DIR, OSBENCH_DIR, SAKER_RULES override the configured paths.
set -uo pipefail
# shellcheck source=osbench_driver.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/osbench_driver.sh" ||
  { echo "bench_ebpf: osbench_driver.sh not found next to it" >&2; exit 1; }
osbench_parse_options "$@"

RULES=${SAKER_RULES:-$SHARED_DIR/fixtures/upstream-rules/falco_rules.yaml}
CONFIGS=(native ebpf tracer)
CONFIG_CMD=([native]="" [tracer]="$BIN/saker trace -r $RULES --")  # ebpf: run_one below
CONFIG_LABEL=([native]="native" [ebpf]="eBPF mode" [tracer]="tracer mode")

[ -x "$BIN/saker" ] || osbench_die "$BIN/saker not built"
[ -f "$RULES" ] || osbench_die "rules $RULES not found"
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

# The probe's events and drops, summed over the runs of one workload.
DROPS=0
EVENTS=0
run_one() {  # config workload iterations -> RUN_NS
  [ "$1" = ebpf ] || { RUN_NS=$(osbench_run_under "${CONFIG_CMD[$1]}" "$2" "$3"); return; }
  start_engine || { RUN_NS=ERR; return; }
  RUN_NS=$(osbench_run_under "" "$2" "$3")
  stop_engine
  local line drops events
  line=$(grep "^eBPF probe:" "$TMP/engine.out")
  drops=$(sed -n 's/.* \([0-9]*\) dropped (ring full).*/\1/p' <<<"$line")
  events=$(sed -n 's/.*, \([0-9]*\) written by the probe.*/\1/p' <<<"$line")
  DROPS=$((DROPS + ${drops:-0}))
  EVENTS=$((EVENTS + ${events:-0}))
}
table_header_end() { printf " %14s %12s\n" "probe events" "probe drops"; }
table_row_start() { DROPS=0; EVENTS=0; }
table_row_end() { printf " %14s %12s\n" "$EVENTS" "$DROPS"; }

osbench_banner ", rules $(basename "$RULES")"
echo
osbench_measure 12
echo
osbench_print_ratios "speed relative to native (1.0 = native; higher is better)" 12
echo
osbench_footer
