// Goal statuses: names that round-trip, the Chinese a report words them with, and how bad each is.
#include <qgov/eval/status.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace qgov;

namespace {
constexpr goal_status all[] = {goal_status::achieved, goal_status::on_track, goal_status::at_risk,
                               goal_status::off_track, goal_status::missed,   goal_status::no_data,
                               goal_status::not_scored};
}

TEST_SUITE("status") {
  TEST_CASE("every status's name parses back to it; other names do not parse") {
    for (auto s : all) CHECK(parse_goal_status(to_string(s)) == s);
    CHECK(to_string(goal_status::on_track) == "on_track");
    CHECK_FALSE(parse_goal_status("ontrack"));
    CHECK_FALSE(parse_goal_status("Achieved"));
    CHECK_FALSE(parse_goal_status(""));
  }
  TEST_CASE("the Chinese words of a report to the leading group") {
    CHECK(to_chinese(goal_status::achieved) == "已达成");
    CHECK(to_chinese(goal_status::on_track) == "进度正常");
    CHECK(to_chinese(goal_status::at_risk) == "存在风险");
    CHECK(to_chinese(goal_status::off_track) == "进度滞后");
    CHECK(to_chinese(goal_status::missed) == "未达成");
    CHECK(to_chinese(goal_status::no_data) == "暂无数据");
    CHECK(to_chinese(goal_status::not_scored) == "不评分");
  }
  TEST_CASE("severity: missed is worst, achieved least bad of the judged, no data and not scored count for nothing") {
    CHECK(severity(goal_status::missed) > severity(goal_status::off_track));
    CHECK(severity(goal_status::off_track) > severity(goal_status::at_risk));
    CHECK(severity(goal_status::at_risk) > severity(goal_status::on_track));
    CHECK(severity(goal_status::on_track) > severity(goal_status::achieved));
    CHECK(severity(goal_status::achieved) == 1);
    CHECK(severity(goal_status::missed) == 5);
    CHECK(severity(goal_status::no_data) == 0);
    CHECK(severity(goal_status::not_scored) == 0);
  }
}
