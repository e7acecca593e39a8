# bench_ebpf: the OSBench-like workloads native vs eBPF mode vs tracer mode (bench_ebpf.sh),
# copied into <build>/bench where it sources osbench_driver.sh (osbench_driver.cmake) for this
# build's paths. Run (root): build/<dir>/bench/bench_ebpf
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/bench_ebpf.sh ${CMAKE_BINARY_DIR}/bench/bench_ebpf
  @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
  WORLD_READ WORLD_EXECUTE)
add_custom_target(bench_ebpf ALL
  DEPENDS ${CMAKE_BINARY_DIR}/bench/bench_ebpf
  COMMENT "eBPF vs tracer vs native OSBench-like driver")
add_dependencies(bench_ebpf bench_osbench saker saker-trace)
