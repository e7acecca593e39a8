# State-engine cost and memory under churn: tests/bench/bench_state.cpp.
saker_add_bench(bench_state
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_state.cpp
  LIBS saker_state saker_events)
