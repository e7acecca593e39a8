/* The shared converters built as C (as the eBPF probe builds them, with PPM_* as the macros of
 * the generated scap_ids.h), exported so that ppm_flag_convert_c_test.cpp can compare them with
 * the C++ build of the same header. */
#include <stdint.h>

#include "scap_ids.h"

#include "engine/events/ppm_flag_convert.h"

#define SAKER_EXPORT_1(name, ret, arg) \
  ret c_##name(arg a);                 \
  ret c_##name(arg a) { return name(a); }

SAKER_EXPORT_1(open_flags_to_ppm, uint32_t, uint32_t)
SAKER_EXPORT_1(chmod_mode_to_ppm, uint32_t, uint32_t)
SAKER_EXPORT_1(mknod_mode_to_ppm, uint32_t, uint32_t)
SAKER_EXPORT_1(resolve_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(linkat_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(unlinkat_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(renameat2_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(execveat_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(mount_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(umount2_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(nonblock_cloexec_to_ppm, uint32_t, int32_t)
SAKER_EXPORT_1(pipe2_flags_to_ppm, uint32_t, int32_t)
SAKER_EXPORT_1(dup3_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(epoll_create1_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(memfd_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(close_range_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(fcntl_cmd_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(socket_family_to_ppm, uint8_t, uint64_t)
SAKER_EXPORT_1(shutdown_how_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(clone_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(ptrace_request_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(prot_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(pidfd_open_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(finit_module_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(delete_module_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(io_uring_setup_flags_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(io_uring_features_to_ppm, uint32_t, uint64_t)
SAKER_EXPORT_1(io_uring_enter_flags_to_ppm, uint32_t, uint64_t)

uint32_t c_open_mode_to_ppm(uint32_t flags, uint32_t mode);
uint32_t c_open_mode_to_ppm(uint32_t flags, uint32_t mode) { return open_mode_to_ppm(flags, mode); }
