#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "engine/events/event.h"

namespace saker::events {
namespace {

std::vector<uint8_t> make_event(uint16_t type, std::vector<std::vector<uint8_t>> params) {
  std::vector<uint8_t> out(sizeof(scap::EventHeader) + params.size() * 2);
  for (size_t i = 0; i < params.size(); ++i) {
    uint16_t l = static_cast<uint16_t>(params[i].size());
    std::memcpy(out.data() + sizeof(scap::EventHeader) + i * 2, &l, 2);
  }
  for (auto& p : params) out.insert(out.end(), p.begin(), p.end());
  scap::EventHeader h{1234, 42, static_cast<uint32_t>(out.size()), type,
                      static_cast<uint32_t>(params.size())};
  std::memcpy(out.data(), &h, sizeof h);
  return out;
}

TEST(EventView, ReadsHeaderAndParams) {
  auto bytes = make_event(3, {{0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, {'/', 'e', 't', 'c', 0}});
  EventView ev;
  ASSERT_TRUE(EventView::parse(bytes, ev).ok());
  EXPECT_EQ(ev.ts(), 1234u);
  EXPECT_EQ(ev.tid(), 42u);
  EXPECT_EQ(ev.type(), 3);
  EXPECT_FALSE(ev.is_enter());
  ASSERT_EQ(ev.nparams(), 2u);
  int64_t v = 0;
  ASSERT_TRUE(ev.param_i64(0, v));
  EXPECT_EQ(v, -2);
  EXPECT_EQ(ev.param_str(1), "/etc");
  EXPECT_TRUE(ev.param(2).empty());
}

TEST(EventView, RejectsParamPastEnd) {
  auto bytes = make_event(2, {{1, 2, 3, 4}});
  uint16_t bad = 200;
  std::memcpy(bytes.data() + sizeof(scap::EventHeader), &bad, 2);
  EventView ev;
  Status st = EventView::parse(bytes, ev);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("param 0"), std::string::npos) << st.message();
}

TEST(EventView, RejectsLengthLargerThanBuffer) {
  auto bytes = make_event(2, {});
  bytes.resize(bytes.size() - 1);
  EventView ev;
  EXPECT_FALSE(EventView::parse(bytes, ev).ok());
}

}  // namespace
}  // namespace saker::events
