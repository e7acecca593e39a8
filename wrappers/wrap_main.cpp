// saker-wrap: the entrypoint prefix. `ENTRYPOINT ["/saker/saker-wrap", "--", "/entrypoint.sh", "nginx"]`
//
// Without SAKER_SOCKET this process is the engine (as `saker trace`): it loads the rules, starts
// saker-trace beside it on a private socket, and the tracer runs the workload. As PID 1 it stays
// the container's init: the tracer, started with --init, is the workload's subreaper (orphans are
// reaped) and leaves when the main process exits; SIGTERM/SIGINT go to the tracer, which forwards
// them to the workload; the engine drains the last alerts, then exits with the workload's status.
// With SAKER_SOCKET the engine runs elsewhere and this process becomes saker-trace (exec), which
// does the same init duties itself.
//
// The workload's stdin, stdout, stderr, environment and signal dispositions are its own; alerts
// go to stderr unless configured otherwise (wrap_options.h).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "engine/app/app.h"
#include "engine/app/config_locate.h"
#include "wrappers/wrap_options.h"

namespace {

// The files a wrapped container needs, all beside this binary (bin/dist, the image's /saker).
constexpr const char* kInstalled[] = {"saker", "saker-trace", "saker-wrap", "saker_rules.yaml", "saker.yaml"};

// --install DIR: copies them (an init container has no shell and no cp). Missing optional files
// (the configuration is also built in) are skipped; a missing binary is an error.
int install_into(const std::filesystem::path& to) {
  namespace fs = std::filesystem;
  const fs::path from = saker::app::executable_dir();
  std::error_code ec;
  fs::create_directories(to, ec);
  if (ec) {
    std::fprintf(stderr, "saker-wrap: --install: cannot create %s: %s\n", to.c_str(), ec.message().c_str());
    return 1;
  }
  for (const char* name : kInstalled) {
    const fs::path src = from / name;
    if (!fs::exists(src, ec)) {
      if (std::string_view(name).starts_with("saker-") || std::string_view(name) == "saker") {
        std::fprintf(stderr, "saker-wrap: --install: %s is missing\n", src.c_str());
        return 1;
      }
      continue;
    }
    fs::copy_file(src, to / name, fs::copy_options::overwrite_existing, ec);
    if (!ec) fs::permissions(to / name, fs::status(src).permissions(), ec);
    if (ec) {
      std::fprintf(stderr, "saker-wrap: --install: %s -> %s: %s\n", src.c_str(), (to / name).c_str(),
                   ec.message().c_str());
      return 1;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string tracer = (saker::app::executable_dir() / "saker-trace").string();
  const saker::wrap::WrapPlan plan =
      saker::wrap::plan_wrap(std::vector<std::string>(argv, argv + argc), saker::wrap::wrap_environment(), tracer);
  switch (plan.kind) {
    case saker::wrap::WrapPlan::Kind::kHelp:
      std::fputs(plan.message.c_str(), stdout);
      return 0;
    case saker::wrap::WrapPlan::Kind::kError:
      std::fprintf(stderr, "%s\n", plan.message.c_str());
      return 1;
    case saker::wrap::WrapPlan::Kind::kTracerOnly: {
      std::vector<char*> args;
      for (const auto& a : plan.argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      std::fprintf(stderr, "saker-wrap: cannot run %s: %s\n", args[0], std::strerror(errno));
      return 127;
    }
    case saker::wrap::WrapPlan::Kind::kInstall:
      return install_into(plan.message);
    case saker::wrap::WrapPlan::Kind::kEngine:
      break;
  }
  return saker::app::run_app(plan.argv);
}
