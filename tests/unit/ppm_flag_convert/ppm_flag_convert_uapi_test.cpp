// The shared converters fed with constants only the kernel's uapi headers define (io_uring,
// openat2, close_range, finit_module, pidfd_open); kept apart from the libc test because
// <linux/io_uring.h> pulls <linux/fs.h>, which clashes with glibc's <sys/mount.h>.
#include <linux/close_range.h>
#include <linux/io_uring.h>
#include <linux/module.h>
#include <linux/openat2.h>
#include <sys/pidfd.h>

#include <cstdint>

#include <gtest/gtest.h>

#include "engine/events/ppm_flag_convert.h"

namespace saker::events {
namespace {

TEST(PpmFlagConvertUapi, Openat2Resolve) {
  EXPECT_EQ(resolve_flags_to_ppm(RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS),
            PPM_RESOLVE_NO_XDEV | PPM_RESOLVE_NO_MAGICLINKS | PPM_RESOLVE_NO_SYMLINKS);
  EXPECT_EQ(resolve_flags_to_ppm(RESOLVE_BENEATH | RESOLVE_IN_ROOT | RESOLVE_CACHED),
            PPM_RESOLVE_BENEATH | PPM_RESOLVE_IN_ROOT | PPM_RESOLVE_CACHED);
  EXPECT_EQ(resolve_flags_to_ppm(0x40), 0u);  // no such resolve flag
}

TEST(PpmFlagConvertUapi, IoUring) {
  EXPECT_EQ(io_uring_setup_flags_to_ppm(IORING_SETUP_SQPOLL | IORING_SETUP_SQ_AFF),
            PPM_IORING_SETUP_SQPOLL | PPM_IORING_SETUP_SQ_AFF);
  EXPECT_EQ(io_uring_setup_flags_to_ppm(IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP |
                                        IORING_SETUP_ATTACH_WQ | IORING_SETUP_R_DISABLED),
            PPM_IORING_SETUP_CQSIZE | PPM_IORING_SETUP_CLAMP | PPM_IORING_SETUP_ATTACH_WQ |
                PPM_IORING_SETUP_R_DISABLED);
  // IORING_SQ_NEED_WAKEUP has IORING_SETUP_IOPOLL's bit: both are reported, as the drivers do.
  static_assert(IORING_SQ_NEED_WAKEUP == IORING_SETUP_IOPOLL);
  EXPECT_EQ(io_uring_setup_flags_to_ppm(IORING_SETUP_IOPOLL),
            PPM_IORING_SETUP_IOPOLL | PPM_IORING_SQ_NEED_WAKEUP);
  EXPECT_EQ(io_uring_setup_flags_to_ppm(IORING_SETUP_SUBMIT_ALL), 0u);  // newer than the format
  EXPECT_EQ(io_uring_features_to_ppm(IORING_FEAT_SINGLE_MMAP | IORING_FEAT_NODROP |
                                     IORING_FEAT_FAST_POLL | IORING_FEAT_RSRC_TAGS),
            PPM_IORING_FEAT_SINGLE_MMAP | PPM_IORING_FEAT_NODROP | PPM_IORING_FEAT_FAST_POLL |
                PPM_IORING_FEAT_RSRC_TAGS);
  EXPECT_EQ(io_uring_features_to_ppm(IORING_FEAT_CQE_SKIP), 0u);  // newer than the format
  EXPECT_EQ(io_uring_enter_flags_to_ppm(IORING_ENTER_GETEVENTS | IORING_ENTER_SQ_WAKEUP |
                                        IORING_ENTER_SQ_WAIT | IORING_ENTER_EXT_ARG),
            PPM_IORING_ENTER_GETEVENTS | PPM_IORING_ENTER_SQ_WAKEUP | PPM_IORING_ENTER_SQ_WAIT |
                PPM_IORING_ENTER_EXT_ARG);
  EXPECT_EQ(io_uring_enter_flags_to_ppm(IORING_ENTER_REGISTERED_RING), 0u);
}

TEST(PpmFlagConvertUapi, CloseRangeModulesPidfd) {
  EXPECT_EQ(close_range_flags_to_ppm(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC),
            PPM_CLOSE_RANGE_UNSHARE | PPM_CLOSE_RANGE_CLOEXEC);
  EXPECT_EQ(close_range_flags_to_ppm(CLOSE_RANGE_CLOEXEC), PPM_CLOSE_RANGE_CLOEXEC);
  EXPECT_EQ(close_range_flags_to_ppm(0), 0u);
  EXPECT_EQ(finit_module_flags_to_ppm(MODULE_INIT_IGNORE_MODVERSIONS |
                                      MODULE_INIT_IGNORE_VERMAGIC | MODULE_INIT_COMPRESSED_FILE),
            PPM_MODULE_INIT_IGNORE_MODVERSIONS | PPM_MODULE_INIT_IGNORE_VERMAGIC |
                PPM_MODULE_INIT_COMPRESSED_FILE);
  EXPECT_EQ(finit_module_flags_to_ppm(MODULE_INIT_IGNORE_VERMAGIC), PPM_MODULE_INIT_IGNORE_VERMAGIC);
  EXPECT_EQ(pidfd_open_flags_to_ppm(PIDFD_NONBLOCK), PPM_PIDFD_NONBLOCK);
  EXPECT_EQ(pidfd_open_flags_to_ppm(0), 0u);
}

}  // namespace
}  // namespace saker::events
