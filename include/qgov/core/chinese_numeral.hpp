// qgov/core/chinese_numeral.hpp — numbers as plans print them: clause （三）, （二十八）.
#pragma once

#include <qgov/version.hpp>

#include <string>

namespace qgov::inline QGOV_ABI {

/// 1…99 in Chinese numerals as clause numbers are printed (3 → 三, 10 → 十, 15 → 十五, 28 → 二十八); other numbers in
/// Arabic digits.
[[nodiscard]] inline std::string chinese_numeral(int n) {
  static const char* const digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  if (n < 10) return digits[n];
  return std::string(n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10];
}

/// A clause number as printed, with full-width parentheses: 3 → （三）.
[[nodiscard]] inline std::string clause_label(int n) { return "（" + chinese_numeral(n) + "）"; }

}  // namespace qgov
