// qgov/eval/status.hpp — where a goal stands on a date.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string_view>

#include <qgov/core/enum_names.hpp>

namespace qgov::inline QGOV_ABI {

/// A goal's status as of a date; see docs/formulas.md ("Goal statuses") for the rule behind each.
enum class goal_status {
  achieved,    ///< the target is met (before the deadline: met now; after it: met by the deadline's figure)
  on_track,    ///< not met yet, progressing fast enough to meet it by the deadline
  at_risk,     ///< progressing, but not fast enough; or too little data to tell the pace
  off_track,   ///< stagnating or moving away from the target
  missed,      ///< the deadline's figure does not meet the target
  no_data,     ///< nothing known to judge by
  not_scored,  ///< a qualitative goal: tracked, not scored
};

/// The statuses' names in JSON and reports.
inline constexpr std::array<enum_name<goal_status>, 7> goal_status_names{{{goal_status::achieved, "achieved"},
                                                                          {goal_status::on_track, "on_track"},
                                                                          {goal_status::at_risk, "at_risk"},
                                                                          {goal_status::off_track, "off_track"},
                                                                          {goal_status::missed, "missed"},
                                                                          {goal_status::no_data, "no_data"},
                                                                          {goal_status::not_scored, "not_scored"}}};

/// The statuses in Chinese, as a report to the leading group would word them.
inline constexpr std::array<enum_name<goal_status>, 7> goal_status_chinese{{{goal_status::achieved, "已达成"},
                                                                            {goal_status::on_track, "进度正常"},
                                                                            {goal_status::at_risk, "存在风险"},
                                                                            {goal_status::off_track, "进度滞后"},
                                                                            {goal_status::missed, "未达成"},
                                                                            {goal_status::no_data, "暂无数据"},
                                                                            {goal_status::not_scored, "不评分"}}};

[[nodiscard]] constexpr std::string_view to_string(goal_status s) noexcept { return name_in(goal_status_names, s); }

[[nodiscard]] constexpr std::optional<goal_status> parse_goal_status(std::string_view s) noexcept {
  return value_in(goal_status_names, s);
}

/// The status in Chinese, as a report to the leading group would word it.
[[nodiscard]] constexpr std::string_view to_chinese(goal_status s) noexcept { return name_in(goal_status_chinese, s); }

/// How bad a status is, for "the worst level decides": missed 5 … achieved 1; no_data and not_scored 0.
[[nodiscard]] constexpr int severity(goal_status s) noexcept {
  switch (s) {
    case goal_status::missed: return 5;
    case goal_status::off_track: return 4;
    case goal_status::at_risk: return 3;
    case goal_status::on_track: return 2;
    case goal_status::achieved: return 1;
    default: return 0;
  }
}

}  // namespace qgov
