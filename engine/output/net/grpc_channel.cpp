#include "engine/output/net/grpc_channel.h"

#include <grpcpp/grpcpp.h>
#include <grpcpp/security/server_credentials.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "engine/output/alert_format.h"
#include "outputs.grpc.pb.h"
#include "version.grpc.pb.h"

namespace saker::output {

namespace {

using ResponsePtr = std::shared_ptr<const falco::outputs::response>;

class OutputsService final : public falco::outputs::service::Service {
 public:
  explicit OutputsService(std::shared_ptr<GrpcChannel::Hub> hub) : hub_(std::move(hub)) {}

  grpc::Status get(grpc::ServerContext* ctx, const falco::outputs::request*,
                   grpc::ServerWriter<falco::outputs::response>* writer) override {
    std::deque<ResponsePtr> batch;
    {
      std::lock_guard lock(hub_->mu);
      batch.swap(hub_->backlog);
    }
    for (const ResponsePtr& r : batch) {
      if (ctx->IsCancelled() || !writer->Write(*r)) break;
    }
    return grpc::Status::OK;
  }

  grpc::Status sub(grpc::ServerContext* ctx,
                   grpc::ServerReaderWriter<falco::outputs::response, falco::outputs::request>* stream) override {
    auto me = std::make_shared<GrpcChannel::Subscriber>();
    {
      std::lock_guard lock(hub_->mu);
      hub_->subs.push_back(me);
    }
    std::deque<ResponsePtr> batch;
    for (;;) {
      {
        std::unique_lock lock(hub_->mu);
        hub_->cv.wait_for(lock, std::chrono::milliseconds(100),
                          [&] { return hub_->stopping || !me->queue.empty(); });
        if (hub_->stopping) break;
        batch.swap(me->queue);
      }
      if (ctx->IsCancelled()) break;
      bool ok = true;
      for (const ResponsePtr& r : batch) {
        if (!stream->Write(*r)) {
          ok = false;
          break;
        }
      }
      batch.clear();
      if (!ok) break;
    }
    std::lock_guard lock(hub_->mu);
    std::erase(hub_->subs, me);
    return grpc::Status::OK;
  }

 private:
  std::shared_ptr<GrpcChannel::Hub> hub_;
};

class VersionService final : public falco::version::service::Service {
 public:
  explicit VersionService(GrpcVersionInfo v) : v_(std::move(v)) {}

  grpc::Status version(grpc::ServerContext*, const falco::version::request*,
                       falco::version::response* res) override {
    unsigned maj = 0, min = 0, pat = 0;
    std::sscanf(v_.version.c_str(), "%u.%u.%u", &maj, &min, &pat);
    res->set_version(v_.version);
    res->set_major(maj);
    res->set_minor(min);
    res->set_patch(pat);
    // "1.2.3-rc1+build": prerelease after '-', build after '+'.
    const std::size_t plus = v_.version.find('+');
    const std::size_t dash = v_.version.find('-');
    if (dash != std::string::npos && dash < plus) {
      res->set_prerelease(v_.version.substr(dash + 1, plus == std::string::npos ? plus : plus - dash - 1));
    }
    if (plus != std::string::npos) res->set_build(v_.version.substr(plus + 1));
    unsigned emaj = 0, emin = 0, epat = 0;
    std::sscanf(v_.engine_version.c_str(), "%u.%u.%u", &emaj, &emin, &epat);
    res->set_engine_version(v_.engine_version);
    res->set_engine_major(emaj);
    res->set_engine_minor(emin);
    res->set_engine_patch(epat);
    res->set_engine_fields_checksum(v_.engine_fields_checksum);
    return grpc::Status::OK;
  }

 private:
  GrpcVersionInfo v_;
};

bool read_file(const std::string& path, std::string* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "grpc: cannot read " + path;
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

template <class T>
void delete_as(void* p) {
  delete static_cast<T*>(p);
}

}  // namespace

std::unique_ptr<GrpcChannel> GrpcChannel::create(const GrpcOutputConfig& cfg, GrpcVersionInfo version,
                                                 bool time_iso8601, std::string* error) {
  std::unique_ptr<GrpcChannel> ch(new GrpcChannel());
  ch->time_iso8601_ = time_iso8601;
  ch->hub_ = std::make_shared<Hub>();
  ch->hub_->capacity = cfg.backlog == 0 ? 1 : cfg.backlog;

  std::shared_ptr<grpc::ServerCredentials> creds;
  const bool unix_socket = cfg.bind_address.rfind("unix:", 0) == 0;
  if (unix_socket) {
    creds = grpc::InsecureServerCredentials();
  } else {
    grpc::SslServerCredentialsOptions opts(GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
    if (!read_file(cfg.private_key, &pair.private_key, error) ||
        !read_file(cfg.cert_chain, &pair.cert_chain, error) ||
        !read_file(cfg.root_certs, &opts.pem_root_certs, error)) {
      return nullptr;
    }
    opts.pem_key_cert_pairs.push_back(std::move(pair));
    creds = grpc::SslServerCredentials(opts);
  }

  auto* outputs = new OutputsService(ch->hub_);
  ch->services_.emplace_back(outputs, &delete_as<OutputsService>);
  auto* versions = new VersionService(std::move(version));
  ch->services_.emplace_back(versions, &delete_as<VersionService>);

  grpc::ServerBuilder builder;
  builder.AddListeningPort(cfg.bind_address, creds, unix_socket ? nullptr : &ch->port_);
  builder.RegisterService(outputs);
  builder.RegisterService(versions);
  if (cfg.threadiness > 0) {
    builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::NUM_CQS, cfg.threadiness);
  }
  ch->server_ = builder.BuildAndStart();
  if (!ch->server_) {
    *error = "grpc: cannot listen on " + cfg.bind_address;
    return nullptr;
  }
  return ch;
}

GrpcChannel::~GrpcChannel() {
  if (hub_) {
    std::lock_guard lock(hub_->mu);
    hub_->stopping = true;
  }
  if (hub_) hub_->cv.notify_all();
  if (server_) {
    server_->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(500));
    server_->Wait();
  }
  server_.reset();
  services_.clear();
}

std::size_t GrpcChannel::subscribers() const {
  std::lock_guard lock(hub_->mu);
  return hub_->subs.size();
}

Status GrpcChannel::write(const RenderedAlert& ra) {
  const Alert& a = *ra.alert;
  auto r = std::make_shared<falco::outputs::response>();
  r->mutable_time()->set_seconds(static_cast<std::int64_t>(a.time_ns / 1000000000ull));
  r->mutable_time()->set_nanos(static_cast<std::int32_t>(a.time_ns % 1000000000ull));
  r->set_priority(static_cast<falco::schema::priority>(static_cast<int>(a.priority)));
  // The first API's enum, still filled for old clients (deprecated in the proto on purpose).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  if (a.source == "k8s_audit") {
    r->set_source_deprecated(falco::schema::K8S_AUDIT);
  } else if (a.source == "internal") {
    r->set_source_deprecated(falco::schema::INTERNAL);
  } else if (a.source != "syscall") {
    r->set_source_deprecated(falco::schema::PLUGIN);
  }
#pragma GCC diagnostic pop
  r->set_rule(a.rule);
  r->set_output(std::string(ra.text));
  auto& fields = *r->mutable_output_fields();
  std::string t;
  if (time_iso8601_) {
    append_time_iso8601(a.time_ns, t);
    fields["evt.time.iso8601"] = t;
  } else {
    append_time_local(a.time_ns, t);
    fields["evt.time"] = t;
  }
  for (const OutputField& f : a.fields) fields.insert({f.name, f.text});
  r->set_hostname(a.hostname);
  for (const std::string& tag : a.tags) r->add_tags(tag);
  r->set_source(a.source);

  ResponsePtr shared = std::move(r);
  {
    std::lock_guard lock(hub_->mu);
    if (hub_->backlog.size() >= hub_->capacity) {
      hub_->backlog.pop_front();
      overflowed_.fetch_add(1);
    }
    hub_->backlog.push_back(shared);
    for (auto& s : hub_->subs) {
      if (s->queue.size() >= hub_->capacity) {
        s->queue.pop_front();
        overflowed_.fetch_add(1);
      }
      s->queue.push_back(shared);
    }
  }
  hub_->cv.notify_all();
  return Status::Ok();
}

}  // namespace saker::output
