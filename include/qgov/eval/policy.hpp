// qgov/eval/policy.hpp — every choice the sources leave open, as data with documented defaults.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/core/date.hpp>
#include <qgov/core/enum_names.hpp>
#include <qgov/core/ids.hpp>

namespace qgov::inline QGOV_ABI {

/// How progress towards a numeric target is judged before its deadline.
enum class progress_method {
  open_sdg,           ///< Open SDG / Statistics Canada: observed vs required compound growth (ratio R)
  linear_projection,  ///< least-squares line projected to the deadline: expected-value ratio, with an interval
  unsd_expected,      ///< UNSD Progress Chart: latest value grown at the observed CAGR to the deadline
};

inline constexpr std::array<enum_name<progress_method>, 3> progress_method_names{
    {{progress_method::open_sdg, "open_sdg"},
     {progress_method::linear_projection, "linear_projection"},
     {progress_method::unsd_expected, "unsd_expected"}}};

[[nodiscard]] constexpr std::string_view to_string(progress_method m) noexcept {
  return name_in(progress_method_names, m);
}

[[nodiscard]] constexpr std::optional<progress_method> parse_progress_method(std::string_view s) noexcept {
  return value_in(progress_method_names, s);
}

/// A 一票否决 event: a regional or systemic quality-safety incident that forces a unit's grade to D.
struct veto_event {
  unit_id unit;
  date on;
  std::string description;
};

/// The evaluation's configurable choices. Defaults are documented in docs/formulas.md with their sources; those
/// marked PROPOSED there have no official source and are qgov's reading.
struct evaluation_policy {
  // --- progress bands, on the ratio of achieved (or expected) to required progress
  double on_track_ratio = 0.95;  ///< Open SDG "substantial progress" (R ≥ 0.95); UNSD's top band is also 0.95
  double at_risk_ratio = 0.60;   ///< Open SDG "moderate progress" (0.60 ≤ R < 0.95)

  // --- methods per goal kind
  progress_method threshold_method = progress_method::open_sdg;
  progress_method cumulative_method = progress_method::linear_projection;  ///< counts starting near zero
  progress_method all_levels_method = progress_method::open_sdg;

  /// Base year for progress; nullopt: the year of the earliest observation used.
  std::optional<int> base_year;
  /// Start of the window of `maintain` goals; nullopt: the plan's issue date.
  std::optional<date> maintain_window_start;
  /// Trend goals: does a flat step (equal to the year before) break "不断提高"? Default no.
  bool trend_flat_step_breaks = false;
  /// Threshold, all-levels and trend goals are annual indicators: a figure for part of a year (2025-Q2, a Jan–May
  /// count) is shown but neither decides nor serves as a yearly point. True judges on such figures as well.
  bool partial_periods_decide = false;

  // --- bureau scorecard (PROPOSED: 政府质量工作考核 gives the 100-point scale and the bands, not per-goal points)
  double points_achieved = 100;
  double points_on_track = 90;
  double points_at_risk = 70;
  double points_off_track = 40;
  double points_missed = 0;
  /// Points for a goal with no data; nullopt leaves it out of the unit's score (default).
  std::optional<double> points_no_data;
  double weight_lead = 2;         ///< a goal weighs this much for the unit that leads a clause carrying it
  double weight_responsible = 1;
  double weight_supporting = 1;
  std::vector<veto_event> vetoes;  ///< events on or before as_of force the unit to D
};

}  // namespace qgov
