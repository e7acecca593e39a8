#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <thread>

#include "engine/sources/shm_ring.h"

namespace saker::sources {
namespace {

// Record i carries its own index and a length that varies, so wrap-around is exercised.
uint32_t len_of(uint64_t i) { return 8 + static_cast<uint32_t>((i * 37) % 300); }

void produce(ShmRing& ring, uint64_t count) {
  for (uint64_t i = 0; i < count; ++i) {
    uint32_t len = len_of(i);
    uint8_t* p = ring.reserve(len, Backpressure::Block, 10000);
    ASSERT_NE(p, nullptr) << "record " << i;
    std::memcpy(p, &i, 8);
    std::memset(p + 8, static_cast<int>(i & 0xff), len - 8);
    ring.commit(len);
  }
  ring.close_producer();
}

// Returns the number of records consumed in order; stops at the first wrong one.
uint64_t consume(ShmRing& ring) {
  uint64_t expected = 0;
  for (;;) {
    auto rec = ring.peek();
    if (rec.empty()) {
      if (!ring.wait_readable(10000)) {
        if (ring.producer_closed() && ring.peek().empty()) break;
        continue;
      }
      continue;
    }
    uint64_t got;
    std::memcpy(&got, rec.data(), 8);
    if (got != expected || rec.size() != len_of(expected)) return expected;
    for (size_t k = 8; k < rec.size(); ++k) {
      if (rec[k] != static_cast<uint8_t>(expected & 0xff)) return expected;
    }
    ring.release();
    ++expected;
  }
  return expected;
}

TEST(ShmRing, ThreadsExchangeRecordsInOrderAcrossWraps) {
  ShmRing consumer;
  ASSERT_TRUE(ShmRing::create(16 * 1024, consumer).ok());
  RingFds dup{::dup(consumer.fds().mem_fd), ::dup(consumer.fds().data_fd),
              ::dup(consumer.fds().space_fd)};
  ShmRing producer;
  ASSERT_TRUE(ShmRing::attach(dup, producer).ok());
  constexpr uint64_t kCount = 200000;
  std::thread t([&] { produce(producer, kCount); });
  EXPECT_EQ(consume(consumer), kCount);
  t.join();
  EXPECT_EQ(consumer.header().produced_events.load(), kCount);
  EXPECT_EQ(consumer.header().dropped_events.load(), 0u);
}

TEST(ShmRing, ProcessesShareTheRingThroughTheMemfd) {
  ShmRing consumer;
  ASSERT_TRUE(ShmRing::create(8 * 1024, consumer).ok());
  constexpr uint64_t kCount = 50000;
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ShmRing producer;
    RingFds fds{::dup(consumer.fds().mem_fd), ::dup(consumer.fds().data_fd),
                ::dup(consumer.fds().space_fd)};
    if (!ShmRing::attach(fds, producer).ok()) _exit(2);
    for (uint64_t i = 0; i < kCount; ++i) {
      uint32_t len = len_of(i);
      uint8_t* p = producer.reserve(len, Backpressure::Block, 10000);
      if (!p) _exit(3);
      std::memcpy(p, &i, 8);
      std::memset(p + 8, static_cast<int>(i & 0xff), len - 8);
      producer.commit(len);
    }
    producer.close_producer();
    _exit(0);
  }
  EXPECT_EQ(consume(consumer), kCount);
  int st = 0;
  ASSERT_EQ(::waitpid(child, &st, 0), child);
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << st;
}

TEST(ShmRing, DropPolicyCountsWhatDoesNotFit) {
  ShmRing ring;
  ASSERT_TRUE(ShmRing::create(4096, ring).ok());
  uint64_t written = 0;
  for (int i = 0; i < 100; ++i) {
    uint8_t* p = ring.reserve(100, Backpressure::Drop, 0);
    if (p) {
      ring.commit(100);
      ++written;
    }
  }
  // A record takes 112 bytes (8-byte prefix + 100, padded to 8): 4096 bytes hold 36.
  EXPECT_EQ(written, 4096u / 112u);
  EXPECT_EQ(ring.header().dropped_events.load(), 100u - written);
  EXPECT_EQ(ring.header().dropped_bytes.load(), (100u - written) * 100u);
}

TEST(ShmRing, BlockPolicyWaitsForTheConsumerThenGivesUp) {
  ShmRing ring;
  ASSERT_TRUE(ShmRing::create(4096, ring).ok());
  while (ring.reserve(1000, Backpressure::Drop, 0)) ring.commit(1000);
  ring.header().dropped_events.store(0);
  // Nobody consumes: a blocking reserve gives up after its bound and counts one drop.
  EXPECT_EQ(ring.reserve(1000, Backpressure::Block, 50), nullptr);
  EXPECT_EQ(ring.header().dropped_events.load(), 1u);
  EXPECT_GE(ring.header().blocked_ns.load(), 40'000'000u);
  // A consumer that frees space wakes the blocked producer before its bound.
  std::thread t([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_FALSE(ring.peek().empty());
    ring.release();
  });
  EXPECT_NE(ring.reserve(1000, Backpressure::Block, 5000), nullptr);
  t.join();
}

TEST(ShmRing, OversizedRecordIsRefused) {
  ShmRing ring;
  ASSERT_TRUE(ShmRing::create(4096, ring).ok());
  EXPECT_EQ(ring.try_reserve(ring.max_record() + 1), nullptr);
  EXPECT_NE(ring.try_reserve(ring.max_record()), nullptr);
}

TEST(ShmRing, AttachRejectsAForeignMemfd) {
  int fd = ::memfd_create("not-a-ring", 0);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::ftruncate(fd, 8192), 0);
  ShmRing ring;
  Status st = ShmRing::attach(RingFds{fd, -1, -1}, ring);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("not a saker ring"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace saker::sources
