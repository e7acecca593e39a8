saker_add_fuzzer(fuzz_condition SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_condition.cpp LIBS saker_filter)
