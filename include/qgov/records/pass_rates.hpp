// qgov/records/pass_rates.hpp — pass rate = qualified / sampled by any grouping, with Wilson intervals (formulas §6, §7).
#pragma once

#include <qgov/version.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/core/ids.hpp>
#include <qgov/core/period.hpp>
#include <qgov/core/rate.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/records/record_table.hpp>

namespace qgov::inline QGOV_ABI::records {

/// The period a rate is grouped by, if any.
enum class period_key : std::uint8_t { none, month, quarter, year };

/// The grouping keys: any subset of programme, level, region, category and one period kind.
struct group_by {
  bool programme = false;
  bool level = false;
  bool region = false;
  bool category = false;
  period_key period = period_key::none;
  friend bool operator==(const group_by&, const group_by&) = default;
};

/// Parses a comma-separated key list such as `programme,level,quarter` (keys: programme, level, region, category,
/// month, quarter, year; at most one period). Throws qgov::error naming the bad key and the allowed ones.
[[nodiscard]] group_by parse_group_by(std::string_view keys);
/// The key list as written: `programme,level,quarter`.
[[nodiscard]] std::string to_string(const group_by& keys);

/// The two-sided normal quantile for 95 %: Φ⁻¹(0.975).
inline constexpr double z_95 = 1.959963984540054;

/// A confidence interval for a proportion, as fractions in [0, 1].
struct interval {
  double low = 0;
  double high = 0;
};

/// Wilson score interval for `passed` of `sampled` with quantile `z` (E. B. Wilson 1927); {0, 1} when sampled is 0.
[[nodiscard]] interval wilson_interval(double passed, double sampled, double z = z_95) noexcept;

/// Which rows count (all by default).
struct record_filter {
  std::array<bool, programme_count> programmes{true, true, true, true};
  std::array<bool, 3> levels{true, true, true};  ///< indexed by qgov::level
  std::optional<date> from, to;                  ///< sampling date range, both ends inclusive
  [[nodiscard]] bool all() const noexcept {
    for (bool b : programmes) if (!b) return false;
    for (bool b : levels) if (!b) return false;
    return !from && !to;
  }
  /// Only programme `p`.
  [[nodiscard]] static record_filter only(programme p) {
    record_filter f;
    f.programmes.fill(false);
    f.programmes[static_cast<std::size_t>(p)] = true;
    return f;
  }
};

/// How rates are computed.
struct rate_options {
  double z = z_95;                     ///< interval quantile (1.96 → 95 %)
  std::uint64_t minimum_sample = 30;   ///< PROPOSED: rates from fewer samples are flagged `small_sample`
  record_filter filter;
  unsigned threads = 1;                ///< 1 or 2 (see docs/benchmarks.md: a second thread pays only on large tables)
};

/// One group's counts and rate. Keys not grouped by are empty.
struct rate_cell {
  std::optional<records::programme> programme;
  std::optional<qgov::level> level;
  std::optional<std::string> region;
  std::optional<std::string> category;
  std::optional<qgov::period> period;
  std::uint64_t sampled = 0;
  std::uint64_t passed = 0;
  double low = 0, high = 1;   ///< Wilson interval, fractions
  bool small_sample = false;  ///< sampled < minimum_sample
  /// passed / sampled as a fraction (0 when nothing was sampled; such cells are not listed).
  [[nodiscard]] double value() const noexcept { return sampled ? static_cast<double>(passed) / static_cast<double>(sampled) : 0; }
  [[nodiscard]] qgov::rate as_rate() const noexcept { return {static_cast<double>(passed), static_cast<double>(sampled)}; }
};

/// Pass rates by a grouping: the non-empty groups in key order (programme, level, region, category, period).
struct rate_table {
  group_by keys;
  rate_options options;
  std::vector<rate_cell> cells;
  std::uint64_t rows_counted = 0;
};

/// Pass rates of `table` grouped by `keys`. One pass over the needed columns into a dense counter array; no hashing.
[[nodiscard]] rate_table pass_rates(const record_table& table, const group_by& keys, const rate_options& options = {});

/// The pooled rate (Σ passed / Σ sampled, the agricultural 总体合格率) beside the unweighted mean of the per-category
/// rates, for the rows the filter keeps.
struct pooled_and_mean {
  std::uint64_t sampled = 0, passed = 0;
  double pooled = 0;            ///< Σ passed / Σ sampled
  double category_mean = 0;     ///< mean over categories of passed_c / sampled_c
  std::size_t categories = 0;   ///< categories with samples
  interval pooled_interval;
};
[[nodiscard]] pooled_and_mean pooled_rate(const record_table& table, const rate_options& options = {});

/// Which goal each result serves. Programmes without a goal give no observation.
struct goal_mapping {
  std::array<std::optional<goal_id>, programme_count> pass_rate;  ///< by programme
  std::optional<goal_id> manufacturing;                            ///< the output-weighted manufacturing rate
  std::optional<goal_id> rectification;                            ///< the rectification completion rate, per level
  /// The Dongli 2024 plan's goals: food_evaluative → food_sampling_pass_rate, agri_monitoring →
  /// agri_product_pass_rate, manufacturing_quality_pass_rate, rectification_completion_rate.
  [[nodiscard]] static goal_mapping dongli();
};

/// Observations (percent value, numerator/denominator) from rates grouped by programme and a period (and optionally
/// level). Throws qgov::error when the grouping lacks programme or period, or includes region or category.
[[nodiscard]] std::vector<observation> to_observations(const rate_table& rates, const goal_mapping& goals,
                                                       date reported_on, const std::string& source);

}  // namespace qgov::records
