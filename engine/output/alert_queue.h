#pragma once
// The queue between the threads that raise alerts and the output worker: many producers, one
// consumer, optionally bounded. push() never waits: it links a node with one atomic exchange
// (Vyukov's MPSC queue), so a producer is never stalled behind a preempted consumer holding a
// lock. The consumer polls while alerts flow and sleeps on a futex after a quiet spell; only then
// does a producer wake it.
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>

#include "engine/output/alert.h"

namespace saker::output {

class AlertQueue {
 public:
  explicit AlertQueue(std::uint64_t capacity = 0) : capacity_(capacity) {
    head_.store(&stub_);
    tail_ = &stub_;
  }
  ~AlertQueue() {
    Alert a;
    while (pop(a)) {
    }
    if (tail_ != &stub_) delete tail_;
  }
  AlertQueue(const AlertQueue&) = delete;
  AlertQueue& operator=(const AlertQueue&) = delete;

  // 0: unbounded (Falco's default).
  void set_capacity(std::uint64_t c) { capacity_.store(c, std::memory_order_relaxed); }
  std::uint64_t capacity() const { return capacity_.load(std::memory_order_relaxed); }

  // Any thread. Returns false (and takes nothing) when the queue holds `capacity` alerts.
  bool push(Alert&& a) {
    const std::uint64_t cap = capacity_.load(std::memory_order_relaxed);
    const std::uint64_t before = size_.fetch_add(1);  // seq_cst: pairs with wait()
    if (cap != 0 && before >= cap) {
      size_.fetch_sub(1);
      return false;
    }
    std::uint64_t hw = high_water_.load(std::memory_order_relaxed);
    while (before + 1 > hw && !high_water_.compare_exchange_weak(hw, before + 1, std::memory_order_relaxed)) {
    }
    Node* n = new Node{std::move(a)};
    Node* prev = head_.exchange(n, std::memory_order_acq_rel);
    prev->next.store(n, std::memory_order_release);
    if (sleeping_.load()) wake();  // seq_cst: pairs with wait()
    return true;
  }

  // The consumer only. False when nothing is (yet) linked.
  bool pop(Alert& out) {
    Node* tail = tail_;
    Node* next = tail->next.load(std::memory_order_acquire);
    if (next == nullptr) return false;
    out = std::move(next->value);
    tail_ = next;  // `next` becomes the new stub
    if (tail != &stub_) delete tail;
    size_.fetch_sub(1, std::memory_order_relaxed);
    return true;
  }

  std::uint64_t size() const { return size_.load(std::memory_order_relaxed); }
  std::uint64_t high_water() const { return high_water_.load(std::memory_order_relaxed); }

  // The consumer only: sleeps until wake() is called or `timeout` passes. With `wake_on_push`,
  // a push() wakes it too; without, producers never pay for a wake-up (the consumer polls:
  // a woken thread can preempt the producer that woke it, which costs far more than a push).
  void wait(std::chrono::milliseconds timeout, bool wake_on_push) {
    const std::uint32_t seq = word_.load();
    if (wake_on_push) sleeping_.store(true);
    if (size_.load() == 0) {
      timespec ts{static_cast<time_t>(timeout.count() / 1000), static_cast<long>(timeout.count() % 1000) * 1000000};
      ::syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word_), FUTEX_WAIT_PRIVATE, seq, &ts, nullptr, 0);
    }
    sleeping_.store(false);
  }

  // Any thread; async-signal-safe.
  void wake() noexcept {
    word_.fetch_add(1);
    ::syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word_), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
  }

 private:
  struct Node {
    Alert value;
    std::atomic<Node*> next{nullptr};
  };
  static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t));

  std::atomic<std::uint64_t> capacity_;
  std::atomic<std::uint64_t> size_{0};
  std::atomic<std::uint64_t> high_water_{0};
  alignas(64) std::atomic<Node*> head_;  // producers
  alignas(64) Node* tail_;               // consumer
  Node stub_;
  alignas(64) std::atomic<std::uint32_t> word_{0};  // futex
  std::atomic<bool> sleeping_{false};
};

}  // namespace saker::output
