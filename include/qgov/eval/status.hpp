// qgov/eval/status.hpp — where a goal stands on a date.
#pragma once

#include <optional>
#include <string_view>

namespace qgov {

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

[[nodiscard]] constexpr std::string_view to_string(goal_status s) noexcept {
  switch (s) {
    case goal_status::achieved: return "achieved";
    case goal_status::on_track: return "on_track";
    case goal_status::at_risk: return "at_risk";
    case goal_status::off_track: return "off_track";
    case goal_status::missed: return "missed";
    case goal_status::no_data: return "no_data";
    case goal_status::not_scored: return "not_scored";
  }
  return "?";
}

[[nodiscard]] constexpr std::optional<goal_status> parse_goal_status(std::string_view s) noexcept {
  for (auto v : {goal_status::achieved, goal_status::on_track, goal_status::at_risk, goal_status::off_track,
                 goal_status::missed, goal_status::no_data, goal_status::not_scored})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

/// The status in Chinese, as a report to the leading group would word it.
[[nodiscard]] constexpr std::string_view to_chinese(goal_status s) noexcept {
  switch (s) {
    case goal_status::achieved: return "已达成";
    case goal_status::on_track: return "进度正常";
    case goal_status::at_risk: return "存在风险";
    case goal_status::off_track: return "进度滞后";
    case goal_status::missed: return "未达成";
    case goal_status::no_data: return "暂无数据";
    case goal_status::not_scored: return "不评分";
  }
  return "?";
}

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
