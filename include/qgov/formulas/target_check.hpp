// qgov/formulas/target_check.hpp — does an observed value meet a target, exactly as the plan words it?
#pragma once

#include <qgov/version.hpp>

#include <qgov/core/comparator.hpp>
#include <qgov/plan/goal.hpp>

namespace qgov::inline QGOV_ABI::formulas {

/// The comparison of one observed value with a target, with its inputs echoed for the trace.
struct target_check {
  double observed = 0;
  qgov::comparator comparator = qgov::comparator::ge;
  double target = 0;
  bool met = false;
  /// How far the value still has to move to reach the target's boundary, in the target's unit; 0 when met.
  /// For `gt`/`lt` the boundary itself does not meet the target ("超过3.8%" is not met by 3.8 %).
  double shortfall = 0;
};

/// Checks `observed <comparator> target` with no tolerance: 3.8 does not satisfy "超过3.8%" (gt), 98.5 satisfies
/// "达到98.5%以上" (ge).
[[nodiscard]] constexpr target_check check_target(double observed, const qgov::target& t) noexcept {
  target_check r{observed, t.comparator, t.value, satisfies(observed, t.comparator, t.value), 0};
  if (!r.met) {
    switch (t.comparator) {
      case comparator::gt:
      case comparator::ge: r.shortfall = t.value - observed; break;
      case comparator::lt:
      case comparator::le: r.shortfall = observed - t.value; break;
      case comparator::eq: r.shortfall = observed > t.value ? observed - t.value : t.value - observed; break;
    }
  }
  return r;
}

}  // namespace qgov::formulas
