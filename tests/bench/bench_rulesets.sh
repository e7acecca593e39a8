#!/usr/bin/env bash
# bench_rulesets: what a ruleset costs the traced workload. The OSBench-like workloads run native,
# under `saker trace` with our default rules (rules/saker_rules.yaml) and under `saker trace` with
# Falco's upstream stable rules (test data); prints ns/op, traced/native speed, and the number of
# syscalls each ruleset makes the tracer stop on (the engine's "Listening for tracers ... (N
# syscalls)" line: the rules' event types plus what state tracking needs).
# Configured by tests/bench/bench_rulesets.cmake into <build>/bench/bench_rulesets.
#
# Usage: bench_rulesets [-n REPS] [-w WORKLOAD]... [-s SCALE]
#   -n REPS   runs per (workload, configuration), interleaved; the fastest counts (default 3)
#   -w NAME   only this workload (repeatable)
#   -s SCALE  multiply every workload's iteration count (default 1)
set -uo pipefail

BIN=${SAKER_BIN_DIR:-@SAKER_OSBENCH_BIN_DIR@}
PROGS=${OSBENCH_DIR:-@SAKER_OSBENCH_DIR@}
DEFAULT_RULES=${SAKER_DEFAULT_RULES:-@SAKER_RULESETS_DEFAULT@}
UPSTREAM_RULES=${SAKER_UPSTREAM_RULES:-@SAKER_OSBENCH_SHARED_DIR@/fixtures/upstream-rules/falco_rules.yaml}
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

# workload  iterations (smaller than bench_osbench's: every run goes through the whole engine)
WORKLOADS=(
  "create_files       10000"
  "create_threads      3000"
  "launch_programs      500"
  "create_processes    1500"
  "memory_allocations 2000000"
)
for f in "$BIN/saker" "$BIN/saker-trace" "$DEFAULT_RULES" "$UPSTREAM_RULES"; do
  [ -e "$f" ] || { echo "bench_rulesets: $f missing" >&2; exit 1; }
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# The syscall set a ruleset makes the tracer stop on: one second of `saker -u` with it.
syscalls_of() {  # rules-file
  "$BIN/saker" -u -r "$1" -M 1 -o tracer.socket="$TMP/engine.sock" >/dev/null 2>"$TMP/u.err"
  sed -n 's/.*Listening for tracers on .* (\([0-9a-z]*\) syscalls).*/\1/p' "$TMP/u.err" | head -1
}

CONFIGS=(native default upstream)
declare -A CMD=([native]="" [default]="$BIN/saker trace -r $DEFAULT_RULES --"
  [upstream]="$BIN/saker trace -r $UPSTREAM_RULES --")
declare -A LABEL=([native]="native" [default]="default rules" [upstream]="upstream stable")

run_one() {  # config workload iterations -> ns/op or ERR
  local out
  # shellcheck disable=SC2086
  out=$(cd "$TMP" && ${CMD[$1]} "$PROGS/$2" "$3" 2>/dev/null | grep "^$2 ") || { echo ERR; return; }
  awk '{print $4}' <<<"$out"
}

echo "bench_rulesets: $(uname -r), $(nproc) cpus, best of $REPS, scale $SCALE"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "syscalls the tracer stops on: default rules $(syscalls_of "$DEFAULT_RULES"), upstream stable $(syscalls_of "$UPSTREAM_RULES")"
echo
printf "%-19s %9s" "ns/op" "iters"
for c in "${CONFIGS[@]}"; do printf " %16s" "${LABEL[$c]}"; done
echo
declare -A NS
for line in "${WORKLOADS[@]}"; do
  read -r w iters <<<"$line"
  if [ ${#ONLY[@]} -gt 0 ] && [[ ! " ${ONLY[*]} " =~ " $w " ]]; then continue; fi
  iters=$(awk -v a="$iters" -v s="$SCALE" 'BEGIN{printf "%d", a*s}')
  printf "%-19s %9s" "$w" "$iters"
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
  for c in "${CONFIGS[@]}"; do printf " %16s" "${NS[$w,$c]}"; done
  echo
done
echo
echo "traced/native speed (1.0 = native; higher is better)"
printf "%-19s %16s %16s\n" "workload" "${LABEL[default]}" "${LABEL[upstream]}"
for line in "${WORKLOADS[@]}"; do
  read -r w _ <<<"$line"
  [ -n "${NS[$w,native]:-}" ] || continue
  printf "%-19s" "$w"
  for c in default upstream; do
    awk -v n="${NS[$w,native]}" -v t="${NS[$w,$c]}" \
      'BEGIN{ if (t == "ERR" || n == "ERR" || t <= 0) printf " %16s", "ERR"; else printf " %16.3f", n / t }'
  done
  echo
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
