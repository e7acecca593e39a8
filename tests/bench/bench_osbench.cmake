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
# The yardstick tracer: stops only, no work (see the file).
add_executable(osbench_ptrace_floor ${CMAKE_CURRENT_SOURCE_DIR}/osbench/ptrace_floor.c)
target_link_libraries(osbench_ptrace_floor PRIVATE PkgConfig::SECCOMP)
set_target_properties(osbench_ptrace_floor PROPERTIES OUTPUT_NAME ptrace_floor
  RUNTIME_OUTPUT_DIRECTORY ${SAKER_OSBENCH_DIR})
# The driver is a script, copied into <build>/bench when the source changes; this build's paths
# come from osbench_driver.sh next to it (osbench_driver.cmake).
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/bench_osbench.sh ${CMAKE_BINARY_DIR}/bench/bench_osbench
  @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
  WORLD_READ WORLD_EXECUTE)
add_custom_target(bench_osbench ALL
  DEPENDS ${CMAKE_BINARY_DIR}/bench/bench_osbench saker-trace
  COMMENT "OSBench-like workloads and driver")
foreach(w ${SAKER_OSBENCH_WORKLOADS} ptrace_floor)
  add_dependencies(bench_osbench osbench_${w})
endforeach()
