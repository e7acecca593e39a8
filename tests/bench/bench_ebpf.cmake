# bench_ebpf: the OSBench-like workloads native vs eBPF mode vs tracer mode (bench_ebpf.sh),
# configured with this build's paths. Run (root): build/<dir>/bench/bench_ebpf
# Own variables: this file may be included before bench_osbench.cmake sets its own.
set(SAKER_EBPF_BENCH_BIN_DIR ${CMAKE_BINARY_DIR}/bin)
set(SAKER_EBPF_BENCH_OSBENCH_DIR ${CMAKE_BINARY_DIR}/bench/osbench)
set(SAKER_EBPF_BENCH_SHARED_DIR ${CMAKE_SOURCE_DIR}/../shared)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/bench_ebpf.sh ${CMAKE_BINARY_DIR}/bench/bench_ebpf
  @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
  WORLD_READ WORLD_EXECUTE)
add_custom_target(bench_ebpf ALL
  DEPENDS ${CMAKE_BINARY_DIR}/bench/bench_ebpf
  COMMENT "eBPF vs tracer vs native OSBench-like driver")
add_dependencies(bench_ebpf bench_osbench saker saker-trace)
