// qgov/core/rate.hpp — a rate that keeps its numerator and denominator, never a bare percentage.
#pragma once

#include <qgov/version.hpp>

#include <cmath>
#include <optional>

namespace qgov::inline QGOV_ABI {

/// `numerator` of `denominator` (e.g. 1 970 qualified batches of 2 000 sampled); the percentage is derived.
struct rate {
  double numerator = 0;
  double denominator = 0;

  /// True for 0 ≤ numerator ≤ denominator, denominator > 0, both finite.
  [[nodiscard]] bool ok() const noexcept {
    return std::isfinite(numerator) && std::isfinite(denominator) && denominator > 0 && numerator >= 0 &&
           numerator <= denominator;
  }
  /// The rate as a percentage (98.5 for 98.5 %); nullopt when the rate is not `ok()`.
  [[nodiscard]] std::optional<double> percent() const noexcept {
    if (!ok()) return std::nullopt;
    return 100.0 * numerator / denominator;
  }
  friend bool operator==(const rate&, const rate&) = default;
};

}  // namespace qgov
