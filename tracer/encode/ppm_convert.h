#pragma once
// The tracer's names for the native → PPM flag conversions. The conversions themselves live in
// engine/events/ppm_flag_convert.h, one copy shared with the eBPF probe (bpf/flags.bpf.h).
#include "engine/events/ppm_flag_convert.h"

namespace saker::tracer::encode {

using events::chmod_mode_to_ppm;
using events::clone_flags_to_ppm;
using events::close_range_flags_to_ppm;
using events::delete_module_flags_to_ppm;
using events::dup3_flags_to_ppm;
using events::epoll_create1_flags_to_ppm;
using events::execveat_flags_to_ppm;
using events::fcntl_cmd_to_ppm;
using events::finit_module_flags_to_ppm;
using events::io_uring_enter_flags_to_ppm;
using events::io_uring_features_to_ppm;
using events::io_uring_setup_flags_to_ppm;
using events::linkat_flags_to_ppm;  // also fchownat
using events::memfd_flags_to_ppm;
using events::mknod_mode_to_ppm;
using events::mount_flags_to_ppm;
using events::nonblock_cloexec_to_ppm;
using events::open_flags_to_ppm;
using events::open_mode_to_ppm;
using events::pidfd_open_flags_to_ppm;
using events::pipe2_flags_to_ppm;
using events::prot_to_ppm;
using events::ptrace_request_to_ppm;
using events::renameat2_flags_to_ppm;
using events::resolve_flags_to_ppm;
using events::shutdown_how_to_ppm;
using events::socket_family_to_ppm;
using events::umount2_flags_to_ppm;
using events::unlinkat_flags_to_ppm;

}  // namespace saker::tracer::encode
