// The observation ledger: revisions kept, figures as known on a date, periods ending after as_of left out, levels
// apart; and the level names of 各级 goals.
#include <qgov/eval/observation.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace qgov;

namespace {

observation obs(const char* goal, const char* p, double value, date reported_on, std::optional<level> l = {}) {
  observation o;
  o.goal = goal_id(goal);
  o.period = *period::parse(p);
  o.value = value;
  o.level = l;
  o.reported_on = reported_on;
  o.source = "test";
  return o;
}

std::string values(const std::vector<const observation*>& v) {
  std::string s;
  for (const auto* o : v) s += o->period.str() + "=" + std::to_string(static_cast<int>(o->value)) + " ";
  return s;
}

}  // namespace

TEST_SUITE("observation") {
  TEST_CASE("levels parse from their names and from 国家/市/区, with or without 级") {
    CHECK(parse_level("national") == level::national);
    CHECK(parse_level("国家") == level::national);
    CHECK(parse_level("国家级") == level::national);
    CHECK(parse_level("市级") == level::municipal);
    CHECK(parse_level("区") == level::district);
    CHECK_FALSE(parse_level("省"));
    CHECK_FALSE(parse_level("District"));
    for (auto l : {level::national, level::municipal, level::district}) CHECK(parse_level(to_string(l)) == l);
  }
  TEST_CASE("a revision replaces the figure only from the day it was reported") {
    const observation_ledger ledger({obs("g", "2024", 90, date(2025, 3, 1)), obs("g", "2024", 92, date(2025, 9, 1)),
                                     obs("g", "2025", 95, date(2026, 3, 1))});
    CHECK(ledger.size() == 3);
    CHECK(values(ledger.known(goal_id("g"), date(2026, 12, 31), date(2025, 6, 30))) == "2024=90 ");
    CHECK(values(ledger.known(goal_id("g"), date(2026, 12, 31), date(2025, 9, 1))) == "2024=92 ");
    CHECK(values(ledger.known(goal_id("g"), date(2026, 12, 31), date(2026, 12, 31))) == "2024=92 2025=95 ");
    // a period that ends after as_of is not counted, whenever it was reported
    CHECK(values(ledger.known(goal_id("g"), date(2025, 12, 30), date(2026, 12, 31))) == "2024=92 ");
    CHECK(ledger.known(goal_id("other"), date(2026, 12, 31), date(2026, 12, 31)).empty());
    CHECK(ledger.known(goal_id("g"), date(2026, 12, 31), date(2025, 1, 1)).empty());
  }
  TEST_CASE("the order of adding does not matter: the ledger is ordered by goal, level, period and report date") {
    observation_ledger a;
    a.add(obs("g", "2025", 95, date(2026, 3, 1)));
    a.add(obs("g", "2024", 92, date(2025, 9, 1)));
    a.add(obs("f", "2024", 1, date(2025, 1, 1)));
    a.add(obs("g", "2024", 90, date(2025, 3, 1)));
    const observation_ledger b({obs("g", "2024", 90, date(2025, 3, 1)), obs("f", "2024", 1, date(2025, 1, 1)),
                                obs("g", "2024", 92, date(2025, 9, 1)), obs("g", "2025", 95, date(2026, 3, 1))});
    CHECK(a.all() == b.all());
    CHECK(a.all().front().goal == goal_id("f"));
    CHECK(a.all()[1].value == 90);  // the older report of 2024 first
    CHECK_FALSE(a.empty());
    CHECK(observation_ledger{}.empty());
  }
  TEST_CASE("levels are kept apart, figures without a level first") {
    const observation_ledger ledger({obs("g", "2024", 3, date(2025, 1, 1), level::district),
                                     obs("g", "2024", 1, date(2025, 1, 1), level::national),
                                     obs("g", "2023", 2, date(2024, 1, 1), level::district),
                                     obs("g", "2024", 7, date(2025, 1, 1))});
    const auto k = ledger.known(goal_id("g"), date(2025, 12, 31), date(2025, 12, 31));
    REQUIRE(k.size() == 4);
    CHECK_FALSE(k[0]->level);
    CHECK(k[1]->level == level::national);
    CHECK(k[2]->period.str() == "2023");
    CHECK(k[3]->value == 3);
  }
}
