# A large capture replayed through the real pipeline with a healthy and with stuck receivers
# (HTTP server never answering, program never reading): events/s of each and the ratios.
saker_add_bench(bench_output_replay SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_output_replay.cpp
  LIBS saker_pipeline saker_output_net saker_events)
target_include_directories(bench_output_replay PRIVATE ${CMAKE_SOURCE_DIR})
