// Private: terminal rendering helpers (CLI and text reports): display width of mixed Chinese/Latin text, padding.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace qgov::detail {

/// Columns a UTF-8 string occupies on a terminal: CJK ideographs and full-width forms take two, others one.
std::size_t display_width(std::string_view s);

/// `s` padded with spaces to `width` display columns (never truncated).
std::string pad(std::string_view s, std::size_t width);

/// `s` cut to at most `width` display columns, with "…" when cut.
std::string clip(std::string_view s, std::size_t width);

}  // namespace qgov::detail
