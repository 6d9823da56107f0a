// The GoogleTest matchers of include/qgov/testing/gtest.hpp, including what a mismatch explains.
#include <qgov/testing/gtest.hpp>

#include <gtest/gtest.h>

#include <qgov/io/observations.hpp>
#include <qgov/plans/dongli_2024.hpp>

namespace {

using namespace qgov;
using qgov::testing::GoalStatusIs;
using qgov::testing::HasBureauGrade;
using qgov::testing::HasGoalStatus;
using qgov::testing::HasGoalValue;

evaluation sample_2025() {
  const plan& p = plans::dongli_2024();
  return evaluate(p, parse_observations_csv(plans::dongli_2024_sample_csv(), p), date(2025, 12, 31));
}

TEST(QgovMatchers, MatchTheSampleScorecard) {
  const evaluation e = sample_2025();
  EXPECT_THAT(e, HasGoalStatus("jinnong_brands", goal_status::achieved));
  EXPECT_THAT(e, ::testing::Not(HasGoalStatus("jinnong_brands", goal_status::missed)));
  EXPECT_THAT(e, HasGoalValue("food_sampling_pass_rate", 98.3, 1e-9));
  EXPECT_THAT(e, HasBureauGrade("public_security", formulas::grade::A));
  EXPECT_THAT(*find_result(e, goal_id("construction_inspection_conformity")), GoalStatusIs(goal_status::missed));
}

TEST(QgovMatchers, ExplainAMismatchWithTheTrace) {
  const evaluation e = sample_2025();
  ::testing::StringMatchResultListener listener;
  EXPECT_FALSE(::testing::ExplainMatchResult(HasGoalStatus("food_sampling_pass_rate", goal_status::achieved), e, &listener));
  EXPECT_THAT(listener.str(), ::testing::HasSubstr("status is on_track as of 2025-12-31"));
  EXPECT_THAT(listener.str(), ::testing::HasSubstr("explanation: Food evaluative sampling pass rate: 98.3% in 2024 (98.4% in 2025-Q3, a figure for part of the year"));
  EXPECT_THAT(listener.str(), ::testing::HasSubstr("figure: 2025-Q3 = 98.4"));
  ::testing::StringMatchResultListener grade;
  EXPECT_FALSE(::testing::ExplainMatchResult(HasBureauGrade("water", formulas::grade::A), e, &grade));
  EXPECT_THAT(grade.str(), ::testing::HasSubstr("grade is C (score 60)"));
}

}  // namespace
