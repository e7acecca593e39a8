#include "engine/state/metadata/metadata_service.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "engine/state/metadata/docker_inspect.h"
#include "engine/state/metadata/ecs_task.h"
#include "engine/state/metadata/json_util.h"

namespace saker::state::metadata {

namespace {

constexpr size_t kShortIdLen = 12;
constexpr long kRetryMs = 2000;  // between attempts on a failing source

// A runtime endpoint is a Unix socket path, or "http://host:port" for an API on TCP (Docker's
// DOCKER_HOST=tcp://... setups, and the benchmark's local server).
bool is_tcp(const std::string& endpoint) { return endpoint.rfind("http://", 0) == 0; }

HttpTarget runtime_target(const std::string& endpoint) {
  return is_tcp(endpoint) ? HttpTarget{"", endpoint} : HttpTarget{endpoint, "http://d"};
}

bool endpoint_present(const std::string& endpoint) {
  std::error_code ec;
  return is_tcp(endpoint) || std::filesystem::exists(endpoint, ec);
}

bool looks_like_container_id(std::string_view s) {
  if (s.size() < kShortIdLen || s.size() > 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::shared_ptr<ContainerInfo> bare_container(std::string_view id) {
  auto info = std::make_shared<ContainerInfo>();
  info->full_id = id;
  info->id = info->full_id.substr(0, kShortIdLen);
  return info;
}

}  // namespace

MetadataService::MetadataService(MetadataConfig cfg) : cfg_(std::move(cfg)) {
  for (const std::string& s : cfg_.cri_sockets) cri_clients_.push_back(std::make_unique<CriClient>(s, cfg_.timeout_ms));
  // What is known without asking anyone: the wrapper's word, else the hostname.
  if (!cfg_.self_container_id.empty()) {
    self_ = bare_container(cfg_.self_container_id);
  } else if (cfg_.self_from_hostname && cfg_.ecs_uri.empty()) {
    char host[256] = {};
    if (gethostname(host, sizeof(host) - 1) == 0 && looks_like_container_id(host)) self_ = bare_container(host);
  }
}

MetadataService::~MetadataService() { stop(); }

void MetadataService::start() {
  if (started_) return;
  started_ = true;
  threads_.emplace_back([this] { lookup_loop(); });
  if (cfg_.watch_events) {
    for (const std::string& s : cfg_.runtime_sockets) threads_.emplace_back([this, s] { events_loop(s); });
  }
  if (!cfg_.ecs_uri.empty()) threads_.emplace_back([this] { ecs_loop(); });
}

void MetadataService::stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  done_cv_.notify_all();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

void MetadataService::request(const std::string& full_id, ContainerType type) {
  std::lock_guard lock(mu_);
  if (!asked_.insert(full_id).second) return;
  if (queue_.size() >= cfg_.max_queue) {
    ++stats_.dropped;
    if (warned_.insert("queue").second && cfg_.log)
      cfg_.log("container metadata: lookup queue full (" + std::to_string(cfg_.max_queue) +
               "), some containers will have no metadata");
    return;
  }
  queue_.push_back({full_id, type});
  work_cv_.notify_one();
}

void MetadataService::take(std::vector<std::shared_ptr<const ContainerInfo>>& updated,
                           std::vector<std::string>& removed) {
  std::lock_guard lock(mu_);
  updated.swap(updated_);
  removed.swap(removed_);
  updated_.clear();
  removed_.clear();
  has_updates_.store(false, std::memory_order_release);
}

void MetadataService::wait_for(const std::string& full_id) {
  if (!cfg_.wait || !started_) return;
  std::unique_lock lock(mu_);
  done_cv_.wait_for(lock, std::chrono::milliseconds(cfg_.timeout_ms + 100),
                    [&] { return stop_.load() || done_.count(full_id) != 0; });
}

std::shared_ptr<const ContainerInfo> MetadataService::self_container() const {
  std::lock_guard lock(mu_);
  return self_;
}

MetadataService::Stats MetadataService::stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

void MetadataService::publish(std::shared_ptr<const ContainerInfo> info) {
  // Called with mu_ held.
  updated_.push_back(std::move(info));
  has_updates_.store(true, std::memory_order_release);
}

void MetadataService::publish_removed(std::string full_id) {
  // Called with mu_ held.
  asked_.erase(full_id);
  done_.erase(full_id);
  removed_.push_back(std::move(full_id));
  has_updates_.store(true, std::memory_order_release);
}

void MetadataService::warn_once(const std::string& key, const std::string& message) {
  std::lock_guard lock(mu_);
  if (warned_.insert(key).second && cfg_.log) cfg_.log(message);
}

bool MetadataService::sleep_or_stop(long ms) {
  std::unique_lock lock(mu_);
  done_cv_.wait_for(lock, std::chrono::milliseconds(ms), [&] { return stop_.load(); });
  return !stop_;
}

void MetadataService::lookup_loop() {
  for (;;) {
    Request r;
    {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [&] { return stop_.load() || !queue_.empty(); });
      if (stop_) return;
      r = std::move(queue_.front());
      queue_.pop_front();
      ++stats_.lookups;
    }
    const bool found = lookup(r);
    {
      std::lock_guard lock(mu_);
      if (found) {
        ++stats_.found;
      } else {
        ++stats_.failed;
      }
      done_.insert(r.full_id);
    }
    done_cv_.notify_all();
  }
}

bool MetadataService::lookup(const Request& r) {
  for (const std::string& socket : cfg_.runtime_sockets) {
    if (!endpoint_present(socket)) continue;
    const HttpTarget target = runtime_target(socket);
    const std::string prefix = "/" + cfg_.api_version;
    HttpResult res = http_get(target, prefix + "/containers/" + r.full_id + "/json", cfg_.timeout_ms);
    if (res.status == 404) continue;  // another runtime's container
    if (!res.ok()) {
      warn_once(socket + " " + (res.error.empty() ? std::to_string(res.status) : res.error),
                "container metadata: " + socket + ": " + res.describe() + " (container " + r.full_id.substr(0, 12) + ")");
      continue;
    }
    auto info = std::make_shared<ContainerInfo>();
    std::string error;
    if (!parse_docker_inspect(res.body, r.type, *info, error)) {
      warn_once(socket + " json", "container metadata: " + socket + ": " + error);
      continue;
    }
    // The registry digest is the image's, not the container's (RepoDigests).
    if (info->image_digest.empty() && !info->image_id.empty()) {
      HttpResult img = http_get(target, prefix + "/images/" + info->image_id + "/json", cfg_.timeout_ms);
      nlohmann::json j;
      std::string ignored;
      if (img.ok() && parse_json(img.body, j, ignored)) {
        const nlohmann::json* digests = member(j, "RepoDigests");
        if (digests != nullptr && digests->is_array() && !digests->empty() && (*digests)[0].is_string()) {
          const std::string d = (*digests)[0].get<std::string>();
          if (size_t at = d.find('@'); at != std::string::npos) info->image_digest = d.substr(at + 1);
        }
      }
    }
    std::lock_guard lock(mu_);
    publish(std::move(info));
    return true;
  }
  return lookup_cri(r);
}

bool MetadataService::lookup_cri(const Request& r) {
  for (const std::unique_ptr<CriClient>& client : cri_clients_) {
    const std::string& socket = client->socket_path();
    if (!endpoint_present(socket)) continue;
    ContainerType type = r.type;
    if (type != ContainerType::Containerd && type != ContainerType::Crio)
      type = socket.find("crio") != std::string::npos ? ContainerType::Crio : ContainerType::Containerd;
    auto info = std::make_shared<ContainerInfo>();
    std::string error, kind;
    const CriOutcome outcome = client->lookup(r.full_id, type, *info, error, kind);
    if (!error.empty())
      warn_once(socket + " cri " + kind,
                "container metadata: " + socket + ": " + error + " (container " + r.full_id.substr(0, 12) + ")");
    if (outcome != CriOutcome::Found) continue;
    std::lock_guard lock(mu_);
    publish(std::move(info));
    return true;
  }
  return false;
}

void MetadataService::events_loop(std::string socket) {
  const HttpTarget target = runtime_target(socket);
  // filters={"type":["container"]}, URL-encoded.
  const std::string path = "/" + cfg_.api_version + "/events?filters=%7B%22type%22%3A%5B%22container%22%5D%7D";
  std::string pending;
  while (!stop_) {
    if (endpoint_present(socket)) {
      pending.clear();
      HttpResult res = http_stream(target, path, cfg_.timeout_ms,
                                   [&](std::string_view data) {
                                     pending.append(data);
                                     size_t nl;
                                     while ((nl = pending.find('\n')) != std::string::npos) {
                                       on_event_line(std::string_view(pending).substr(0, nl));
                                       pending.erase(0, nl + 1);
                                     }
                                   },
                                   stop_);
      if (stop_) return;
      warn_once(socket + " events", "container metadata: event stream of " + socket + " ended: " +
                                         res.describe() + " (reconnecting)");
    }
    if (!sleep_or_stop(kRetryMs)) return;
  }
}

void MetadataService::on_event_line(std::string_view line) {
  nlohmann::json j;
  std::string error;
  if (line.find_first_not_of(" \r\t") == std::string_view::npos) return;
  if (!parse_json(line, j, error)) {
    warn_once("events json", "container metadata: runtime event: " + error);
    return;
  }
  if (str_of(j, "Type") != "container") return;
  const std::string action = str_of(j, "Action");
  std::string id = str_of(obj_of(j, "Actor"), "ID");
  if (id.empty()) id = str_of(j, "id");
  if (id.empty()) return;
  std::lock_guard lock(mu_);
  ++stats_.events;
  if (action == "destroy" || action == "remove") {
    if (asked_.count(id) != 0) publish_removed(id);
  } else if (action == "start" || action == "rename" || action == "update" || action == "create") {
    // Only containers the engine has seen are fetched: the stream itself does not grow the cache.
    if (asked_.count(id) != 0 && queue_.size() < cfg_.max_queue) {
      queue_.push_back({id, ContainerType::Unknown});
      work_cv_.notify_one();
    }
  }
}

void MetadataService::ecs_loop() {
  const HttpTarget target{"", cfg_.ecs_uri};
  bool have_self = false, have_task = false;
  while (!stop_ && !(have_self && have_task)) {
    if (!have_self) {
      HttpResult res = http_get(target, "", cfg_.timeout_ms);
      auto info = std::make_shared<ContainerInfo>();
      std::string error;
      if (!res.ok()) {
        warn_once("ecs container " + res.describe(), "ECS task metadata: " + cfg_.ecs_uri + ": " + res.describe());
      } else if (!parse_ecs_container(res.body, *info, error)) {
        warn_once("ecs container json", "ECS task metadata: " + cfg_.ecs_uri + ": " + error);
      } else {
        have_self = true;
        std::lock_guard lock(mu_);
        // The wrapper's id wins (precedence 1); the endpoint's document still fills the details.
        if (self_ == nullptr || self_->id == info->id) self_ = info;
        publish(info);
      }
    }
    if (!have_task && !stop_) {
      HttpResult res = http_get(target, "/task", cfg_.timeout_ms);
      CloudTaskInfo task;
      std::vector<ContainerInfo> containers;
      std::string error;
      if (!res.ok()) {
        warn_once("ecs task " + res.describe(), "ECS task metadata: " + cfg_.ecs_uri + "/task: " + res.describe());
      } else if (!parse_ecs_task(res.body, task, containers, error)) {
        warn_once("ecs task json", "ECS task metadata: " + cfg_.ecs_uri + "/task: " + error);
      } else {
        have_task = true;
        std::lock_guard lock(mu_);
        for (ContainerInfo& c : containers) {
          auto info = std::make_shared<ContainerInfo>(std::move(c));
          if (self_ != nullptr && self_->id == info->id) self_ = info;
          publish(std::move(info));
        }
      }
    }
    if (!(have_self && have_task) && !sleep_or_stop(kRetryMs)) return;
  }
}

}  // namespace saker::state::metadata
