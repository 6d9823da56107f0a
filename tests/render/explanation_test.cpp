// The one number formatter and word table every front end uses (render/explanation.hpp): figures rounded by their
// unit but never across a bound, units in each language, periods, dates and comparators in words.
#include <qgov/render/explanation.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

using namespace qgov;
using namespace qgov::wording;

TEST_CASE("format_number: at most the decimals asked for, no trailing zeros, never -0") {
  CHECK(format_number(98.5) == "98.5");
  CHECK(format_number(44000) == "44000");
  CHECK(format_number(3.85) == "3.85");
  CHECK(format_number(3.854) == "3.85");
  CHECK(format_number(-0.001) == "0");
  CHECK(format_number(1e-05) == "0");
  CHECK(format_number(2.0 / 3, 4) == "0.6667");
  CHECK(format_number(-1.5, 0) == "-2");
  CHECK(format_number(std::numeric_limits<double>::infinity()) == "—");
  CHECK(format_number(std::nan("")) == "—");
}

TEST_CASE("display_decimals: counts none, % and 分 one more than the plan prints (at most 2), others 2") {
  CHECK(display_decimals("个") == 0);
  CHECK(display_decimals("家", 2) == 0);
  CHECK(display_decimals("%", 0) == 1);
  CHECK(display_decimals("%", 1) == 2);
  CHECK(display_decimals("%", 3) == 2);
  CHECK(display_decimals("分", 0) == 1);
  CHECK(display_decimals("亩") == 2);
  CHECK(printed_decimals("98.5%") == 1);
  CHECK(printed_decimals("4.4万亩") == 1);
  CHECK(printed_decimals("100个") == 0);
  CHECK(printed_decimals("3.85%") == 2);
}

TEST_CASE("display_number keeps a figure on its side of every bound") {
  CHECK(display_number(99.6, 0, {100}) == "99.6");  // never "100" against a target of 100
  CHECK(display_number(0.9496, 2, {0.95}) == "0.9496");
  CHECK(display_number(0.9496, 2) == "0.95");
  CHECK(display_number(100, 0, {100}) == "100");
  CHECK(round_decimal(98.5 - 98.41) == 0.09);
  CHECK(round_decimal(0) == 0);
}

TEST_CASE("display_value: the unit in each language, counters dropped in English") {
  CHECK(display_value(98.5, "%", language::zh, 1) == "98.5%");
  CHECK(display_value(98.5, "%", language::en, 1) == "98.5%");
  CHECK(display_value(44000, "亩", language::zh) == "44000亩");
  CHECK(display_value(44000, "亩", language::en) == "44000 mu");
  CHECK(display_value(9, "个", language::zh) == "9个");
  CHECK(display_value(9, "个", language::en) == "9");
  CHECK(display_value(86, "分", language::en) == "86 points");
  CHECK(display_value(86, "", language::zh) == "86");
}

TEST_CASE("periods, dates and comparators in words") {
  CHECK(period_words(*period::parse("2025-Q3"), language::zh) == "2025年第3季度");
  CHECK(period_words(*period::parse("2025-Q3"), language::en) == "2025-Q3");
  CHECK(period_words(*period::parse("2025"), language::zh) == "2025年");
  CHECK(period_words(*period::parse("2025-05"), language::zh) == "2025年5月");
  CHECK(date_words(date(2025, 12, 31), language::zh) == "2025年12月31日");
  CHECK(date_words(date(2025, 12, 31), language::en) == "2025-12-31");
  CHECK(comparator_words(comparator::ge, language::zh) == "不低于");
  CHECK(comparator_words(comparator::ge, language::en) == "at least");
  CHECK(comparator_words(comparator::gt, language::zh) == "超过");
  CHECK(comparator_words(comparator::le, language::en) == "at most");
  CHECK(level_word(level::national, language::zh) == "国家级");
  CHECK(level_word(level::national, language::en) == "national level");
}

TEST_CASE("status words agree with the status names and their Chinese") {
  CHECK(status_word(goal_status::achieved, language::zh) == "已达成");
  CHECK(status_word(goal_status::achieved, language::en) == "achieved");
  CHECK(words_for(language::zh).bureau_scorecard == "部门考核计分");
  CHECK(words_for(language::en).bureau_scorecard == "Bureau scorecard");
  CHECK(words_for(language::both).bureau_scorecard == words_for(language::en).bureau_scorecard);
  CHECK(parse_language("zh") == language::zh);
  CHECK(parse_language("both") == language::both);
  CHECK_FALSE(parse_language("cn"));
}
