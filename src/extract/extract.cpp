// Reading a draft plan from its Chinese text. See include/qgov/extract/extract.hpp and docs/extract.md.
//
// The text is normalised once (BOM, spaces, half-width punctuation, full-width digits, line breaks inside a
// sentence) into `norm`, with a byte map back to the original; every span the draft holds is mapped back, and
// every quoted text is cut from the original, so `source[span] == text` holds for the draft's spans.
#include <qgov/extract/extract.hpp>
#include <qgov/extract/target_reading.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include <qgov/core/sha256.hpp>

#include "detail/plan_json_fields.hpp"

#include "detail/utf8.hpp"
#include "detail/traditional.hpp"

namespace qgov::inline QGOV_ABI {
namespace {

using ordered = nlohmann::ordered_json;

// ---------------------------------------------------------------------------------------------
// UTF-8

struct cp_t {
  char32_t cp = 0;
  std::size_t len = 1;
};

// Decodes the code point at `i` of well-formed UTF-8 `s`.
cp_t decode(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return {c, 1};
  if (c < 0xE0 && i + 1 < s.size()) return {static_cast<char32_t>(((c & 0x1F) << 6) | (b(i + 1) & 0x3F)), 2};
  if (c < 0xF0 && i + 2 < s.size())
    return {static_cast<char32_t>(((c & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F)), 3};
  if (i + 3 < s.size())
    return {static_cast<char32_t>(((c & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) |
                                  (b(i + 3) & 0x3F)),
            4};
  return {0xFFFD, 1};
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Whether invalid UTF-8 bytes read as GBK/GB18030 double-byte characters throughout.
bool looks_gbk(std::string_view s) {
  std::size_t pairs = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    if (c < 0x81 || c > 0xFE || i + 1 >= s.size()) return false;
    const auto t = static_cast<unsigned char>(s[i + 1]);
    if (t < 0x40 || t > 0xFE || t == 0x7F) return false;
    ++pairs;
    i += 2;
  }
  return pairs > 0;
}

void check_encoding(std::string_view text, const std::string& origin) {
  if (const auto bad = detail::first_invalid_utf8(text)) {
    std::string msg = "invalid UTF-8 at byte " + std::to_string(*bad);
    if (looks_gbk(text))
      msg += "; the text looks GBK/GB18030-encoded: convert it first (iconv -f GB18030 -t UTF-8)";
    throw load_error(origin, {{"byte " + std::to_string(*bad), msg}});
  }
  // GBK bytes mis-decoded as Latin-1/Windows-1252 and re-encoded as UTF-8: many U+0080..U+00FF, few CJK.
  std::size_t latin = 0, cjk = 0, first_latin = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = decode(text, i);
    if (c.cp >= 0x80 && c.cp <= 0xFF) {
      if (latin++ == 0) first_latin = i;
    } else if (c.cp >= 0x4E00 && c.cp <= 0x9FFF) {
      ++cjk;
    }
    i += c.len;
  }
  if (latin >= 8 && latin > 2 * cjk)
    throw load_error(origin, {{"byte " + std::to_string(first_latin),
                               "the text looks like GBK bytes mis-decoded as Latin-1/Windows-1252 (" +
                                   std::to_string(latin) + " Latin-1 characters, " + std::to_string(cjk) +
                                   " CJK): decode the original bytes as GB18030"}});
}

// ---------------------------------------------------------------------------------------------
// Normalisation with a byte map back to the original

struct normalised {
  std::string text;
  std::vector<std::size_t> begin;  // original offset of the character that produced each byte
  std::vector<std::size_t> end;    // original offset just after it
  std::size_t original_size = 0;

  void put(char32_t cp, std::size_t ob, std::size_t oe) {
    const auto before = text.size();
    append_utf8(text, cp);
    for (auto k = before; k < text.size(); ++k) {
      begin.push_back(ob);
      end.push_back(oe);
    }
  }
  [[nodiscard]] source_span span(std::size_t nb, std::size_t ne) const {
    if (ne <= nb) {
      const std::size_t at = nb < begin.size() ? begin[nb] : original_size;
      return {at, at};
    }
    return {begin[nb], end[ne - 1]};
  }
};

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

constexpr std::u32string_view terminals = U"。；：！？）”」】";

// Characters that open a line which never continues the previous sentence.
bool starts_block(std::string_view rest) {
  static constexpr std::array<std::string_view, 6> markers = {"（", "——", "专栏", "责任单位", "牵头单位", "附件"};
  for (auto m : markers)
    if (rest.starts_with(m)) return true;
  // 一、 … 十、
  static constexpr std::string_view numerals = "一二三四五六七八九十";
  std::size_t i = 0;
  while (i + 3 <= rest.size() && numerals.find(rest.substr(i, 3)) != std::string_view::npos) i += 3;
  return i > 0 && rest.substr(i).starts_with("、");
}

normalised normalise(std::string_view s, std::vector<std::string>& notes) {
  normalised n;
  n.original_size = s.size();
  bool bom = false, half = false, joined = false, traditional = false;
  std::size_t i = 0;
  std::size_t dropped_spaces = 0;
  while (i < s.size()) {
    const auto c = decode(s, i);
    const std::size_t ob = i, oe = i + c.len;
    i = oe;
    char32_t out = c.cp;
    switch (c.cp) {
      case 0xFEFF: bom = true; continue;
      case ' ': case '\t': case '\r': case 0x3000: case 0x00A0: ++dropped_spaces; continue;
      case '(': out = U'（'; half = true; break;
      case ')': out = U'）'; half = true; break;
      case ';': out = U'；'; half = true; break;
      case ':': out = U'：'; half = true; break;
      case '!': out = U'！'; half = true; break;
      case '?': out = U'？'; half = true; break;
      case ',': {
        // 1,000 keeps its digits together; any other comma is a sentence comma.
        const bool between = !n.text.empty() && is_digit(static_cast<unsigned char>(n.text.back())) &&
                             i < s.size() && is_digit(static_cast<unsigned char>(s[i]));
        if (between) continue;
        out = U'，';
        half = true;
        break;
      }
      case U'％': out = '%'; break;
      case U'．': out = '.'; break;
      case U'－': case U'−': out = '-'; break;
      case U'～': out = '~'; break;
      case '[': out = U'〔'; half = true; break;
      case ']': out = U'〕'; half = true; break;
      default:
        if (c.cp >= U'０' && c.cp <= U'９') {
          out = '0' + (c.cp - U'０');
        } else if (const char32_t simple = detail::simplified(c.cp); simple != c.cp) {
          out = simple;
          traditional = true;
        }
        break;
    }
    n.put(out, ob, oe);
  }
  // Line breaks inside a sentence: a single break after a non-terminal character, before a line that does not
  // open a block, is dropped.
  normalised j;
  j.original_size = n.original_size;
  for (std::size_t k = 0; k < n.text.size(); ++k) {
    if (n.text[k] == '\n' && k > 0 && n.text[k - 1] != '\n' && k + 1 < n.text.size() && n.text[k + 1] != '\n') {
      std::size_t p = k - 1;
      while (p > 0 && (static_cast<unsigned char>(n.text[p]) & 0xC0) == 0x80) --p;
      const char32_t prev = decode(n.text, p).cp;
      // Only prose is joined: a line with a sentence mark in it (，。；). Titles, headings, signatures, dates and
      // 文号 lines have none and stay lines of their own (惠府办函〔2017〕35号 / 温州市洞头区人民政府 / 一、指导思想).
      const std::size_t line_b = [&] {
        const auto nl = std::string_view(n.text).substr(0, k).rfind('\n');
        return nl == std::string_view::npos ? std::size_t{0} : nl + 1;
      }();
      const auto line = std::string_view(n.text).substr(line_b, k - line_b);
      const bool prose = line.find("，") != std::string_view::npos || line.find("。") != std::string_view::npos ||
                         line.find("；") != std::string_view::npos;
      if (prose && terminals.find(prev) == std::u32string_view::npos &&
          !starts_block(std::string_view(n.text).substr(k + 1))) {
        joined = true;
        continue;
      }
    }
    j.text += n.text[k];
    j.begin.push_back(n.begin[k]);
    j.end.push_back(n.end[k]);
  }
  if (bom) notes.emplace_back("a UTF-8 byte-order mark was skipped");
  if (half) notes.emplace_back("half-width punctuation was read as full-width");
  if (joined) notes.emplace_back("line breaks inside sentences were joined");
  if (dropped_spaces > 0) notes.emplace_back("spaces and tabs were ignored");
  if (traditional) notes.emplace_back("traditional characters were read as simplified (quotes stay as printed)");
  return j;
}

// ---------------------------------------------------------------------------------------------
// Numbers

constexpr std::string_view cn_digits = "零〇一二两三四五六七八九十百千";

bool is_cn_numeral_at(std::string_view s, std::size_t i) {
  return i + 3 <= s.size() && cn_digits.find(s.substr(i, 3)) != std::string_view::npos &&
         cn_digits.find(s.substr(i, 3)) % 3 == 0;
}

// 十五 → 15, 二十八 → 28, 一百二十 → 120, 两 → 2; nullopt for anything else.
std::optional<long long> parse_cn_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  long long total = 0, digit = -1;
  bool any = false;
  for (std::size_t i = 0; i + 3 <= s.size(); i += 3) {
    const auto t = s.substr(i, 3);
    long long d = -1, unit = 0;
    if (t == "零" || t == "〇") d = 0;
    else if (t == "一") d = 1;
    else if (t == "二" || t == "两") d = 2;
    else if (t == "三") d = 3;
    else if (t == "四") d = 4;
    else if (t == "五") d = 5;
    else if (t == "六") d = 6;
    else if (t == "七") d = 7;
    else if (t == "八") d = 8;
    else if (t == "九") d = 9;
    else if (t == "十") unit = 10;
    else if (t == "百") unit = 100;
    else if (t == "千") unit = 1000;
    else return std::nullopt;
    any = true;
    if (d >= 0) {
      digit = d;
    } else {
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    }
  }
  if (!any || s.size() % 3 != 0) return std::nullopt;
  if (digit >= 0) total += digit;
  return total;
}

// Chinese numerals for clause and section numbers: （十五） → 15.
std::optional<int> cn_ordinal(std::string_view s) {
  const auto v = parse_cn_number(s);
  if (!v || *v <= 0 || *v > 999) return std::nullopt;
  return static_cast<int>(*v);
}

// Units a target may carry, longest first so that 万元/人 wins over 万元.
constexpr std::array<std::string_view, 37> target_units = {
    "个百分点", "万元/人", "件/万人", "平方米", "平方公里", "万元", "亿元", "公里", "千米", "公顷", "小时", "个", "家",
    "项", "亩", "分", "件", "条", "人", "所", "座", "名", "次", "台", "套", "种", "户", "吨", "倍", "%", "‰", "元",
    "天", "处", "辆", "米", "例"};

std::optional<std::string_view> unit_at(std::string_view s) {
  for (auto u : target_units)
    if (s.starts_with(u)) return u;
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Small text helpers on the normalised text

bool starts_at(std::string_view s, std::size_t i, std::string_view w) { return s.substr(i).starts_with(w); }

// A deadline phrase: 到2025年, 至2025年, 2025年底前, 到2025年6月底, 2025年上半年, or a piece that opens with
// 2025年 (web copies drop the 到). `when` is the last day it allows; `end` is the normalised offset after it.
date end_of_month(int year, int month) {
  const auto y = static_cast<unsigned short>(year);
  const auto m = static_cast<unsigned short>(month);
  return date(y, m, boost::gregorian::gregorian_calendar::end_of_month_day(y, m));
}

struct deadline_mark {
  int year = 0;
  date when;
  std::size_t begin = 0, end = 0;
};

bool digits_at(std::string_view s, std::size_t i, std::size_t n) {
  if (i + n > s.size()) return false;
  for (std::size_t k = 0; k < n; ++k)
    if (s[i + k] < '0' || s[i + k] > '9') return false;
  return true;
}

// 到“十二五”末: the end of a five-year period (十一五 2006–2010 … 十五五 2026–2030).
std::optional<deadline_mark> five_year_end(std::string_view s, std::size_t b, std::size_t e) {
  std::optional<deadline_mark> last;
  static constexpr std::pair<std::string_view, int> periods[] = {
      {"十一五", 2010}, {"十二五", 2015}, {"十三五", 2020}, {"十四五", 2025}, {"十五五", 2030}};
  const auto range = s.substr(0, e);  // search inside [b, e) only: a whole-text search per piece is quadratic
  for (const auto& [name, year] : periods) {
    for (auto at = range.find(name, b); at != std::string_view::npos; at = range.find(name, at + 1)) {
      std::size_t j = at + name.size();
      if (starts_at(s, j, "”")) j += 3;
      std::size_t tail = 0;
      for (std::string_view t : {"时期末", "期末", "末"})
        if (starts_at(s, j, t)) { tail = t.size(); break; }
      if (tail == 0 || j + tail > e) continue;
      std::size_t begin = at;
      if (begin >= b + 3 && starts_at(s, begin - 3, "“")) begin -= 3;
      if (begin >= b + 3 && (starts_at(s, begin - 3, "到") || starts_at(s, begin - 3, "至"))) begin -= 3;
      deadline_mark d;
      d.year = year;
      d.when = end_of_year(year);
      d.begin = begin;
      d.end = j + tail;
      if (!last || d.end > last->end) last = d;
    }
  }
  return last;
}

// The last deadline phrase inside [b, e).
std::optional<deadline_mark> deadline_in(std::string_view s, std::size_t b, std::size_t e) {
  std::optional<deadline_mark> last = five_year_end(s, b, e);
  for (std::size_t i = b; i + 7 <= e; ++i) {
    if (!digits_at(s, i, 4) || !starts_at(s, i + 4, "年")) continue;
    if (i > b && s[i - 1] >= '0' && s[i - 1] <= '9') continue;
    const int year = std::stoi(std::string(s.substr(i, 4)));
    if (year < 1900 || year > 2200) continue;
    std::size_t j = i + 7;
    const bool to = i >= b + 3 && (starts_at(s, i - 3, "到") || starts_at(s, i - 3, "至"));
    const bool base = i >= b + 3 && (starts_at(s, i - 3, "比") || starts_at(s, i - 3, "较"));
    if (base) continue;
    int month = 0;
    bool half = false, marked = false;
    if (j < e && s[j] >= '1' && s[j] <= '9') {
      std::size_t k = j;
      int m = 0;
      while (k < e && k < j + 2 && s[k] >= '0' && s[k] <= '9') m = m * 10 + (s[k++] - '0');
      if (m >= 1 && m <= 12 && starts_at(s, k, "月")) {
        month = m;
        j = k + 3;
      }
    } else if (starts_at(s, j, "上半年")) {
      half = true;
      j += 9;
      marked = true;
    }
    for (std::string_view tail : {"年底前", "年底", "年末", "底前", "底", "末", "前"}) {
      // 年底 after the year's 年: "2025年底前" is 2025 + 年 + 底前; "到2025年年底" is 2025 + 年 + 年底
      if (starts_at(s, j, tail)) {
        j += tail.size();
        marked = true;
        break;
      }
    }
    const bool opens = i == b && (j == e || starts_at(s, j, "，"));
    if (!to && !marked && !opens) continue;
    deadline_mark d;
    d.year = year;
    d.begin = to ? i - 3 : i;
    d.end = j;
    if (month > 0) d.when = end_of_month(year, month);
    else if (half) d.when = end_of_month(year, 6);
    else d.when = end_of_year(year);
    if (!last || d.end > last->end) last = d;
  }
  return last;
}

struct comparator_word {
  std::string_view word;
  comparator cmp;
  enum class change_t { level, increase, decrease } change = change_t::level;
};
using change_t = comparator_word::change_t;

// The target vocabulary; see docs/extract.md for each reading. Longer and negated forms precede the forms they
// contain; the word nearest before the number wins.
constexpr std::array<comparator_word, 47> comparator_words = {{
    {"不少于", comparator::ge}, {"不低于", comparator::ge}, {"不高于", comparator::le}, {"不超过", comparator::le},
    {"不多于", comparator::le}, {"不大于", comparator::le}, {"不小于", comparator::ge}, {"超过", comparator::gt},
    {"高于", comparator::gt},   {"大于", comparator::gt},   {"突破", comparator::gt},   {"低于", comparator::lt},
    {"小于", comparator::lt},   {"达到", comparator::ge},   {"均达", comparator::ge},   {"达", comparator::ge},
    {"保持在", comparator::ge}, {"维持在", comparator::ge}, {"稳定在", comparator::ge}, {"控制在", comparator::le},
    {"至少", comparator::ge},   {"下降到", comparator::le}, {"下降至", comparator::le}, {"降低到", comparator::le},
    {"降低至", comparator::le}, {"降到", comparator::le},   {"降至", comparator::le},   {"减少到", comparator::le},
    {"减少至", comparator::le}, {"压减到", comparator::le}, {"提高到", comparator::ge}, {"提高至", comparator::ge},
    {"提升到", comparator::ge}, {"提升至", comparator::ge}, {"增长到", comparator::ge}, {"增加到", comparator::ge},
    {"上升到", comparator::ge}, {"≥", comparator::ge},     {"≤", comparator::le},     {"增长", comparator::ge, change_t::increase},
    {"增加", comparator::ge, change_t::increase}, {"提高", comparator::ge, change_t::increase},
    {"提升", comparator::ge, change_t::increase}, {"上升", comparator::ge, change_t::increase},
    {"下降", comparator::ge, change_t::decrease}, {"降低", comparator::ge, change_t::decrease},
    {"减少", comparator::ge, change_t::decrease},
}};

constexpr std::array<std::string_view, 10> creation_verbs = {"建立", "建成", "新建", "培育", "打造", "创建", "引进",
                                                             "认定", "建设", "选树"};

bool is_cjk_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  const auto c = decode(s, i).cp;
  return c >= 0x4E00 && c <= 0x9FFF;
}

bool ascii_digit_at(std::string_view s, std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// ---------------------------------------------------------------------------------------------
// Reading the targets of one piece of normalised text

struct hit {
  std::size_t cmp_b = 0;           // where the comparator word (or the number) starts
  std::size_t num_b = 0, end = 0;  // the number and unit (and a range's second end, and 以上/以内), [num_b, end)
  std::size_t stated_e = 0;        // end of the number and unit as printed, without 以上/以内
  std::optional<comparator> cmp;
  goal_kind kind = goal_kind::threshold;
  double value = 0;
  std::string unit;
  std::optional<double> upper;
  bool aspirational = false;
  change_t change = change_t::level;
  std::optional<int> base_year;
};

struct piece_reading {
  std::vector<hit> hits;
  std::vector<std::pair<std::size_t, std::size_t>> loose;  // quantities without a target pattern
  struct problem_t {
    std::size_t b = 0, e = 0;
    std::string why;
  };
  std::vector<problem_t> problems;  // quantities read but not usable as they stand (not finite, unknown unit)
};

struct number_t {
  std::size_t b = 0, e = 0;  // [b, e): the sign (if any) and the digits
  double value = 0;
  bool arabic = true;
};

// The number at `i` (Arabic 3.8 or Chinese 十五), with a sign directly before it; nullopt when none.
std::optional<number_t> number_at(std::string_view s, std::size_t i, std::size_t e) {
  number_t n;
  n.b = i;
  std::size_t j = i;
  if (ascii_digit_at(s, i)) {
    while (j < e && (ascii_digit_at(s, j) || (s[j] == '.' && j + 1 < e && ascii_digit_at(s, j + 1)))) ++j;
    n.value = std::strtod(std::string(s.substr(i, j - i)).c_str(), nullptr);
  } else if (is_cn_numeral_at(s, i)) {
    while (j < e && is_cn_numeral_at(s, j)) j += 3;
    const auto v = parse_cn_number(s.substr(i, j - i));
    if (!v) return std::nullopt;
    n.value = static_cast<double>(*v);
    n.arabic = false;
  } else {
    return std::nullopt;
  }
  n.e = j;
  return n;
}

constexpr std::string_view range_marks[] = {"——", "—", "-", "~", "至"};

// Whether `word` ends at `at` and starts at `from` or after.
bool ends_at(std::string_view s, std::size_t at, std::string_view word, std::size_t from = 0) {
  return at >= from + word.size() && starts_at(s, at - word.size(), word);
}

// The length of the first of `words` at `i`; 0 when none is.
std::size_t word_at(std::string_view s, std::size_t i, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (starts_at(s, i, w)) return w.size();
  return 0;
}

// Steps over a quotation mark, title mark or parenthesis at `i`, counting how deep the scan is in them; false when
// there is none at `i`.
bool step_over_mark(std::string_view s, std::size_t& i, int& quote, int& paren) {
  if (const auto n = word_at(s, i, {"“", "《"})) { ++quote; i += n; return true; }
  if (const auto n = word_at(s, i, {"”", "》"})) { quote = std::max(0, quote - 1); i += n; return true; }
  if (const auto n = word_at(s, i, {"（"})) { ++paren; i += n; return true; }
  if (const auto n = word_at(s, i, {"）"})) { paren = std::max(0, paren - 1); i += n; return true; }
  return false;
}

// Not a quantity: a year, an ordinal, part of a Latin token, a date, a sector, a session. `window`: where the text
// since the previous number starts.
bool not_a_quantity(std::string_view s, const number_t& num, std::size_t window) {
  const std::size_t b = num.b, j = num.e;
  if (ends_at(s, b, "第")) return true;
  if (num.arabic && b > 0 && ((s[b - 1] >= 'A' && s[b - 1] <= 'Z') || (s[b - 1] >= 'a' && s[b - 1] <= 'z')))
    return true;
  if (num.arabic && j - b == 4 && starts_at(s, j, "年")) return true;
  if (word_at(s, j, {"月", "日", "号"})) return true;
  // 一个国家, 一项制度: 一 counts nothing unless a target word stands right before it (达到一个)
  if (!num.arabic && num.value == 1 && !ends_at(s, b, "翻", window) &&
      !(ends_at(s, b, "达到", window) || ends_at(s, b, "不少", window) || ends_at(s, b, "至少", window)))
    return true;
  if (starts_at(s, j, "次产业")) return true;  // 三次产业: the three sectors
  // 六届二次全会, 第十五次会议: sessions, not quantities
  if (starts_at(s, j, "届")) return true;
  if (const auto n = word_at(s, j, {"次"})) return word_at(s, j + n, {"全会", "会议", "全体会议", "党代会"}) > 0;
  return false;
}

// A CJK character (U+4E00–U+9FFF) in UTF-8: the one-character units (个, 家, %…) before a range dash.
constexpr std::size_t cjk_char_bytes = 3;

// A sign directly before the number: 达到-98%以上, 负增长 aside (负 before a number). Where the signed number starts,
// and whether the sign is a minus.
std::pair<std::size_t, bool> sign_before(std::string_view s, const number_t& num, std::size_t window) {
  const std::size_t b = num.b;
  if (num.arabic && b > window && s[b - 1] == '-') {
    // not a range dash: the character before the '-' is not a digit, a unit or a percent sign
    const std::size_t before = b - 1;
    const bool after_quantity =
        before > 0 && (ascii_digit_at(s, before - 1) || s[before - 1] == '%' ||
                       (before >= cjk_char_bytes && is_cjk_at(s, before - cjk_char_bytes) &&
                        unit_at(s.substr(before - cjk_char_bytes, cjk_char_bytes)).has_value()));
    if (after_quantity) return {b, false};
    return {before, true};
  }
  if (ends_at(s, b, "负", window)) return {b - std::string_view("负").size(), true};
  return {b, false};
}

// The unit after a number ending at `j`, with a 万/亿/千 multiplier (applied to `value`) unless the unit itself
// carries it (万元); 倍 for a doubling (翻一番). Moves `after` past it.
std::optional<std::string_view> read_unit(std::string_view s, std::size_t j, std::size_t e, bool doubling,
                                          double& value, std::size_t& after) {
  static constexpr std::pair<std::string_view, double> multipliers[] = {{"万", 1e4}, {"亿", 1e8}, {"千", 1e3}};
  const std::string_view rest = s.substr(j, e - j);
  auto u = unit_at(rest);
  after = j;
  if (!u)
    for (const auto& [word, m] : multipliers) {
      if (!rest.starts_with(word)) continue;
      if (auto u2 = unit_at(rest.substr(word.size()))) {
        value *= m;
        u = u2;
        after = j + word.size();
      }
      break;
    }
  if (doubling) {
    value = std::pow(2.0, value);
    u = "倍";
    after = j + std::string_view("番").size();
  } else if (u) {
    after += u->size();
  }
  return u;
}

// A range's upper end: 90%—95%, 1—2个, 90%至95%. Moves `after` past it and takes its unit when the first end has none.
std::optional<double> read_range(std::string_view s, std::size_t e, std::optional<std::string_view>& u,
                                 std::size_t& after) {
  for (auto mark : range_marks) {
    if (!starts_at(s, after, mark)) continue;
    const auto second = number_at(s, after + mark.size(), e);
    if (!second) return std::nullopt;
    auto u2 = unit_at(s.substr(second->e, e - second->e));
    if (u && u2 && *u != *u2) return std::nullopt;
    if (!u && !u2) return std::nullopt;
    if (!u) u = u2;
    after = second->e + (u2 ? u2->size() : 0);
    return second->value;
  }
  return std::nullopt;
}

struct comparator_found {
  std::optional<comparator_word> word;
  std::size_t b = 0;    // where it starts (the number's start when there is none)
  std::size_t end = 0;  // where it ends, from the window's start
};

// The comparator word nearest before the number at `num_b`, in the window [window, num_b) after the previous
// number; the longer of two ending at the same place.
comparator_found nearest_comparator(std::string_view s, std::size_t window, std::size_t num_b) {
  comparator_found c;
  c.b = num_b;
  std::size_t best_len = 0;
  const auto win = s.substr(window, num_b - window);
  for (const auto& w : comparator_words) {
    const auto at = win.rfind(w.word);
    if (at == std::string_view::npos) continue;
    const std::size_t we = at + w.word.size();
    if (we > c.end || (we == c.end && w.word.size() > best_len)) {
      c.end = we;
      best_len = w.word.size();
      c.word = w;
      c.b = window + at;
    }
  }
  return c;
}

// The base year of a change in the window before the number: 比2020年提高2个百分点, 较上年增长 (none).
std::optional<int> base_year_in(std::string_view win) {
  const auto at = win.rfind("比");
  const auto at2 = win.rfind("较");
  const auto base_at = at == std::string_view::npos ? at2 : (at2 == std::string_view::npos ? at : std::max(at, at2));
  const std::size_t year_at = base_at + std::string_view("比").size();  // 比 and 较 are as long
  if (base_at != std::string_view::npos && digits_at(win, year_at, 4)) return std::stoi(std::string(win.substr(year_at, 4)));
  return std::nullopt;
}

// A hit without a comparator word: what the words of the window make of it, if anything. `closes`: the quantity
// ends the piece.
void infer_comparator(hit& h, std::string_view s, std::string_view win, std::size_t window, bool cumulative,
                      bool closes, bool sentence_has_deadline) {
  bool creation = false;
  for (auto v : creation_verbs)
    if (win.find(v) != std::string_view::npos) creation = true;
  // A creation verb alone counts only when the quantity closes the piece (建立…平台3个), not when it describes
  // something (培育24小时便利店).
  if (cumulative || (creation && closes)) {
    h.cmp = comparator::ge;
    h.kind = goal_kind::cumulative;
  } else if (win.find("推动") != std::string_view::npos || win.find("完成") != std::string_view::npos) {
    h.cmp = comparator::ge;
    h.kind = goal_kind::milestone;
  } else if (closes && (h.aspirational || sentence_has_deadline) && h.num_b >= window + 2 * cjk_char_bytes &&
             is_cjk_at(s, h.num_b - cjk_char_bytes)) {
    // 力争到2025年，全市海洋生产总值3000亿元: an indicator and its figure, under a deadline
    h.cmp = comparator::ge;
  }
}

// The sentence (from `sentence_b`) up to `at`, its last 600 bytes at most (力争 stands near its targets; a long run
// of text with no full stop must not make every number rescan it).
std::string_view sentence_before(std::string_view s, std::size_t sentence_b, std::size_t at) {
  const std::size_t from = at > sentence_b + 600 ? at - 600 : sentence_b;
  return s.substr(from, at - from);
}

// 全部 with no number: eq 100 %.
std::optional<hit> whole_piece_target(std::string_view s, std::size_t b, std::size_t e, std::size_t sentence_b) {
  constexpr std::string_view all = "全部";
  const auto piece = s.substr(b, e - b);
  const auto at = piece.find(all);
  if (at == std::string_view::npos || at + all.size() >= piece.size()) return std::nullopt;
  hit h;
  h.cmp = comparator::eq;
  h.value = 100;
  h.unit = "%";
  h.num_b = b + at;
  h.end = b + at + all.size();
  h.stated_e = h.end;
  h.cmp_b = b + at;
  h.aspirational = sentence_before(s, sentence_b, h.num_b).find("力争") != std::string_view::npos;
  return h;
}

// A number with its sign, unit and range: what a hit is made of.
struct quantity {
  std::size_t num_b = 0;  // the number, its sign included
  std::size_t after = 0;  // after its unit (or the range's second end)
  double value = 0;
  std::optional<std::string_view> unit;
  std::optional<double> upper;
  bool doubling = false;  // 翻一番, 翻两番: doubling n times
};

quantity read_quantity(std::string_view s, const number_t& num, std::size_t window, std::size_t e) {
  quantity q;
  const auto [num_b, negative] = sign_before(s, num, window);
  q.num_b = num_b;
  q.value = negative ? -num.value : num.value;
  q.doubling = ends_at(s, num_b, "翻", window) && starts_at(s, num.e, "番");
  q.unit = read_unit(s, num.e, e, q.doubling, q.value, q.after);
  q.upper = read_range(s, e, q.unit, q.after);
  return q;
}

// The hit a quantity with a unit makes: its comparator word (or doubling), its kind (`cumulative`: 累计 or 新增
// before it), and a suffix (`above`: the length of 以上, `below`: of 以内/以下, 0 when absent) that confirms or turns
// the comparator.
hit hit_of(const quantity& q, const comparator_found& found, bool cumulative, std::size_t above, std::size_t below,
           bool all_levels_piece) {
  const auto& word = found.word;
  hit h;
  h.num_b = q.num_b;
  h.end = q.after;
  h.stated_e = q.after;
  h.value = q.value;
  h.unit = std::string(*q.unit);
  h.upper = q.upper;
  h.cmp_b = found.b;
  if (word) {
    h.cmp = word->cmp;
    h.change = word->change;
    // 提高2个百分点 is a change; so is 增长10%; 提高到 / 增长到 name a level and are in the table as such
    if (word->word == "保持在" || word->word == "维持在") h.kind = goal_kind::maintain;
    if (word->word == "均达" && all_levels_piece) h.kind = goal_kind::all_levels;
  }
  if (q.doubling) {
    h.cmp = comparator::ge;
    h.change = change_t::increase;
    h.cmp_b = q.num_b - std::string_view("翻").size();
  }
  if (cumulative) h.kind = goal_kind::cumulative;
  // Suffix: 以上 confirms ≥; 以内/以下 turns it into ≤.
  if (below) {
    if (!h.cmp || *h.cmp == comparator::ge) h.cmp = comparator::le;
    if (!word) h.cmp_b = q.num_b;
    h.end = q.after + below;
  } else if (above) {
    if (!h.cmp) h.cmp = comparator::ge;  // then there is no word and no doubling: h.cmp_b is num_b already
    h.end = q.after + above;
  }
  return h;
}

piece_reading scan_piece(std::string_view s, std::size_t b, std::size_t e, std::size_t sentence_b,
                         bool sentence_has_deadline) {
  piece_reading out;
  int quote = 0, paren = 0;
  std::size_t window = b;  // comparator words are looked for after the previous number
  const auto aspirational_before = [&](std::size_t at) {
    const auto sb = sentence_before(s, sentence_b, at);
    return sb.find("力争") != std::string_view::npos || sb.find("争取") != std::string_view::npos;
  };
  const bool all_levels_piece = s.substr(b, e - b).find("各级") != std::string_view::npos;
  for (std::size_t i = b; i < e;) {
    // quoted names and document titles (“小巨人”, 《…34个城市…的函》) hold no targets
    if (step_over_mark(s, i, quote, paren)) continue;
    const auto num = number_at(s, i, e);
    if (!num) { i += decode(s, i).len; continue; }
    i = num->e;
    if (quote > 0 || paren > 0 || not_a_quantity(s, *num, window)) continue;
    auto q = read_quantity(s, *num, window, e);
    // Comparator: the word nearest before the number, after the previous number.
    const auto found = nearest_comparator(s, window, q.num_b);
    const auto win = s.substr(window, q.num_b - window);
    const std::size_t above = word_at(s, q.after, {"以上"});
    const std::size_t below = word_at(s, q.after, {"以内", "以下"});
    if (!q.unit) {
      // A word right before the number (达到86) lets a number without a unit be an index target.
      const bool adjacent = found.word && window + found.end == q.num_b;
      const bool closes = q.after == e || above || below || starts_at(s, q.after, "左右");
      // an index states no unit; read only as a target under a deadline (指数达到88.41，位居全国第三 is a result)
      if (adjacent && closes && std::isfinite(q.value) && (sentence_has_deadline || aspirational_before(q.num_b))) {
        q.unit = "";
      } else {
        if (adjacent && is_cjk_at(s, q.after))
          out.problems.push_back({found.b, std::min(e, q.after + decode(s, q.after).len),
                                  "a number whose unit the extractor does not know"});
        continue;
      }
    }
    i = std::max(i, q.after);
    const bool cumulative = win.find("累计") != std::string_view::npos || win.find("新增") != std::string_view::npos;
    hit h = hit_of(q, found, cumulative, above, below, all_levels_piece);
    h.aspirational = aspirational_before(q.num_b);
    if (h.change != change_t::level) h.base_year = base_year_in(win);
    if (!h.cmp) infer_comparator(h, s, win, window, cumulative, q.after == e || above || below, sentence_has_deadline);
    if (win.find("已") != std::string_view::npos || win.find("现有") != std::string_view::npos) h.cmp.reset();
    window = h.end;
    if (!std::isfinite(h.value) || (h.upper && !std::isfinite(*h.upper))) {
      out.problems.push_back({h.cmp_b, h.end, "a number too large to read as a target (not finite)"});
      continue;
    }
    if (h.cmp) out.hits.push_back(h);
    else out.loose.emplace_back(q.num_b, q.after);
  }
  if (out.hits.empty() && out.loose.empty() && out.problems.empty())
    if (auto h = whole_piece_target(s, b, e, sentence_b)) out.hits.push_back(*h);
  return out;
}

// Cuts [b, e) into pieces at ，；。：！？ outside parentheses and quotation marks; calls f(piece_b, piece_e,
// sentence_b) for each.
template <class F>
void for_each_piece(std::string_view s, std::size_t b, std::size_t e, F&& f) {
  int paren = 0, quote = 0;
  std::size_t piece = b;
  std::size_t sentence = b;
  for (std::size_t i = b; i <= e;) {
    bool cut = i >= e;
    bool end_sentence = cut;
    if (!cut) {
      if (starts_at(s, i, "（")) ++paren;
      else if (starts_at(s, i, "）")) paren = std::max(0, paren - 1);
      else if (starts_at(s, i, "“") || starts_at(s, i, "《")) ++quote;
      else if (starts_at(s, i, "”") || starts_at(s, i, "》")) quote = std::max(0, quote - 1);
      else if (paren == 0 && quote == 0) {
        for (std::string_view p : {"，", "；", "：", "。", "！", "？"})
          if (starts_at(s, i, p)) {
            cut = true;
            end_sentence = p != "，" && p != "：";
          }
      }
    }
    if (cut) {
      if (i > piece) f(piece, i, sentence);
      if (i >= e) break;
      i += 3;
      piece = i;
      if (end_sentence) sentence = i;
      continue;
    }
    i += decode(s, i).len;
  }
}

// ---------------------------------------------------------------------------------------------
// The extractor

struct line_t {
  std::size_t b = 0, e = 0;  // normalised offsets, without the '\n'
};

struct name_piece {
  std::size_t b = 0, e = 0;
};

class extractor {
public:
  extractor(std::string_view original, const extract_options& o) : orig_(original), opt_(o) {}

  plan_draft run() {
    n_ = normalise(orig_, draft_.notes);
    s_ = n_.text;
    split_lines();
    auto& d = draft_.data;
    d.id = plan_id(opt_.plan_id);
    d.source.path = opt_.source_path;
    d.source.sha256 = sha256_hex(orig_);
    d.source_text = std::string(orig_);
    read_header();
    read_body();
    finish();
    return std::move(draft_);
  }

private:
  // --- spans and texts -------------------------------------------------------------------
  source_span span(std::size_t nb, std::size_t ne) const { return n_.span(nb, ne); }
  std::string text_of(source_span sp) const { return std::string(orig_.substr(sp.begin, sp.size())); }
  spanned_text spanned(std::size_t nb, std::size_t ne) const {
    const auto sp = span(nb, ne);
    return {text_of(sp), sp};
  }
  void find(std::size_t nb, std::size_t ne, std::string why) {
    const auto sp = span(nb, ne);
    draft_.unclassified.push_back({sp, text_of(sp), std::move(why)});
  }

  void split_lines() {
    std::size_t b = 0;
    for (std::size_t k = 0; k <= s_.size(); ++k)
      if (k == s_.size() || s_[k] == '\n') {
        lines_.push_back({b, k});
        b = k + 1;
      }
  }
  std::string_view line_text(const line_t& l) const { return std::string_view(s_).substr(l.b, l.e - l.b); }

  // --- headings --------------------------------------------------------------------------
  // 二、title → (number, offset of the title)
  std::optional<std::pair<int, std::size_t>> section_heading(const line_t& l) const {
    const auto t = line_text(l);
    std::size_t i = 0;
    while (is_cn_numeral_at(t, i)) i += 3;
    if (i == 0 || !starts_at(t, i, "、")) return std::nullopt;
    const auto v = cn_ordinal(t.substr(0, i));
    if (!v) return std::nullopt;
    // A heading is short and has no sentence inside: 一、总体要求.
    if (t.find("。") != std::string_view::npos || t.size() > 120) return std::nullopt;
    return std::pair{*v, l.b + i + 3};
  }
  // （三）title. → (number, offset after the closing parenthesis)
  std::optional<std::pair<int, std::size_t>> clause_heading(const line_t& l) const {
    const auto t = line_text(l);
    if (!t.starts_with("（")) return std::nullopt;
    std::size_t i = 3;
    while (is_cn_numeral_at(t, i)) i += 3;
    if (i == 3 || !starts_at(t, i, "）")) return std::nullopt;
    const auto v = cn_ordinal(t.substr(3, i - 3));
    if (!v) return std::nullopt;
    return std::pair{*v, l.b + i + 3};
  }
  // 专栏1 title → (number, offset of the title)
  std::optional<std::pair<int, std::size_t>> column_heading(const line_t& l) const {
    const auto t = line_text(l);
    if (!t.starts_with("专栏")) return std::nullopt;
    std::size_t i = 6;
    int v = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9' && v < 1000) v = v * 10 + (t[i++] - '0');
    if (i == 6) {
      std::size_t k = i;
      while (is_cn_numeral_at(t, k)) k += 3;
      const auto c = cn_ordinal(t.substr(i, k - i));
      if (!c) return std::nullopt;
      v = *c;
      i = k;
    }
    if (v <= 0) return std::nullopt;
    return std::pair{v, l.b + i};
  }

  // --- the document header ---------------------------------------------------------------
  void read_header() {
    auto& doc = draft_.data.document;
    std::size_t body = lines_.size();
    for (std::size_t k = 0; k < lines_.size(); ++k)
      if (section_heading(lines_[k]) || clause_heading(lines_[k])) { body = k; break; }
    header_end_ = body;
    std::optional<std::size_t> disclosure_line, title_line;
    for (std::size_t k = 0; k < body; ++k) {
      const auto& l = lines_[k];
      const auto t = line_text(l);
      if (t.empty()) continue;
      // 东丽政发〔2024〕5号 on its own line, or after a title on the same line (…的通知 江府办函〔2018〕83号)
      if (doc.number.text.empty()) {
        const auto open = t.find("〔");
        const auto close = t.find("〕");
        if (open != std::string_view::npos && close != std::string_view::npos && open < close &&
            t.find("号", close) != std::string_view::npos && t.find("号", close) < close + 3 + 12) {
          const std::size_t end = t.find("号", close) + 3;
          if (end == t.size() && t.size() < 90) {
            doc.number = spanned(l.b, l.e);
            continue;
          }
          // …的通知（温政办〔2014〕98号）: the number in parentheses closing the line
          if (end + 3 == t.size() && t.ends_with("）")) {
            std::size_t b = open;
            for (int n = 0; n < 8 && b >= 3 && is_cjk_at(t, b - 3); ++n) b -= 3;
            if (b < open) doc.number = spanned(l.b + b, l.b + end);
          } else if (end == t.size()) {
            // the issuer's short name before 〔: CJK characters back to 通知, 》 or the line start, at most 8
            std::size_t b = open;
            for (int n = 0; n < 8 && b >= 3 && is_cjk_at(t, b - 3) && !starts_at(t, b - 3, "知") &&
                            !starts_at(t, b - 3, "》");
                 ++n)
              b -= 3;
            if (b < open) doc.number = spanned(l.b + b, l.e);
          }
        }
      }
      // 2024年8月22日
      if (doc.issued_on_text.text.empty()) {
        if (auto dt = parse_cn_date(t)) {
          doc.issued_on_text = spanned(l.b, l.e);
          doc.issued_on = *dt;
          // the signature above the date names the issuer when no 关于印发 line did: 惠州市人民政府办公室
          if (doc.issuer.text.empty())
            for (std::size_t m = k; m-- > 0;) {
              const auto st = line_text(lines_[m]);
              if (st.empty()) continue;
              for (std::string_view end : {"人民政府", "政府办公室", "政府办公厅", "委员会", "管委会", "领导小组", "工委"})
                if (st.ends_with(end) && st.size() <= 60 && st.find("，") == std::string_view::npos)
                  doc.issuer = spanned(lines_[m].b, lines_[m].e);
              break;
            }
          continue;
        }
      }
      for (std::string_view mark : {"此件主动公开", "此件依申请公开", "此件不公开", "此件公开发布", "此文件公开发布"}) {
        const auto at = t.find(mark);
        if (at != std::string_view::npos && doc.disclosure.text.empty()) {
          doc.disclosure = spanned(l.b + at, l.b + at + mark.size());
          disclosure_line = k;
        }
      }
      // 东丽区人民政府关于印发…的通知, possibly over several lines
      const auto about = t.find("关于印发");
      // a notice title is a line of its own, not a sentence that cites one (根据《…关于印发…的通知》要求，…)
      const bool sentence = t.find("，") != std::string_view::npos || t.find("。") != std::string_view::npos;
      if (about != std::string_view::npos && doc.notice_title.text.empty() && !sentence) {
        if (about > 0) doc.issuer = spanned(l.b, l.b + about);
        for (std::size_t m = k; m < body && m < k + 6; ++m) {
          const auto mt = line_text(lines_[m]);
          const auto notice = mt.find("通知");
          if (notice == std::string_view::npos) continue;
          const auto first = span(l.b, l.e);
          const auto last = span(lines_[m].b, lines_[m].b + notice + 6);
          // the printed lines with the breaks and spaces between them removed, cut from the original bytes
          std::string title;
          for (char c : orig_.substr(first.begin, last.end - first.begin))
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') title += c;
          doc.notice_title = {title, {first.begin, last.end}};
          break;
        }
      }
    }
    // The plan's own title: the first non-empty line after the disclosure mark (or after the date) that is
    // short and has no sentence punctuation.
    const std::size_t from = disclosure_line ? *disclosure_line + 1 : 0;
    for (std::size_t k = from; k < body; ++k) {
      const auto t = line_text(lines_[k]);
      if (t.empty() || t.size() > 150 || t.find("，") != std::string_view::npos ||
          t.find("。") != std::string_view::npos || t.find("关于印发") != std::string_view::npos)
        continue;
      if (t.ends_with("方案") || t.ends_with("纲要") || t.ends_with("规划") || t.ends_with("计划") ||
          t.ends_with("意见") || disclosure_line) {
        draft_.data.document.title = spanned(lines_[k].b, lines_[k].e);
        title_line = k;
        break;
      }
    }
    // No 一、/（一） heading at all (a newspaper's copy prints 主要目标 bare): the body is what follows the title,
    // or the whole text, so that its targets are still read.
    if (body == lines_.size()) header_end_ = title_line ? *title_line + 1 : 0;
  }

  static std::optional<date> parse_cn_date(std::string_view t) {
    // YYYY年M月D日, the whole line
    std::size_t i = 0;
    auto num = [&](std::size_t max_digits) -> std::optional<int> {
      int v = 0;
      std::size_t k = 0;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9' && k < max_digits) { v = v * 10 + (t[i++] - '0'); ++k; }
      if (k == 0) return std::nullopt;
      return v;
    };
    const auto y = num(4);
    if (!y || !starts_at(t, i, "年")) return std::nullopt;
    i += 3;
    const auto m = num(2);
    if (!m || !starts_at(t, i, "月")) return std::nullopt;
    i += 3;
    const auto dd = num(2);
    if (!dd || !starts_at(t, i, "日") || i + 3 != t.size()) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *y, *m, *dd);
    return parse_iso_date(buf);
  }

  // --- the body --------------------------------------------------------------------------
  enum class scope { none, clause, column };

  // Plan horizon: the first 到YYYY年 of the body, the first one on the first line that has one.
  void read_horizon() {
    for (std::size_t k = header_end_; k < lines_.size() && !horizon_; ++k) {
      for_each_piece(s_, lines_[k].b, lines_[k].e, [&](std::size_t pb, std::size_t pe, std::size_t) {
        if (!horizon_) horizon_ = deadline_in(s_, pb, pe);
      });
    }
  }

  // Closes whatever is open at normalised offset `end` (the end of the last non-empty line).
  void close_open(std::size_t end) {
    auto& d = draft_.data;
    if (open_clause_) d.clauses[*open_clause_].span.end = span(0, end).end;
    if (open_column_) {
      d.columns[*open_column_].span.end = span(0, end).end;
      if (!d.columns[*open_column_].items.empty())
        d.columns[*open_column_].items.back().span.end = span(0, end).end;
    }
    open_clause_.reset();
    open_column_.reset();
  }

  void close_section(std::size_t end) {
    if (!draft_.data.sections.empty()) draft_.data.sections.back().span.end = span(0, end).end;
  }

  // A section heading opens a section (and closes what was open before `prev_end`); 一、2014年质量强市建设主要目标
  // gives the year of an annual plan's targets.
  void open_section(const line_t& l, const std::pair<int, std::size_t>& sh, std::size_t prev_end) {
    auto& d = draft_.data;
    close_open(prev_end);
    close_section(prev_end);
    section s;
    s.number = section_number{sh.first};
    s.title = spanned(sh.second, l.e);
    s.span = span(l.b, l.e);
    d.sections.push_back(s);
    scope_ = scope::none;
    section_deadline_.reset();
    scope_deadline_.reset();
    const auto title = std::string_view(s_).substr(sh.second, l.e - sh.second);
    if (digits_at(title, 0, 4) && starts_at(title, 4, "年")) {
      deadline_mark m;
      m.year = std::stoi(std::string(title.substr(0, 4)));
      if (m.year >= 1900 && m.year <= 2200) {
        m.when = end_of_year(m.year);
        section_deadline_ = m;
        if (!horizon_) horizon_ = m;
      }
    }
  }

  // A clause or column heading: its number, the section it stands in, its title [title_b, title_e) and its line. It
  // becomes the scope of what follows.
  template <class Heading, class Number>
  Heading open_heading(const line_t& l, int number, std::size_t title_b, std::size_t title_e, scope sc) {
    Heading h;
    h.number = Number{number};
    h.section = draft_.data.sections.empty() ? section_number{0} : draft_.data.sections.back().number;
    h.title = spanned(title_b, title_e);
    h.span = span(l.b, l.e);
    scope_ = sc;
    scope_number_ = number;
    scope_deadline_.reset();
    return h;
  }

  void open_clause(const line_t& l, const std::pair<int, std::size_t>& ch) {
    const auto stop = line_text(l).find("。", ch.second - l.b);
    auto& clauses = draft_.data.clauses;
    clauses.push_back(open_heading<clause, clause_number>(l, ch.first, ch.second,
                                                          stop == std::string_view::npos ? l.e : l.b + stop,
                                                          scope::clause));
    open_clause_ = clauses.size() - 1;
    read_paragraph(l, ch.second);
  }

  void open_column(const line_t& l, const std::pair<int, std::size_t>& colh) {
    auto& columns = draft_.data.columns;
    columns.push_back(open_heading<column, column_number>(l, colh.first, colh.second, l.e, scope::column));
    open_column_ = columns.size() - 1;
  }

  // ——item: one item of the open column, up to its first 。.
  void add_column_item(const line_t& l, std::size_t prev_end) {
    constexpr std::string_view dash = "——";
    auto& col = draft_.data.columns[*open_column_];
    if (!col.items.empty()) col.items.back().span.end = span(0, prev_end).end;
    column_item it;
    const auto stop = line_text(l).find("。");
    it.title = spanned(l.b + dash.size(), stop == std::string_view::npos ? l.e : l.b + stop);
    it.span = span(l.b, l.e);
    col.items.push_back(it);
  }

  void read_body() {
    read_horizon();
    std::optional<std::size_t> last_content_end;  // normalised end of the last non-empty line
    for (std::size_t k = header_end_; k < lines_.size(); ++k) {
      const auto& l = lines_[k];
      const auto t = line_text(l);
      if (t.empty()) continue;
      ++current_line_;  // counts non-empty lines of the body
      const std::size_t prev_end = last_content_end.value_or(l.b);
      if (auto sh = section_heading(l)) {
        open_section(l, *sh, prev_end);
        last_content_end = l.e;
        continue;
      }
      if (t == "序号") {
        if (const auto next = read_table(k)) {
          last_content_end = lines_[*next - 1].e;
          k = *next - 1;
          continue;
        }
      }
      if (auto ch = clause_heading(l)) {
        close_open(prev_end);
        open_clause(l, *ch);
      } else if (auto colh = column_heading(l)) {
        close_open(prev_end);
        open_column(l, *colh);
      } else {
        if (open_column_ && t.starts_with("——")) add_column_item(l, prev_end);
        read_paragraph(l, l.b);
      }
      last_content_end = l.e;
    }
    const std::size_t end = last_content_end.value_or(s_.size());
    close_open(end);
    close_section(end);
  }

  // An indicator table flattened to one cell per line (序号 / 指标名称 / 2025年 / 属性, then the rows), as web
  // copies of a 专栏 print it. Each complete row gives a target: the indicator cell (unit in parentheses) and the
  // value under the last year column. Returns the line after the table, or nullopt when this is not one.
  struct table_layout {
    std::size_t width = 0, name_col = 0, year_col = 0;  // cells per row; the indicator's and the value's column
    int year = 0;                                          // the year heading the value column
  };

  // The header row of the table whose non-empty lines are `cells`: it ends where row 1 starts.
  std::optional<table_layout> table_header(const std::vector<std::size_t>& cells) const {
    const std::size_t year_heading = 4 + std::string_view("年").size();  // 2025年
    table_layout h;
    for (std::size_t c = 0; c < cells.size() && c < 12; ++c) {
      const auto t = line_text(lines_[cells[c]]);
      if (c > 0 && t == "1") { h.width = c; break; }
      if (t == "指标名称" || t == "指标" || t == "主要指标") h.name_col = c;
      if (t.size() == year_heading && digits_at(t, 0, 4) && starts_at(t, 4, "年")) {
        h.year_col = c;
        h.year = std::stoi(std::string(t.substr(0, 4)));
      }
    }
    if (h.width < 3 || h.name_col == 0 || h.year_col == 0 || h.year < 1900 || h.year > 2200) return std::nullopt;
    return h;
  }

  // One row's target: the indicator cell `name` (unit in parentheses) and the `value` cell, due at the end of `year`.
  void read_table_row(const line_t& name, const line_t& value, int year) {
    constexpr std::string_view open_paren = "（", close_paren = "）";
    auto r = scan_piece(s_, value.b, value.e, value.b, true);
    const auto nt = line_text(name);
    // the unit in parentheses at the end of the indicator: （件）, （%）
    std::string unit;
    std::size_t name_end = name.e;
    if (nt.ends_with(close_paren)) {
      const auto open = nt.rfind(open_paren);
      if (open != std::string_view::npos) {
        const std::size_t unit_b = open + open_paren.size();
        unit = std::string(nt.substr(unit_b, nt.size() - close_paren.size() - unit_b));
        name_end = name.b + open;
      }
    }
    std::optional<double> v;
    comparator cmp = comparator::ge;
    if (!r.hits.empty()) {
      v = r.hits.front().value;
      cmp = *r.hits.front().cmp;
      if (unit.empty()) unit = r.hits.front().unit;
    } else if (auto n = number_at(s_, value.b, value.e); n && n->e == value.e && n->arabic) {
      v = n->value;
    }
    if (!v || !std::isfinite(*v)) {
      find(value.b, value.e, "an indicator table cell with no number the extractor can read");
      return;
    }
    goal g = new_goal();
    g.kind = goal_kind::threshold;
    g.target = target{cmp, *v, unit, text_of(span(value.b, value.e))};
    g.indicator = text_of(span(name.b, name_end));
    g.deadline_from = deadline_basis::stated;
    g.horizon = year;
    g.deadline = end_of_year(year);
    g.span = span(name.b, name.e);
    g.quote = text_of(g.span);
    draft_.data.goals.push_back(std::move(g));
  }

  std::optional<std::size_t> read_table(std::size_t k) {
    std::vector<std::size_t> cells;  // non-empty lines from k on
    for (std::size_t m = k; m < lines_.size() && m < k + 2000 && cells.size() < 400; ++m)
      if (lines_[m].e > lines_[m].b) cells.push_back(m);
    const auto h = table_header(cells);
    if (!h) return std::nullopt;
    std::size_t c = h->width;
    for (; c + h->width <= cells.size(); c += h->width) {
      if (line_text(lines_[cells[c]]) != std::to_string(c / h->width)) break;
      read_table_row(lines_[cells[c + h->name_col]], lines_[cells[c + h->year_col]], h->year);
    }
    // the table ends after its last complete row (a row cut short is left to the paragraph reader)
    return c < cells.size() ? cells[c] : lines_.size();
  }

  // A goal with the next id, sourced in the current scope: the clause it is stated in, or the column.
  goal new_goal() const {
    goal g;
    g.id = goal_id("goal_" + std::to_string(draft_.data.goals.size() + 1));
    g.source.kind = scope_ == scope::column ? source_ref::kind_t::column : source_ref::kind_t::clause;
    g.source.number = scope_number_;
    if (scope_ == scope::clause) g.clauses.push_back({clause_number{scope_number_}, link_type::stated, {}});
    return g;
  }

  // One paragraph: responsibility lists, then targets sentence by sentence.
  void read_paragraph(const line_t& l, std::size_t from) {
    const auto t = line_text(l);
    // 责任单位：A、B on its own line
    for (std::string_view label : {"责任单位：", "牵头单位：", "配合单位：", "责任部门：", "牵头部门：", "配合部门："})
      if (t.starts_with(label)) {
        // 牵头单位：A then 责任单位：B on the next line: one list
        const bool continues = last_label_line_ && *last_label_line_ + 1 == current_line_ &&
                               !draft_.data.responsibility.empty() &&
                               draft_.data.responsibility.back().clause.value == scope_number_;
        read_list(l.b, l.e, l.b, l.e, continues);
        last_label_line_ = current_line_;
        return;
      }
    // Parentheticals at the top level: candidates for responsibility lists.
    std::vector<std::pair<std::size_t, std::size_t>> lists;  // normalised [open, close+3)
    {
      int depth = 0;
      std::size_t open = 0;
      for (std::size_t i = from; i < l.e;) {
        if (starts_at(s_, i, "（")) {
          if (depth++ == 0) open = i;
          i += 3;
        } else if (starts_at(s_, i, "）")) {
          if (depth > 0 && --depth == 0) {
            const auto inner = std::string_view(s_).substr(open + 3, i - open - 3);
            if (inner.find("负责") != std::string_view::npos || inner.find("牵头") != std::string_view::npos ||
                inner.find("责任单位") != std::string_view::npos || inner.find("配合") != std::string_view::npos)
              lists.emplace_back(open, i + 3);
          }
          i += 3;
        } else {
          ++i;
        }
      }
    }
    for (auto [b, e] : lists) read_list(b, e, b + 3, e - 3);
    read_targets(from, l.e, lists);
  }

  // --- responsibility lists --------------------------------------------------------------
  // Splits [b, e) at 、 (and at 和/及 before a name starting 各/区/市), trimming a trailing 等.
  std::vector<name_piece> split_names(std::size_t b, std::size_t e) const {
    const std::size_t separator = std::string_view("、").size();  // as long as 和 and 及
    constexpr std::string_view etc = "等";
    std::vector<name_piece> out;
    std::size_t start = b;
    for (std::size_t i = b; i <= e;) {
      const bool at_end = i >= e;
      bool cut = at_end || starts_at(s_, i, "、");
      if (!cut && i > start && (starts_at(s_, i, "和") || starts_at(s_, i, "及")) &&
          word_at(s_, i + separator, {"各", "区", "市"}))
        cut = true;
      if (cut) {
        std::size_t ne = std::min(i, e);
        if (ends_at(s_, ne, etc, start)) ne -= etc.size();
        out.push_back({start, ne});
        if (at_end) break;
        i += separator;
        start = i;
        continue;
      }
      const auto c = decode(s_, i);
      i += c.len;
    }
    return out;
  }

  bool valid_name(name_piece p) const {
    if (p.e <= p.b || p.e - p.b > 60) return false;
    const auto t = std::string_view(s_).substr(p.b, p.e - p.b);
    for (std::string_view bad : {"，", "。", "；", "：", "（", "）", "“", "”", "、", "\n"})
      if (t.find(bad) != std::string_view::npos) return false;
    return true;
  }

  struct parsed_cell {
    name_piece name;
    role unit_role;
  };

  // The cells of a list as it is read; `ok` is false once a part of it does not parse.
  struct list_cells {
    std::vector<parsed_cell> cells;
    bool ok = true;
  };

  void add_names(list_cells& l, std::size_t nb, std::size_t ne, role r) const {
    for (auto p : split_names(nb, ne)) {
      if (!valid_name(p)) { l.ok = false; return; }
      l.cells.push_back({p, r});
    }
  }

  // Whether [nb, ne) ends with `w`; if so, ne moves before it.
  bool strip_suffix(std::size_t nb, std::size_t& ne, std::string_view w) const {
    if (ne - nb >= w.size() && std::string_view(s_).substr(ne - w.size(), w.size()) == w) {
      ne -= w.size();
      return true;
    }
    return false;
  }

  // 牵头单位：A；责任单位：B、C (；-separated labelled segments)
  void read_labelled(list_cells& l, std::size_t b, std::size_t e) const {
    constexpr std::string_view semicolon = "；", colon_mark = "：";
    std::size_t seg = b;
    while (seg < e && l.ok) {
      auto semi = std::string_view(s_).substr(seg, e - seg).find(semicolon);
      const std::size_t seg_end = semi == std::string_view::npos ? e : seg + semi;
      const auto st = std::string_view(s_).substr(seg, seg_end - seg);
      const auto colon = st.find(colon_mark);
      if (colon == std::string_view::npos) { l.ok = false; break; }
      const auto label = st.substr(0, colon);
      std::optional<role> r;
      if (label == "牵头单位" || label == "牵头部门") r = role::lead;
      else if (label == "责任单位" || label == "责任部门") r = role::responsible;
      else if (label == "配合单位" || label == "配合部门" || label == "协同单位") r = role::supporting;
      if (!r) { l.ok = false; break; }
      add_names(l, seg + colon + colon_mark.size(), seg_end, *r);
      seg = seg_end + (semi == std::string_view::npos ? 0 : semicolon.size());
    }
  }

  // A牵头，B、C配合
  void read_led(list_cells& l, std::size_t b, std::size_t e) const {
    constexpr std::string_view comma_mark = "，";
    std::size_t seg = b;
    while (seg < e && l.ok) {
      auto comma = std::string_view(s_).substr(seg, e - seg).find(comma_mark);
      std::size_t seg_end = comma == std::string_view::npos ? e : seg + comma;
      std::size_t ne = seg_end;
      if (strip_suffix(seg, ne, "牵头")) add_names(l, seg, ne, role::lead);
      else if (strip_suffix(seg, ne, "配合") || strip_suffix(seg, ne, "参与") || strip_suffix(seg, ne, "协助"))
        add_names(l, seg, ne, role::supporting);
      else if (strip_suffix(seg, ne, "按职责分工负责") || strip_suffix(seg, ne, "负责"))
        add_names(l, seg, ne, role::responsible);
      else l.ok = false;
      seg = seg_end + (comma == std::string_view::npos ? 0 : comma_mark.size());
    }
  }

  // A、B和各街道园区等按职责分工负责: first-listed leads by convention
  void read_by_convention(list_cells& l, std::size_t b, std::size_t e) const {
    std::size_t ne = e;
    if (!(strip_suffix(b, ne, "按职责分工负责") || strip_suffix(b, ne, "按职责负责") ||
          strip_suffix(b, ne, "分工负责") || strip_suffix(b, ne, "负责")))
      l.ok = false;
    if (l.ok) {
      add_names(l, b, ne, role::responsible);
      if (!l.cells.empty()) l.cells.front().unit_role = role::lead;
    }
  }

  // The list whose whole text is [whole_b, whole_e) and whose content (inside the parentheses) is [b, e).
  void read_list(std::size_t whole_b, std::size_t whole_e, std::size_t b, std::size_t e, bool continues = false) {
    const auto inner = std::string_view(s_).substr(b, e - b);
    list_cells l;
    const bool stated_roles = inner.find("：") != std::string_view::npos || inner.find("牵头") != std::string_view::npos;
    if (inner.find("：") != std::string_view::npos) read_labelled(l, b, e);
    else if (inner.find("牵头") != std::string_view::npos) read_led(l, b, e);
    else read_by_convention(l, b, e);
    if (!l.ok || l.cells.empty()) {
      find(whole_b, whole_e, "looks like a responsibility list but did not parse");
      return;
    }
    if (scope_ != scope::clause) {
      find(whole_b, whole_e, "a responsibility list outside any numbered clause");
      return;
    }
    auto& lists = draft_.data.responsibility;
    if (!continues && !lists.empty() && lists.back().clause.value == scope_number_) {
      find(whole_b, whole_e, "a second responsibility list in one clause (only the first is kept)");
      return;
    }
    if (stated_roles) any_stated_ = true;
    if (!continues) {
      responsibility_list rl;
      rl.clause = clause_number{scope_number_};
      rl.span = span(whole_b, whole_e);
      lists.push_back(std::move(rl));
    }
    auto& rl = lists.back();
    rl.span.end = span(whole_b, whole_e).end;  // a continued list (牵头单位：A / 责任单位：B) reaches this line
    for (const auto& c : l.cells)
      rl.cells.push_back({unit_for(text_of(span(c.name.b, c.name.e))), c.unit_role, span(c.name.b, c.name.e)});
  }

  unit_id unit_for(const std::string& name) {
    auto& units = draft_.data.units;
    for (const auto& u : units)
      if (u.name == name) return u.id;
    responsible_unit u;
    u.id = unit_id("unit_" + std::to_string(units.size() + 1));
    u.name = name;
    u.kind = guess_kind(name);
    units.push_back(u);
    return u.id;
  }

  static unit_kind guess_kind(std::string_view n) {
    auto has = [&](std::string_view w) { return n.find(w) != std::string_view::npos; };
    if (n.starts_with("各")) return unit_kind::collective;
    if (has("海关")) return unit_kind::customs;
    if (has("检察院") || has("法院")) return unit_kind::judicial_organ;
    if (has("分局") || has("税务局")) return unit_kind::branch_office;
    if (n.starts_with("区委") || has("总工会") || has("团区委") || has("残联") || has("妇联") || has("科协") ||
        has("工商联") || n.starts_with("团"))
      return unit_kind::party_mass_organisation;
    return unit_kind::district_bureau;
  }

  // --- targets ---------------------------------------------------------------------------
  // Pieces of [b, e) cut at ，；。：！？ outside parentheses and quotation marks; skips the responsibility lists.
  void read_targets(std::size_t b, std::size_t e, const std::vector<std::pair<std::size_t, std::size_t>>& lists) {
    std::size_t last_sentence = static_cast<std::size_t>(-1);
    std::size_t next_list = 0;
    bool sentence_deadline = false;
    for_each_piece(s_, b, e, [&](std::size_t pb, std::size_t pe, std::size_t sentence) {
      if (sentence != last_sentence) {
        last_sentence = sentence;
        sentence_deadline = false;
      }
      // lists and pieces both run in text order: one pass over the lists for the whole paragraph
      while (next_list < lists.size() && lists[next_list].second <= pb) ++next_list;
      if (next_list < lists.size() && pb >= lists[next_list].first && pb < lists[next_list].second) return;
      if (deadline_in(s_, pb, pe)) sentence_deadline = true;
      read_piece(pb, pe, sentence, sentence_deadline);
    });
  }

  void read_piece(std::size_t b, std::size_t e, std::size_t sentence_b, bool sentence_deadline) {
    // A deadline inside the piece sets it for the rest of the clause.
    const auto mark = deadline_in(s_, b, e);
    if (mark) scope_deadline_ = mark;
    // a deadline in a section's own paragraphs (before its clauses) holds for the clauses that follow
    if (mark && scope_ == scope::none) section_deadline_ = mark;
    // under a deadline: stated in this sentence, or holding for the clause or section
    const bool under_deadline = sentence_deadline || scope_deadline_ || section_deadline_;
    auto r = scan_piece(s_, b, e, sentence_b, under_deadline);
    // Quotes: the piece, cut at 、 between two targets; a leading deadline (到2025年) is left out.
    constexpr std::string_view list_comma = "、";
    std::size_t qb = b;
    if (mark && mark->begin == b && mark->end < e) qb = mark->end;
    auto& hits = r.hits;
    for (std::size_t k = 0; k < hits.size(); ++k) {
      std::size_t start = qb, stop = e;
      if (k > 0) {
        const auto between = std::string_view(s_).substr(hits[k - 1].end, hits[k].cmp_b - hits[k - 1].end);
        const auto cut = between.rfind(list_comma);
        start = cut == std::string_view::npos ? hits[k - 1].end : hits[k - 1].end + cut + list_comma.size();
      }
      if (k + 1 < hits.size()) {
        const auto between = std::string_view(s_).substr(hits[k].end, hits[k + 1].cmp_b - hits[k].end);
        const auto cut = between.find(list_comma);
        stop = cut == std::string_view::npos ? hits[k].end : hits[k].end + cut;
      }
      add_goal(hits[k], start, stop);
    }
    for (const auto& p : r.problems) find(p.b, p.e, p.why);
    if (!r.loose.empty()) find(b, e, "a quantity with no target pattern");
  }

  void add_goal(const hit& h, std::size_t qb, std::size_t qe) {
    goal g = new_goal();
    g.kind = h.kind;
    target t;
    t.comparator = *h.cmp;
    t.value = h.value;
    t.unit = h.unit;
    t.stated = text_of(span(h.num_b, h.stated_e));
    g.target = t;
    const auto indicator_end = std::max(qb, std::min(h.cmp_b, qe));
    g.indicator = indicator_end > qb ? text_of(span(qb, indicator_end)) : text_of(span(qb, qe));
    if (const auto& m = scope_deadline_ ? scope_deadline_ : section_deadline_) {
      g.deadline_from = deadline_basis::stated;
      g.horizon = m->year;
      g.deadline = m->when;
    } else {
      g.deadline_from = deadline_basis::plan_horizon;
      g.horizon = horizon_ ? horizon_->year : 0;
      if (horizon_) g.deadline = horizon_->when;
    }
    g.span = span(qb, qe);
    g.quote = text_of(g.span);
    // What the plan model cannot hold as it stands is a finding the overlay must answer.
    if (h.upper)
      find(h.num_b, h.end, "a range: the goal keeps the lower end " + number_text(h.value) + ", the upper end " +
                               number_text(*h.upper) + " is not kept");
    if (h.change != change_t::level)
      find(qb, qe, std::string(h.change == change_t::increase ? "an increase" : "a decrease") +
                       (h.base_year ? " over " + std::to_string(*h.base_year) : std::string(" over a base")) +
                       ", not a level: decide what is measured");
    if (h.aspirational) find(qb, qe, "an aspirational target (力争/争取): decide whether bureaus are assessed on it");
    if (h.value < 0) find(h.num_b, h.stated_e, "a negative target value");
    draft_.data.goals.push_back(std::move(g));
  }

  static std::string number_text(double v) {
    std::ostringstream os;
    os << v;
    return os.str();
  }

  void finish() {
    auto& d = draft_.data;
    // Nothing found is said, not returned as an empty draft.
    auto missing = [&](std::string why) {
      draft_.unclassified.push_back({{0, 0}, "", std::move(why), finding_kind::missing});
    };
    if (d.sections.empty() && d.clauses.empty()) missing("no sections or clauses found (一、… or （一）… headings)");
    if (d.responsibility.empty()) missing("no responsibility lists found (（…负责）, 牵头单位：…, 责任单位：…)");
    if (d.goals.empty()) missing("no numeric targets found");
    d.convention = any_stated_ ? role_convention::explicit_roles : role_convention::first_listed_leads;
  }

  std::string_view orig_;
  extract_options opt_;
  plan_draft draft_;
  normalised n_;
  std::string s_;
  std::vector<line_t> lines_;
  std::size_t header_end_ = 0;
  std::optional<deadline_mark> horizon_;
  scope scope_ = scope::none;
  int scope_number_ = 0;
  std::optional<deadline_mark> scope_deadline_;
  std::optional<deadline_mark> section_deadline_;
  std::size_t current_line_ = 0;                 // the line the body reader is on
  std::optional<std::size_t> last_label_line_;  // the last 牵头单位：/责任单位： line
  std::optional<std::size_t> open_clause_, open_column_;
  bool any_stated_ = false;
};

// ---------------------------------------------------------------------------------------------
// Writing

ordered span_json(source_span s) { return ordered::array({s.begin, s.end}); }

}  // namespace

plan_draft extract(std::string_view text, const extract_options& options) {
  check_encoding(text, options.source_path.empty() ? "<text>" : options.source_path);
  extractor x(text, options);
  auto draft = x.run();
  // U+FFFD: the text was decoded with errors somewhere before it reached us.
  for (std::size_t i = 0; (i = text.find("\xEF\xBF\xBD", i)) != std::string_view::npos; i += 3)
    draft.unclassified.push_back({{i, i + 3}, "\xEF\xBF\xBD", "a replacement character: the text was decoded with errors"});
  return draft;
}

std::vector<target_reading> read_targets(std::string_view phrase) {
  std::vector<target_reading> out;
  if (detail::first_invalid_utf8(phrase)) return out;
  std::vector<std::string> notes;
  const auto n = normalise(phrase, notes);
  const std::string_view s = n.text;
  for_each_piece(s, 0, s.size(), [&](std::size_t b, std::size_t e, std::size_t) {
    const auto r = scan_piece(s, b, e, 0, true);
    for (const auto& h : r.hits) {
      target_reading t;
      t.comparator = *h.cmp;
      t.value = h.value;
      t.unit = h.unit;
      t.span = n.span(h.num_b, h.stated_e);
      t.stated = std::string(phrase.substr(t.span.begin, t.span.size()));
      t.kind = h.kind;
      t.aspirational = h.aspirational;
      t.increase = h.change == change_t::increase;
      t.decrease = h.change == change_t::decrease;
      t.base_year = h.base_year;
      t.upper = h.upper;
      out.push_back(std::move(t));
    }
  });
  return out;
}

std::optional<target_reading> read_target(std::string_view phrase) {
  auto all = read_targets(phrase);
  if (all.size() != 1) return std::nullopt;
  return std::move(all.front());
}

bool has_missing_parts(const plan_draft& d) {
  return std::any_of(d.unclassified.begin(), d.unclassified.end(),
                     [](const finding& f) { return f.kind == finding_kind::missing; });
}

std::string draft_to_json(const plan_draft& dr, int indent) {
  // the draft's plan part is written exactly as a plan file; the findings follow
  ordered j = detail::plan_data_json(dr.data);
  j["unclassified"] = ordered::array();
  for (const auto& f : dr.unclassified) {
    ordered o{{"span", span_json(f.span)}, {"text", f.text}, {"why", f.why}};
    if (f.kind == finding_kind::missing) o["missing"] = true;
    j["unclassified"].push_back(o);
  }
  j["notes"] = dr.notes;
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string draft_to_text(const plan_draft& dr) {
  const auto& d = dr.data;
  std::ostringstream os;
  os << "document: " << d.document.number.text << " | " << d.document.issued_on_text.text << " | "
     << d.document.title.text << " | " << d.document.disclosure.text << '\n';
  os << d.sections.size() << " sections, " << d.clauses.size() << " clauses, " << d.columns.size() << " columns, "
     << d.units.size() << " units, " << d.responsibility.size() << " responsibility lists, " << d.goals.size()
     << " targets, " << dr.unclassified.size() << " unclassified\n";
  os << "convention: " << to_string(d.convention) << '\n';
  for (const auto& l : d.responsibility) {
    os << "  clause " << l.clause.value << ':';
    for (const auto& c : l.cells) {
      const auto it = std::find_if(d.units.begin(), d.units.end(), [&](const auto& u) { return u.id == c.unit; });
      os << ' ' << (it == d.units.end() ? c.unit.str() : it->name) << '(' << to_string(c.unit_role) << ')';
    }
    os << '\n';
  }
  for (const auto& g : d.goals) {
    os << "  " << g.id << " [" << to_string(g.kind) << "] ";
    if (g.target) os << to_string(g.target->comparator) << ' ' << g.target->value << ' ' << g.target->unit;
    os << " by " << (g.deadline.is_special() ? std::string("?") : to_iso(g.deadline)) << ": " << g.quote << '\n';
  }
  for (const auto& f : dr.unclassified)
    os << "  unclassified [" << f.span.begin << ',' << f.span.end << ") " << f.why << ": " << f.text << '\n';
  for (const auto& n : dr.notes) os << "  note: " << n << '\n';
  return os.str();
}

}  // namespace qgov
