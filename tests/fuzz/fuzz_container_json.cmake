# Container runtime and ECS metadata documents (docker inspect, ECS container and task, CRI
# verbose info): tests/fuzz/fuzz_container_json.cpp.
saker_add_fuzzer(fuzz_container_json
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_container_json.cpp
  LIBS saker_metadata)
