// Private: how bad a rectification status is, so the worst item decides an enterprise's status (rectification.cpp,
// and the mergeable partials that must merge to the same answer, partials.cpp).
#pragma once

#include <qgov/version.hpp>

#include <qgov/records/rectification.hpp>

namespace qgov::inline QGOV_ABI::records::detail {

[[nodiscard]] inline int severity(rectification_status s) noexcept {
  switch (s) {
    case rectification_status::failed_reinspection: return 5;
    case rectification_status::overdue: return 4;
    case rectification_status::reinspection_overdue: return 3;
    case rectification_status::not_ordered: return 2;
    case rectification_status::pending: return 1;
    case rectification_status::completed: return 0;
  }
  return 0;
}

}  // namespace qgov::records::detail
