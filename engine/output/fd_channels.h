#pragma once
// Channels that write lines to a file descriptor: stdout, a file, a program's stdin.
// All keep the lines they were given in a LineBuffer until the bytes are out, so a retry after
// a short or failed write (disk full, full pipe) neither loses nor repeats a byte.
#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/output/channel.h"
#include "engine/output/output_config.h"

namespace saker::output {

class LineBuffer {
 public:
  void add(std::string_view line);
  bool empty() const { return off_ == buf_.size(); }
  std::size_t lines() const;  // complete or partly written lines not yet out
  // Gives up on the lines not yet out and returns their number. The tail of a line already
  // partly written is kept (and not counted) so the stream stays line-aligned.
  std::size_t clear();
  // Writes to fd until all is out. `deadline_ms` < 0: blocking fd, no deadline; otherwise the fd
  // is non-blocking and poll() waits at most that long in all. Returns 0 or an errno value
  // (ETIMEDOUT when the deadline passed); what was not written stays.
  int drain(int fd, int deadline_ms);
  // After the reader died mid-line: start again from the beginning of the current line.
  void rewind_to_line_start();

 private:
  std::string buf_;
  std::size_t off_ = 0;
};

// Writes to stdout (or any fd given, for tests). Never closes the fd.
class StdoutChannel final : public Channel {
 public:
  explicit StdoutChannel(int fd = 1) : fd_(fd) {}
  std::string_view name() const override { return "stdout"; }
  Status write(const RenderedAlert& a) override;
  Status flush() override;
  std::size_t pending() const override { return buf_.lines(); }
  std::size_t discard() override { return buf_.clear(); }

 private:
  int fd_;
  LineBuffer buf_;
};

// Appends to a file. keep_alive holds it open (reopen() closes it so the next write opens the
// path again: rotation); otherwise it is opened and closed around every flush, as Falco does.
class FileChannel final : public Channel {
 public:
  explicit FileChannel(FileOutputConfig cfg) : cfg_(std::move(cfg)) {}
  ~FileChannel() override;
  std::string_view name() const override { return "file"; }
  Status write(const RenderedAlert& a) override;
  Status flush() override;
  std::size_t pending() const override { return buf_.lines(); }
  std::size_t discard() override { return buf_.clear(); }
  void reopen() override;

 private:
  Status open();
  void close();
  FileOutputConfig cfg_;
  int fd_ = -1;
  LineBuffer buf_;
};

// Writes lines to a program's stdin, the program run through /bin/sh -c. With keep_alive one
// instance lives on and is started again if it exits; otherwise one runs per flush and is waited
// for (at most timeout) so that outputs keep their order. reopen() ends the program (EOF) and
// starts a new one with the next alert. Writes never wait longer than the timeout.
class ProgramChannel final : public Channel {
 public:
  ProgramChannel(ProgramOutputConfig cfg, std::chrono::milliseconds timeout);
  ~ProgramChannel() override;
  std::string_view name() const override { return "program"; }
  Status write(const RenderedAlert& a) override;
  Status flush() override;
  std::size_t pending() const override { return buf_.lines(); }
  std::size_t discard() override { return buf_.clear(); }
  void reopen() override;
  pid_t pid() const { return pid_; }  // the running instance, -1 when none

 private:
  Status start();
  void stop(bool wait);  // close its stdin; wait up to the timeout for it to exit
  void reap();           // collect exited children without waiting
  ProgramOutputConfig cfg_;
  int timeout_ms_;
  pid_t pid_ = -1;
  int fd_ = -1;
  LineBuffer buf_;
  std::vector<pid_t> zombies_;  // programs that outlived their wait
};

}  // namespace saker::output
