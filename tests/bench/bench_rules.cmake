# Rules benchmarks: load+compile time of the upstream rules, ruleset throughput vs sysdig 0.29,
# heap allocations per evaluated event: tests/bench/bench_rules.cpp.
saker_add_bench(bench_rules
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_rules.cpp
  LIBS saker_core saker_fields saker_state saker_rules saker_events)
