// Traditional → simplified, one character to one, from the table in t2s_table.inc.
#include "traditional.hpp"

#include <algorithm>
#include <iterator>

namespace qgov::inline QGOV_ABI::detail {
namespace {

struct pair_t {
  char32_t traditional;
  char32_t simplified;
};

// Sorted by the traditional code point.
constexpr pair_t table[] = {
#include "t2s_table.inc"
};

}  // namespace

char32_t simplified(char32_t c) noexcept {
  if (c < 0x4E00) return c;
  const auto it = std::lower_bound(std::begin(table), std::end(table), c,
                                   [](const pair_t& p, char32_t v) { return p.traditional < v; });
  return it != std::end(table) && it->traditional == c ? it->simplified : c;
}

}  // namespace qgov::detail
