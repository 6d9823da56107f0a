// qgov/plan/structure.hpp — the plan's outline: sections (一、), clauses (（一）) and columns (专栏N).
#pragma once

#include <qgov/version.hpp>

#include <string>
#include <vector>

#include <qgov/core/ids.hpp>
#include <qgov/core/spanned_text.hpp>

namespace qgov::inline QGOV_ABI {

/// A numbered section, e.g. 二、推动经济质量效益型发展.
struct section {
  section_number number;
  spanned_text title;  ///< the heading text after "二、"
  source_span span;    ///< from the heading to the start of the next section
  friend bool operator==(const section&, const section&) = default;
};

/// A numbered clause, e.g. （三）筑牢质量创新发展基础; clause numbers run through the whole document.
struct clause {
  clause_number number;
  section_number section;
  spanned_text title;  ///< the title sentence, without its closing 。
  source_span span;    ///< the whole clause paragraph, from （三） to its end
  friend bool operator==(const clause&, const clause&) = default;
};

/// One "——" item of a column, e.g. ——开展农业提质增效行动。
struct column_item {
  spanned_text title;  ///< the item's lead phrase, without its closing 。
  source_span span;    ///< the whole item paragraph
  friend bool operator==(const column_item&, const column_item&) = default;
};

/// A boxed column (专栏) of projects, e.g. 专栏1　产业质量竞争力提升工程.
struct column {
  column_number number;
  section_number section;
  spanned_text title;  ///< the title after "专栏1"
  source_span span;    ///< the heading and all items
  std::vector<column_item> items;
  friend bool operator==(const column&, const column&) = default;
};

}  // namespace qgov
