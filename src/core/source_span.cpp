// Line/column of a byte offset, and UTF-8 well-formedness, for messages that point into a source text.
#include <qgov/core/source_span.hpp>

#include "detail/utf8.hpp"

namespace qgov::inline QGOV_ABI {

text_position position_of(std::string_view text, std::size_t offset) noexcept {
  if (offset > text.size()) offset = text.size();
  text_position pos;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // count code points: skip continuation bytes
      ++pos.column;
    }
  }
  return pos;
}

}  // namespace qgov
