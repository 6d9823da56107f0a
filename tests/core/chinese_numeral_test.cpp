// Clause numbers as plans print them: （三）, （十五）, （二十八）; Arabic digits outside 1…99.
#include <qgov/core/chinese_numeral.hpp>

#include <doctest/doctest.h>

TEST_SUITE("chinese_numeral") {
  TEST_CASE("1 to 99 in Chinese numerals, tens without a leading 一") {
    CHECK(qgov::chinese_numeral(1) == "一");
    CHECK(qgov::chinese_numeral(3) == "三");
    CHECK(qgov::chinese_numeral(9) == "九");
    CHECK(qgov::chinese_numeral(10) == "十");
    CHECK(qgov::chinese_numeral(15) == "十五");
    CHECK(qgov::chinese_numeral(20) == "二十");
    CHECK(qgov::chinese_numeral(28) == "二十八");
    CHECK(qgov::chinese_numeral(99) == "九十九");
  }
  TEST_CASE("other numbers stay in Arabic digits") {
    CHECK(qgov::chinese_numeral(0) == "0");
    CHECK(qgov::chinese_numeral(100) == "100");
    CHECK(qgov::chinese_numeral(-3) == "-3");
  }
  TEST_CASE("a clause label is the numeral in full-width parentheses") {
    CHECK(qgov::clause_label(3) == "（三）");
    CHECK(qgov::clause_label(27) == "（二十七）");
    CHECK(qgov::clause_label(100) == "（100）");
  }
}
