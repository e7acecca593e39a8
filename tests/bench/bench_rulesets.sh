#!/usr/bin/env bash
# bench_rulesets: what a ruleset costs the traced workload. The OSBench-like workloads run native,
# under `saker trace` with our default rules (rules/saker_rules.yaml) and under `saker trace` with
# Falco's upstream stable rules (test data); prints ns/op, traced/native speed, and the number of
# syscalls each ruleset makes the tracer stop on (the engine's "Listening for tracers ... (N
# syscalls)" line: the rules' event types plus what state tracking needs).
# Configured by tests/bench/bench_rulesets.cmake into <build>/bench/bench_rulesets; the shared
# part is osbench_driver.sh next to it.
#
# Usage: bench_rulesets [-n REPS] [-w WORKLOAD]... [-s SCALE]
#   -n REPS   runs per (workload, configuration), interleaved; the fastest counts (default 3)
#   -w NAME   only this workload (repeatable)
#   -s SCALE  multiply every workload's iteration count (default 1)
# Env: SAKER_BIN_DIR, OSBENCH_DIR, SAKER_DEFAULT_RULES, SAKER_UPSTREAM_RULES override the paths.
set -uo pipefail
# shellcheck source=osbench_driver.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/osbench_driver.sh" ||
  { echo "bench_rulesets: osbench_driver.sh not found next to it" >&2; exit 1; }
# Smaller than bench_osbench's counts: every run goes through the whole engine.
OSBENCH_WORKLOADS=(
  "create_files       10000"
  "create_threads      3000"
  "launch_programs      500"
  "create_processes    1500"
  "memory_allocations 2000000"
)
osbench_parse_options "$@"

DEFAULT_RULES=${SAKER_DEFAULT_RULES:-@SAKER_RULESETS_DEFAULT@}
UPSTREAM_RULES=${SAKER_UPSTREAM_RULES:-$SHARED_DIR/fixtures/upstream-rules/falco_rules.yaml}
for f in "$BIN/saker" "$BIN/saker-trace" "$DEFAULT_RULES" "$UPSTREAM_RULES"; do
  [ -e "$f" ] || osbench_die "$f missing"
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# The runs start in the scratch directory: whatever `saker trace` writes relative to its working
# directory stays out of the caller's.
OSBENCH_RUN_DIR=$TMP

# The syscall set a ruleset makes the tracer stop on: one second of `saker -u` with it.
syscalls_of() {  # rules-file
  "$BIN/saker" -u -r "$1" -M 1 -o tracer.socket="$TMP/engine.sock" >/dev/null 2>"$TMP/u.err"
  sed -n 's/.*Listening for tracers on .* (\([0-9a-z]*\) syscalls).*/\1/p' "$TMP/u.err" | head -1
}

CONFIGS=(native default upstream)
CONFIG_CMD=([native]="" [default]="$BIN/saker trace -r $DEFAULT_RULES --"
  [upstream]="$BIN/saker trace -r $UPSTREAM_RULES --")
CONFIG_LABEL=([native]="native" [default]="default rules" [upstream]="upstream stable")

osbench_banner
echo "syscalls the tracer stops on: default rules $(syscalls_of "$DEFAULT_RULES"), upstream stable $(syscalls_of "$UPSTREAM_RULES")"
echo
osbench_measure 16
echo
osbench_print_ratios "traced/native speed (1.0 = native; higher is better)" 16
osbench_footer
