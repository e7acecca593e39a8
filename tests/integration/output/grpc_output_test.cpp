// gRPC output: a client generated from the proto receives alerts over a unix socket and over TCP
// with mutual TLS.
#include <grpcpp/grpcpp.h>

#include <gtest/gtest.h>

#include "engine/output/net/grpc_channel.h"
#include "engine/output/outputs.h"
#include "outputs.grpc.pb.h"
#include "tests/integration/output/output_test_util.h"
#include "version.grpc.pb.h"

namespace saker::output {
namespace {

using namespace std::chrono_literals;
using testing::base_config;
using testing::cat_alert;
using testing::kCatTimes;
using testing::wait_until;

struct Served {
  std::unique_ptr<Outputs> outputs;
  GrpcChannel* channel = nullptr;  // owned by outputs
};

Served serve(const GrpcOutputConfig& g) {
  Served s;
  std::string err;
  auto ch = GrpcChannel::create(g, GrpcVersionInfo{"0.1.0-rc1+abc", "0.31.0", "deadbeef"}, true, &err);
  EXPECT_TRUE(ch) << err;
  if (!ch) return s;
  s.channel = ch.get();
  std::vector<std::unique_ptr<Channel>> v;
  v.push_back(std::move(ch));
  s.outputs = std::make_unique<Outputs>(base_config(), std::move(v));
  return s;
}

std::vector<falco::outputs::response> get_all(falco::outputs::service::Stub& stub) {
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + 10s);
  falco::outputs::request req;
  auto reader = stub.get(&ctx, req);
  std::vector<falco::outputs::response> out;
  for (falco::outputs::response r; reader->Read(&r);) out.push_back(r);
  EXPECT_TRUE(reader->Finish().ok());
  return out;
}

void expect_cat_alert(const falco::outputs::response& r, std::uint64_t ns) {
  EXPECT_EQ(r.time().seconds(), static_cast<std::int64_t>(ns / 1000000000ull));
  EXPECT_EQ(r.time().nanos(), static_cast<std::int32_t>(ns % 1000000000ull));
  EXPECT_EQ(r.priority(), falco::schema::WARNING);
  EXPECT_EQ(r.rule(), "open_from_cat");
  std::string t;
  append_time_iso8601(ns, t);
  EXPECT_EQ(r.output(), t + ": Warning An open was seen (command=cat /dev/null)");
  ASSERT_EQ(r.output_fields().size(), 2u);
  EXPECT_EQ(r.output_fields().at("evt.time.iso8601"), t);
  EXPECT_EQ(r.output_fields().at("proc.cmdline"), "cat /dev/null");
  EXPECT_EQ(r.hostname(), "test-falco-hostname");
  ASSERT_EQ(r.tags().size(), 3);
  EXPECT_EQ(r.tags(0), "filesystem");
  EXPECT_EQ(r.source(), "syscall");
}

TEST(GrpcOutput, UnixSocketGetSubAndVersion) {
  testing::TempDir dir;
  GrpcOutputConfig g;
  g.enabled = true;
  g.bind_address = "unix://" + dir.file("saker.sock");
  g.threadiness = 2;
  Served s = serve(g);
  ASSERT_TRUE(s.outputs);
  auto chan = grpc::CreateChannel(g.bind_address, grpc::InsecureChannelCredentials());
  auto outputs = falco::outputs::service::NewStub(chan);
  auto versions = falco::version::service::NewStub(chan);

  // get: everything delivered so far, then the stream ends.
  for (std::uint64_t t : kCatTimes) s.outputs->push(cat_alert(t));
  ASSERT_TRUE(s.outputs->drain(10s));
  auto got = get_all(*outputs);
  ASSERT_EQ(got.size(), 8u);
  for (std::size_t k = 0; k < got.size(); ++k) expect_cat_alert(got[k], kCatTimes[k]);
  EXPECT_TRUE(get_all(*outputs).empty());  // consumed

  // sub: a stream that keeps receiving.
  grpc::ClientContext sub_ctx;
  auto stream = outputs->sub(&sub_ctx);
  ASSERT_TRUE(stream->Write(falco::outputs::request()));
  ASSERT_TRUE(wait_until([&] { return s.channel->subscribers() == 1; }));
  for (std::uint64_t t : kCatTimes) s.outputs->push(cat_alert(t));
  for (std::size_t k = 0; k < 8; ++k) {
    falco::outputs::response r;
    ASSERT_TRUE(stream->Read(&r));
    expect_cat_alert(r, kCatTimes[k]);
  }
  sub_ctx.TryCancel();
  (void)stream->Finish();

  // version
  grpc::ClientContext vctx;
  falco::version::response v;
  ASSERT_TRUE(versions->version(&vctx, falco::version::request(), &v).ok());
  EXPECT_EQ(v.version(), "0.1.0-rc1+abc");
  EXPECT_EQ(v.major(), 0u);
  EXPECT_EQ(v.minor(), 1u);
  EXPECT_EQ(v.prerelease(), "rc1");
  EXPECT_EQ(v.build(), "abc");
  EXPECT_EQ(v.engine_version(), "0.31.0");
  EXPECT_EQ(v.engine_minor(), 31u);
  EXPECT_EQ(v.engine_fields_checksum(), "deadbeef");
}

TEST(GrpcOutput, MutualTlsOverTcp) {
  testing::TempDir dir;
  auto certs = testing::make_certs(dir);
  ASSERT_TRUE(certs.ok) << "openssl failed";
  GrpcOutputConfig g;
  g.enabled = true;
  g.bind_address = "127.0.0.1:0";
  g.private_key = certs.server_key;
  g.cert_chain = certs.server_crt;
  g.root_certs = certs.ca_crt;
  Served s = serve(g);
  ASSERT_TRUE(s.outputs);
  ASSERT_GT(s.channel->port(), 0);
  const std::string target = "localhost:" + std::to_string(s.channel->port());
  for (std::uint64_t t : kCatTimes) s.outputs->push(cat_alert(t));
  ASSERT_TRUE(s.outputs->drain(10s));

  // Without a client certificate: refused.
  {
    grpc::SslCredentialsOptions o;
    o.pem_root_certs = testing::read_file(certs.ca_crt);
    auto stub = falco::outputs::service::NewStub(grpc::CreateChannel(target, grpc::SslCredentials(o)));
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + 3s);
    auto reader = stub->get(&ctx, falco::outputs::request());
    falco::outputs::response r;
    EXPECT_FALSE(reader->Read(&r));
    EXPECT_FALSE(reader->Finish().ok());
  }
  // With one: the alerts.
  grpc::SslCredentialsOptions o;
  o.pem_root_certs = testing::read_file(certs.ca_crt);
  o.pem_private_key = testing::read_file(certs.client_key);
  o.pem_cert_chain = testing::read_file(certs.client_crt);
  auto stub = falco::outputs::service::NewStub(grpc::CreateChannel(target, grpc::SslCredentials(o)));
  auto got = get_all(*stub);
  ASSERT_EQ(got.size(), 8u);
  for (std::size_t k = 0; k < got.size(); ++k) expect_cat_alert(got[k], kCatTimes[k]);
}

TEST(GrpcOutput, BadCertificatePathsFailToStart) {
  GrpcOutputConfig g;
  g.enabled = true;
  g.bind_address = "127.0.0.1:0";
  g.private_key = "/nonexistent/key.pem";
  std::string err;
  EXPECT_FALSE(GrpcChannel::create(g, {}, true, &err));
  EXPECT_NE(err.find("/nonexistent"), std::string::npos) << err;
}

}  // namespace
}  // namespace saker::output
