// qgov/records/manufacturing_rate.hpp — 制造业产品质量合格率: industry rates weighted by output value (formulas §1).
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/core/period.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/records/pass_rates.hpp>
#include <qgov/records/record_table.hpp>

namespace qgov::inline QGOV_ABI::records {

/// Industrial output value of one industry in one region (NBS 分地区分行业工业产值); the weights.
struct industry_output {
  std::string region;
  std::string industry;  ///< matches the records' `category`
  double value = 0;      ///< any unit, the same for all rows (e.g. 万元)
};

/// The industry-output CSV: header `region,industry,output_value` (docs/records.md). Throws qgov::load_error.
[[nodiscard]] std::vector<industry_output> parse_industry_output_csv(std::string_view text, const std::string& origin);
[[nodiscard]] std::vector<industry_output> load_industry_output(const std::string& path);

/// Options of the weighted rate.
struct manufacturing_options {
  /// Records counted: product_supervisory by default (PROPOSED; the NBS survey samples manufactured products).
  record_filter filter = record_filter::only(programme::product_supervisory);
  /// Period of each result (the source: "测评频率为每季度一次").
  period_key period = period_key::quarter;
  /// Default (PROPOSED, true): weights renormalised over the industries with samples; false: an industry with output
  /// but no samples keeps its weight with rate 0 (a conservative reading).
  bool renormalise = true;
};

/// One industry's part in a region's figure.
struct industry_rate {
  std::string industry;
  double output = 0;
  std::uint64_t sampled = 0, passed = 0;
  double weight = 0;  ///< after renormalisation
};

/// One region's layer: P_r = Σ_i w_ri · p_ri.
struct region_rate {
  std::string region;
  double output = 0;  ///< Σ of the region's output over its weighted industries
  double rate = 0;    ///< fraction
  double weight = 0;  ///< in the district layer
  std::vector<industry_rate> industries;                 ///< weighted
  std::vector<std::string> unsampled_industries;         ///< output but no samples (reported, renormalised away)
  std::vector<std::string> industries_without_output;    ///< samples but no output value (cannot be weighted)
};

/// The two-layer rate of one period: P = Σ_r (V_r / Σ V) · P_r.
struct manufacturing_rate {
  qgov::period period;
  double rate = 0;  ///< fraction
  bool ok = false;  ///< false when no region had a weighted industry
  std::uint64_t sampled = 0, passed = 0;  ///< raw counts of the weighted industries (for the trace)
  std::vector<region_rate> regions;
  std::vector<std::string> regions_without_output;  ///< regions with samples but no output rows
};

/// The weighted manufacturing pass rate per period.
[[nodiscard]] std::vector<manufacturing_rate> manufacturing_pass_rate(const record_table& table,
                                                                      const std::vector<industry_output>& output,
                                                                      const manufacturing_options& options = {});

/// The same from counts already grouped by region, category and options.period (of the records options.filter keeps;
/// partials.hpp merges such counts across pieces). Throws qgov::error for another grouping.
[[nodiscard]] std::vector<manufacturing_rate> manufacturing_pass_rate(const rate_table& counts,
                                                                      const std::vector<industry_output>& output,
                                                                      const manufacturing_options& options = {});

/// Observations for goals.manufacturing: value = weighted percent; `rate` is left empty (a weighted rate has no single
/// numerator and denominator); the raw counts are named in `source`.
[[nodiscard]] std::vector<observation> to_observations(const std::vector<manufacturing_rate>& rates,
                                                       const goal_mapping& goals, date reported_on,
                                                       const std::string& source);

}  // namespace qgov::records
