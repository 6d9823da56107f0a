// The values the archive fixtures hold, computed afresh: the fixtures must load and compare equal to these.
#pragma once

#include <qgov/version.hpp>

#include <qgov/eval/evaluation.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/plans/dongli_2024.hpp>

namespace qgov::inline QGOV_ABI::test {

/// The embedded Dongli sample figures, with the origin string the fixtures were written with.
inline observation_ledger fixture_ledger() {
  return parse_observations_csv(plans::dongli_2024_sample_csv(), plans::dongli_2024(),
                                "<embedded data/observations/dongli-sample.csv>");
}

/// The Dongli scorecard on 2025-12-31 with the figures known on 2026-06-30 (revisions and late reports included).
inline evaluation fixture_evaluation() {
  return evaluate(plans::dongli_2024(), fixture_ledger(), date(2025, 12, 31), date(2026, 6, 30));
}

}  // namespace qgov::test
