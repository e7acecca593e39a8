saker_add_fuzzer(fuzz_rules_loader SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_rules_loader.cpp LIBS saker_rules)
