// qgov/eval/facts.hpp — what an evaluation found for one goal, as data: the status, the figure that decided it and
// why. The sentences of every front end are worded from these facts by one module (qgov/render/explanation.hpp), so
// a sentence cannot say what the status does not.
#pragma once

#include <qgov/version.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include <qgov/core/date.hpp>
#include <qgov/core/period.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/eval/status.hpp>

namespace qgov::inline QGOV_ABI {

/// The finding behind a status (docs/formulas.md, "Precedence of the facts").
enum class evidence {
  no_figure,                 ///< nothing reported for the goal (or the level) yet
  only_partial_figures,      ///< only figures for parts of a year; an annual goal is not judged on them
  one_figure,                ///< one yearly figure: the pace cannot be judged
  met_early,                 ///< before the deadline the latest figure already meets the target (ahead of schedule)
  met_at_deadline,           ///< the deciding figure (for the period containing the deadline) meets the target
  short_at_deadline,         ///< the deciding figure does not meet it
  on_boundary,               ///< a strict target (超过) is exactly reached: it still has to be passed
  growth_ratio,              ///< Open SDG: observed growth is `ratio` of the growth required
  growth_not_available,      ///< Open SDG cannot compute growth rates (`open_sdg_reason`)
  projection,                ///< the trend projects `projected` at the deadline
  projection_not_available,  ///< too few distinct dates or values to project
  maintained,                ///< every one of `count` figures in the window holds
  not_maintained,            ///< `broke_period` had `broke_value`, failing the target
  trend_unbroken,            ///< each year at least the year before (or at most, for a fall)
  trend_broken,              ///< `broke_period` moved against the direction
  trend_too_few,             ///< fewer than two yearly figures
  milestone_done,            ///< the count done meets the target, by `period`
  milestone_short,           ///< after the deadline: `value` of the target done by it
  milestone_pace,            ///< before the deadline: `done_fraction` done with `elapsed_fraction` of the time gone
  levels_missing,            ///< all levels: no figures for `missing_levels`, nothing decisive for the others
  qualitative,               ///< tracked, not scored
};

/// Why Open SDG cannot judge growth (a subset of formulas::not_available_reason, kept here for wording).
enum class growth_problem { none, sign_change, target_equals_base, non_positive_values, other };

/// The facts one goal's status rests on.
struct goal_facts {
  goal_status status = goal_status::no_data;
  qgov::evidence evidence = evidence::no_figure;
  date as_of;
  bool deadline_reached = false;            ///< as_of is on or after the deadline
  std::optional<qgov::period> awaited;      ///< deadline reached, the deciding figure not reported yet: its period
  std::optional<double> value;              ///< the figure quoted (for all-levels goals: the deciding level's)
  std::optional<qgov::period> period;       ///< its period
  std::optional<qgov::level> level;         ///< all-levels goals: the deciding level
  std::vector<qgov::level> missing_levels;  ///< all-levels goals: levels without figures
  std::optional<double> partial_value;      ///< a newer figure for part of a year, shown but not judged on
  std::optional<qgov::period> partial_period;
  std::optional<double> projected;          ///< evidence::projection: the value expected at the deadline
  std::optional<double> ratio;              ///< growth_ratio / projection: achieved or expected over required change
  double band_on_track = 0.95;              ///< the policy's bands the ratio was compared with
  double band_at_risk = 0.60;
  std::optional<double> shortfall;          ///< short_at_deadline: how far the deciding figure is from the target
  std::size_t count = 0;                    ///< maintained: figures checked
  std::optional<qgov::period> broke_period; ///< not_maintained / trend_broken
  std::optional<double> broke_value;
  double done_fraction = 0;                 ///< milestone_pace
  double elapsed_fraction = 0;
  growth_problem growth = growth_problem::none;  ///< growth_not_available
  bool increase = true;                     ///< trend goals: the direction asked for
  date window_start;                        ///< maintain goals: where the window starts
  friend bool operator==(const goal_facts&, const goal_facts&) = default;
};

}  // namespace qgov
