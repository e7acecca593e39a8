#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

#include "engine/sources/tracer_protocol.h"

namespace saker::sources {
namespace {

TEST(TracerProtocol, HandshakePassesTheRingAndTheSyscallSet) {
  int sv[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
  Hello hello;
  hello.pid = 1234;
  std::strcpy(hello.what, "cat /etc/shadow");
  ASSERT_TRUE(send_hello(sv[1], hello).ok());
  Hello got;
  ASSERT_TRUE(recv_hello(sv[0], got, 1000).ok());
  EXPECT_EQ(got.pid, 1234);
  EXPECT_STREQ(got.what, "cat /etc/shadow");

  ShmRing engine_ring;
  ASSERT_TRUE(ShmRing::create(64 * 1024, engine_ring).ok());
  Welcome w;
  w.stream_id = 7;
  w.set_syscall(257);  // openat
  w.set_syscall(59);   // execve
  ASSERT_TRUE(send_welcome(sv[0], w, engine_ring.fds()).ok());
  Welcome wr;
  RingFds fds;
  ASSERT_TRUE(recv_welcome(sv[1], wr, fds, 1000).ok());
  EXPECT_EQ(wr.stream_id, 7u);
  EXPECT_TRUE(wr.has_syscall(257));
  EXPECT_TRUE(wr.has_syscall(59));
  EXPECT_FALSE(wr.has_syscall(0));

  ShmRing tracer_ring;
  ASSERT_TRUE(ShmRing::attach(fds, tracer_ring).ok());
  uint8_t* p = tracer_ring.try_reserve(5);
  ASSERT_NE(p, nullptr);
  std::memcpy(p, "hello", 5);
  tracer_ring.commit(5);
  auto rec = engine_ring.peek();
  ASSERT_EQ(rec.size(), 5u);
  EXPECT_EQ(std::memcmp(rec.data(), "hello", 5), 0);
  ::close(sv[0]);
  ::close(sv[1]);
}

TEST(TracerProtocol, GarbageHelloIsRejected) {
  int sv[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
  ASSERT_EQ(::send(sv[1], "GARBAGE", 7, 0), 7);
  Hello got;
  Status st = recv_hello(sv[0], got, 1000);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("expected"), std::string::npos) << st.message();
  ::close(sv[0]);
  ::close(sv[1]);
}

TEST(TracerProtocol, HelloTimesOut) {
  int sv[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
  Hello got;
  Status st = recv_hello(sv[0], got, 20);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("timed out"), std::string::npos);
  ::close(sv[0]);
  ::close(sv[1]);
}

}  // namespace
}  // namespace saker::sources
