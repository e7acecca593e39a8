# Image references split into repository, tag and digest: tests/fuzz/fuzz_image_ref.cpp.
saker_add_fuzzer(fuzz_image_ref
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_image_ref.cpp
  LIBS saker_metadata)
