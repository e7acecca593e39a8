# eBPF probe costs and drops on the real kernel (root): tests/bench/bench_bpf_probe.cpp.
saker_add_bench(bench_bpf_probe
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_bpf_probe.cpp
  LIBS saker_bpf saker_events)
