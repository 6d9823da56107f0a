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
#include <atomic>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <unistd.h>

#include <qgov/core/error.hpp>
#include <qgov/io/input_file.hpp>

#include "detail/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace qgov::inline QGOV_ABI::records {
namespace detail {
// The reader's way into record_table: appends of rows it has checked, the dictionaries for interning, and a piece's
// table appended to the whole with its dictionary codes translated.
struct record_table_access {
  static dictionary& regions(record_table& t) noexcept { return t.regions_; }
  static dictionary& categories(record_table& t) noexcept { return t.categories_; }
  static dictionary& enterprises(record_table& t) noexcept { return t.enterprises_; }
  static bool append_id(record_table& t, std::string_view id) { return t.append_id(id); }
  static void append(record_table& t, programme p, qgov::level l, day_number sampled, std::uint32_t region,
                     std::uint32_t category, std::uint32_t enterprise, outcome o) {
    t.append(p, l, sampled, region, category, enterprise, o);
  }
  static void append_failure(record_table& t, day_number ordered, day_number rectified, day_number reinspected,
                             std::int8_t reinspection) {
    t.append_failure(ordered, rectified, reinspected, reinspection);
  }
  static bool fits(const record_table& to, const record_table& from) {
    return to.id_bytes_.size() + from.id_bytes_.size() <= std::numeric_limits<std::uint32_t>::max() &&
           to.size() + from.size() < std::numeric_limits<std::uint32_t>::max();
  }
  static void append(record_table& to, const record_table& from, const std::array<std::vector<std::uint32_t>, 3>& code) {
    if (from.empty()) return;
    const std::size_t base = to.size();
    const auto id_base = static_cast<std::uint32_t>(to.id_bytes_.size());
    auto cat = [](auto& a, const auto& b) { a.insert(a.end(), b.begin(), b.end()); };
    cat(to.programme_, from.programme_);
    cat(to.level_, from.level_);
    cat(to.outcome_, from.outcome_);
    cat(to.sampled_on_, from.sampled_on_);
    auto mapped = [](auto& a, const auto& b, const std::vector<std::uint32_t>& m) {
      using T = typename std::decay_t<decltype(a)>::value_type;
      const std::size_t at = a.size();
      a.resize(at + b.size());
      for (std::size_t i = 0; i < b.size(); ++i) a[at + i] = static_cast<T>(m[b[i]]);
    };
    mapped(to.region_, from.region_, code[0]);
    mapped(to.category_, from.category_, code[1]);
    mapped(to.enterprise_, from.enterprise_, code[2]);
    const std::size_t at = to.id_end_.size();
    to.id_end_.resize(at + from.id_end_.size());
    for (std::size_t i = 0; i < from.id_end_.size(); ++i) to.id_end_[at + i] = from.id_end_[i] + id_base;
    to.id_bytes_.append(from.id_bytes_);
    const auto& ff = from.failures_;
    auto& tf = to.failures_;
    for (const std::uint32_t r : ff.row) tf.row.push_back(static_cast<std::uint32_t>(r + base));
    cat(tf.ordered_on, ff.ordered_on);
    cat(tf.rectified_on, ff.rectified_on);
    cat(tf.reinspected_on, ff.reinspected_on);
    cat(tf.reinspection_outcome, ff.reinspection_outcome);
    if (base == 0 || from.min_day_ < to.min_day_) to.min_day_ = from.min_day_;
    if (base == 0 || from.max_day_ > to.max_day_) to.max_day_ = from.max_day_;
  }
};
}  // namespace detail

namespace {

using access = detail::record_table_access;

constexpr std::size_t field_count = 12;
enum col : std::size_t {
  c_id, c_programme, c_level, c_sampled, c_region, c_category, c_enterprise, c_outcome, c_ordered, c_rectified,
  c_reinspected, c_reinspection_outcome
};
constexpr std::array<std::string_view, field_count> names{
    "record_id", "programme", "level", "sampled_on", "region", "category", "enterprise_id", "outcome", "ordered_on",
    "rectified_on", "reinspected_on", "reinspection_outcome"};

using qgov::detail::in_quotes;  // src/detail/utf8.hpp

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

// An id's 64-bit hash: 8 bytes at a time, each word folded in by a multiply and a shift, then splitmix64's avalanche.
// Fast on short ids (one or two words, against ten dependent multiplies for byte-wise FNV-1a) and well spread in its
// top bits, which the duplicate-id check buckets by. Equal hashes only send the check down its exact path.
std::uint64_t hash_id(std::string_view s) noexcept {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  const char* p = s.data();
  std::size_t n = s.size();
  auto fold = [&h](std::uint64_t w) {
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  };
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    fold(w);
  }
  if (n > 0) {
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < n; ++i) w |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    fold(w);
  }
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

// Thrown by a parallel piece on anything but clean records: the input is then read again by one thread.
struct bail {};

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

// Up to 16 bytes of text as two little-endian words, zero past its length: names compare and hash as two integers.
struct key16 {
  std::uint64_t lo = 0, hi = 0;
  friend bool operator==(const key16&, const key16&) = default;
};
constexpr std::uint64_t low_bytes(std::size_t k) noexcept { return k >= 8 ? ~0ull : (std::uint64_t{1} << (8 * k)) - 1; }
// `n` ≤ 16 bytes at `p`, where 16 bytes may be read.
inline key16 load16(const char* p, std::size_t n) noexcept {
  key16 k;
  std::memcpy(&k.lo, p, 8);
  std::memcpy(&k.hi, p + 8, 8);
  k.lo &= low_bytes(n);
  k.hi &= n > 8 ? low_bytes(n - 8) : 0;
  return k;
}
// The same where only the `n` ≤ 16 bytes may be read.
inline key16 load16_exact(const char* p, std::size_t n) noexcept {
  char b[16] = {};
  std::memcpy(b, p, n);
  return load16(b, n);
}
constexpr key16 key_of(std::string_view s) noexcept {
  key16 k;
  for (std::size_t i = 0; i < s.size(); ++i)
    (i < 8 ? k.lo : k.hi) |= std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * (i % 8));
  return k;
}
// a < b for texts of at most 16 bytes given as keys (zero padding sorts first; a tie goes to the shorter)
inline bool key_less(const key16& a, std::size_t an, const key16& b, std::size_t bn) noexcept {
  const std::uint64_t a0 = __builtin_bswap64(a.lo), b0 = __builtin_bswap64(b.lo);
  if (a0 != b0) return a0 < b0;
  const std::uint64_t a1 = __builtin_bswap64(a.hi), b1 = __builtin_bswap64(b.hi);
  if (a1 != b1) return a1 < b1;
  return an < bn;
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
    if (name.size() <= 16) return find_short(load16_exact(name.data(), name.size()), name.size());
    const std::uint64_t h = hash(name);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const std::uint32_t c = slots_[i];
      if (c == 0) return std::nullopt;
      if (hashes_[c - 1] == h && names_[c - 1] == name) return c - 1;
    }
  }
  // The code of a name of n ≤ 16 bytes, given as its key.
  std::optional<std::uint32_t> find_short(const key16& k, std::size_t n) const noexcept {
    for (std::size_t i = short_hash(k, n) & mask_;; i = (i + 1) & mask_) {
      const short_slot& s = short_[i];
      if (s.code == 0) return std::nullopt;
      if (s.key == k && s.n == n) return s.code - 1;
    }
  }
  std::uint32_t add(std::string_view name) {
    const std::uint32_t code = dict_.intern(name);
    while (hashes_.size() < dict_.size()) {
      names_.push_back(dict_.name(static_cast<std::uint32_t>(hashes_.size())));  // a deque's elements stay put
      hashes_.push_back(hash(names_.back()));
    }
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
  struct short_slot {
    key16 key;
    std::uint32_t n = 0, code = 0;  // code + 1, 0 = empty
  };
  static std::size_t short_hash(const key16& k, std::size_t n) noexcept {
    std::uint64_t h = (k.lo * 0x9E3779B97F4A7C15ull) ^ (k.hi * 0xBF58476D1CE4E5B9ull) ^ n;
    return static_cast<std::size_t>(h ^ (h >> 29) ^ (h >> 47));
  }
  void place(std::uint32_t code) {
    std::size_t i = hashes_[code] & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = code + 1;
    const std::string_view name = names_[code];
    if (name.size() <= 16) {  // short names are found in the table of keys (all of them, so a miss there is final)
      const key16 k = load16_exact(name.data(), name.size());
      std::size_t j = short_hash(k, name.size()) & mask_;
      while (short_[j].code != 0) j = (j + 1) & mask_;
      short_[j] = {k, static_cast<std::uint32_t>(name.size()), code + 1};
    }
  }
  void rebuild(std::size_t size) {
    slots_.assign(size, 0);
    short_.assign(size, short_slot{});
    mask_ = size - 1;
    hashes_.clear();
    names_.clear();
    for (std::uint32_t c = 0; c < dict_.size(); ++c) {
      names_.push_back(dict_.name(c));
      hashes_.push_back(hash(names_.back()));
    }
    for (std::uint32_t c = 0; c < dict_.size(); ++c) place(c);
  }
  dictionary& dict_;
  std::vector<std::uint32_t> slots_;  // code + 1, 0 = empty
  std::vector<short_slot> short_;     // the same slots for names of at most 16 bytes
  std::vector<std::uint64_t> hashes_;
  std::vector<std::string_view> names_;  // the dictionary's names, without its deque's indexing
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
        index_{fast_index(access::regions(table_)), fast_index(access::categories(table_)), fast_index(access::enterprises(table_))} {}

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
      if (estimated) {
        if (const char* after = fast_row(buf.data() + pos, buf.data() + filled, line)) {
          pos = static_cast<std::size_t>(after - buf.data());
          ++line;
          continue;
        }
      }
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

  // Parallel reading (see read_parallel): parses the records that start in [p, stop) of the data [p, end), `eof`
  // when the data end at the end of the input, `first` for the piece holding the header. Returns the end of the
  // last record parsed. Any problem, or a record that does not end within the data, throws bail: the caller then
  // reads the whole input again with run(), which reports it exactly as always.
  const char* run_piece(const char* p, const char* stop, const char* end, bool eof, bool first) {
    strict_ = true;
    std::array<field_ref, 16> f;
    std::string syntax;
    bool header_done = !first, estimated = false;
    if (first) {
      if (end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
      if (p >= end) throw bail{};  // empty file
    }
    const std::size_t piece_bytes = static_cast<std::size_t>(stop - p);
    while (p < stop && p < end) {
      if (estimated) {
        if (const char* after = fast_row(p, end, 0)) {
          p = after;
          continue;
        }
      }
      const char* next = nullptr;
      std::size_t nf = 0, lines = 0, syntax_col = 0;
      if (split_record(p, end, eof, 1, f, nf, next, lines, syntax, syntax_col) != scan::ok) throw bail{};
      const std::string_view raw(p, static_cast<std::size_t>(next - p));
      if (!header_done) {
        check_header(f, nf, 1);
        header_done = true;
      } else if (nf == 1 && f[0].n == 0 && !f[0].quoted) {
        throw bail{};  // a blank line
      } else {
        if (!estimated) {
          estimated = true;
          const std::size_t rows = std::min(piece_bytes / std::max<std::size_t>(raw.size() / 2, 16), piece_bytes / 40) + 16;
          table_.reserve(rows, raw.size() / 5 + 4);
        }
        handle_row(f, nf, 1, raw, syntax, syntax_col);
      }
      p = next;
    }
    return p;
  }
  // The common record, taken in one sweep: no quotes anywhere, 12 fields, a passed sample with the four failure
  // columns empty, an ASCII id, names already in the dictionaries. It is appended exactly as handle_row would append
  // it, and the end of its line returned; anything else returns nullptr with nothing changed, for the general path.
  const char* fast_row(const char* p, const char* end, std::size_t line) {
#if defined(__SSE2__)
    // 64 bytes at a time: masks of line ends, commas and quotes; the commas before the line end are the separators
    const char* sep[16];  // 11 commas and the line end; room for the unrolled stores below
    std::size_t n = 0;
    const __m128i comma = _mm_set1_epi8(','), newline = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
    for (const char* q = p;; q += 64) {
      if (end - q < 64) return nullptr;
      std::uint64_t nl = 0, cm = 0, qt = 0;
      for (int i = 0; i < 4; ++i) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 16 * i));
        nl |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, newline)))} << (16 * i);
        cm |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)))} << (16 * i);
        qt |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)))} << (16 * i);
      }
      const unsigned line_end = nl != 0 ? static_cast<unsigned>(__builtin_ctzll(nl)) : 64;
      if (line_end < 64) {
        const std::uint64_t before = (std::uint64_t{1} << line_end) - 1;
        cm &= before;
        qt &= before;
      }
      if (qt != 0) return nullptr;
      const auto count = static_cast<std::size_t>(__builtin_popcountll(cm));
      if (n + count > 11) return nullptr;
      // four positions per round whatever the count (a cleared mask gives the sentinel bit 63; stores past the
      // count are overwritten or ignored)
      const char** out = sep + n;
      constexpr std::uint64_t sentinel = std::uint64_t{1} << 63;
      for (std::size_t i = 0; i < count; i += 4) {
        out[i] = q + __builtin_ctzll(cm | sentinel);
        cm &= cm - 1;
        out[i + 1] = q + __builtin_ctzll(cm | sentinel);
        cm &= cm - 1;
        out[i + 2] = q + __builtin_ctzll(cm | sentinel);
        cm &= cm - 1;
        out[i + 3] = q + __builtin_ctzll(cm | sentinel);
        cm &= cm - 1;
      }
      n += count;
      if (line_end < 64) {
        if (n != 11) return nullptr;
        sep[11] = q + line_end;
        break;
      }
    }
    if (end - sep[11] < 16) return nullptr;  // below, 16 bytes are read at any field's start
    // the four failure columns empty (the last may hold the '\r' of a CRLF)
    if (sep[8] != sep[7] + 1 || sep[9] != sep[8] + 1 || sep[10] != sep[9] + 1) return nullptr;
    if (sep[11] != sep[10] + 1 && !(sep[11] == sep[10] + 2 && sep[10][1] == '\r')) return nullptr;
    auto field = [&](std::size_t k) {
      const char* b = k == 0 ? p : sep[k - 1] + 1;
      return std::string_view(b, static_cast<std::size_t>(sep[k] - b));
    };
    const std::string_view id = field(c_id), out = field(c_outcome);
    if (id.empty() || !is_ascii(id) || out.size() != 4 || std::memcmp(out.data(), "pass", 4) != 0) return nullptr;
    std::optional<programme> prog;
    const std::string_view ps = field(c_programme);
    if (ps.size() <= 16) {
      static constexpr key16 fe = key_of("food_evaluative"), fs = key_of("food_supervisory"), am = key_of("agri_monitoring");
      const key16 k = load16(ps.data(), ps.size());
      if (k == fe && ps.size() == 15) prog = programme::food_evaluative;
      else if (k == fs && ps.size() == 16) prog = programme::food_supervisory;
      else if (k == am && ps.size() == 15) prog = programme::agri_monitoring;
    } else {
      prog = fast_programme(ps);
    }
    std::optional<qgov::level> lvl;
    const std::string_view ls = field(c_level);
    if (ls.size() <= 16) {
      static constexpr key16 di = key_of("district"), mu = key_of("municipal");
      const key16 k = load16(ls.data(), ls.size());
      if (k == di && ls.size() == 8) lvl = qgov::level::district;
      else if (k == mu && ls.size() == 9) lvl = qgov::level::municipal;
    }
    if (!lvl) lvl = fast_level(ls);
    const day_number sampled = parse_day(field(c_sampled));
    if (!prog || !lvl || sampled == no_day) return nullptr;
    std::array<std::uint32_t, 3> code;
    for (std::size_t k = 0; k < 3; ++k) {
      const std::string_view name = field(c_region + k);
      if (name.empty()) return nullptr;
      const auto c = name.size() <= 16 ? index_[k].find_short(load16(name.data(), name.size()), name.size())
                                       : index_[k].find(name);
      if (!c) return nullptr;
      code[k] = *c;
    }
    const std::size_t row = table_.size();
    if (row + 1 >= std::numeric_limits<std::uint32_t>::max()) return nullptr;
    bool increasing = ids_increasing_;
    key16 idk;
    if (id.size() <= 16) idk = load16(id.data(), id.size());
    if (increasing && row > 0) {
      if (id.size() <= 16 && prev_id_row_ == row) increasing = key_less(prev_id_, prev_id_n_, idk, id.size());
      else increasing = table_.id(row - 1) < id;
    }
    if (!access::append_id(table_, id)) return nullptr;
    ids_increasing_ = increasing;
    if (id.size() <= 16) {  // kept for the next row's order check
      prev_id_ = idk;
      prev_id_n_ = id.size();
      prev_id_row_ = row + 1;
    }
    if (!strict_ && line != row + 2 + line_offset_) {  // as handle_row: where rows and lines part
      line_offset_ = line - row - 2;
      anchors_.push_back({static_cast<std::uint32_t>(row), line});
    }
    access::append(table_, *prog, *lvl, sampled, code[0], code[1], code[2], outcome::pass);
    return sep[11] + 1;
#else
    (void)p, (void)end, (void)line;
    return nullptr;
#endif
  }

  [[nodiscard]] record_table& table() noexcept { return table_; }
  [[nodiscard]] bool ids_increasing() const noexcept { return ids_increasing_; }

private:
  void add_problem(std::string where, std::string message) {
    if (strict_) throw bail{};
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
    if (strict_) throw bail{};
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
    if (!access::append_id(table_, t[c_id])) {
      rp.list.push_back({where(c_id), "record_id: the record ids pass 4 GiB in all"});
      reject(rp, line, raw);
      return;
    }
    const std::size_t row = table_.size();
    if (line != row + 2 + line_offset_) {  // remember where rows and lines part (quoted newlines, rejected rows)
      line_offset_ = line - row - 2;
      anchors_.push_back({static_cast<std::uint32_t>(row), line});
    }
    access::append(table_, *prog, *lvl, sampled, code[0], code[1], code[2], *out);
    if (*out == outcome::fail || failure_cols) access::append_failure(table_, fd[0], fd[1], fd[2], re);
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
  bool strict_ = false;         // run_piece: the first problem throws bail
  key16 prev_id_;               // fast_row: the id of row prev_id_row_ - 1, when it has at most 16 bytes
  std::size_t prev_id_n_ = 0, prev_id_row_ = 0;
  bool ids_increasing_ = true;  // ids in strictly increasing byte order cannot repeat: the duplicate check is skipped
};


// ---- Parallel reading --------------------------------------------------------------------------------------------
// The input is cut at every `split_bytes`. Piece k (k > 0) guesses that its first record starts after the first line
// end at or after its split point, and parses the records that start before the next split, reading on past it to
// finish the last one. The guess is wrong only when that line end lies inside a quoted field; it is checked in order:
// piece k-1's last record must end exactly where piece k started. When it does not, piece k is parsed again from where
// piece k-1 really ended. Parsing from a record start depends on nothing before it, so the pieces together are the
// records a single pass reads. Any problem at all (a bad row, a duplicate id, a record longer than the read-ahead,
// a read error) sends the whole input to the single-pass reader, which reports it exactly as it always has.

// A thread's read buffer, reused from piece to piece (never cleared: it is always filled before it is read).
struct read_buffer {
  std::unique_ptr<char[]> bytes;
  std::size_t capacity = 0;
};

// Where pieces come from: a text in memory (viewed in place) or a file (read with pread into the thread's buffer).
struct input_source {
  std::string_view text;
  int fd = -1;
  std::size_t size = 0;
  std::string_view get(std::size_t from, std::size_t to, read_buffer& buf) const {
    if (fd < 0) return text.substr(from, to - from);
    const std::size_t n = to - from;
    if (buf.capacity < n) {
      buf.bytes = std::make_unique_for_overwrite<char[]>(n);
      buf.capacity = n;
    }
    std::size_t got = 0;
    while (got < n) {
      const ssize_t r = ::pread(fd, buf.bytes.get() + got, n - got, static_cast<off_t>(from + got));
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) throw bail{};  // a read error or a file that shrank: the single pass reports it
      got += static_cast<std::size_t>(r);
    }
    return {buf.bytes.get(), n};
  }
};

constexpr std::size_t read_ahead = std::size_t{64} << 10;  // how far past its split a piece may read to end a record

struct piece {
  std::unique_ptr<loader> parsed;
  std::size_t start = 0, end = 0;  // input offsets of its first record and past its last
  bool failed = false;
  bool done = false;
};

// Parses piece k starting at `start` (or, with start = npos, at the guessed record start after its split point).
void parse_piece(const input_source& src, const std::string& origin, const load_options& opt, std::size_t k,
                 std::size_t pieces, std::size_t start, read_buffer& buf, piece& out) {
  const std::size_t n = src.size, split = std::max<std::size_t>(opt.split_bytes, 1);
  const std::size_t next_split = k + 1 == pieces ? n : (k + 1) * split;
  try {
    const std::size_t from = start != std::string_view::npos ? start : k == 0 ? 0 : k * split - 1;
    const std::size_t to = std::min(n, std::max(next_split, from) + read_ahead);
    const std::string_view data = src.get(from, to, buf);
    std::size_t first = 0;  // offset in data of the first record
    if (start == std::string_view::npos && k > 0) {
      const auto nl = data.find('\n');
      if (nl == std::string_view::npos) throw bail{};
      first = nl + 1;
    }
    out.start = from + first;
    out.parsed = std::make_unique<loader>(origin, opt);
    const char* stop = data.data() + (std::max(next_split, out.start) - from);
    const char* end = out.parsed->run_piece(data.data() + first, stop, data.data() + data.size(), to == n, k == 0);
    out.end = from + static_cast<std::size_t>(end - data.data());
  } catch (...) {  // bail, or anything else (the single pass meets it again and reports it)
    out.failed = true;
    out.parsed.reset();
  }
}


// True when no two ids of the table are equal by hash (then they are all distinct); false when some may repeat.
// Every step runs on all threads over a contiguous share of the rows: (1) hash each id and count the hashes per
// bucket (their top 10 bits); (2) hash again and write each hash to its bucket's next free slot, every thread having
// its own slots in every bucket, so that no two threads write the same place; (3) sort each bucket (~10 000 hashes,
// L2-sized) and look for equal neighbours. Hashing twice costs less than a second 8-byte array, which would add
// ~30 % to the peak memory of a scrambled-id load.
bool ids_distinct(const record_table& t, unsigned threads) {
  const std::size_t n = t.size();
  if (n < 2) return true;
  threads = static_cast<unsigned>(std::clamp<std::size_t>(n / 65536, 1, std::max(1u, threads)));
  constexpr unsigned bits = 10;
  constexpr std::size_t buckets = std::size_t{1} << bits;
  constexpr unsigned shift = 64 - bits;
  auto run = [&](auto&& f) {  // f(thread index) on `threads` threads
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back(f, i);
    f(0u);
    for (auto& th : pool) th.join();
  };
  auto first_row = [&](unsigned i) { return n * i / threads; };
  std::vector<std::size_t> slot(std::size_t{threads} * buckets, 0);  // thread i's counts, then its next slot, per bucket
  run([&](unsigned i) {
    std::size_t* count = slot.data() + std::size_t{i} * buckets;
    for (std::size_t r = first_row(i), e = first_row(i + 1); r < e; ++r) ++count[hash_id(t.id(r)) >> shift];
  });
  std::vector<std::size_t> start(buckets + 1, 0);
  for (std::size_t b = 0, at = 0; b < buckets; ++b) {
    start[b] = at;
    for (unsigned i = 0; i < threads; ++i) {
      const std::size_t c = slot[std::size_t{i} * buckets + b];
      slot[std::size_t{i} * buckets + b] = at;
      at += c;
    }
  }
  start[buckets] = n;
  const std::unique_ptr<std::uint64_t[]> h(new std::uint64_t[n]);  // every slot is written below
  run([&](unsigned i) {
    std::size_t* next = slot.data() + std::size_t{i} * buckets;
    for (std::size_t r = first_row(i), e = first_row(i + 1); r < e; ++r) {
      const std::uint64_t x = hash_id(t.id(r));
      h[next[x >> shift]++] = x;
    }
  });
  std::atomic<std::size_t> next_bucket{0};
  std::atomic<bool> repeat{false};
  run([&](unsigned) {
    for (std::size_t b; (b = next_bucket++) < buckets && !repeat;) {
      std::uint64_t* const first = h.get() + start[b];
      std::uint64_t* const last = h.get() + start[b + 1];
      std::sort(first, last);
      if (std::adjacent_find(first, last) != last) repeat = true;
    }
  });
  return !repeat;
}

// The parallel reader; nullopt when the input must be read by the single pass (a problem, or nothing gained).
std::optional<record_table> read_parallel(const input_source& src, const std::string& origin, const load_options& opt,
                                          load_report* report) {
  unsigned threads = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t n = src.size, split = std::max<std::size_t>(opt.split_bytes, 1);
  const std::size_t pieces = std::max<std::size_t>(1, (n + split - 1) / split);
  if (n == 0) return std::nullopt;
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, pieces));
  std::vector<piece> part(pieces);
  std::mutex m;
  std::condition_variable cv;
  std::size_t merged = 0;
  bool stop = false;
  const std::size_t window = 2 * threads + 2;  // pieces parsed ahead of the merge (bounds the memory)
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    read_buffer buf;
    for (;;) {
      const std::size_t k = next++;
      if (k >= pieces) return;
      {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return stop || k < merged + window; });
        if (stop) return;
      }
      piece p;
      parse_piece(src, origin, opt, k, pieces, std::string_view::npos, buf, p);
      std::lock_guard lock(m);
      part[k] = std::move(p);
      part[k].done = true;
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  if (threads > 1)
    for (unsigned i = 0; i < threads; ++i) pool.emplace_back(worker);
  struct joiner {
    std::vector<std::thread>& pool;
    std::mutex& m;
    std::condition_variable& cv;
    bool& stop;
    ~joiner() {
      {
        std::lock_guard lock(m);
        stop = true;
      }
      cv.notify_all();
      for (auto& t : pool) t.join();
    }
  } join_at_exit{pool, m, cv, stop};

  read_buffer buf;  // the merging thread's, for pieces parsed again (and all of them on one thread)
  record_table table;
  std::array<fast_index, 3> index{fast_index(access::regions(table)), fast_index(access::categories(table)),
                                  fast_index(access::enterprises(table))};
  bool increasing = true;
  std::size_t expected = 0, last_progress = 0;
  for (std::size_t k = 0; k < pieces; ++k) {
    piece p;
    if (threads > 1) {
      std::unique_lock lock(m);
      cv.wait(lock, [&] { return part[k].done; });
      p = std::move(part[k]);
    } else {
      parse_piece(src, origin, opt, k, pieces, std::string_view::npos, buf, p);
    }
    if (p.start != expected || p.failed) {
      if (k == 0 || (p.start == expected && p.failed)) return std::nullopt;
      const std::size_t next_split = k + 1 == pieces ? n : (k + 1) * split;
      if (expected >= next_split && k + 1 < pieces) {  // a record from before spans this whole piece
        std::lock_guard lock(m);
        ++merged;
        cv.notify_all();
        continue;
      }
      p = piece{};
      parse_piece(src, origin, opt, k, pieces, expected, buf, p);  // again, from where the records really are
      if (p.failed) return std::nullopt;
    }
    record_table& t = p.parsed->table();
    if (!access::fits(table, t)) return std::nullopt;
    std::array<std::vector<std::uint32_t>, 3> code;
    const std::array<const dictionary*, 3> dicts{&t.regions(), &t.categories(), &t.enterprises()};
    for (std::size_t d = 0; d < 3; ++d) {
      code[d].resize(dicts[d]->size());
      for (std::uint32_t c = 0; c < dicts[d]->size(); ++c) {
        const std::string& name = dicts[d]->name(c);
        const auto have = index[d].find(name);
        code[d][c] = have ? *have : index[d].add(name);
      }
    }
    if (table.regions().size() > record_table::max_small_dictionary ||
        table.categories().size() > record_table::max_small_dictionary)
      return std::nullopt;
    if (!t.empty()) {
      if (!p.parsed->ids_increasing() || (!table.empty() && !(table.id(table.size() - 1) < t.id(0)))) increasing = false;
      if (table.empty()) {  // reserve for the whole input from the first piece's density, as the single pass does
        const std::size_t row_bytes = (p.end - p.start) / t.size();
        const std::size_t rows = std::min(n / std::max<std::size_t>(row_bytes / 2, 16), n / 40) + 16;
        try {
          table.reserve(std::min<std::size_t>(rows, std::size_t{1} << 32), row_bytes / 5 + 4);
        } catch (const std::exception&) {
          // only an optimisation
        }
      }
    }
    access::append(table, t, code);
    expected = p.end;
    p.parsed.reset();
    {
      std::lock_guard lock(m);
      ++merged;
      cv.notify_all();
    }
    if (opt.progress && expected - last_progress >= (std::size_t{16} << 20)) {
      opt.progress(expected, n);
      last_progress = expected;
    }
  }
  if (expected != n) return std::nullopt;
  if (opt.check_unique_ids && !increasing && !table.empty() && !ids_distinct(table, threads)) return std::nullopt;
  if (opt.progress) opt.progress(n, n);
  if (opt.keep_good_rows) {
    if (opt.rejects_path.empty()) return std::nullopt;  // the single pass says why
    std::ofstream rejects(opt.rejects_path, std::ios::binary);
    rejects << "line,problems,record\n";
    rejects.close();
    if (!rejects) return std::nullopt;
  }
  if (report) {
    report->rows_loaded = table.size();
    report->rows_rejected = 0;
    report->bytes_read = n;
  }
  return table;
}

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
  if (total > 0) {
    input_source src;
    src.fd = ::fileno(fp);
    src.size = total;
    if (auto t = read_parallel(src, path, options, report)) return std::move(*t);
    std::fseek(fp, 0, SEEK_SET);
  }
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
  if (!text.empty()) {
    input_source src;
    src.text = text;
    src.size = text.size();
    if (auto t = read_parallel(src, origin, options, report)) return std::move(*t);
  }
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
