// qgov/plans/dongli_2024.hpp — the embedded default plan: 东丽区质量强区建设实施方案 (东丽政发〔2024〕5号).
#pragma once

#include <qgov/version.hpp>

#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI::plans {

/// The Dongli District 2024 quality plan, compiled in from data/plans/dongli-2024.json and its source text.
/// Parsed and validated on first use (thread-safe); the same checks as `load_plan` apply.
[[nodiscard]] const plan& dongli_2024();

/// The plan file the embedded plan was compiled from, byte for byte.
[[nodiscard]] std::string_view dongli_2024_plan_file();

/// The source text the embedded plan was compiled with, byte for byte.
[[nodiscard]] std::string_view dongli_2024_source_text();

/// The illustrative sample observations (data/observations/dongli-sample.csv) compiled in, as CSV text. Not official
/// figures, except the rows whose `source` cites a publication.
[[nodiscard]] std::string_view dongli_2024_sample_csv();

}  // namespace qgov::plans
