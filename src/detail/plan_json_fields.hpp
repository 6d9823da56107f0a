// Private: the plan-file writer over unvalidated data, shared by to_json(plan) and the extractor's draft output.
#pragma once

#include <qgov/version.hpp>

#include <nlohmann/json.hpp>

#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI::detail {

/// `d` in the plan-file format; missing dates are written as null, the digest is that of `d.source_text`.
nlohmann::ordered_json plan_data_json(const plan_data& d);

}  // namespace qgov::detail
