# Event throughput with the container metadata provider enabled vs disabled, on a synthetic
# stream with many containers: tests/bench/bench_container_metadata.cpp.
pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
saker_add_bench(bench_container_metadata
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bench_container_metadata.cpp
  LIBS saker_metadata_net saker_fields saker_state saker_events PkgConfig::CPP_HTTPLIB)
