// The target reader: what one target phrase says, the reading the extractor and the plan loader share.
#include <qgov/extract/target_reading.hpp>

#include <doctest/doctest.h>

using namespace qgov;

TEST_CASE("target reader: one phrase, the reading the extractor and the plan loader share") {
  const auto r = read_target("全社会研发支出占GDP比重超过3.8%");
  REQUIRE(r);
  CHECK(r->comparator == comparator::gt);
  CHECK(r->value == 3.8);
  CHECK(r->unit == "%");
  CHECK(r->stated == "3.8%");
  CHECK(!read_target("质量整体水平进一步全面提高"));
  CHECK(read_targets("A企业达到50家、B项目不少于20个").size() == 2);
  CHECK(!read_target("A企业达到50家、B项目不少于20个"));  // two targets: not one reading
  const auto t = read_target("製造業產品質量合格率達到96%以上");
  REQUIRE(t);
  CHECK(t->value == 96);
  CHECK(t->stated == "96%");
}

TEST_CASE("target reader: 万 applied, traditional script read, the printed form kept, 力争 flagged") {
  const auto r = read_target("力争注冊商標總量達到7萬件");
  REQUIRE(r);
  CHECK(r->value == 70000);
  CHECK(r->unit == "件");
  CHECK(r->stated == "7萬件");
  CHECK(r->aspirational);
  CHECK(!r->increase);
  CHECK(read_targets("").empty());
  CHECK(read_targets("\xff\xfe not UTF-8").empty());
}
