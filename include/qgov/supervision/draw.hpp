// qgov/supervision/draw.hpp — the "双随机" draw of clause （二十七）: inspection objects per credit class, and at least two
// inspectors per object, from a recorded seed, reproducible byte for byte on any machine.
#pragma once

#include <qgov/version.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <qgov/core/date.hpp>
#include <qgov/core/enum_names.hpp>
#include <qgov/core/period.hpp>
#include <qgov/supervision/credit_class.hpp>
#include <qgov/supervision/enterprise.hpp>
#include <qgov/supervision/work_calendar.hpp>

namespace qgov::inline QGOV_ABI::supervision {

/// How many objects a stratum (credit class) gives, and how recently inspected objects are left out.
struct stratum_rule {
  std::uint32_t ratio_numerator = 0;    ///< the sampling ratio as a fraction: 21/100 is 21 %
  std::uint32_t ratio_denominator = 100;
  std::int32_t frequency_cap_days = 0;  ///< objects inspected fewer than this many days before the draw are excluded
  friend bool operator==(const stratum_rule&, const stratum_rule&) = default;
};

/// What the ratio is a ratio of (PROPOSED default: the whole stratum, 名录库 of that class).
enum class ratio_base { population, eligible };
/// What a draw date outside the timing window does: refuse the draw (default) or record it as outside.
enum class timing_policy { enforce, record_only };

inline constexpr std::array<enum_name<ratio_base>, 2> ratio_base_names{
    {{ratio_base::population, "population"}, {ratio_base::eligible, "eligible"}}};
inline constexpr std::array<enum_name<timing_policy>, 2> timing_policy_names{
    {{timing_policy::enforce, "enforce"}, {timing_policy::record_only, "record_only"}}};

[[nodiscard]] constexpr std::string_view to_string(ratio_base b) noexcept { return name_in(ratio_base_names, b); }
[[nodiscard]] constexpr std::string_view to_string(timing_policy t) noexcept { return name_in(timing_policy_names, t); }

/// Every choice of the draw, with its default (docs/supervision.md gives the source or marks it PROPOSED).
struct draw_parameters {
  /// Per class, low to high risk. Ratios: 林甸县's example bands (A ≤ 5 %, B 5–20 %, C 21–60 %, D 61–100 %), the
  /// lower end of each (PROPOSED). Caps: from its frequencies (A < 1/yr, B 1/yr, C < 2/yr, D as needed), PROPOSED.
  std::array<stratum_rule, 4> strata{{{5, 100, 365}, {5, 100, 365}, {21, 100, 182}, {61, 100, 0}}};
  std::size_t inspectors_per_object = 2;  ///< "随机抽取2名以上检查员"
  ratio_base base = ratio_base::population;
  std::string required_qualification;  ///< empty: any inspector of the roster
  timing_policy timing = timing_policy::enforce;
  std::size_t timing_window = 5;  ///< working days at the start of the quarter (津市场监管信监〔2025〕9号)
  std::string matter;             ///< the 抽查事项, as it will be published
  friend bool operator==(const draw_parameters&, const draw_parameters&) = default;
};

/// An input file and its SHA-256, so a reader can check they re-run the draw on the same bytes.
struct input_digest {
  std::string role;  ///< enterprises, inspectors, calendar, scheme
  std::string file;  ///< the file name as given (no directories are needed to check a digest)
  std::string sha256;
  friend bool operator==(const input_digest&, const input_digest&) = default;
};

/// Everything the draw reads.
struct draw_input {
  std::vector<enterprise> enterprises;
  std::vector<inspector> inspectors;
  credit_scheme scheme = credit_scheme::tianjin_2017();
  work_calendar calendar;
  std::vector<input_digest> inputs;
};

/// An inspector as drawn for an object.
struct drawn_inspector {
  inspector_id id;
  std::string name;
  std::string department;
  friend bool operator==(const drawn_inspector&, const drawn_inspector&) = default;
};

/// One inspection object: its place in the order of drawing (1-based), its class and the inspectors drawn for it.
struct drawn_object {
  std::size_t order = 0;
  enterprise_id id;
  std::string name;
  risk_level stratum = risk_level::low;
  std::vector<drawn_inspector> inspectors;  ///< in the order drawn
  friend bool operator==(const drawn_object&, const drawn_object&) = default;
};

/// An object left out of the pool because it was inspected within its stratum's frequency cap.
struct excluded_object {
  enterprise_id id;
  risk_level stratum = risk_level::low;
  date last_inspected_on;
  std::int64_t days_since = 0;
  friend bool operator==(const excluded_object&, const excluded_object&) = default;
};

/// One stratum's figures: population, excluded by the frequency cap, eligible, the target and what was drawn.
struct stratum_result {
  risk_level level = risk_level::low;
  std::size_t population = 0;
  std::size_t excluded = 0;
  std::size_t eligible = 0;
  std::size_t target = 0;  ///< ⌈ratio × base⌉
  std::size_t drawn = 0;   ///< min(target, eligible)
  friend bool operator==(const stratum_result&, const stratum_result&) = default;
};

/// The result of inspecting a drawn object, published with the draw (检查结果).
struct inspection_result {
  enterprise_id id;
  std::string outcome;  ///< as published, e.g. 未发现问题 / 发现问题，已责令整改
  std::optional<date> inspected_on;
  std::string note;
  std::string origin;  ///< file:line
  friend bool operator==(const inspection_result&, const inspection_result&) = default;
};

/// The whole draw, as recorded for audit and publication.
struct draw_record {
  std::uint64_t seed = 0;
  std::string generator;    ///< draw_generator_name
  std::string description;  ///< draw_generator_description
  credit_scheme scheme;
  draw_parameters parameters;
  period quarter;
  date drawn_on;
  timing_check timing;
  std::string calendar_origin;
  std::vector<input_digest> inputs;
  std::vector<stratum_result> strata;  ///< low to high
  std::vector<drawn_object> objects;   ///< in the order drawn
  std::vector<excluded_object> excluded;
  std::size_t roster_size = 0;
};

/// Draws inspection objects and inspectors. Candidates are sorted by id (UTF-8 bytes) first, so the order of rows in
/// the files does not change the draw. Throws qgov::error for a duplicate or unknown id, an empty roster, an object
/// with fewer eligible inspectors than needed, a bad parameter, or (timing_policy::enforce) a date outside the window.
[[nodiscard]] draw_record run_draw(const draw_input& in, const draw_parameters& params, std::uint64_t seed,
                                   const period& quarter, const date& drawn_on);

/// The first working day of `quarter`: the default draw date.
[[nodiscard]] inline date first_working_day(const period& quarter, const work_calendar& cal) {
  const auto d = cal.first_working_days(quarter.first_day(), quarter.last_day(), 1);
  return d.empty() ? quarter.first_day() : d.front();
}

}  // namespace qgov::supervision
