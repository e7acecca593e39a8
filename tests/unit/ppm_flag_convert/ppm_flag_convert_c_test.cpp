// The C build of ppm_flag_convert.h (what the eBPF probe compiles, PPM_* from the generated
// scap_ids.h) and its C++ build (what the tracer compiles, PPM_* from ppm_flags.h) must give the
// same value for every input: every single bit, every pair of bits, the first 68k values, and
// 300k pseudo-random 64-bit words (fixed seed).
#include <cstdint>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "engine/events/ppm_flag_convert.h"

extern "C" {
#define SAKER_DECLARE_1(name, ret, arg) ret c_##name(arg a);
SAKER_DECLARE_1(open_flags_to_ppm, uint32_t, uint32_t)
SAKER_DECLARE_1(chmod_mode_to_ppm, uint32_t, uint32_t)
SAKER_DECLARE_1(mknod_mode_to_ppm, uint32_t, uint32_t)
SAKER_DECLARE_1(resolve_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(linkat_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(unlinkat_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(renameat2_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(execveat_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(mount_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(umount2_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(nonblock_cloexec_to_ppm, uint32_t, int32_t)
SAKER_DECLARE_1(pipe2_flags_to_ppm, uint32_t, int32_t)
SAKER_DECLARE_1(dup3_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(epoll_create1_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(memfd_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(close_range_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(fcntl_cmd_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(socket_family_to_ppm, uint8_t, uint64_t)
SAKER_DECLARE_1(shutdown_how_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(clone_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(ptrace_request_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(prot_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(pidfd_open_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(finit_module_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(delete_module_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(io_uring_setup_flags_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(io_uring_features_to_ppm, uint32_t, uint64_t)
SAKER_DECLARE_1(io_uring_enter_flags_to_ppm, uint32_t, uint64_t)
#undef SAKER_DECLARE_1
uint32_t c_open_mode_to_ppm(uint32_t flags, uint32_t mode);
}

namespace saker::events {
namespace {

std::vector<uint64_t> inputs() {
  std::vector<uint64_t> in;
  for (int i = 0; i < 64; ++i) in.push_back(1ull << i);
  for (int i = 0; i < 64; ++i) {
    for (int j = i + 1; j < 64; ++j) in.push_back((1ull << i) | (1ull << j));
  }
  for (uint64_t v = 0; v < 0x11000; ++v) in.push_back(v);
  std::mt19937_64 rng(20261123);
  for (int i = 0; i < 100000; ++i) {
    const uint64_t r = rng();
    in.push_back(r);
    in.push_back(r & 0xffffffffu);
    in.push_back(r & rng() & rng());  // sparse words
  }
  return in;
}

// Counts the inputs where the two builds differ, reporting the first few.
class Compare {
 public:
  template <typename A, typename B>
  void check(const char* what, uint64_t input, A cpp, B c) {
    if (static_cast<uint64_t>(cpp) == static_cast<uint64_t>(c)) return;
    if (++mismatches_ <= 10) {
      ADD_FAILURE() << what << "(0x" << std::hex << input << "): C++ 0x"
                    << static_cast<uint64_t>(cpp) << ", C 0x" << static_cast<uint64_t>(c);
    }
  }
  long mismatches() const { return mismatches_; }

 private:
  long mismatches_ = 0;
};

TEST(PpmFlagConvertC, CAndCppBuildsAgreeOnEveryInput) {
  const std::vector<uint64_t> in = inputs();
  Compare cmp;
  for (uint64_t x : in) {
    const auto x32 = static_cast<uint32_t>(x);
    const auto s32 = static_cast<int32_t>(x);
    const auto hi = static_cast<uint32_t>(x >> 32);
#define SAKER_CHECK(name, arg) cmp.check(#name, x, name(arg), c_##name(arg))
    SAKER_CHECK(open_flags_to_ppm, x32);
    SAKER_CHECK(chmod_mode_to_ppm, x32);
    SAKER_CHECK(mknod_mode_to_ppm, x32);
    SAKER_CHECK(resolve_flags_to_ppm, x);
    SAKER_CHECK(linkat_flags_to_ppm, x);
    SAKER_CHECK(unlinkat_flags_to_ppm, x);
    SAKER_CHECK(renameat2_flags_to_ppm, x);
    SAKER_CHECK(execveat_flags_to_ppm, x);
    SAKER_CHECK(mount_flags_to_ppm, x);
    SAKER_CHECK(umount2_flags_to_ppm, x);
    SAKER_CHECK(nonblock_cloexec_to_ppm, s32);
    SAKER_CHECK(pipe2_flags_to_ppm, s32);
    SAKER_CHECK(dup3_flags_to_ppm, x);
    SAKER_CHECK(epoll_create1_flags_to_ppm, x);
    SAKER_CHECK(memfd_flags_to_ppm, x);
    SAKER_CHECK(close_range_flags_to_ppm, x);
    SAKER_CHECK(fcntl_cmd_to_ppm, x);
    SAKER_CHECK(socket_family_to_ppm, x);
    SAKER_CHECK(shutdown_how_to_ppm, x);
    SAKER_CHECK(clone_flags_to_ppm, x);
    SAKER_CHECK(ptrace_request_to_ppm, x);
    SAKER_CHECK(prot_to_ppm, x);
    SAKER_CHECK(pidfd_open_flags_to_ppm, x);
    SAKER_CHECK(finit_module_flags_to_ppm, x);
    SAKER_CHECK(delete_module_flags_to_ppm, x);
    SAKER_CHECK(io_uring_setup_flags_to_ppm, x);
    SAKER_CHECK(io_uring_features_to_ppm, x);
    SAKER_CHECK(io_uring_enter_flags_to_ppm, x);
#undef SAKER_CHECK
    cmp.check("open_mode_to_ppm", x, open_mode_to_ppm(x32, hi), c_open_mode_to_ppm(x32, hi));
  }
  EXPECT_EQ(cmp.mismatches(), 0) << "of " << in.size() << " inputs";
  // The comparison is not vacuous: the converters produced flags for these inputs.
  EXPECT_NE(c_open_flags_to_ppm(0101), c_open_flags_to_ppm(0));
  EXPECT_EQ(c_clone_flags_to_ppm(0x100), PPM_CL_CLONE_VM);
}

}  // namespace
}  // namespace saker::events
