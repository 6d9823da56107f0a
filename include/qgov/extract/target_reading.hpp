// qgov/extract/target_reading.hpp — what one target phrase says, read the way the extractor reads plans.
// The plan loader uses the same reading to check each goal's comparator, value and unit against its quote.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/core/comparator.hpp>
#include <qgov/core/source_span.hpp>
#include <qgov/plan/goal.hpp>

namespace qgov::inline QGOV_ABI {

/// One target read from a phrase such as 全社会研发支出占GDP比重超过3.8% or 力争注冊商標總量達到7萬件.
struct target_reading {
  qgov::comparator comparator = qgov::comparator::ge;
  double value = 0;             ///< with 万/亿 applied (7万件 → 70000) and its sign (达到-98% → -98); finite
  std::string unit;             ///< in simplified script (%, 家, 项, 个百分点 …); empty for an index (指数达到86)
  std::string stated;           ///< the number and unit exactly as printed in the phrase (7萬件)
  goal_kind kind = goal_kind::threshold;  ///< threshold, maintain (保持在), cumulative (累计/新增), milestone, all_levels
  bool aspirational = false;    ///< 力争/争取 before it: not assessed like a firm target
  bool increase = false;        ///< a change, not a level: 增长10%, 提高2个百分点, 翻一番
  bool decrease = false;        ///< a change downward: 下降13.5%
  std::optional<int> base_year;  ///< the base of a change: 比2020年提高…
  std::optional<double> upper;   ///< a range's upper end (90%—95%: value 90, upper 95)
  source_span span;              ///< where `stated` stands in the phrase (UTF-8 bytes)
  friend bool operator==(const target_reading&, const target_reading&) = default;
};

/// Every target the phrase states, in order; empty when it states none (or is not well-formed UTF-8).
/// The phrase is read as one stretch of a plan under a deadline (so 海洋生产总值3000亿元 reads as a target).
[[nodiscard]] std::vector<target_reading> read_targets(std::string_view phrase);

/// The phrase's target when it states exactly one; nullopt when it states none or several.
[[nodiscard]] std::optional<target_reading> read_target(std::string_view phrase);

}  // namespace qgov
