// Field class `ecs` (ours, no Falco equivalent): the AWS ECS / Fargate task the event's
// container belongs to, from the task metadata endpoint v4 ($ECS_CONTAINER_METADATA_URI_V4/task).
// No value outside such a task, or before the endpoint has answered.
#include "engine/fields/classes.h"
#include "engine/fields/container_meta_fields.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"ecs.cluster", T::Charbuf, PF::NA, kNone, Arg::None, "Cluster",
     "The ECS cluster the task runs in, as the task metadata names it (a short name or an ARN)."},
    {"ecs.task.arn", T::Charbuf, PF::NA, kNone, Arg::None, "Task ARN",
     "The full Amazon Resource Name of the task."},
    {"ecs.task.family", T::Charbuf, PF::NA, kNone, Arg::None, "Task Family",
     "The family of the task definition the task was started from."},
    {"ecs.task.revision", T::Charbuf, PF::NA, kNone, Arg::None, "Task Revision",
     "The revision of that task definition."},
    {"ecs.availability_zone", T::Charbuf, PF::NA, kNone, Arg::None, "Availability Zone",
     "The availability zone the task was placed in, e.g. us-east-1a."},
    {"ecs.launch_type", T::Charbuf, PF::NA, kNone, Arg::None, "Launch Type",
     "How the task was launched: FARGATE or EC2."},
};

}  // namespace

const FieldClass& ecs_class() {
  static constexpr FieldClass c{
      "ecs",
      "ecs",
      "",
      "AWS ECS and Fargate task context, read from the task metadata endpoint v4 of the task "
      "the container runs in.",
      kFields,
      bind_container_metadata};
  return c;
}

}  // namespace saker::fields
