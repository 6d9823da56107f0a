// The directory's vocabulary: risk levels, and the lists that trigger a class, by id or by their Chinese names.
#include <qgov/supervision/enterprise.hpp>

#include <doctest/doctest.h>

using namespace qgov::supervision;

TEST_CASE("lists parse from their ids and from the names the registers print") {
  for (auto f : {list_flag::abnormal_operations, list_flag::refused_inspection, list_flag::serious_violation,
                 list_flag::dishonest_debtor})
    CHECK(parse_list_flag(to_string(f)) == f);
  CHECK(parse_list_flag("经营异常名录") == list_flag::abnormal_operations);
  CHECK(parse_list_flag("拒不配合检查") == list_flag::refused_inspection);
  CHECK(parse_list_flag("严重违法企业名单") == list_flag::serious_violation);
  CHECK(parse_list_flag("失信被执行人") == list_flag::dishonest_debtor);
  CHECK_FALSE(parse_list_flag("失信被执行人名单"));  // the reason's wording (to_chinese) is not a list name in files
  CHECK_FALSE(parse_list_flag("dishonest"));
  CHECK_FALSE(parse_list_flag(""));
}

TEST_CASE("each list is worded in Chinese and English for the reasons") {
  CHECK(to_chinese(list_flag::dishonest_debtor) == "失信被执行人名单");
  CHECK(to_chinese(list_flag::refused_inspection) == "拒不配合检查记录");
  CHECK(to_english(list_flag::serious_violation) == "on the list of seriously illegal enterprises");
  CHECK(to_english(list_flag::abnormal_operations) == "on the list of abnormal operations");
}

TEST_CASE("risk levels from least to most severe") {
  CHECK(to_string(risk_level::low) == "low");
  CHECK(to_string(risk_level::high) == "high");
  CHECK(static_cast<int>(risk_level::low) < static_cast<int>(risk_level::general));
  CHECK(static_cast<int>(risk_level::elevated) < static_cast<int>(risk_level::high));
  CHECK(list_flag_count == 4);
}
