// qgov/io/observations.hpp — observation files (CSV and JSON, format in docs/observations-format.md).
#pragma once

#include <qgov/version.hpp>

#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <string_view>

#include <qgov/eval/observation.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// The values a figure can plausibly take: within [min, max], and a whole number when `integer`.
struct value_bounds {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool integer = false;
  friend bool operator==(const value_bounds&, const value_bounds&) = default;
};

/// Plausibility bounds the observation readers apply to every value (docs/observations-format.md, "Plausible
/// values"). A goal's own entry in `by_goal` wins over its unit's in `by_unit`; a goal with neither (no numeric
/// target, or a unit not listed) is not bounded. A value outside its bounds is refused at its row's location.
struct observation_checks {
  /// By the unit of the goal's target. Default: % → [0, 100] (a share or a pass rate); counts (家, 个, 项, 条, 件,
  /// 名, 人, 所, 座, 次, 台, 套, 种, 户, 处) → whole numbers ≥ 0; amounts (亩, 万元, 亿元, 元, 吨, 公里, 平方米, 分)
  /// → ≥ 0. Replace an entry for a plan whose % goal is a growth rate that may be negative.
  std::map<std::string, value_bounds, std::less<>> by_unit = default_unit_bounds();
  /// By goal id, replacing the unit's bounds for that goal.
  std::map<std::string, value_bounds, std::less<>> by_goal;

  /// The bounds of `goal`, or nullptr when it is not bounded.
  [[nodiscard]] const value_bounds* bounds_for(const goal& g) const {
    if (auto it = by_goal.find(g.id.str()); it != by_goal.end()) return &it->second;
    if (!g.target) return nullptr;
    if (auto it = by_unit.find(g.target->unit); it != by_unit.end()) return &it->second;
    return nullptr;
  }

  [[nodiscard]] static std::map<std::string, value_bounds, std::less<>> default_unit_bounds() {
    std::map<std::string, value_bounds, std::less<>> m;
    m["%"] = {0, 100, false};
    for (const char* u : {"家", "个", "项", "条", "件", "名", "人", "所", "座", "次", "台", "套", "种", "户", "处"})
      m[u] = {0, std::numeric_limits<double>::infinity(), true};
    for (const char* u : {"亩", "万元", "亿元", "元", "吨", "公里", "平方米", "分"})
      m[u] = {0, std::numeric_limits<double>::infinity(), false};
    return m;
  }
};

/// Loads observations for `p` from a CSV file (`.csv`) or a JSON file (`.json`). Every bad row or field is reported
/// with its line and column (CSV) or JSON path, and the whole load is refused: `load_error`, nothing half-loaded.
/// Values are checked against `checks` (by default the unit bounds above). The file must be a regular file of at
/// most input_limits::observations bytes (qgov/io/input_file.hpp).
[[nodiscard]] observation_ledger load_observations(const std::filesystem::path& file, const plan& p,
                                                   const observation_checks& checks = {});

/// Parses CSV with the header `goal,period,value,numerator,denominator,level,reported_on,source`.
[[nodiscard]] observation_ledger parse_observations_csv(std::string_view text, const plan& p,
                                                        std::string origin = "<csv>",
                                                        const observation_checks& checks = {});

/// Parses JSON: `{"observations": [{"goal", "period", "value", "numerator", "denominator", "level", "reported_on",
/// "source"}, …]}`.
[[nodiscard]] observation_ledger parse_observations_json(std::string_view text, const plan& p,
                                                         std::string origin = "<json>",
                                                         const observation_checks& checks = {});

/// The ledger as CSV (same header); parsing it again gives an equal ledger, revisions included.
[[nodiscard]] std::string to_csv(const observation_ledger& ledger);

/// The ledger as JSON (same schema); parsing it again gives an equal ledger, revisions included.
[[nodiscard]] std::string to_json(const observation_ledger& ledger, int indent = 2);

}  // namespace qgov
