// qgov/formulas/goal_rules.hpp — the rules of goal kinds that are not a single threshold: maintain, trend, milestone.
#pragma once

#include <qgov/version.hpp>

#include <cstddef>
#include <optional>
#include <span>

#include <qgov/core/comparator.hpp>

namespace qgov::inline QGOV_ABI::formulas {

/// "保持在30%以上": does every value in the window satisfy the comparator?
struct maintain_check {
  std::size_t checked = 0;
  std::size_t violations = 0;
  std::optional<std::size_t> first_violation;  ///< index into the values
  [[nodiscard]] bool held() const noexcept { return checked > 0 && violations == 0; }
};

/// Checks each value against `<c> target`; an empty window holds nothing (`held()` is false).
[[nodiscard]] constexpr maintain_check check_maintained(std::span<const double> values, comparator c, double target) noexcept {
  maintain_check m;
  for (std::size_t i = 0; i < values.size(); ++i) {
    ++m.checked;
    if (!satisfies(values[i], c, target)) {
      ++m.violations;
      if (!m.first_violation) m.first_violation = i;
    }
  }
  return m;
}

/// "不断提高": are successive values moving in the asked direction, step by step?
struct trend_check {
  std::size_t steps = 0;            ///< number of consecutive pairs compared
  std::size_t steps_against = 0;    ///< steps that moved against the direction (a tie is not against it)
  std::optional<std::size_t> last_step_against;  ///< index i of the latest pair (i − 1, i) that moved against
  bool latest_step_with = false;    ///< the most recent step moved in the direction (strictly)
  [[nodiscard]] bool unbroken() const noexcept { return steps > 0 && steps_against == 0; }
};

/// Compares each value with the one before it; `increase` asks for v[i] ≥ v[i − 1] at every step.
[[nodiscard]] constexpr trend_check check_trend(std::span<const double> values, bool increase) noexcept {
  trend_check t;
  for (std::size_t i = 1; i < values.size(); ++i) {
    ++t.steps;
    const double d = values[i] - values[i - 1];
    const bool against = increase ? d < 0 : d > 0;
    if (against) {
      ++t.steps_against;
      t.last_step_against = i;
    }
    t.latest_step_with = increase ? d > 0 : d < 0;
  }
  return t;
}

/// A milestone's pace: is the share done at least the share of the time elapsed since the plan began?
struct milestone_pace {
  double done_fraction = 0;     ///< done / required, capped at 1
  double elapsed_fraction = 0;  ///< (as_of − start) / (deadline − start), within [0, 1]
  [[nodiscard]] bool on_pace() const noexcept { return done_fraction >= elapsed_fraction; }
};

/// `done` of `required` items finished, `elapsed_days` of `total_days` gone.
[[nodiscard]] constexpr milestone_pace pace(double done, double required, double elapsed_days, double total_days) noexcept {
  milestone_pace p;
  p.done_fraction = required > 0 ? (done >= required ? 1.0 : (done > 0 ? done / required : 0.0)) : 1.0;
  p.elapsed_fraction = total_days > 0 ? (elapsed_days <= 0 ? 0.0 : (elapsed_days >= total_days ? 1.0 : elapsed_days / total_days)) : 1.0;
  return p;
}

}  // namespace qgov::formulas
