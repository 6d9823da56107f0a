// Reading a draft plan from its Chinese text. See include/qgov/extract/extract.hpp and docs/extract.md.
//
// The text is normalised once (BOM, spaces, half-width punctuation, full-width digits, line breaks inside a
// sentence) into `norm`, with a byte map back to the original; every span the draft holds is mapped back, and
// every quoted text is cut from the original, so `source[span] == text` holds for the draft's spans.
#include <qgov/extract/extract.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include <qgov/core/sha256.hpp>

#include "plan_json_detail.hpp"

#include "utf8.hpp"

namespace qgov {
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
  bool bom = false, half = false, joined = false;
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
      default:
        if (c.cp >= U'０' && c.cp <= U'９') out = '0' + (c.cp - U'０');
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
      if (terminals.find(prev) == std::u32string_view::npos && !starts_block(std::string_view(n.text).substr(k + 1))) {
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
constexpr std::array<std::string_view, 30> target_units = {
    "个百分点", "万元/人", "平方米", "万元", "亿元", "公里", "小时", "个", "家", "项", "亩", "分", "件", "条", "人",
    "所", "座", "名", "次", "台", "套", "种", "户", "吨", "倍", "%", "‰", "元", "天", "处"};

std::optional<std::string_view> unit_at(std::string_view s) {
  for (auto u : target_units)
    if (s.starts_with(u)) return u;
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Small text helpers on the normalised text

bool starts_at(std::string_view s, std::size_t i, std::string_view w) { return s.substr(i).starts_with(w); }

// The year of a 到YYYY年 (or 至YYYY年) inside [b, e), the last one found.
std::optional<int> deadline_year(std::string_view s, std::size_t b, std::size_t e) {
  std::optional<int> year;
  for (std::size_t i = b; i + 3 + 4 + 3 <= e; ++i) {
    if (!(starts_at(s, i, "到") || starts_at(s, i, "至"))) continue;
    const auto y = s.substr(i + 3, 4);
    if (!std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    if (!starts_at(s, i + 7, "年")) continue;
    year = std::stoi(std::string(y));
  }
  return year;
}

struct comparator_word {
  std::string_view word;
  comparator cmp;
};

// The target vocabulary; see docs/extract.md for each reading. Negated forms precede their bare forms.
constexpr std::array<comparator_word, 17> comparator_words = {{
    {"不少于", comparator::ge}, {"不低于", comparator::ge}, {"不高于", comparator::le}, {"不超过", comparator::le},
    {"不多于", comparator::le}, {"超过", comparator::gt},  {"高于", comparator::gt},   {"大于", comparator::gt},
    {"低于", comparator::lt},   {"小于", comparator::lt},  {"达到", comparator::ge},   {"均达", comparator::ge},
    {"达", comparator::ge},     {"保持在", comparator::ge}, {"稳定在", comparator::ge}, {"控制在", comparator::le},
    {"至少", comparator::ge},
}};

constexpr std::array<std::string_view, 9> creation_verbs = {"建立", "建成", "新建", "培育", "打造", "创建", "引进",
                                                            "认定", "建设"};

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

  // The targets of one phrase (a goal's quote) read as the body's sentences are: see qgov::read_targets.
  std::vector<target> phrase_targets() {
    n_ = normalise(orig_, draft_.notes);
    s_ = n_.text;
    read_targets(0, s_.size(), {});
    std::vector<target> out;
    for (const auto& g : draft_.data.goals)
      if (g.target) out.push_back(*g.target);
    return out;
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
    std::optional<std::size_t> disclosure_line;
    for (std::size_t k = 0; k < body; ++k) {
      const auto& l = lines_[k];
      const auto t = line_text(l);
      if (t.empty()) continue;
      // 东丽政发〔2024〕5号
      if (doc.number.text.empty()) {
        const auto open = t.find("〔");
        const auto close = t.find("〕");
        if (open != std::string_view::npos && close != std::string_view::npos && open < close &&
            t.ends_with("号") && t.size() < 90) {
          doc.number = spanned(l.b, l.e);
          continue;
        }
      }
      // 2024年8月22日
      if (doc.issued_on_text.text.empty()) {
        if (auto dt = parse_cn_date(t)) {
          doc.issued_on_text = spanned(l.b, l.e);
          doc.issued_on = *dt;
          continue;
        }
      }
      for (std::string_view mark : {"此件主动公开", "此件依申请公开", "此件不公开"}) {
        const auto at = t.find(mark);
        if (at != std::string_view::npos && doc.disclosure.text.empty()) {
          doc.disclosure = spanned(l.b + at, l.b + at + mark.size());
          disclosure_line = k;
        }
      }
      // 东丽区人民政府关于印发…的通知, possibly over several lines
      const auto about = t.find("关于印发");
      if (about != std::string_view::npos && doc.notice_title.text.empty()) {
        if (about > 0) doc.issuer = spanned(l.b, l.b + about);
        std::string title;
        for (std::size_t m = k; m < body && m < k + 6; ++m) {
          const auto mt = line_text(lines_[m]);
          const auto notice = mt.find("通知");
          if (notice == std::string_view::npos) {
            title += mt;
            continue;
          }
          title += mt.substr(0, notice + 6);
          const auto first = span(l.b, l.e);
          const auto last = span(lines_[m].b, lines_[m].b + notice + 6);
          doc.notice_title = {title, {first.begin, last.end}};
          // The notice names the plan: 《东丽区质量强区建设实施方案》 in a later line, or 印发X的通知.
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
        break;
      }
    }
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

  void read_body() {
    auto& d = draft_.data;
    // Plan horizon: the first 到YYYY年 of the body.
    for (std::size_t k = header_end_; k < lines_.size() && !horizon_; ++k)
      horizon_ = deadline_year(s_, lines_[k].b, lines_[k].e);

    std::optional<std::size_t> last_content_end;  // normalised end of the last non-empty line
    auto close_open = [&](std::size_t end) {
      // Close whatever is open at normalised offset `end` (the end of the last non-empty line).
      if (open_clause_) d.clauses[*open_clause_].span.end = span(0, end).end;
      if (open_column_) {
        d.columns[*open_column_].span.end = span(0, end).end;
        if (!d.columns[*open_column_].items.empty())
          d.columns[*open_column_].items.back().span.end = span(0, end).end;
      }
      open_clause_.reset();
      open_column_.reset();
    };
    auto close_section = [&](std::size_t end) {
      if (!d.sections.empty()) d.sections.back().span.end = span(0, end).end;
    };

    for (std::size_t k = header_end_; k < lines_.size(); ++k) {
      const auto& l = lines_[k];
      const auto t = line_text(l);
      if (t.empty()) continue;
      const std::size_t prev_end = last_content_end.value_or(l.b);
      if (auto sh = section_heading(l)) {
        close_open(prev_end);
        close_section(prev_end);
        section s;
        s.number = section_number{sh->first};
        s.title = spanned(sh->second, l.e);
        s.span = span(l.b, l.e);
        d.sections.push_back(s);
        scope_ = scope::none;
        last_content_end = l.e;
        continue;
      }
      if (auto ch = clause_heading(l)) {
        close_open(prev_end);
        clause c;
        c.number = clause_number{ch->first};
        c.section = d.sections.empty() ? section_number{0} : d.sections.back().number;
        const auto stop = t.find("。", ch->second - l.b);
        c.title = spanned(ch->second, stop == std::string_view::npos ? l.e : l.b + stop);
        c.span = span(l.b, l.e);
        d.clauses.push_back(c);
        open_clause_ = d.clauses.size() - 1;
        scope_ = scope::clause;
        scope_number_ = ch->first;
        scope_year_.reset();
        read_paragraph(l, ch->second);
        last_content_end = l.e;
        continue;
      }
      if (auto colh = column_heading(l)) {
        close_open(prev_end);
        column c;
        c.number = column_number{colh->first};
        c.section = d.sections.empty() ? section_number{0} : d.sections.back().number;
        c.title = spanned(colh->second, l.e);
        c.span = span(l.b, l.e);
        d.columns.push_back(c);
        open_column_ = d.columns.size() - 1;
        scope_ = scope::column;
        scope_number_ = colh->first;
        scope_year_.reset();
        last_content_end = l.e;
        continue;
      }
      if (open_column_ && t.starts_with("——")) {
        auto& col = d.columns[*open_column_];
        if (!col.items.empty()) col.items.back().span.end = span(0, prev_end).end;
        column_item it;
        const auto stop = t.find("。");
        it.title = spanned(l.b + 6, stop == std::string_view::npos ? l.e : l.b + stop);
        it.span = span(l.b, l.e);
        col.items.push_back(it);
      }
      read_paragraph(l, l.b);
      last_content_end = l.e;
    }
    const std::size_t end = last_content_end.value_or(s_.size());
    close_open(end);
    close_section(end);
  }

  // One paragraph: responsibility lists, then targets sentence by sentence.
  void read_paragraph(const line_t& l, std::size_t from) {
    const auto t = line_text(l);
    // 责任单位：A、B on its own line
    if (t.starts_with("责任单位：") || t.starts_with("牵头单位：")) {
      read_list(l.b, l.e, l.b, l.e);
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
    std::vector<name_piece> out;
    std::size_t start = b;
    for (std::size_t i = b; i <= e;) {
      const bool at_end = i >= e;
      bool cut = at_end || starts_at(s_, i, "、");
      std::size_t skip = 3;
      if (!cut && i > start && (starts_at(s_, i, "和") || starts_at(s_, i, "及")) &&
          (starts_at(s_, i + 3, "各") || starts_at(s_, i + 3, "区") || starts_at(s_, i + 3, "市")))
        cut = true;
      if (cut) {
        std::size_t ne = std::min(i, e);
        if (ne >= start + 3 && starts_at(s_, ne - 3, "等")) ne -= 3;
        out.push_back({start, ne});
        if (at_end) break;
        i += skip;
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

  // The list whose whole text is [whole_b, whole_e) and whose content (inside the parentheses) is [b, e).
  void read_list(std::size_t whole_b, std::size_t whole_e, std::size_t b, std::size_t e) {
    const auto inner = std::string_view(s_).substr(b, e - b);
    std::vector<parsed_cell> cells;
    bool stated_roles = false;
    bool ok = true;
    auto add = [&](std::size_t nb, std::size_t ne, role r) {
      for (auto p : split_names(nb, ne)) {
        if (!valid_name(p)) { ok = false; return; }
        cells.push_back({p, r});
      }
    };
    auto strip_suffix = [&](std::size_t nb, std::size_t& ne, std::string_view w) {
      if (ne - nb >= w.size() && std::string_view(s_).substr(ne - w.size(), w.size()) == w) {
        ne -= w.size();
        return true;
      }
      return false;
    };
    if (inner.find("：") != std::string_view::npos) {
      // 牵头单位：A；责任单位：B、C (；-separated labelled segments)
      stated_roles = true;
      std::size_t seg = b;
      while (seg < e && ok) {
        auto semi = std::string_view(s_).substr(seg, e - seg).find("；");
        const std::size_t seg_end = semi == std::string_view::npos ? e : seg + semi;
        const auto st = std::string_view(s_).substr(seg, seg_end - seg);
        const auto colon = st.find("：");
        if (colon == std::string_view::npos) { ok = false; break; }
        const auto label = st.substr(0, colon);
        std::optional<role> r;
        if (label == "牵头单位" || label == "牵头部门") r = role::lead;
        else if (label == "责任单位" || label == "责任部门") r = role::responsible;
        else if (label == "配合单位" || label == "配合部门" || label == "协同单位") r = role::supporting;
        if (!r) { ok = false; break; }
        add(seg + colon + 3, seg_end, *r);
        seg = seg_end + (semi == std::string_view::npos ? 0 : 3);
      }
    } else if (inner.find("牵头") != std::string_view::npos) {
      // A牵头，B、C配合
      stated_roles = true;
      std::size_t seg = b;
      while (seg < e && ok) {
        auto comma = std::string_view(s_).substr(seg, e - seg).find("，");
        std::size_t seg_end = comma == std::string_view::npos ? e : seg + comma;
        std::size_t ne = seg_end;
        if (strip_suffix(seg, ne, "牵头")) add(seg, ne, role::lead);
        else if (strip_suffix(seg, ne, "配合") || strip_suffix(seg, ne, "参与") || strip_suffix(seg, ne, "协助"))
          add(seg, ne, role::supporting);
        else if (strip_suffix(seg, ne, "按职责分工负责") || strip_suffix(seg, ne, "负责"))
          add(seg, ne, role::responsible);
        else ok = false;
        seg = seg_end + (comma == std::string_view::npos ? 0 : 3);
      }
    } else {
      // A、B和各街道园区等按职责分工负责: first-listed leads by convention
      std::size_t ne = e;
      if (!(strip_suffix(b, ne, "按职责分工负责") || strip_suffix(b, ne, "按职责负责") ||
            strip_suffix(b, ne, "分工负责") || strip_suffix(b, ne, "负责")))
        ok = false;
      if (ok) {
        add(b, ne, role::responsible);
        if (!cells.empty()) cells.front().unit_role = role::lead;
      }
    }
    if (!ok || cells.empty()) {
      find(whole_b, whole_e, "looks like a responsibility list but did not parse");
      return;
    }
    if (scope_ != scope::clause) {
      find(whole_b, whole_e, "a responsibility list outside any numbered clause");
      return;
    }
    auto& lists = draft_.data.responsibility;
    if (!lists.empty() && lists.back().clause.value == scope_number_) {
      find(whole_b, whole_e, "a second responsibility list in one clause (only the first is kept)");
      return;
    }
    if (stated_roles) any_stated_ = true;
    responsibility_list rl;
    rl.clause = clause_number{scope_number_};
    rl.span = span(whole_b, whole_e);
    for (const auto& c : cells) {
      responsibility_cell cell;
      cell.unit = unit_for(std::string(std::string_view(s_).substr(c.name.b, c.name.e - c.name.b)));
      cell.unit_role = c.unit_role;
      cell.span = span(c.name.b, c.name.e);
      rl.cells.push_back(cell);
    }
    lists.push_back(std::move(rl));
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
  struct hit {
    std::size_t cmp_b = 0;  // where the comparator word (or the number) starts
    std::size_t num_b = 0, end = 0;  // the number and unit, [num_b, end)
    std::optional<comparator> cmp;
    goal_kind kind = goal_kind::threshold;
    double value = 0;
    std::string unit;
  };

  // Pieces of [b, e) cut at ，；。：！？ outside parentheses and quotation marks; skips the responsibility lists.
  void read_targets(std::size_t b, std::size_t e, const std::vector<std::pair<std::size_t, std::size_t>>& lists) {
    int paren = 0, quote = 0;
    std::size_t piece = b;
    std::size_t sentence = b;
    for (std::size_t i = b; i <= e;) {
      bool cut = i >= e;
      bool end_sentence = cut;
      if (!cut) {
        if (starts_at(s_, i, "（")) ++paren;
        else if (starts_at(s_, i, "）")) paren = std::max(0, paren - 1);
        else if (starts_at(s_, i, "“")) ++quote;
        else if (starts_at(s_, i, "”")) quote = std::max(0, quote - 1);
        else if (paren == 0 && quote == 0) {
          for (std::string_view p : {"，", "；", "：", "。", "！", "？"})
            if (starts_at(s_, i, p)) {
              cut = true;
              end_sentence = p != "，" && p != "：";
            }
        }
      }
      if (cut) {
        bool in_list = false;
        for (auto [lb, le] : lists)
          if (piece >= lb && piece < le) in_list = true;
        if (!in_list && i > piece) read_piece(piece, i, sentence);
        if (i >= e) break;
        i += 3;
        piece = i;
        if (end_sentence) sentence = i;
        continue;
      }
      i += decode(s_, i).len;
    }
  }

  void read_piece(std::size_t b, std::size_t e, std::size_t sentence_b) {
    (void)sentence_b;
    // 到YYYY年 inside the piece sets the year for the rest of the clause.
    if (auto y = deadline_year(s_, b, e)) scope_year_ = y;
    const auto piece = std::string_view(s_).substr(b, e - b);
    std::vector<hit> hits;
    std::vector<std::pair<std::size_t, std::size_t>> loose;  // quantities without a target pattern
    int quote = 0, paren = 0;
    std::size_t window = b;  // comparator words are looked for after the previous number
    for (std::size_t i = b; i < e;) {
      if (starts_at(s_, i, "“")) { ++quote; i += 3; continue; }
      if (starts_at(s_, i, "”")) { quote = std::max(0, quote - 1); i += 3; continue; }
      if (starts_at(s_, i, "（")) { ++paren; i += 3; continue; }
      if (starts_at(s_, i, "）")) { paren = std::max(0, paren - 1); i += 3; continue; }
      const bool arabic = s_[i] >= '0' && s_[i] <= '9';
      const bool chinese = !arabic && is_cn_numeral_at(s_, i);
      if (!arabic && !chinese) { i += decode(s_, i).len; continue; }
      // Read the number.
      std::size_t j = i;
      double value = 0;
      if (arabic) {
        while (j < e && ((s_[j] >= '0' && s_[j] <= '9') || (s_[j] == '.' && j + 1 < e && s_[j + 1] >= '0' &&
                                                              s_[j + 1] <= '9')))
          ++j;
        value = std::strtod(std::string(s_.substr(i, j - i)).c_str(), nullptr);
      } else {
        while (j < e && is_cn_numeral_at(s_, j)) j += 3;
        const auto v = parse_cn_number(std::string_view(s_).substr(i, j - i));
        if (!v) { i = j; continue; }
        value = static_cast<double>(*v);
      }
      const std::size_t num_b = i;
      i = j;
      // Not a quantity: inside quotation marks or parentheses, a year, an ordinal, part of a Latin token.
      if (quote > 0 || paren > 0) continue;
      if (num_b >= 3 && starts_at(s_, num_b - 3, "第")) continue;
      if (arabic && num_b > 0 && ((s_[num_b - 1] >= 'A' && s_[num_b - 1] <= 'Z') ||
                                  (s_[num_b - 1] >= 'a' && s_[num_b - 1] <= 'z')))
        continue;
      if (arabic && j - num_b == 4 && starts_at(s_, j, "年")) continue;
      // Unit, with a 万/亿 multiplier unless the unit itself carries it (万元).
      std::string_view rest = std::string_view(s_).substr(j, e - j);
      auto u = unit_at(rest);
      std::size_t after = j;
      if (!u && (rest.starts_with("万") || rest.starts_with("亿"))) {
        const double m = rest.starts_with("万") ? 1e4 : 1e8;
        if (auto u2 = unit_at(rest.substr(3))) {
          value *= m;
          u = u2;
          after = j + 3;
        }
      }
      if (!u) continue;
      after += u->size();
      if (chinese && *u == "个" && starts_at(s_, after, "百分点")) {}  // 个百分点 is matched above
      i = after;
      hit h;
      h.num_b = num_b;
      h.end = after;
      h.value = value;
      h.unit = std::string(*u);
      // Comparator: the word nearest before the number, after the previous number.
      std::size_t best_end = 0, best_len = 0;
      const auto win = std::string_view(s_).substr(window, num_b - window);
      for (const auto& w : comparator_words) {
        const auto at = win.rfind(w.word);
        if (at == std::string_view::npos) continue;
        const std::size_t we = at + w.word.size();
        if (we > best_end || (we == best_end && w.word.size() > best_len)) {
          best_end = we;
          best_len = w.word.size();
          h.cmp = w.cmp;
          h.cmp_b = window + at;
        }
      }
      const bool cumulative = win.find("累计") != std::string_view::npos || win.find("新增") != std::string_view::npos;
      if (h.cmp) {
        const auto word = std::string_view(s_).substr(h.cmp_b, best_len);
        if (word == "保持在") h.kind = goal_kind::maintain;
        if (word == "均达" && piece.find("各级") != std::string_view::npos) h.kind = goal_kind::all_levels;
      }
      if (cumulative) h.kind = goal_kind::cumulative;
      // Suffix: 以上 confirms ≥; 以内/以下 turns it into ≤.
      if (starts_at(s_, after, "以内") || starts_at(s_, after, "以下")) {
        if (h.cmp && (*h.cmp == comparator::ge)) h.cmp = comparator::le;
        if (!h.cmp) { h.cmp = comparator::le; h.cmp_b = num_b; }
        h.end = after + 6;
      } else if (starts_at(s_, after, "以上")) {
        if (!h.cmp) { h.cmp = comparator::ge; h.cmp_b = num_b; }
        h.end = after + 6;
      }
      if (!h.cmp) {
        bool creation = false;
        for (auto v : creation_verbs)
          if (win.find(v) != std::string_view::npos) creation = true;
        // A creation verb alone counts only when the quantity closes the piece (建立…平台3个), not when it
        // describes something (培育24小时便利店).
        const bool closes = after == e || starts_at(s_, after, "以上");
        if (cumulative || (creation && closes)) {
          h.cmp = comparator::ge;
          h.kind = goal_kind::cumulative;
          h.cmp_b = num_b;
        } else if (win.find("推动") != std::string_view::npos || win.find("完成") != std::string_view::npos) {
          h.cmp = comparator::ge;
          h.kind = goal_kind::milestone;
          h.cmp_b = num_b;
        }
      }
      if (win.find("已") != std::string_view::npos || win.find("现有") != std::string_view::npos) h.cmp.reset();
      window = h.end;
      if (h.cmp) hits.push_back(h);
      else loose.emplace_back(num_b, after);
    }
    // 全部 with no number: eq 100 %.
    if (hits.empty() && loose.empty()) {
      const auto at = piece.find("全部");
      if (at != std::string_view::npos && at + 6 < piece.size()) {
        hit h;
        h.cmp = comparator::eq;
        h.value = 100;
        h.unit = "%";
        h.num_b = b + at;
        h.end = b + at + 6;
        h.cmp_b = b + at;
        hits.push_back(h);
      }
    }
    // Quotes: the piece, cut at 、 between two targets; a leading 到YYYY年 is left out.
    std::size_t qb = b;
    if (deadline_year(s_, b, std::min(e, b + 13)) && starts_at(s_, b, "到")) {
      qb = b + 3 + 4 + 3;
    }
    for (std::size_t k = 0; k < hits.size(); ++k) {
      std::size_t start = qb, stop = e;
      if (k > 0) {
        const auto between = std::string_view(s_).substr(hits[k - 1].end, hits[k].cmp_b - hits[k - 1].end);
        const auto cut = between.rfind("、");
        start = cut == std::string_view::npos ? hits[k - 1].end : hits[k - 1].end + cut + 3;
      }
      if (k + 1 < hits.size()) {
        const auto between = std::string_view(s_).substr(hits[k].end, hits[k + 1].cmp_b - hits[k].end);
        const auto cut = between.find("、");
        stop = cut == std::string_view::npos ? hits[k].end : hits[k].end + cut;
      }
      add_goal(hits[k], start, stop);
    }
    for (auto [nb, ne] : loose) {
      (void)ne;
      (void)nb;
      find(b, e, "a quantity with no target pattern");
      break;
    }
  }

  void add_goal(const hit& h, std::size_t qb, std::size_t qe) {
    goal g;
    g.id = goal_id("goal_" + std::to_string(draft_.data.goals.size() + 1));
    g.kind = h.kind;
    target t;
    t.comparator = *h.cmp;
    t.value = h.value;
    t.unit = h.unit;
    const auto stated_span = span(h.num_b, h.kind == goal_kind::threshold && h.unit == "%" && t.comparator ==
                                                       comparator::eq ? h.end : h.end);
    t.stated = text_of(stated_span);
    // the stated figure without its 以上/以内 suffix
    for (std::string_view suffix : {"以上", "以内", "以下"})
      if (t.stated.size() > suffix.size() && std::string_view(t.stated).ends_with(suffix))
        t.stated.resize(t.stated.size() - suffix.size());
    g.target = t;
    const auto indicator_end = std::max(qb, std::min(h.cmp_b, qe));
    g.indicator = indicator_end > qb ? text_of(span(qb, indicator_end)) : text_of(span(qb, qe));
    const int year = scope_year_.value_or(horizon_.value_or(0));
    g.deadline_from = scope_year_ ? deadline_basis::stated : deadline_basis::plan_horizon;
    g.horizon = year;
    if (year >= 1400 && year <= 9999) g.deadline = end_of_year(year);
    g.span = span(qb, qe);
    g.quote = text_of(g.span);
    g.source.kind = scope_ == scope::column ? source_ref::kind_t::column : source_ref::kind_t::clause;
    g.source.number = scope_number_;
    if (scope_ == scope::clause) g.clauses.push_back({clause_number{scope_number_}, link_type::stated, {}});
    draft_.data.goals.push_back(std::move(g));
  }

  void finish() {
    auto& d = draft_.data;
    d.convention = any_stated_ ? role_convention::explicit_roles : role_convention::first_listed_leads;
  }

  std::string_view orig_;
  extract_options opt_;
  plan_draft draft_;
  normalised n_;
  std::string s_;
  std::vector<line_t> lines_;
  std::size_t header_end_ = 0;
  std::optional<int> horizon_;
  scope scope_ = scope::none;
  int scope_number_ = 0;
  std::optional<int> scope_year_;
  std::optional<std::size_t> open_clause_, open_column_;
  bool any_stated_ = false;
};

// ---------------------------------------------------------------------------------------------
// Writing

ordered span_json(source_span s) { return ordered::array({s.begin, s.end}); }

}  // namespace

std::vector<target> read_targets(std::string_view phrase) {
  if (detail::first_invalid_utf8(phrase)) return {};
  return extractor(phrase, {}).phrase_targets();
}

plan_draft extract(std::string_view text, const extract_options& options) {
  check_encoding(text, options.source_path.empty() ? "<text>" : options.source_path);
  extractor x(text, options);
  auto draft = x.run();
  // U+FFFD: the text was decoded with errors somewhere before it reached us.
  for (std::size_t i = 0; (i = text.find("\xEF\xBF\xBD", i)) != std::string_view::npos; i += 3)
    draft.unclassified.push_back({{i, i + 3}, "\xEF\xBF\xBD", "a replacement character: the text was decoded with errors"});
  return draft;
}

std::string draft_to_json(const plan_draft& dr, int indent) {
  // the draft's plan part is written exactly as a plan file; the findings follow
  ordered j = detail::plan_data_json(dr.data);
  j["unclassified"] = ordered::array();
  for (const auto& f : dr.unclassified)
    j["unclassified"].push_back({{"span", span_json(f.span)}, {"text", f.text}, {"why", f.why}});
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
