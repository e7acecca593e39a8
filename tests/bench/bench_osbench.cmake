# OSBench-like workloads (tests/bench/osbench/*.c, our own) and their driver bench_osbench, which
# runs each one native and under the tracers and prints traced/native ratios beside pdig's.
# Run: build/<dir>/bench/bench_osbench   (see tracer/README.md for the figures)
set(SAKER_OSBENCH_WORKLOADS create_files create_threads launch_programs create_processes
    memory_allocations)
set(SAKER_OSBENCH_DIR ${CMAKE_BINARY_DIR}/bench/osbench)
foreach(w ${SAKER_OSBENCH_WORKLOADS})
  add_executable(osbench_${w} ${CMAKE_CURRENT_SOURCE_DIR}/osbench/${w}.c)
  target_link_libraries(osbench_${w} PRIVATE Threads::Threads)
  set_target_properties(osbench_${w} PROPERTIES OUTPUT_NAME ${w}
    RUNTIME_OUTPUT_DIRECTORY ${SAKER_OSBENCH_DIR})
endforeach()
# The driver is a script; configured with this build's paths, rebuilt when the source changes.
set(SAKER_OSBENCH_BIN_DIR ${CMAKE_BINARY_DIR}/bin)
set(SAKER_OSBENCH_SHARED_DIR ${CMAKE_SOURCE_DIR}/../shared)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/bench_osbench.sh ${CMAKE_BINARY_DIR}/bench/bench_osbench
  @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
  WORLD_READ WORLD_EXECUTE)
add_custom_target(bench_osbench ALL
  DEPENDS ${CMAKE_BINARY_DIR}/bench/bench_osbench saker-trace
  COMMENT "OSBench-like workloads and driver")
foreach(w ${SAKER_OSBENCH_WORKLOADS})
  add_dependencies(bench_osbench osbench_${w})
endforeach()
