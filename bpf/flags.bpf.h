/* Native -> PPM flag conversions for the BPF programs: the same header the tracer compiles
 * (engine/events/ppm_flag_convert.h), with the types from vmlinux.h and the PPM_* values from
 * scap_ids.h, both brought in by maps.bpf.h. */
#ifndef SAKER_BPF_FLAGS_H
#define SAKER_BPF_FLAGS_H

#include "maps.bpf.h"

#include "engine/events/ppm_flag_convert.h"

/* include/linux/fs.h: a kernel-internal f_mode bit (not uapi), set when open created the file. */
#define N_FMODE_CREATED (1u << 20)

#endif
