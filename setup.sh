#!/usr/bin/env bash
# Saker's one setup entry point. Idempotent and non-interactive; run as root on Debian 12.
#
#   ./setup.sh run [-- CMD ARGS...]   install, build, then run the main job
#   ./setup.sh test                   install, build Release + ASan/UBSan + fuzzers, run every test
#   ./setup.sh deps | build | fuzz    the individual steps
#
# Environment: SAKER_JOBS (build parallelism, default nproc), SAKER_FUZZ_SECONDS (per target, 60).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
JOBS=${SAKER_JOBS:-$(nproc)}

# Every Debian package the build, the tests and the benchmarks need.
PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libseccomp-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev
  libbpf-dev clang llvm bpftool libelf-dev zlib1g-dev libclang-rt-14-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  libre2-dev libfmt-dev libspdlog-dev libcurl4-openssl-dev libcpp-httplib-dev libboost-dev
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  sysdig strace busybox-static procps iproute2 util-linux netcat-openbsd podman runc
  catatonit apache2-utils
)

log() { printf '[setup] %s\n' "$*" >&2; }

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then log "all ${#PACKAGES[@]} packages present"; return; fi
  if [ "$(id -u)" -ne 0 ]; then log "need root to install: ${missing[*]}"; exit 1; fi
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# configure_build DIR [cmake args...]
configure_build() {
  local dir=$1; shift
  cmake -S "$ROOT" -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -j "$JOBS"
}

build() { configure_build build/release -DCMAKE_BUILD_TYPE=Release ${SAKER_WERROR:+-DSAKER_WERROR=ON}; }

run_ctest() {
  local dir=$1; shift
  ctest --test-dir "$dir" --output-on-failure -j "$JOBS" "$@"
}

fuzz() {
  local secs=${SAKER_FUZZ_SECONDS:-60}
  configure_build build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAKER_FUZZ=ON -DSAKER_BENCH=OFF \
    -DSAKER_STATIC_TRACER=OFF -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++
  local n=0
  for f in build/fuzz/tests/fuzz/fuzz_*; do
    [ -x "$f" ] || continue
    local name; name=$(basename "$f")
    local corpus=build/fuzz/corpus/$name; mkdir -p "$corpus"
    local seeds=()
    [ -d "tests/fuzz/seeds/$name" ] && seeds+=("tests/fuzz/seeds/$name")
    if [ -x "tests/fuzz/seeds/$name.sh" ]; then
      "tests/fuzz/seeds/$name.sh" "$corpus"
    fi
    log "fuzzing $name for ${secs}s"
    # Crash inputs land beside the log (libFuzzer's default is the current directory: the repo).
    "$f" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="build/fuzz/$name-" \
      "$corpus" "${seeds[@]}" > "build/fuzz/$name.log" 2>&1 || { tail -50 "build/fuzz/$name.log"; log "FAIL: $name"; return 1; }
    grep -E 'stat::number_of_executed_units' "build/fuzz/$name.log" | sed "s/^/[fuzz $name] /" >&2 || true
    n=$((n + 1))
  done
  log "fuzzed $n targets clean"
}

test_all() {
  export SAKER_WERROR=1
  build
  run_ctest build/release
  log "ASan+UBSan build"
  configure_build build/asan -DCMAKE_BUILD_TYPE=Debug -DSAKER_SANITIZE=ON -DSAKER_WERROR=ON \
    -DSAKER_BENCH=OFF -DSAKER_STATIC_TRACER=OFF
  # The unit tests under the sanitizers. Integration tests (real traced programs, gRPC with TLS)
  # run in the Release build above: traced programs built with ASan change what the tracer sees.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_ctest build/asan -L unit
  fuzz
}

run_main() {
  build
  local bin=build/release/bin/saker
  if [ $# -gt 0 ] && [ "$1" = "--" ]; then shift; fi
  if [ $# -eq 0 ]; then set -- cat /etc/shadow; fi
  log "running: saker trace -- $*"
  exec "$bin" trace -- "$@"
}

cmd=${1:-}; shift || true
case "$cmd" in
  deps) deps ;;
  build) deps; build ;;
  test) deps; test_all ;;
  fuzz) deps; fuzz ;;
  run) deps; run_main "$@" ;;
  *) echo "usage: $0 {run [-- CMD ARGS...]|test|deps|build|fuzz}" >&2; exit 2 ;;
esac
