// qgov/core/source_span.hpp — a place in a plan's source text, as UTF-8 byte offsets.
#pragma once

#include <qgov/version.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace qgov::inline QGOV_ABI {

/// A half-open byte range [begin, end) into a plan's UTF-8 source text.
struct source_span {
  std::size_t begin = 0;
  std::size_t end = 0;

  [[nodiscard]] constexpr std::size_t size() const noexcept { return end - begin; }
  /// True when the span is ordered and lies inside a text of `text_size` bytes.
  [[nodiscard]] constexpr bool fits(std::size_t text_size) const noexcept {
    return begin <= end && end <= text_size;
  }
  /// True when `inner` lies within this span.
  [[nodiscard]] constexpr bool contains(const source_span& inner) const noexcept {
    return begin <= inner.begin && inner.end <= end;
  }
  friend constexpr bool operator==(const source_span&, const source_span&) = default;
};

/// The text a span covers, or nullopt when the span does not fit the text.
[[nodiscard]] constexpr std::optional<std::string_view> text_at(std::string_view text, source_span s) noexcept {
  if (!s.fits(text.size())) return std::nullopt;
  return text.substr(s.begin, s.size());
}

/// A human-readable position: 1-based line, and 1-based column counted in Unicode code points.
struct text_position {
  std::size_t line = 1;
  std::size_t column = 1;
  friend constexpr bool operator==(const text_position&, const text_position&) = default;
};

/// The line and column of byte `offset` in UTF-8 `text` (offsets past the end clamp to the end).
[[nodiscard]] text_position position_of(std::string_view text, std::size_t offset) noexcept;

}  // namespace qgov
