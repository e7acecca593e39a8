# shellcheck shell=bash
# osbench_driver.sh: what the OSBench-like bench drivers (bench_osbench, bench_rulesets,
# bench_ebpf) have in common, sourced by each of them: the configured paths, the -n/-w/-s
# options, the workload table, the interleaved best-of-N measuring loop and the ratio table.
# Configured by tests/bench/osbench_driver.cmake into <build>/bench/osbench_driver.sh, next to
# the drivers. Not a program of its own.
#
# A driver sources this file, then sets its configurations:
#   CONFIGS=(native ...)   column order; the first is the baseline of the ratio table
#   CONFIG_CMD[c]          the command prefix a workload runs under ("" = native)
#   CONFIG_LABEL[c]        the column title
# and may redefine these functions (the defaults are below):
#   run_one CONFIG WORKLOAD ITERS   one run; sets RUN_NS to ns/op or ERR
#   table_header_end, table_row_start W, table_row_end W, ratio_header_end, ratio_row_end W
#                                   extra columns of the two tables; each *_end ends the line
# Env: SAKER_BIN_DIR, OSBENCH_DIR override the configured paths.

# shellcheck disable=SC2034  # BIN, SHARED_DIR: for the drivers
BIN=${SAKER_BIN_DIR:-@SAKER_OSBENCH_DRIVER_BIN_DIR@}
PROGS=${OSBENCH_DIR:-@SAKER_OSBENCH_DRIVER_PROGS_DIR@}
SHARED_DIR=@SAKER_OSBENCH_DRIVER_SHARED_DIR@
OSBENCH_NAME=$(basename "$0")
OSBENCH_RUN_DIR=.  # where the workloads run (a driver whose tools write files sets a temp dir)

# workload  default-iterations of the workload's own timed loop (-s multiplies them); a driver
# with other counts replaces the table before osbench_parse_options (which checks -w against it).
OSBENCH_WORKLOADS=(
  "create_files       20000"
  "create_threads      5000"
  "launch_programs     1000"
  "create_processes    3000"
  "memory_allocations 5000000"
)

REPS=3
SCALE=1
ONLY=()
CONFIGS=()
declare -A CONFIG_CMD CONFIG_LABEL
declare -A NS  # NS[workload,config]: the fastest ns/op seen, or ERR

osbench_die() {
  echo "$OSBENCH_NAME: $*" >&2
  exit 1
}

# The driver's usage: the comment block at the top of the driver, after the #! line.
osbench_usage() {
  awk 'NR == 1 { next } /^#/ { print; next } { exit }' "$0"
}

osbench_parse_options() {  # "$@" of the driver
  local o
  while getopts "n:w:s:h" o; do
    case $o in
      n) REPS=$OPTARG ;;
      w) ONLY+=("$OPTARG") ;;
      s) SCALE=$OPTARG ;;
      h) osbench_usage; exit 0 ;;
      *) osbench_usage >&2; exit 2 ;;
    esac
  done
  [[ $REPS =~ ^[1-9][0-9]*$ ]] || { echo "$OSBENCH_NAME: -n wants a positive count, got '$REPS'" >&2; exit 2; }
  [[ $SCALE =~ ^[0-9]*\.?[0-9]+$ ]] || { echo "$OSBENCH_NAME: -s wants a positive number, got '$SCALE'" >&2; exit 2; }
  local line w known=()
  for line in "${OSBENCH_WORKLOADS[@]}"; do read -r w _ <<<"$line"; known+=("$w"); done
  for w in "${ONLY[@]}"; do
    # shellcheck disable=SC2076  # a literal match of the name
    [[ " ${known[*]} " =~ " $w " ]] ||
      { echo "$OSBENCH_NAME: -w $w: no such workload (known: ${known[*]})" >&2; exit 2; }
  done
}

osbench_banner() {  # [text appended to the first line]
  echo "$OSBENCH_NAME: $(uname -r), $(nproc) cpus, best of $REPS, scale $SCALE${1:-}"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

osbench_footer() {
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# One run of workload $2 with $3 iterations under the command prefix $1 (word-split on purpose):
# prints the ns/op of the workload's own timed loop, or ERR.
osbench_run_under() {  # command-prefix workload iterations
  local out
  # shellcheck disable=SC2086
  out=$(cd "$OSBENCH_RUN_DIR" && $1 "$PROGS/$2" "$3" 2>/dev/null | grep "^$2 ") || { echo ERR; return; }
  awk '{print $4}' <<<"$out"
}

run_one() {  # config workload iterations -> RUN_NS
  RUN_NS=$(osbench_run_under "${CONFIG_CMD[$1]}" "$2" "$3")
}
table_header_end() { echo; }
table_row_start() { :; }
table_row_end() { echo; }
ratio_header_end() { echo; }
ratio_row_end() { echo; }

osbench_selected() {  # workload
  # shellcheck disable=SC2076  # a literal match of the name
  [ ${#ONLY[@]} -eq 0 ] || [[ " ${ONLY[*]} " =~ " $1 " ]]
}

# The ns/op table: every selected workload under every configuration, REPS times, keeping the
# fastest run (the machine is shared: the minimum is the least disturbed run).
osbench_measure() {  # column-width
  local width=$1 line w iters c r
  printf "%-19s %9s" "ns/op" "iters"
  for c in "${CONFIGS[@]}"; do printf " %${width}s" "${CONFIG_LABEL[$c]}"; done
  table_header_end
  for line in "${OSBENCH_WORKLOADS[@]}"; do
    read -r w iters <<<"$line"
    osbench_selected "$w" || continue
    iters=$(awk -v a="$iters" -v s="$SCALE" 'BEGIN{printf "%d", a*s}')
    printf "%-19s %9s" "$w" "$iters"
    table_row_start "$w"
    # Interleaved: rep 1 of every configuration, then rep 2, ... so that a burst of load from
    # elsewhere hits all configurations alike instead of one of them.
    for c in "${CONFIGS[@]}"; do NS[$w,$c]=""; done
    for ((r = 0; r < REPS; ++r)); do
      for c in "${CONFIGS[@]}"; do
        [ "${NS[$w,$c]}" = ERR ] && continue
        run_one "$c" "$w" "$iters"
        if [ "$RUN_NS" = ERR ]; then NS[$w,$c]=ERR
        elif [ -z "${NS[$w,$c]}" ] || awk -v a="$RUN_NS" -v b="${NS[$w,$c]}" 'BEGIN{exit !(a<b)}'; then
          NS[$w,$c]=$RUN_NS
        fi
      done
    done
    for c in "${CONFIGS[@]}"; do printf " %${width}s" "${NS[$w,$c]}"; done
    table_row_end "$w"
  done
}

# baseline ns/op / configuration ns/op for every measured workload and every configuration but
# the baseline (CONFIGS[0]).
osbench_print_ratios() {  # title column-width
  local width=$2 base=${CONFIGS[0]} line w c
  echo "$1"
  printf "%-19s" "workload"
  for c in "${CONFIGS[@]:1}"; do printf " %${width}s" "${CONFIG_LABEL[$c]}"; done
  ratio_header_end
  for line in "${OSBENCH_WORKLOADS[@]}"; do
    read -r w _ <<<"$line"
    [ -n "${NS[$w,$base]:-}" ] || continue
    printf "%-19s" "$w"
    for c in "${CONFIGS[@]:1}"; do
      awk -v n="${NS[$w,$base]}" -v t="${NS[$w,$c]}" -v wd="$width" \
        'BEGIN{ if (t == "ERR" || n == "ERR" || t <= 0) printf " %*s", wd, "ERR";
                else printf " %*.3f", wd, n / t }'
    done
    ratio_row_end "$w"
  done
}
