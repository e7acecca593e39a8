#pragma once
// Locating ../shared (read-only fixtures beside the clone). A user's clone may not have it: tests
// then skip with a clear message. In CI (env CI set) a missing ../shared is a failure, never a skip.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#ifndef SAKER_SHARED_DIR
#error "SAKER_SHARED_DIR must be defined by the build"
#endif

namespace saker::testing {

inline std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("SAKER_SHARED_DIR")) return env;
  return SAKER_SHARED_DIR;
}

inline bool shared_available() { return std::filesystem::is_directory(shared_dir() / "fixtures"); }

inline bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && *ci != '\0' && std::string(ci) != "0" && std::string(ci) != "false";
}

}  // namespace saker::testing

// Use at the top of a test that needs ../shared.
#define SAKER_REQUIRE_SHARED()                                                              \
  do {                                                                                      \
    if (!::saker::testing::shared_available()) {                                            \
      if (::saker::testing::in_ci()) {                                                      \
        FAIL() << "../shared/fixtures not found at " << ::saker::testing::shared_dir()      \
               << " (CI must run with ../shared beside the clone)";                         \
      }                                                                                     \
      GTEST_SKIP() << "../shared/fixtures not found at " << ::saker::testing::shared_dir()  \
                   << "; this test needs the shared fixtures";                              \
    }                                                                                       \
  } while (0)
