#!/usr/bin/env bash
# bench_osbench: OSBench-like workloads, each run native and under the tracers in one run; prints
# ns/op per configuration and traced/native speed ratios beside pdig's published figures.
# Configured by tests/bench/bench_osbench.cmake into <build>/bench/bench_osbench; the shared part
# (options, workload table, measuring loop, ratio table) is osbench_driver.sh next to it.
#
# Usage: bench_osbench [-n REPS] [-w WORKLOAD]... [-s SCALE]
# Configurations: native, saker-trace -a, saker-trace (default set), strace -f, saker trace -r
# (upstream rules, engine and tracer), and "ptrace floor" (osbench/ptrace_floor.c: the same stops,
# no work at all).
#   -n REPS   runs per (workload, configuration), interleaved across configurations; the
#             fastest counts (default 3: the machine is shared, the minimum is the least
#             disturbed run)
#   -w NAME   only this workload (repeatable)
#   -s SCALE  multiply every workload's iteration count (default 1)
# Env: SAKER_BIN_DIR, OSBENCH_DIR, SAKER_RULES override the configured paths; OSBENCH_EXTRA=1
# adds the idea-measuring configurations (see below).
set -uo pipefail
# shellcheck source=osbench_driver.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/osbench_driver.sh" ||
  { echo "bench_osbench: osbench_driver.sh not found next to it" >&2; exit 1; }
osbench_parse_options "$@"

RULES=${SAKER_RULES:-$SHARED_DIR/fixtures/upstream-rules/falco_rules.yaml}
# traced/native ratios: pdig's published figure and ours to reach, per workload
declare -A PDIG_RATIO=([create_files]=0.245 [create_threads]=0.495 [launch_programs]=0.255
  [create_processes]=0.285 [memory_allocations]=1.005)
declare -A TARGET_RATIO=([create_files]=0.5 [create_threads]=- [launch_programs]=0.5
  [create_processes]=0.5 [memory_allocations]=0.95)

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
# The yardstick: a tracer that takes the same stops (the default set, exit stops included) and
# does nothing else (osbench/ptrace_floor.c). Its ratio is what the platform allows any ptrace
# tracer; the gap between it and saker-trace is our own work per stop.
if [ -x "$PROGS/ptrace_floor" ] && STOPSET=$("$BIN/saker-trace" --list-syscalls) && [ -n "$STOPSET" ]; then
  CONFIGS+=(floor)
  CONFIG_CMD[floor]="$PROGS/ptrace_floor -x -e $STOPSET"
  CONFIG_LABEL[floor]="ptrace floor"
fi
# OSBENCH_EXTRA=1: configurations that measure ideas rather than products, e.g. the tracer and
# its tree pinned to one CPU (a stop's wake-ups then never cross CPUs).
if [ "${OSBENCH_EXTRA:-0}" = 1 ] && command -v taskset >/dev/null; then
  CONFIGS+=(trace_one_cpu)
  CONFIG_CMD[trace_one_cpu]="taskset -c 0 $BIN/saker-trace -w /dev/null --"
  CONFIG_LABEL[trace_one_cpu]="trace 1 cpu"
fi

ratio_header_end() { printf " %8s %8s\n" "pdig" "target"; }
ratio_row_end() { printf " %8s %8s\n" "${PDIG_RATIO[$1]}" "${TARGET_RATIO[$1]}"; }

osbench_banner
echo "$SAKER_TRACE_NOTE"
echo
osbench_measure 15
echo
osbench_print_ratios "traced/native speed (1.0 = native; higher is better)" 15
echo
osbench_footer
