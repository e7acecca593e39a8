# Our default rules vs Falco's upstream stable rules on the OSBench-like workloads under
# `saker trace` (ns/op, traced/native) and the syscall set each ruleset makes the tracer stop on.
# Run: build/<dir>/bench/bench_rulesets   (uses the workloads bench_osbench.cmake builds)
set(SAKER_RULESETS_DEFAULT ${CMAKE_SOURCE_DIR}/rules/saker_rules.yaml)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/bench_rulesets.sh ${CMAKE_BINARY_DIR}/bench/bench_rulesets
  @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
  WORLD_READ WORLD_EXECUTE)
add_custom_target(bench_rulesets ALL
  DEPENDS ${CMAKE_BINARY_DIR}/bench/bench_rulesets saker saker-trace bench_osbench
  COMMENT "Default vs upstream rules on the OSBench-like workloads")
