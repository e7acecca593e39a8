#pragma once
// Native (Linux, this architecture's headers) flag values → the scap format's PPM values, as the
// kernel drivers convert them. Where the scap value equals the kernel's (modes, mount flags,
// capabilities, AT_* and RENAME_* flags) the conversion only masks to the known bits.
#include <cstdint>

namespace saker::tracer::encode {

uint32_t open_flags_to_ppm(uint32_t flags);
// Mode of open/openat/creat: only with O_CREAT or O_TMPFILE, else 0.
uint32_t open_mode_to_ppm(uint32_t flags, uint32_t mode);
uint32_t chmod_mode_to_ppm(uint32_t mode);
uint32_t mknod_mode_to_ppm(uint32_t mode);
uint32_t clone_flags_to_ppm(uint64_t flags);
// SOCK_NONBLOCK / SOCK_CLOEXEC (and the same-valued O_*, EFD_*, IN_*, TFD_*, SFD_*) → PPM_O_*.
uint32_t nonblock_cloexec_to_ppm(int64_t flags);
uint32_t pipe2_flags_to_ppm(int64_t flags);
uint32_t mount_flags_to_ppm(uint64_t flags);
uint32_t umount2_flags_to_ppm(uint64_t flags);
uint32_t linkat_flags_to_ppm(uint64_t flags);   // also fchownat
uint32_t unlinkat_flags_to_ppm(uint64_t flags);
uint32_t renameat2_flags_to_ppm(uint64_t flags);
uint32_t execveat_flags_to_ppm(uint64_t flags);
uint32_t memfd_flags_to_ppm(uint64_t flags);
uint32_t prot_to_ppm(uint64_t prot);
uint32_t shutdown_how_to_ppm(uint64_t how);
uint32_t fcntl_cmd_to_ppm(uint64_t cmd);
uint32_t ptrace_request_to_ppm(uint64_t req);
uint32_t resolve_flags_to_ppm(uint64_t flags);   // openat2's how.resolve
uint32_t io_uring_setup_flags_to_ppm(uint64_t flags);
uint32_t io_uring_features_to_ppm(uint64_t features);
uint32_t io_uring_enter_flags_to_ppm(uint64_t flags);
uint32_t finit_module_flags_to_ppm(uint64_t flags);
uint32_t delete_module_flags_to_ppm(uint64_t flags);
uint32_t close_range_flags_to_ppm(uint64_t flags);
uint32_t epoll_create1_flags_to_ppm(uint64_t flags);
uint8_t socket_family_to_ppm(uint64_t family);

}  // namespace saker::tracer::encode
