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
