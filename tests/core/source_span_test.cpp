#include <qgov/core/source_span.hpp>

#include <doctest/doctest.h>

TEST_SUITE("source_span") {
  TEST_CASE("text_at returns the covered bytes and refuses spans outside the text") {
    constexpr std::string_view text = "质量强区";  // 4 characters, 12 bytes
    CHECK(qgov::text_at(text, {3, 6}) == "量");
    CHECK_FALSE(qgov::text_at(text, {6, 3}));
    CHECK_FALSE(qgov::text_at(text, {0, 13}));
    CHECK(qgov::text_at(text, {12, 12}) == "");
  }
  TEST_CASE("positions count lines and code points, 1-based") {
    constexpr std::string_view text = "一、总体要求\n（一）指导思想";
    CHECK(qgov::position_of(text, 0) == qgov::text_position{1, 1});
    CHECK(qgov::position_of(text, 3) == qgov::text_position{1, 2});
    const auto second_line = text.find('\n') + 1;
    CHECK(qgov::position_of(text, second_line) == qgov::text_position{2, 1});
    CHECK(qgov::position_of(text, second_line + 9) == qgov::text_position{2, 4});
    CHECK(qgov::position_of(text, 10'000) == qgov::position_of(text, text.size()));
  }
  TEST_CASE("containment") {
    qgov::source_span outer{10, 20};
    CHECK(outer.contains({10, 20}));
    CHECK(outer.contains({12, 15}));
    CHECK_FALSE(outer.contains({9, 15}));
    CHECK_FALSE(outer.contains({15, 21}));
  }
}
