// qgov/core/spanned_text.hpp — a piece of the plan's text together with where it stands in the source.
#pragma once

#include <qgov/version.hpp>

#include <string>

#include <qgov/core/source_span.hpp>

namespace qgov::inline QGOV_ABI {

/// Text quoted from the source, with its span: `source[span] == text` is checked when a plan loads.
struct spanned_text {
  std::string text;
  source_span span;
  friend bool operator==(const spanned_text&, const spanned_text&) = default;
};

}  // namespace qgov
