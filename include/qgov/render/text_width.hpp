// qgov/render/text_width.hpp — laying out mixed Chinese/Latin text in fixed-width columns (the text reports, the
// command line, a host's own terminal tables): display width, padding and clipping by terminal columns.
#pragma once

#include <qgov/version.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace qgov::inline QGOV_ABI {

/// Columns a UTF-8 string occupies on a terminal: CJK ideographs and full-width forms take two, others one.
[[nodiscard]] std::size_t display_width(std::string_view s);

/// `s` padded with spaces to `width` display columns (never truncated).
[[nodiscard]] std::string pad_display(std::string_view s, std::size_t width);

/// `s` cut to at most `width` display columns, with "…" when cut.
[[nodiscard]] std::string clip_display(std::string_view s, std::size_t width);

}  // namespace qgov
