# osbench_driver.sh, the part bench_osbench, bench_rulesets and bench_ebpf share: configured
# with this build's paths into <build>/bench next to the drivers, which source it from there.
set(SAKER_OSBENCH_DRIVER_BIN_DIR ${CMAKE_BINARY_DIR}/bin)
set(SAKER_OSBENCH_DRIVER_PROGS_DIR ${CMAKE_BINARY_DIR}/bench/osbench)
set(SAKER_OSBENCH_DRIVER_SHARED_DIR ${CMAKE_SOURCE_DIR}/../shared)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/osbench_driver.sh ${CMAKE_BINARY_DIR}/bench/osbench_driver.sh
  @ONLY)
