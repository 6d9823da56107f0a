// qgov/render/text_width.hpp: terminal columns of mixed Chinese/Latin text, padding and clipping by columns.
#include <qgov/render/text_width.hpp>

#include <doctest/doctest.h>

using namespace qgov;

TEST_CASE("a Chinese character takes two columns, Latin letters and digits one") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("区市场监管局") == 12);
  CHECK(display_width("食品抽检合格率98%") == 17);
  CHECK(display_width("（三）") == 6);  // full-width brackets are wide
  CHECK(display_width("\xff\xfe") == 2);  // bytes that are not UTF-8 count one column each, never crash
  CHECK(display_width("\xe5\x8c") == 2);  // a truncated sequence likewise
}

TEST_CASE("padding fills to the display width and never cuts") {
  CHECK(pad_display("区", 4) == "区  ");
  CHECK(display_width(pad_display("区市场监管局", 16)) == 16);
  CHECK(pad_display("longer than", 4) == "longer than");
}

TEST_CASE("clipping keeps whole characters within the width and marks the cut") {
  CHECK(clip_display("abc", 5) == "abc");
  const auto c = clip_display("区市场监管局", 7);
  CHECK(display_width(c) <= 7);
  CHECK(c.find("…") != std::string::npos);
  CHECK(c.rfind("区市", 0) == 0);
}
