#pragma once
// Token bucket: `rate` tokens per second up to `burst`; the bucket starts full. rate <= 0 means
// no limit. Not thread-safe: the caller serialises (the dispatcher calls it under its lock).
#include <algorithm>
#include <chrono>
#include <cstdint>

namespace saker::output {

class TokenBucket {
 public:
  using Clock = std::chrono::steady_clock;

  TokenBucket(double rate = 0, double burst = 1, Clock::time_point now = Clock::now())
      : rate_(rate), burst_(std::max(1.0, burst)), tokens_(burst_), last_(now) {}

  bool enabled() const { return rate_ > 0; }

  // Takes one token if there is one.
  bool claim(Clock::time_point now = Clock::now()) {
    if (rate_ <= 0) return true;
    const double elapsed = std::chrono::duration<double>(now - last_).count();
    if (elapsed > 0) {
      tokens_ = std::min(burst_, tokens_ + elapsed * rate_);
      last_ = now;
    }
    if (tokens_ < 1.0) return false;
    tokens_ -= 1.0;
    return true;
  }

 private:
  double rate_;
  double burst_;
  double tokens_;
  Clock::time_point last_;
};

}  // namespace saker::output
