# The .scap reader (and, on what it reads, the writer): tests/fuzz/fuzz_scap_reader.cpp.
find_package(ZLIB REQUIRED)
saker_add_fuzzer(fuzz_scap_reader
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_scap_reader.cpp
  LIBS saker_events ZLIB::ZLIB)
