#pragma once
// Parsers for the bodies of .scap state blocks (internal to the reader and its tests).
// Each takes the block body (the bytes between the block header and the trailer, padding
// included) and the file offset of that body, used in messages. Every read is bounds-checked
// against the body (and against an entry's own length for versions that carry one); an error
// names the offset and the field that did not fit.
#include <cstdint>
#include <span>

#include "engine/common/status.h"
#include "engine/events/scap_blocks.h"

namespace saker::scap::detail {

Status parse_section_header(std::span<const uint8_t> body, uint64_t offset, SectionHeader& out);
Status parse_machine_info(std::span<const uint8_t> body, uint64_t offset, MachineInfo& out);
Status parse_process_list(uint32_t block_type, std::span<const uint8_t> body, uint64_t offset,
                          ProcessList& out);
Status parse_fd_list(uint32_t block_type, std::span<const uint8_t> body, uint64_t offset,
                     FdList& out);
Status parse_interface_list(uint32_t block_type, std::span<const uint8_t> body, uint64_t offset,
                            InterfaceList& out);
Status parse_user_list(uint32_t block_type, std::span<const uint8_t> body, uint64_t offset,
                       UserList& out);

}  // namespace saker::scap::detail
