// qgov/testing/gtest.hpp — GoogleTest matchers for host test suites: EXPECT_THAT(evaluation,
// qgov::testing::HasGoalStatus("rd_expenditure_share", qgov::goal_status::missed)); a mismatch explains itself with
// the goal's explanation and trace. Needs GoogleTest/GoogleMock (libgtest-dev, libgmock-dev).
#pragma once

#include <qgov/version.hpp>

#include <string>
#include <utility>

#include <gmock/gmock.h>

#include <qgov/eval/evaluation.hpp>
#include <qgov/scenario/scenario.hpp>

namespace qgov::inline QGOV_ABI::testing {

namespace detail {
inline bool explain(const std::vector<check_failure>& f, const evaluation& e, const std::string& goal,
                    ::testing::MatchResultListener* listener) {
  if (f.empty()) return true;
  *listener << f.front().field << " is " << f.front().actual << " as of " << to_iso(e.as_of);
  if (const goal_result* r = find_result(e, goal_id(goal))) *listener << "\n  " << describe_result(*r);
  return false;
}
}  // namespace detail

/// An evaluation in which goal `goal` has status `status`.
MATCHER_P2(HasGoalStatus, goal, status,
           std::string(negation ? "has no" : "has") + " goal " + std::string(goal) + " with status " +
               std::string(::qgov::to_string(status))) {
  const std::string id(goal);
  return detail::explain(::qgov::check_goal(arg, {::qgov::goal_id(id), status, std::nullopt, std::nullopt, std::nullopt}),
                         arg, id, result_listener);
}

/// An evaluation in which goal `goal`'s value is within `tolerance` of `value`.
MATCHER_P3(HasGoalValue, goal, value, tolerance,
           std::string(negation ? "has no" : "has") + " goal " + std::string(goal) + " with value " +
               ::testing::PrintToString(value) + " ± " + ::testing::PrintToString(tolerance)) {
  const std::string id(goal);
  return detail::explain(::qgov::check_goal(arg, {::qgov::goal_id(id), std::nullopt, static_cast<double>(value),
                                                  std::nullopt, static_cast<double>(tolerance)}),
                         arg, id, result_listener);
}

/// An evaluation in which unit `unit` (by id) has grade `grade`.
MATCHER_P2(HasBureauGrade, unit, grade,
           std::string(negation ? "has no" : "has") + " unit " + std::string(unit) + " with grade " +
               std::string(::qgov::formulas::to_string(grade))) {
  const auto f = ::qgov::check_bureau(arg, {::qgov::unit_id(std::string(unit)), grade, std::nullopt, std::nullopt,
                                            std::nullopt});
  if (f.empty()) return true;
  *result_listener << "grade is " << f.front().actual;
  for (const auto& b : arg.bureaus)
    if (b.unit.str() == std::string(unit) && b.score) *result_listener << " (score " << *b.score << ")";
  return false;
}

/// A goal_result with status `status`.
MATCHER_P(GoalStatusIs, status, std::string(negation ? "does not have" : "has") + " status " +
                                    std::string(::qgov::to_string(status))) {
  if (arg.status == status) return true;
  *result_listener << "status is " << ::qgov::to_string(arg.status) << "\n  " << ::qgov::describe_result(arg);
  return false;
}

}  // namespace qgov::testing
