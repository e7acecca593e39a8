# Turns the C++ scap id and flag tables (engine/events/event_types.h, ppm_flags.h) into a C
# header of #defines for the BPF programs, so the schema stays the single source of truth.
# Usage: cmake -DEVENT_TYPES=... -DPPM_FLAGS=... -DOUT=... -P gen_scap_ids.cmake
file(STRINGS ${EVENT_TYPES} type_lines REGEX "^ *PPME_[A-Z0-9_]+ = [0-9]+,")
file(STRINGS ${PPM_FLAGS} flag_lines REGEX "^inline constexpr u?int[0-9]+_t PPM_[A-Za-z0-9_]+ = ")
set(text "/* Generated from engine/events/event_types.h and ppm_flags.h: do not edit. */\n")
string(APPEND text "#ifndef SAKER_BPF_SCAP_IDS_H\n#define SAKER_BPF_SCAP_IDS_H\n")
foreach(l ${type_lines})
  string(REGEX REPLACE "^ *(PPME_[A-Z0-9_]+) = ([0-9]+),.*" "#define \\1 \\2" d "${l}")
  string(APPEND text "${d}\n")
endforeach()
foreach(l ${flag_lines})
  string(REGEX REPLACE "^inline constexpr u?int[0-9]+_t (PPM_[A-Za-z0-9_]+) = (.*);.*" "#define \\1 (\\2)" d "${l}")
  string(APPEND text "${d}\n")
endforeach()
string(APPEND text "#endif\n")
file(WRITE ${OUT}.tmp "${text}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
