# Decode throughput of the .scap reader vs sysdig 0.29: tests/bench/bench_decode.cpp.
find_package(ZLIB REQUIRED)
saker_add_bench(bench_decode
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_decode.cpp
  LIBS saker_events ZLIB::ZLIB)
