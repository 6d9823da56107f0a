// The inspection-record CSV: a streaming reader (fixed buffer, RFC 4180 quotes, every problem at line:column) and
// the writer. See docs/records.md for the format and the design.
#include <qgov/records/records_csv.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include <qgov/core/error.hpp>
#include <qgov/io/input_file.hpp>

#include "../utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace qgov::records {
namespace {

constexpr std::size_t field_count = 12;
enum col : std::size_t {
  c_id, c_programme, c_level, c_sampled, c_region, c_category, c_enterprise, c_outcome, c_ordered, c_rectified,
  c_reinspected, c_reinspection_outcome
};
constexpr std::array<std::string_view, field_count> names{
    "record_id", "programme", "level", "sampled_on", "region", "category", "enterprise_id", "outcome", "ordered_on",
    "rectified_on", "reinspected_on", "reinspection_outcome"};

using qgov::detail::in_quotes;  // src/utf8.hpp

// Fast strict YYYY-MM-DD → day number; no_day on any other text or an impossible date.
day_number parse_day(std::string_view s) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return no_day;
  unsigned v[8];
  static constexpr int at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (int i = 0; i < 8; ++i) {
    v[i] = static_cast<unsigned>(static_cast<unsigned char>(s[at[i]])) - '0';
    if (v[i] > 9) return no_day;
  }
  const int y = static_cast<int>(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3]);
  const unsigned m = v[4] * 10 + v[5], d = v[6] * 10 + v[7];
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return no_day;
  static constexpr unsigned char mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > mdays[m - 1] + (m == 2 && leap ? 1u : 0u)) return no_day;
  return days_from_civil(y, m, d);
}

bool is_ascii(std::string_view s) noexcept {
  unsigned char acc = 0;
  for (char c : s) acc |= static_cast<unsigned char>(c);
  return acc < 0x80;
}

std::uint64_t hash_id(std::string_view s) noexcept {
  // FNV-1a then a final avalanche (splitmix64): fast on short ids and well spread for sorting.
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  h ^= h >> 30; h *= 0xBF58476D1CE4E5B9ull; h ^= h >> 27; h *= 0x94D049BB133111EBull; h ^= h >> 31;
  return h;
}

struct field_ref {
  const char* p = nullptr;
  std::size_t n = 0;
  std::size_t line = 0;
  bool escaped = false;  // quoted with "" inside: needs unescaping
  bool quoted = false;
};

enum class scan { ok, need_more, bad_quote_eof };

// Bytes that end or disturb an unquoted field.
constexpr std::array<bool, 256> special = [] {
  std::array<bool, 256> t{};
  t[','] = t['\n'] = t['"'] = true;
  return t;
}();

// The first of ',', '\n', '"' in [q, end), or end: 16 bytes at a time where SSE2 is there (every x86-64).
inline const char* find_special(const char* q, const char* end) noexcept {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), newline = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
  while (end - q >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, newline)), _mm_cmpeq_epi8(v, quote));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return q + __builtin_ctz(static_cast<unsigned>(mask));
    q += 16;
  }
#endif
  while (q < end && !special[static_cast<unsigned char>(*q)]) ++q;
  return q;
}

// The programme and level spellings, decided by length and one byte before the one full compare.
inline std::optional<programme> fast_programme(std::string_view s) noexcept {
  if (s.size() == 15 && s[5] == 'e' && s == "food_evaluative") return programme::food_evaluative;
  if (s.size() == 16 && s == "food_supervisory") return programme::food_supervisory;
  if (s.size() == 15 && s == "agri_monitoring") return programme::agri_monitoring;
  if (s.size() == 19 && s == "product_supervisory") return programme::product_supervisory;
  return std::nullopt;
}
inline std::optional<qgov::level> fast_level(std::string_view s) noexcept {
  if (s.size() == 8 && s == "district") return qgov::level::district;
  if (s.size() == 9 && s == "municipal") return qgov::level::municipal;
  return parse_level(s);
}

// A name → code index over a dictionary for the loader: open addressing, a hash of 8-byte words, one compare on a
// hit. Several times faster than std::unordered_map<std::string_view> on the 3 lookups every row makes.
class fast_index {
public:
  explicit fast_index(dictionary& d) : dict_(d) { rebuild(64); }
  // The code of `name` if the dictionary holds it.
  std::optional<std::uint32_t> find(std::string_view name) {
    const std::uint64_t h = hash(name);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const std::uint32_t c = slots_[i];
      if (c == 0) return std::nullopt;
      if (hashes_[c - 1] == h && dict_.name(c - 1) == name) return c - 1;
    }
  }
  std::uint32_t add(std::string_view name) {
    const std::uint32_t code = dict_.intern(name);
    while (hashes_.size() < dict_.size()) hashes_.push_back(hash(dict_.name(static_cast<std::uint32_t>(hashes_.size()))));
    if (2 * dict_.size() > mask_ + 1) rebuild(4 * (mask_ + 1));
    else place(code);
    return code;
  }

private:
  static std::uint64_t hash(std::string_view s) noexcept {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 29;
    }
    // the tail by fixed-size loads (a variable-length memcpy would stall on store forwarding)
    const std::size_t n = s.size();
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::uint64_t w = 0;
    if (n >= 8) {
      std::memcpy(&w, p + n - 8, 8);  // overlaps the last full word: fine for a hash
    } else if (n >= 4) {
      std::uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      w = a | (std::uint64_t{b} << 32);
    } else if (n > 0) {
      w = p[0] | (std::uint64_t{p[n / 2]} << 8) | (std::uint64_t{p[n - 1]} << 16);
    }
    h = (h ^ w) * 0x94D049BB133111EBull;
    return h ^ (h >> 32);
  }
  void place(std::uint32_t code) {
    std::size_t i = hashes_[code] & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = code + 1;
  }
  void rebuild(std::size_t size) {
    slots_.assign(size, 0);
    mask_ = size - 1;
    hashes_.clear();
    for (std::uint32_t c = 0; c < dict_.size(); ++c) hashes_.push_back(hash(dict_.name(c)));
    for (std::uint32_t c = 0; c < dict_.size(); ++c) place(c);
  }
  dictionary& dict_;
  std::vector<std::uint32_t> slots_;  // code + 1, 0 = empty
  std::vector<std::uint64_t> hashes_;
  std::size_t mask_ = 0;
};

// Splits one record starting at `p`. On ok, `next` is past its line end and `lines` counts the line ends consumed.
// Problems of quoting (a quote inside an unquoted field, text after a closing quote) are returned in `syntax`.
scan split_record(const char* p, const char* end, bool eof, std::size_t line, std::array<field_ref, 16>& f,
                  std::size_t& nf, const char*& next, std::size_t& lines, std::string& syntax, std::size_t& syntax_col) {
  nf = 0;
  lines = 0;
  syntax.clear();
  const char* q = p;
  for (;;) {
    field_ref fr;
    fr.line = line + lines;
    if (q < end && *q == '"') {
      fr.quoted = true;
      const char* s = ++q;
      for (;;) {
        while (q < end && *q != '"') {
          if (*q == '\n') ++lines;
          ++q;
        }
        if (q >= end) return eof ? scan::bad_quote_eof : scan::need_more;
        if (q + 1 >= end && !eof) return scan::need_more;
        if (q + 1 < end && q[1] == '"') {
          fr.escaped = true;
          q += 2;
          continue;
        }
        break;
      }
      fr.p = s;
      fr.n = static_cast<std::size_t>(q - s);
      ++q;  // closing quote
      if (!eof && (q >= end || (*q == '\r' && q + 1 >= end))) return scan::need_more;
      if (q < end && *q != ',' && *q != '\n' && !(*q == '\r' && q + 1 < end && q[1] == '\n')) {
        if (syntax.empty()) {
          syntax = "text after the closing quote; a quoted field ends at its closing quote (write \"\" for a quote)";
          syntax_col = nf + 1;
        }
        while (q < end && *q != ',' && *q != '\n') ++q;
        if (q >= end && !eof) return scan::need_more;
      }
    } else {
      const char* s = q;
      bool stray_quote = false;
      for (;;) {
        q = find_special(q, end);
        if (q < end && *q == '"') {
          stray_quote = true;
          ++q;
          continue;
        }
        break;
      }
      if (q >= end && !eof) return scan::need_more;
      fr.p = s;
      fr.n = static_cast<std::size_t>(q - s);
      if (stray_quote && syntax.empty()) {
        syntax = "a quote inside an unquoted field; quote the whole field and double the quote (\"\")";
        syntax_col = nf + 1;
      }
    }
    if (nf < f.size()) f[nf] = fr;
    ++nf;
    if (q >= end) {  // end of data (eof): the last record without a line end
      if (nf <= f.size() && nf > 0 && !f[nf - 1].quoted && f[nf - 1].n && f[nf - 1].p[f[nf - 1].n - 1] == '\r') --f[nf - 1].n;
      next = q;
      return scan::ok;
    }
    if (*q == ',') {
      ++q;
      continue;
    }
    if (*q == '\r') ++q;  // "\r\n" after a closing quote
    // *q == '\n'
    if (nf <= f.size() && !f[nf - 1].quoted && f[nf - 1].n && f[nf - 1].p[f[nf - 1].n - 1] == '\r') --f[nf - 1].n;
    ++lines;
    next = q + 1;
    return scan::ok;
  }
}

class loader {
public:
  loader(const std::string& origin, const load_options& o)
      : origin_(origin), opt_(o),
        index_{fast_index(table_.regions()), fast_index(table_.categories()), fast_index(table_.enterprises())} {}

  using read_fn = std::function<std::size_t(char*, std::size_t)>;

  record_table run(const read_fn& read, std::size_t total_bytes, load_report* report) {
    if (opt_.keep_good_rows) {
      if (opt_.rejects_path.empty())
        throw qgov::error(origin_ + ": keep_good_rows needs a rejects file (rejects_path) for the rejected rows");
      rejects_.open(opt_.rejects_path, std::ios::binary);
      if (!rejects_) throw qgov::error("cannot write the rejects file " + opt_.rejects_path);
      rejects_ << "line,problems,record\n";
    }
    std::size_t cap = std::max<std::size_t>(opt_.buffer_bytes, 4096);
    std::vector<char> buf(cap);
    std::size_t filled = 0, pos = 0, bytes = 0, last_progress = 0;
    bool eof = false;
    std::size_t line = 1;
    bool header_done = false, estimated = false;
    std::array<field_ref, 16> f;
    std::string syntax;
    auto refill = [&] {
      if (pos > 0) {
        std::memmove(buf.data(), buf.data() + pos, filled - pos);
        filled -= pos;
        pos = 0;
      }
      if (filled == buf.size()) {
        if (buf.size() >= opt_.max_record_bytes + 1) return false;
        buf.resize(std::min(buf.size() * 2, opt_.max_record_bytes + 1));
      }
      while (!eof && filled < buf.size()) {
        const std::size_t got = read(buf.data() + filled, buf.size() - filled);
        if (got == 0) eof = true;
        filled += got;
        bytes += got;
      }
      if (opt_.progress && bytes - last_progress >= (std::size_t{16} << 20)) {
        opt_.progress(bytes, total_bytes);
        last_progress = bytes;
      }
      return true;
    };
    refill();
    // a UTF-8 byte-order mark (Excel writes one) is skipped
    if (filled >= 3 && std::memcmp(buf.data(), "\xEF\xBB\xBF", 3) == 0) pos = 3;
    if (filled == 0 || (filled == 3 && pos == 3)) {
      add_problem("1:1", "empty file: expected the header line " + std::string(records_csv_header));
      throw_problems();
    }
    for (;;) {
      if (pos >= filled && eof) break;
      const char* next = nullptr;
      std::size_t nf = 0, lines = 0, syntax_col = 0;
      const scan s = split_record(buf.data() + pos, buf.data() + filled, eof, line, f, nf, next, lines, syntax, syntax_col);
      if (s == scan::need_more) {
        if (!refill()) {
          add_problem(std::to_string(line) + ":1", "record longer than " + std::to_string(opt_.max_record_bytes) +
                                                       " bytes (an unterminated quote?); reading stopped here");
          ++bad_rows_;
          break;
        }
        continue;
      }
      if (s == scan::bad_quote_eof) {
        add_problem(std::to_string(line) + ":" + std::to_string(nf + 1),
                    "unterminated quoted field: the file ends inside quotes");
        ++bad_rows_;
        break;
      }
      const std::string_view raw(buf.data() + pos, static_cast<std::size_t>(next - (buf.data() + pos)));
      pos = static_cast<std::size_t>(next - buf.data());
      if (!header_done) {
        check_header(f, nf, line);
        header_done = true;
        if (!problems_.empty()) throw_problems();  // rows cannot be read against a wrong header
      } else if (nf == 1 && f[0].n == 0 && !f[0].quoted) {
        row_problem(line, 1, "blank line; every line after the header is one record", raw);
      } else {
        if (!estimated) {
          // reserve for the whole file from the first buffer's density; room never touched costs no memory
          estimated = true;
          if (total_bytes > 0 && raw.size() > 0) {
            // a valid row has at least ~50 bytes (12 fields, two fixed names, a date); ids take at most the file
            const std::size_t rows =
                std::min(total_bytes / std::max<std::size_t>(raw.size() / 2, 16), total_bytes / 40) + 16;
            try {
              table_.reserve(std::min<std::size_t>(rows, std::size_t{1} << 32), raw.size() / 5 + 4);
            } catch (const std::exception&) {
              // the reservation is only an optimisation: without it the columns grow as they go
            }
          }
        }
        handle_row(f, nf, line, raw, syntax, syntax_col);
      }
      line += lines;
    }
    if (opt_.progress) opt_.progress(bytes, total_bytes);
    if (opt_.check_unique_ids && !table_.empty() && !ids_increasing_) check_duplicates();
    if (!problems_.empty() && !opt_.keep_good_rows) throw_problems();
    if (opt_.keep_good_rows) {
      rejects_.close();
      if (!rejects_) throw qgov::error("cannot write the rejects file " + opt_.rejects_path);
      // Lenient mode keeps the good rows; when there are none, an empty table would pass as "no inspections".
      if (table_.empty() && bad_rows_ > 0)
        throw load_error(origin_, {{"-", "every row was rejected (" + std::to_string(bad_rows_) +
                                             " rows; their reasons are in " + opt_.rejects_path +
                                             "): nothing to load"}});
    }
    if (report) {
      report->rows_loaded = table_.size();
      report->rows_rejected = bad_rows_;
      report->bytes_read = bytes;
    }
    return std::move(table_);
  }

private:
  void add_problem(std::string where, std::string message) {
    ++problem_count_;
    if (problems_.size() < opt_.max_listed_problems) problems_.push_back({std::move(where), std::move(message)});
  }
  [[noreturn]] void throw_problems() {
    auto list = problems_;
    if (problem_count_ > list.size())
      list.push_back({"-", "and " + std::to_string(problem_count_ - list.size()) + " more problems not listed (" +
                               std::to_string(bad_rows_) + " bad rows in all)"});
    throw load_error(origin_, std::move(list));
  }

  void check_header(const std::array<field_ref, 16>& f, std::size_t nf, std::size_t line) {
    const std::size_t n = std::min(nf, f.size());
    for (std::size_t k = 0; k < std::max(n, field_count); ++k) {
      if (k >= n) {
        add_problem(std::to_string(line) + ":" + std::to_string(k + 1),
                    "missing column \"" + std::string(names[k]) + "\"; the header is " + std::string(records_csv_header));
        continue;
      }
      const std::string_view got(f[k].p, f[k].n);
      if (k >= field_count) {
        add_problem(std::to_string(line) + ":" + std::to_string(k + 1),
                    "unexpected column " + in_quotes(got) + "; the header is " + std::string(records_csv_header));
      } else if (got != names[k]) {
        add_problem(std::to_string(line) + ":" + std::to_string(k + 1),
                    "expected column \"" + std::string(names[k]) + "\", found " + in_quotes(got) + "; the header is " +
                        std::string(records_csv_header));
      }
    }
    if (nf > f.size())
      add_problem(std::to_string(line) + ":1", "the header has " + std::to_string(nf) + " columns; expected 12");
  }

  // One row's problems are collected here, then either thrown into the list or written to the rejects file.
  struct row_problems {
    std::vector<problem> list;
  };

  void row_problem(std::size_t line, std::size_t column, std::string message, std::string_view raw) {
    row_problems rp;
    rp.list.push_back({std::to_string(line) + ":" + std::to_string(column), std::move(message)});
    reject(rp, line, raw);
  }

  void reject(row_problems& rp, std::size_t line, std::string_view raw) {
    ++bad_rows_;
    if (opt_.keep_good_rows) {
      std::string reasons;
      for (const auto& p : rp.list) reasons += (reasons.empty() ? "" : "; ") + p.where + ": " + p.message;
      std::string_view r = raw;
      while (!r.empty() && (r.back() == '\n' || r.back() == '\r')) r.remove_suffix(1);
      rejects_ << line << ',' << quote(reasons) << ',' << quote(r) << '\n';
      ++problem_count_;
      if (problems_.size() < opt_.max_listed_problems)
        for (auto& p : rp.list) problems_.push_back(std::move(p));
    } else {
      for (auto& p : rp.list) add_problem(std::move(p.where), std::move(p.message));
    }
  }

  static std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + '"';
  }

  std::string_view text_of(const field_ref& f, std::string& scratch) {
    if (!f.escaped) return {f.p, f.n};
    scratch.clear();
    for (std::size_t i = 0; i < f.n; ++i) {
      scratch += f.p[i];
      if (f.p[i] == '"' && i + 1 < f.n && f.p[i + 1] == '"') ++i;
    }
    return scratch;
  }

  void handle_row(const std::array<field_ref, 16>& f, std::size_t nf, std::size_t line, std::string_view raw,
                  const std::string& syntax, std::size_t syntax_col) {
    row_problems rp;
    auto where = [&](std::size_t k) { return std::to_string(f[k].line) + ":" + std::to_string(k + 1); };
    auto bad = [&](std::size_t k, std::string msg) { rp.list.push_back({where(k), std::string(names[k]) + ": " + std::move(msg)}); };
    if (!syntax.empty()) {
      rp.list.push_back({std::to_string(line) + ":" + std::to_string(syntax_col), syntax});
      reject(rp, line, raw);
      return;
    }
    if (nf != field_count) {
      rp.list.push_back({std::to_string(line) + ":1", "expected 12 fields (" + std::string(records_csv_header) +
                                                          "), found " + std::to_string(nf)});
      reject(rp, line, raw);
      return;
    }
    std::array<std::string_view, field_count> t;
    for (std::size_t k = 0; k < field_count; ++k) t[k] = text_of(f[k], scratch_[k]);

    // record_id
    if (t[c_id].empty()) bad(c_id, "required, but the cell is empty");
    else if (!is_ascii(t[c_id]) && qgov::detail::first_invalid_utf8(t[c_id])) bad(c_id, "not valid UTF-8: " + in_quotes(t[c_id]));
    const auto prog = fast_programme(t[c_programme]);
    if (!prog) bad(c_programme, "unknown programme " + in_quotes(t[c_programme]) +
                                    "; expected food_evaluative, food_supervisory, agri_monitoring or product_supervisory");
    const auto lvl = fast_level(t[c_level]);
    if (!lvl) bad(c_level, "unknown level " + in_quotes(t[c_level]) + "; expected national, municipal or district");
    const day_number sampled = parse_day(t[c_sampled]);
    if (sampled == no_day) bad(c_sampled, "expected a date YYYY-MM-DD (1900–2200), found " + in_quotes(t[c_sampled]));
    std::array<std::uint32_t, 3> code{};
    for (std::size_t k : {c_region, c_category, c_enterprise}) {
      const std::size_t slot = k - c_region;
      fast_index& d = index_[slot];
      const std::size_t dict_size = (k == c_region ? table_.regions() : k == c_category ? table_.categories() : table_.enterprises()).size();
      if (t[k].empty()) {
        bad(k, "required, but the cell is empty");
      } else if (auto c = d.find(t[k])) {
        code[slot] = *c;
      } else if (qgov::detail::first_invalid_utf8(t[k])) {
        bad(k, "not valid UTF-8: " + in_quotes(t[k]));
      } else if (k != c_enterprise && dict_size >= record_table::max_small_dictionary) {
        bad(k, "more than 65535 distinct names in this column");
      } else {
        code[slot] = d.add(t[k]);  // a new name; harmless if the row turns out bad (a name without rows)
      }
    }
    const auto out = parse_outcome(t[c_outcome]);
    if (!out) bad(c_outcome, "unknown outcome " + in_quotes(t[c_outcome]) + "; expected pass or fail");
    std::array<day_number, 3> fd{no_day, no_day, no_day};
    bool failure_cols = false;
    for (std::size_t k : {c_ordered, c_rectified, c_reinspected}) {
      if (t[k].empty()) continue;
      failure_cols = true;
      fd[k - c_ordered] = parse_day(t[k]);
      if (fd[k - c_ordered] == no_day) bad(k, "expected a date YYYY-MM-DD (1900–2200) or nothing, found " + in_quotes(t[k]));
    }
    std::int8_t re = -1;
    if (!t[c_reinspection_outcome].empty()) {
      failure_cols = true;
      if (auto r = parse_outcome(t[c_reinspection_outcome])) re = static_cast<std::int8_t>(*r);
      else bad(c_reinspection_outcome, "unknown outcome " + in_quotes(t[c_reinspection_outcome]) + "; expected pass, fail or nothing");
    }
    if (out && *out == outcome::pass && failure_cols) {
      for (std::size_t k = c_ordered; k < field_count; ++k)
        if (!t[k].empty()) bad(k, "must be empty: the sample passed (outcome pass), so there is nothing to rectify");
    } else if (out && *out == outcome::fail) {
      const day_number ord = fd[0], rect = fd[1], rein = fd[2];
      if (ord != no_day && sampled != no_day && ord < sampled) bad(c_ordered, "ordered before the sample was taken (" + std::string(t[c_sampled]) + ")");
      if (t[c_ordered].empty() && !t[c_rectified].empty()) bad(c_rectified, "a rectification date needs an order date (ordered_on)");
      if (t[c_ordered].empty() && !t[c_reinspected].empty()) bad(c_reinspected, "a re-inspection date needs an order date (ordered_on)");
      if (rect != no_day && ord != no_day && rect < ord) bad(c_rectified, "rectified before ordered (" + std::string(t[c_ordered]) + ")");
      if (rein != no_day && ord != no_day && rein < ord) bad(c_reinspected, "re-inspected before ordered (" + std::string(t[c_ordered]) + ")");
      if (t[c_reinspected].empty() != t[c_reinspection_outcome].empty())
        bad(t[c_reinspected].empty() ? c_reinspected : c_reinspection_outcome,
            "reinspected_on and reinspection_outcome go together: both or neither");
    }
    if (!rp.list.empty()) {
      reject(rp, line, raw);
      return;
    }
    if (ids_increasing_ && !table_.empty() && !(table_.id(table_.size() - 1) < t[c_id])) ids_increasing_ = false;
    if (!table_.append_id(t[c_id])) {
      rp.list.push_back({where(c_id), "record_id: the record ids pass 4 GiB in all"});
      reject(rp, line, raw);
      return;
    }
    const std::size_t row = table_.size();
    if (line != row + 2 + line_offset_) {  // remember where rows and lines part (quoted newlines, rejected rows)
      line_offset_ = line - row - 2;
      anchors_.push_back({static_cast<std::uint32_t>(row), line});
    }
    table_.append(*prog, *lvl, sampled, code[0], code[1], code[2], *out);
    if (*out == outcome::fail || failure_cols) table_.append_failure(fd[0], fd[1], fd[2], re);
    if (table_.size() >= std::numeric_limits<std::uint32_t>::max()) {
      add_problem(std::to_string(line) + ":1", "more than 4 294 967 294 records; split the file");
      throw_problems();
    }
  }

  std::size_t line_of(std::size_t row) const {
    std::size_t base_row = 0, base_line = 2;
    auto it = std::upper_bound(anchors_.begin(), anchors_.end(), row,
                               [](std::size_t r, const std::pair<std::uint32_t, std::size_t>& a) { return r < a.first; });
    if (it != anchors_.begin()) {
      --it;
      base_row = it->first;
      base_line = it->second;
    }
    return base_line + (row - base_row);
  }

  // Duplicate ids: sort 8-byte hashes (8 bytes a row, freed after), then compare the colliding ids exactly.
  void check_duplicates() {
    const std::size_t n = table_.size();
    std::vector<std::uint64_t> h(n);
    for (std::size_t i = 0; i < n; ++i) h[i] = hash_id(table_.id(i));
    std::vector<std::uint64_t> sorted = std::move(h);
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::uint64_t> collide;
    for (std::size_t i = 1; i < n; ++i)
      if (sorted[i] == sorted[i - 1] && (collide.empty() || collide.back() != sorted[i])) collide.push_back(sorted[i]);
    sorted.clear();
    sorted.shrink_to_fit();
    if (collide.empty()) return;
    // rows whose hash collides, grouped by id text
    std::unordered_map<std::string_view, std::size_t> first;  // id → first row
    std::vector<std::size_t> dup_rows;
    for (std::size_t i = 0; i < n; ++i) {
      const auto id = table_.id(i);
      if (!std::binary_search(collide.begin(), collide.end(), hash_id(id))) continue;
      auto [it, fresh] = first.emplace(id, i);
      if (fresh) continue;
      dup_rows.push_back(i);
      row_problems rp;
      rp.list.push_back({std::to_string(line_of(i)) + ":1",
                         "record_id: duplicate " + in_quotes(id) + " (first at line " + std::to_string(line_of(it->second)) +
                             "); record ids are unique"});
      if (opt_.keep_good_rows) {
        const record r = table_.row(i);
        std::string text = r.id + ',' + std::string(to_string(r.programme)) + ',' + std::string(to_string(r.level)) +
                           ',' + to_iso(r.sampled_on) + ",…";
        reject(rp, line_of(i), text);
      } else {
        reject(rp, line_of(i), {});
      }
    }
    if (opt_.keep_good_rows && !dup_rows.empty()) table_ = without_rows(table_, dup_rows);
  }

  static record_table without_rows(const record_table& t, const std::vector<std::size_t>& drop) {
    record_table out;
    out.reserve(t.size() - drop.size());
    std::size_t d = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (d < drop.size() && drop[d] == i) {
        ++d;
        continue;
      }
      out.add(t.row(i));
    }
    return out;
  }

  std::string origin_;
  const load_options& opt_;
  record_table table_;
  std::vector<problem> problems_;
  std::size_t problem_count_ = 0, bad_rows_ = 0, line_offset_ = 0;
  std::vector<std::pair<std::uint32_t, std::size_t>> anchors_;
  std::array<std::string, field_count> scratch_;
  std::ofstream rejects_;
  std::array<fast_index, 3> index_;
  bool ids_increasing_ = true;  // ids in strictly increasing byte order cannot repeat: the duplicate check is skipped
};

}  // namespace

record_table load_records(const std::string& path, const load_options& options, load_report* report) {
  // A regular file (not a directory, FIFO or /dev/zero): records stream through a fixed buffer, so the only limit
  // is the table they fill (input_limits::records, docs/errors.md); standard input (-) is read_records_csv.
  check_input_file(path, input_limits::records, "records CSV");
  std::FILE* fp = std::fopen(path.c_str(), "rb");
  if (!fp) throw qgov::error("cannot read " + path + ": " + std::strerror(errno));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> guard(fp, &std::fclose);
  std::size_t total = 0;
  if (std::fseek(fp, 0, SEEK_END) == 0) {
    const long size = std::ftell(fp);
    if (size > 0) total = static_cast<std::size_t>(size);
    std::fseek(fp, 0, SEEK_SET);
  }
  std::setvbuf(fp, nullptr, _IONBF, 0);  // our buffer is the only one
  loader l(path, options);
  return l.run(
      [&](char* dst, std::size_t n) {
        const std::size_t got = std::fread(dst, 1, n, fp);
        if (got < n && std::ferror(fp)) throw qgov::error("error reading " + path + ": " + std::strerror(errno));
        return got;
      },
      total, report);
}

record_table parse_records_csv(std::string_view text, const std::string& origin, const load_options& options,
                               load_report* report) {
  std::size_t at = 0;
  loader l(origin, options);
  return l.run(
      [&](char* dst, std::size_t n) {
        const std::size_t k = std::min(n, text.size() - at);
        if (k) std::memcpy(dst, text.data() + at, k);
        at += k;
        return k;
      },
      text.size(), report);
}

record_table read_records_csv(std::istream& in, const std::string& origin, const load_options& options,
                              load_report* report) {
  loader l(origin, options);
  return l.run(
      [&](char* dst, std::size_t n) {
        in.read(dst, static_cast<std::streamsize>(n));
        return static_cast<std::size_t>(in.gcount());
      },
      0, report);
}

namespace {
void put_field(std::ostream& out, std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}
}  // namespace

void write_records_csv(const record_table& table, std::ostream& out) {
  out << records_csv_header << '\n';
  for (std::size_t i = 0; i < table.size(); ++i) {
    const record r = table.row(i);
    put_field(out, r.id);
    out << ',' << to_string(r.programme) << ',' << to_string(r.level) << ',' << to_iso(r.sampled_on) << ',';
    put_field(out, r.region);
    out << ',';
    put_field(out, r.category);
    out << ',';
    put_field(out, r.enterprise);
    out << ',' << to_string(r.outcome) << ',' << (r.ordered_on ? to_iso(*r.ordered_on) : "") << ','
        << (r.rectified_on ? to_iso(*r.rectified_on) : "") << ',' << (r.reinspected_on ? to_iso(*r.reinspected_on) : "")
        << ',' << (r.reinspection_outcome ? to_string(*r.reinspection_outcome) : "") << '\n';
  }
}

}  // namespace qgov::records
