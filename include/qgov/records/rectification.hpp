// qgov/records/rectification.hpp — 监督抽查不合格整改完成率 per level (formulas §8, 总局令第18号 Arts. 45–48).
#pragma once

#include <qgov/version.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <qgov/core/date.hpp>
#include <qgov/core/enum_names.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/records/pass_rates.hpp>
#include <qgov/records/record_table.hpp>

namespace qgov::inline QGOV_ABI::records {

/// Where one failed item stands on the as-of date.
enum class rectification_status : std::uint8_t {
  completed,             ///< corrected within the deadline and passed re-inspection
  pending,               ///< not completed, deadlines not yet passed
  overdue,               ///< not corrected by the rectification deadline (or corrected late, by default)
  reinspection_overdue,  ///< corrected, but no re-inspection result by the re-inspection deadline
  failed_reinspection,   ///< the re-inspection failed
  not_ordered,           ///< failed, but no rectification order recorded
};
inline constexpr std::size_t rectification_status_count = 6;
inline constexpr std::array<enum_name<rectification_status>, rectification_status_count> rectification_status_names{
    {{rectification_status::completed, "completed"},
     {rectification_status::pending, "pending"},
     {rectification_status::overdue, "overdue"},
     {rectification_status::reinspection_overdue, "reinspection_overdue"},
     {rectification_status::failed_reinspection, "failed_reinspection"},
     {rectification_status::not_ordered, "not_ordered"}}};
[[nodiscard]] constexpr std::string_view to_string(rectification_status s) noexcept {
  return name_in(rectification_status_names, s);
}

/// What is counted, and the deadlines.
struct rectification_options {
  int rectify_days = 60;       ///< Art. 46: "自责令之日起六十日内予以改正"
  int reinspect_days = 75;     ///< Art. 47: "自责令之日起七十五日内 … 组织复查"
  /// Which programmes' failures are counted. Default (PROPOSED): product_supervisory only (监督抽查 of products).
  std::array<bool, programme_count> programmes{false, false, false, true};
  /// PROPOSED false: a correction after the 60 days does not complete the item (it stays `overdue`).
  bool late_rectification_counts = false;
  /// PROPOSED true: the 75-day re-inspection deadline binds the authority, so a late but passed re-inspection
  /// still completes the item; false: it counts as `reinspection_overdue`.
  bool late_reinspection_counts = true;
  /// PROPOSED false: a failure without an order date is `not_ordered` and stays in the denominator; true: left out.
  bool exclude_not_ordered = false;
  /// Count by batch (each failed sample, default, PROPOSED) or by enterprise (an enterprise is completed when all its
  /// failed items in the level are; its status is its worst item's).
  bool by_enterprise = false;
};

/// One failed item (or enterprise) and its status.
struct rectification_item {
  std::string record_id;   ///< the first failed record of the enterprise when counting by enterprise
  std::string enterprise;
  records::programme programme = programme::product_supervisory;
  qgov::level level = qgov::level::district;
  date sampled_on{2000, 1, 1};
  std::optional<date> ordered_on, rectified_on, reinspected_on;
  std::optional<outcome> reinspection_outcome;
  std::optional<date> rectify_by, reinspect_by;  ///< the deadlines (when ordered)
  rectification_status status = rectification_status::pending;
};

/// The rate and counts of one level.
struct rectification_level {
  qgov::level level = qgov::level::district;
  std::array<std::uint64_t, rectification_status_count> count{};  ///< by status
  std::uint64_t due = 0;        ///< denominator: items counted
  std::uint64_t completed = 0;  ///< numerator
  [[nodiscard]] qgov::rate as_rate() const noexcept { return {static_cast<double>(completed), static_cast<double>(due)}; }
};

/// Rectification completion as of a date: per level (national, municipal, district) and every item.
struct rectification_report {
  date as_of{2000, 1, 1};
  rectification_options options;
  std::array<rectification_level, 3> levels;
  std::vector<rectification_item> items;  ///< every counted item, in table order
};

/// Rectification completion of the failed samples taken on or before `as_of`; dates after `as_of` are not yet known
/// and are ignored.
[[nodiscard]] rectification_report rectification(const record_table& table, date as_of,
                                                 const rectification_options& options = {});

/// One observation per level with failures, for goals.rectification (period: the as-of year).
[[nodiscard]] std::vector<observation> to_observations(const rectification_report& report, const goal_mapping& goals,
                                                       date reported_on, const std::string& source);

}  // namespace qgov::records
