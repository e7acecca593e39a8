#pragma once
// The category of each syscall that has no dedicated event (generic "syscall" events), by
// syscall name, as sysdig 0.29's syscall table assigns them (evt.category of generic events).
#include <cstdint>
#include <string_view>

namespace saker::fields {

// EventCategory of the named syscall; EC_OTHER when the table does not list it.
uint32_t generic_syscall_category(std::string_view syscall);

}  // namespace saker::fields
