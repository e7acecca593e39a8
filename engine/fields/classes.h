#pragma once
// The built-in field classes, one per *_fields.cpp. Each accessor returns a constant class
// description (name, description, field table, binder). The registry lists them in this order,
// which is also the order of `--list`.
#include "engine/fields/field_info.h"

namespace saker::fields {

const FieldClass& evt_generic_class();  // evt (All event types)      evt_fields.cpp
const FieldClass& evt_class();          // evt (Syscall events only)  evt_fields.cpp
const FieldClass& proc_class();         // proc.*                     proc_fields.cpp
const FieldClass& thread_class();       // thread.*                   thread_fields.cpp
const FieldClass& user_class();         // user.*                     user_fields.cpp
const FieldClass& group_class();        // group.*                    group_fields.cpp
const FieldClass& container_class();    // container.*                container_fields.cpp
const FieldClass& fd_class();           // fd.*                       fd_fields.cpp
const FieldClass& fdlist_class();       // fdlist.*                   fdlist_fields.cpp
const FieldClass& fspath_class();       // fs.path.*                  fspath_fields.cpp
const FieldClass& k8s_class();          // k8s.*                      k8s_fields.cpp
const FieldClass& ecs_class();          // ecs.* (ours: ECS tasks)    ecs_fields.cpp

}  // namespace saker::fields
