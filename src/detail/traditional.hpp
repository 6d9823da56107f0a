// Private: traditional → simplified characters for the extractor's reading copy (never for quotes).
#pragma once

#include <qgov/version.hpp>

namespace qgov::inline QGOV_ABI::detail {

/// The simplified form of traditional character `c`, or `c` itself when the table has none.
/// One character to one character, so the extractor's byte map back to the original stays exact.
/// Table: src/detail/t2s_table.inc (provenance in its header and in docs/extract.md).
char32_t simplified(char32_t c) noexcept;

}  // namespace qgov::detail
