// qgov/records/partials.hpp — mergeable aggregates: per-partition counts that combine exactly (docs/scale.md).
//
// A partial holds integer counts only (and, for rectification, the items' dates and names), never a rate. Merging
// the partials of the pieces of a record set, in the pieces' order and in any tree shape, gives exactly what one pass
// over the whole set gives: the same rate_table, rectification_report and manufacturing rates, byte for byte once
// printed. Partials serialise to a compact, checked binary form (to_bytes / from_bytes) so that a distributed engine
// (qgov.dask) moves kilobytes between workers, not records.
#pragma once

#include <qgov/version.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <qgov/records/manufacturing_rate.hpp>
#include <qgov/records/pass_rates.hpp>
#include <qgov/records/record_table.hpp>
#include <qgov/records/rectification.hpp>

namespace qgov::inline QGOV_ABI::records {

/// The counts of one group of a pass-rate partial. A key not grouped by is -1 (programme, level), empty (region,
/// category; record names are never empty) or 0 (period).
struct count_cell {
  std::int8_t programme = -1;
  std::int8_t level = -1;
  std::string region;
  std::string category;
  day_number period_start = 0;  ///< first day of the period, when grouped by one
  std::uint64_t sampled = 0;
  std::uint64_t passed = 0;
  friend bool operator==(const count_cell&, const count_cell&) = default;
};

/// True when two filters keep the same rows.
[[nodiscard]] bool same_filter(const record_filter& a, const record_filter& b) noexcept;

/// Sampled and passed counts by a grouping: merges associatively and commutatively (sums of integers per key).
class pass_rate_partial {
public:
  /// An empty partial (no rows) for this grouping and filter: the identity of merge.
  explicit pass_rate_partial(const group_by& keys = {}, const record_filter& filter = {});
  /// The counts of one table (one pass, the same counting as pass_rates).
  [[nodiscard]] static pass_rate_partial of(const record_table& table, const group_by& keys,
                                            const record_filter& filter = {});

  /// Adds `other`'s counts. Throws qgov::error when the groupings or filters differ (they cannot be combined).
  void merge(const pass_rate_partial& other);

  /// The rates, exactly as pass_rates(whole, keys, options) gives them; options.filter is ignored (the partial's
  /// filter was applied when counting).
  [[nodiscard]] rate_table rates(const rate_options& options = {}) const;

  [[nodiscard]] const group_by& keys() const noexcept { return keys_; }
  [[nodiscard]] const record_filter& filter() const noexcept { return filter_; }
  /// The non-empty groups in key order (programme, level, region bytes, category bytes, period).
  [[nodiscard]] const std::vector<count_cell>& cells() const noexcept { return cells_; }
  /// Records read into the partial (whether or not the filter kept them).
  [[nodiscard]] std::uint64_t rows() const noexcept { return rows_; }

  /// Compact binary form: magic, LEB128 integers, a name table, a SHA-256 check (docs/scale.md).
  [[nodiscard]] std::string to_bytes() const;
  /// Reads to_bytes' output; throws qgov::error naming `origin` and what is wrong (truncated, bad check, …).
  [[nodiscard]] static pass_rate_partial from_bytes(std::string_view bytes, const std::string& origin = "<partial>");

  friend bool operator==(const pass_rate_partial& a, const pass_rate_partial& b) {
    return a.keys_ == b.keys_ && same_filter(a.filter_, b.filter_) && a.rows_ == b.rows_ && a.cells_ == b.cells_;
  }

private:
  group_by keys_;
  record_filter filter_;
  std::uint64_t rows_ = 0;
  std::vector<count_cell> cells_;
};

/// Rectification completion as of a date, mergeable. By batch with `keep_items = false` it holds only the counts per
/// level and status; with items (the default, needed for the item list and always kept when counting by enterprise)
/// it holds every counted item in record order. Merging is associative; it is order-preserving, not commutative:
/// merge the pieces in their order (a then b) to get the one-pass item order and, by enterprise, the first record.
class rectification_partial {
public:
  explicit rectification_partial(date as_of = date(2000, 1, 1), const rectification_options& options = {},
                                 bool keep_items = true);
  [[nodiscard]] static rectification_partial of(const record_table& table, date as_of,
                                                const rectification_options& options = {}, bool keep_items = true);

  /// Appends `other` (the next piece). Throws qgov::error when the as-of dates, options or keep_items differ.
  void merge(const rectification_partial& other);

  /// The report, exactly as rectification(whole, as_of, options) gives it (items empty without keep_items).
  [[nodiscard]] rectification_report report() const;

  [[nodiscard]] date as_of() const noexcept { return as_of_; }
  [[nodiscard]] const rectification_options& options() const noexcept { return options_; }
  [[nodiscard]] bool keeps_items() const noexcept { return keep_items_; }
  [[nodiscard]] std::uint64_t rows() const noexcept { return rows_; }

  [[nodiscard]] std::string to_bytes() const;
  [[nodiscard]] static rectification_partial from_bytes(std::string_view bytes,
                                                        const std::string& origin = "<partial>");

  friend bool operator==(const rectification_partial& a, const rectification_partial& b);

private:
  void index_enterprises();
  date as_of_;
  rectification_options options_;
  bool keep_items_ = true;
  std::uint64_t rows_ = 0;
  std::array<std::array<std::uint64_t, rectification_status_count>, 3> counts_{};  ///< [level][status]
  std::vector<rectification_item> items_;
  std::unordered_map<std::string, std::size_t> by_enterprise_;  ///< (level, enterprise) → item, when by enterprise
};

/// The inputs of the weighted manufacturing rate: counts by region, category (industry) and period of the records
/// options.filter keeps.
[[nodiscard]] pass_rate_partial manufacturing_partial(const record_table& table,
                                                      const manufacturing_options& options = {});
/// The weighted rate from merged inputs, exactly as manufacturing_pass_rate(whole, output, options).
[[nodiscard]] std::vector<manufacturing_rate> manufacturing_pass_rate(const pass_rate_partial& inputs,
                                                                      const std::vector<industry_output>& output,
                                                                      const manufacturing_options& options = {});

}  // namespace qgov::records
