# Output stage benchmarks: JSON alerts/s to a file, and push() throughput with a stuck receiver.
pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
saker_add_bench(bench_output SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_output.cpp
  LIBS saker_output_net PkgConfig::CPP_HTTPLIB)
target_include_directories(bench_output PRIVATE ${CMAKE_SOURCE_DIR})
