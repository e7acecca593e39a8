// The catalog through the filter's FieldProvider interface.
#include "engine/fields/filter_provider.h"

#include <gtest/gtest.h>

#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "tests/unit/fields/event_builder.h"

namespace saker::fields {
namespace {

using namespace testing;
using filter::FieldType;

TEST(FilterProvider, ResolvesTypesListsAndCanonicalNames) {
  CatalogFieldProvider p;
  filter::FieldError err;
  auto r = p.resolve("proc.aname", std::string("2"), &err);
  ASSERT_TRUE(r) << err.message;
  EXPECT_EQ(r->type, FieldType::String);
  EXPECT_FALSE(r->is_list);
  EXPECT_EQ(r->canonical, "proc.aname[2]");

  r = p.resolve("proc.aname", std::nullopt, &err);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->is_list);

  r = p.resolve("evt.arg.name", std::nullopt, &err);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->canonical, "evt.arg.name");

  EXPECT_EQ(p.resolve("fd.sport", std::nullopt, &err)->type, FieldType::Port);
  EXPECT_EQ(p.resolve("fd.snet", std::nullopt, &err)->type, FieldType::IpNet);
  EXPECT_EQ(p.resolve("fd.cip", std::nullopt, &err)->type, FieldType::IpAddr);
  EXPECT_EQ(p.resolve("proc.pid", std::nullopt, &err)->type, FieldType::Int64);
  EXPECT_EQ(p.resolve("user.uid", std::nullopt, &err)->type, FieldType::Uint64);
  EXPECT_EQ(p.resolve("evt.rawarg.fd", std::nullopt, &err)->type, FieldType::Int64);
  EXPECT_EQ(p.resolve("evt.buffer", std::nullopt, &err)->type, FieldType::Bytes);
  EXPECT_EQ(p.resolve("proc.duration", std::nullopt, &err)->type, FieldType::RelTime);
  EXPECT_TRUE(p.resolve("fd.types", std::nullopt, &err)->is_list);
}

TEST(FilterProvider, ErrorsSayWhetherTheFieldIsUnknown) {
  CatalogFieldProvider p;
  filter::FieldError err;
  EXPECT_FALSE(p.resolve("proc.nobody", std::nullopt, &err));
  EXPECT_EQ(err.kind, filter::FieldErrorKind::UnknownField);
  EXPECT_EQ(err.message, "filter_check called with nonexistent field proc.nobody");
  EXPECT_FALSE(p.resolve("proc.aname", std::string("x"), &err));
  EXPECT_EQ(err.kind, filter::FieldErrorKind::BadArgument);
  EXPECT_NE(err.message.find("proc.aname"), std::string::npos);
}

TEST(FilterProvider, ExtractsThroughTheFilterContext) {
  CatalogFieldProvider p;
  filter::FieldError err;
  Event ev(events::PPME_SYSCALL_OPEN_X, 1, 7,
           {i64(-13), str("/etc/shadow"), u32(events::PPM_O_RDONLY), u32(0), u32(0), u64(0)});
  filter::EvalContext ctx;
  ctx.evt = &ev.view;
  filter::FieldValue v;

  auto ex = p.bind(*p.resolve("evt.rawres", std::nullopt, &err));
  ASSERT_NE(ex, nullptr);
  ASSERT_TRUE(ex->extract(ctx, &v));
  EXPECT_EQ(v.type, FieldType::Int64);
  EXPECT_EQ(v.i64, -13);

  ex = p.bind(*p.resolve("evt.res", std::nullopt, &err));
  ASSERT_TRUE(ex->extract(ctx, &v));
  EXPECT_EQ(v.str, "EACCES");

  ex = p.bind(*p.resolve("evt.is_open_read", std::nullopt, &err));
  ASSERT_TRUE(ex->extract(ctx, &v));
  EXPECT_EQ(v.type, FieldType::Bool);
  EXPECT_EQ(v.u64, 1u);

  ex = p.bind(*p.resolve("proc.name", std::nullopt, &err));
  EXPECT_FALSE(ex->extract(ctx, &v));  // no state: <NA>
}

}  // namespace
}  // namespace saker::fields
