// Observation files: CSV and JSON in (every problem at its line:column or JSON path), CSV and JSON out.
#include <qgov/io/observations.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include <qgov/core/error.hpp>
#include <qgov/io/workbook.hpp>
#include <qgov/io/input_file.hpp>
#include <qgov/io/csv.hpp>

#include "detail/text_encoding.hpp"
#include "detail/json_input.hpp"
#include "detail/observations_table.hpp"
#include "detail/utf8.hpp"

namespace qgov::inline QGOV_ABI {
namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

// ---------------------------------------------------------------------------------------------
// The fields, shared by both formats.

enum class field : std::size_t { goal, period, value, numerator, denominator, level, reported_on, source };
constexpr std::size_t field_count = 8;
constexpr std::array<std::string_view, field_count> field_names{
    "goal", "period", "value", "numerator", "denominator", "level", "reported_on", "source"};
constexpr std::string_view format_tag = "qgov-observations/1";
constexpr std::string_view period_forms = "2024, 2024-Q3, 2024-09 or 2024-09-30";

constexpr std::size_t idx(field f) noexcept { return static_cast<std::size_t>(f); }
std::string name_of(field f) { return std::string(field_names[idx(f)]); }

std::string all_field_names() {
  std::string s;
  for (auto n : field_names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

// The shortest text that reads back as exactly `v`.
std::string number_text(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

using detail::in_quotes;  // src/detail/utf8.hpp

// What was read for one observation, before the checks that need the plan. A field is absent (nullopt), present,
// or `bad`: malformed and already reported, so no further check looks at it.
struct row_fields {
  std::array<std::optional<std::string>, field_count> text;  // goal, period, level, reported_on, source
  std::array<std::optional<double>, field_count> number;     // value, numerator, denominator
  std::array<bool, field_count> bad{};
  bool is_bad(field f) const { return bad[idx(f)]; }
};

// Where the problems of one observation go, and how they are worded for the format.
struct row_sink {
  std::vector<problem>& out;
  std::array<std::string, field_count> where;  // each field's place: "12:3" or "/observations/3/value"
  std::string row_where;                       // the whole row: "12:1" or "/observations/3"
  bool csv = true;                             // CSV messages start with the column name; a JSON path names it
  std::size_t count = 0;

  void at(field f, const std::string& message) {
    out.push_back({where[idx(f)], csv ? name_of(f) + ": " + message : message});
    ++count;
  }
  void missing(field f, const std::string& why) {
    out.push_back({where[idx(f)], csv ? name_of(f) + ": required, but the cell is empty; " + why
                                      : "missing required field \"" + name_of(f) + "\"; " + why});
    ++count;
  }
  void row(const std::string& message) {
    out.push_back({row_where, message});
    ++count;
  }
};

// "a, b, c, …, j, … (27 in all)": enough ids to spot a typo without flooding the message.
std::string known_goals(const plan& p) {
  std::string s;
  std::size_t n = 0;
  for (const auto& g : p.goals()) {
    if (n == 10) {
      s += ", … (" + std::to_string(p.goals().size()) + " in all)";
      break;
    }
    s += (n++ == 0 ? "" : ", ") + g.id.str();
  }
  return s.empty() ? "(the plan has none)" : s;
}

// The edit distance between two ids (bytes), or `limit` once it is known to be at least that: rows stop early, so
// comparing an id with every goal costs little more than reading it.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) >= limit) return limit;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t least = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      least = std::min(least, row[j]);
    }
    if (least >= limit) return limit;
  }
  return std::min(row[b.size()], limit);
}

// The plan's goal closest to a mistyped id, when it is at most two edits away.
std::optional<std::string> nearest_goal(std::string_view s, const plan& p) {
  if (s.size() > 100) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = 3;
  for (const auto& g : p.goals()) {
    const std::size_t dist = edit_distance(s, g.id.str(), best_distance);
    if (dist < best_distance) {
      best_distance = dist;
      best = g.id.str();
    }
  }
  return best;
}

// 合计, 总计, 小计 (and Total): the sums a spreadsheet adds below its rows.
bool is_total_label(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.back() == ' ')) s = s.front() == ' ' ? s.substr(1) : s.substr(0, s.size() - 1);
  for (std::string_view t : {"合计", "总计", "小计", "合 计", "总 计", "Total", "TOTAL", "total", "Sum", "SUM"})
    if (s == t) return true;
  return false;
}

// The bounds `b` of goal `g`'s value, in words.
std::string bounds_text(const value_bounds& b, const goal& g) {
  const std::string unit = g.target ? g.target->unit : std::string();
  std::string s = b.integer ? "a whole number" : "a number";
  const bool lo = std::isfinite(b.min), hi = std::isfinite(b.max);
  if (lo && hi) s += " from " + number_text(b.min) + " to " + number_text(b.max);
  else if (lo) s += b.min == 0 ? " ≥ 0" : " ≥ " + number_text(b.min);
  else if (hi) s += " ≤ " + number_text(b.max);
  if (!unit.empty()) s += " (" + g.id.str() + " is measured in " + unit + ")";
  return s;
}

// The goal of the plan the row is for; nullptr when it is missing or unknown.
const goal* check_goal(const row_fields& r, const plan& p, row_sink& sink, const std::string& known, observation& o) {
  const goal* g = nullptr;
  if (const auto& s = r.text[idx(field::goal)]) {
    g = p.find_goal(goal_id(*s));
    if (!g && is_total_label(*s)) {
      sink.at(field::goal, in_quotes(*s) + " is a total row, not a goal: an observation file has one figure per "
                                           "goal and period; delete the row (qgov adds nothing up)");
    } else if (!g) {
      const auto near = nearest_goal(*s, p);
      sink.at(field::goal, "unknown goal " + in_quotes(*s) + (near ? " (did you mean " + *near + "?)" : "") +
                               "; known goals: " + known);
    } else {
      o.goal = g->id;
    }
  } else if (!r.is_bad(field::goal)) {
    sink.missing(field::goal, "every observation is for a goal of the plan");
  }
  return g;
}

std::optional<period> check_period(const row_fields& r, row_sink& sink, observation& o) {
  std::optional<period> per;
  if (const auto& s = r.text[idx(field::period)]) {
    per = period::parse(*s);
    if (!per) sink.at(field::period, "expected a period: " + std::string(period_forms) + ", got " + in_quotes(*s));
    else o.period = *per;
  } else if (!r.is_bad(field::period)) {
    sink.missing(field::period, "the period the figure describes: " + std::string(period_forms));
  }
  return per;
}

// numerator and denominator: the rate when both are given and consistent (the caller has checked that one is).
std::optional<rate> check_rate(const row_fields& r, row_sink& sink) {
  const auto& num = r.number[idx(field::numerator)];
  const auto& den = r.number[idx(field::denominator)];
  const bool num_bad = r.is_bad(field::numerator), den_bad = r.is_bad(field::denominator);
  bool ok = true;
  if (!num && !num_bad) {
    sink.missing(field::numerator, "numerator and denominator are given together");
    ok = false;
  }
  if (!den && !den_bad) {
    sink.missing(field::denominator, "numerator and denominator are given together");
    ok = false;
  }
  if (num && *num < 0) {
    sink.at(field::numerator, "must not be negative, got " + number_text(*num));
    ok = false;
  }
  if (den && *den <= 0) {
    sink.at(field::denominator, "must be greater than 0, got " + number_text(*den));
    ok = false;
  }
  if (num && den && *num >= 0 && *den > 0 && *num > *den) {
    sink.at(field::numerator, "numerator " + number_text(*num) + " > denominator " + number_text(*den) +
                                  ": a rate counts part of its denominator");
    ok = false;
  }
  if (ok && num && den) return rate{*num, *den};
  return std::nullopt;
}

// value, or numerator and denominator, or both
void check_value(const row_fields& r, const goal* g, row_sink& sink, const observation_checks& checks,
                 observation& o) {
  const auto& value = r.number[idx(field::value)];
  const bool value_bad = r.is_bad(field::value);
  const bool num_given = r.number[idx(field::numerator)] || r.is_bad(field::numerator);
  const bool rate_given = num_given || r.number[idx(field::denominator)] || r.is_bad(field::denominator);
  std::optional<rate> rt;
  if (rate_given && g && g->target && g->target->unit != "%") {
    sink.at(num_given ? field::numerator : field::denominator,
            "a rate (numerator and denominator) is only for goals measured in % or without a numeric target; " +
                g->id.str() + " is measured in " + g->target->unit + ": give its value only");
  } else if (rate_given) {
    rt = check_rate(r, sink);
  }
  if (!value && !value_bad && !rate_given) {
    sink.missing(field::value, "give value, or numerator and denominator, or both");
  } else if (value && rt) {
    const double pct = *rt->percent();
    if (std::fabs(*value - pct) > 1e-9 * std::max(std::fabs(*value), std::fabs(pct)))
      sink.at(field::value, number_text(*value) + " disagrees with numerator/denominator: 100 × " +
                                number_text(rt->numerator) + " / " + number_text(rt->denominator) + " = " +
                                number_text(pct));
  }
  if (value && g) {
    if (const value_bounds* b = checks.bounds_for(*g);
        b && (*value < b->min || *value > b->max || (b->integer && std::floor(*value) != *value)))
      sink.at(field::value, "implausible value " + number_text(*value) + ": expected " + bounds_text(*b, *g) +
                                "; other bounds are set with qgov::observation_checks (docs/observations-format.md)");
  }
  if (value) o.value = *value;
  else if (rt) o.value = *rt->percent();
  o.rate = rt;
}

// level: required for 各级 goals, refused for the others
void check_level(const row_fields& r, const goal* g, row_sink& sink, observation& o) {
  const auto& lv = r.text[idx(field::level)];
  const bool levelled = !g || g->kind == goal_kind::all_levels;  // an unknown goal: check the level on its own
  if (!levelled) {
    if (lv)
      sink.at(field::level, "levels are for 各级 (all_levels) goals; " + g->id.str() + " is a " +
                                std::string(to_string(g->kind)) + " goal: leave level empty");
  } else if (lv) {
    if (auto l = parse_level(*lv)) {
      o.level = *l;
      if (g && !g->levels.empty() &&
          std::find(g->levels.begin(), g->levels.end(), std::string(to_string(*l))) == g->levels.end()) {
        std::string list;
        for (const auto& s : g->levels) list += (list.empty() ? "" : ", ") + s;
        sink.at(field::level, in_quotes(*lv) + " is not a level of " + g->id.str() + "; its levels: " + list);
      }
    } else {
      sink.at(field::level,
              "unknown level " + in_quotes(*lv) + "; expected national, municipal or district (or 国家, 市, 区)");
    }
  } else if (g && !r.is_bad(field::level)) {
    sink.missing(field::level, g->id.str() + " is an all_levels (各级) goal: give national, municipal or district");
  }
}

void check_reported_on(const row_fields& r, const std::optional<period>& per, row_sink& sink, observation& o) {
  if (const auto& s = r.text[idx(field::reported_on)]) {
    if (auto d = parse_iso_date(*s)) {
      o.reported_on = *d;
      if (per && *d < per->first_day())
        sink.at(field::reported_on, "reported before the period began: " + *s + " is before " +
                                        to_iso(per->first_day()) + ", the first day of " + per->str());
    } else {
      sink.at(field::reported_on, "expected the date the figure was published, YYYY-MM-DD, got " + in_quotes(*s));
    }
  } else if (!r.is_bad(field::reported_on)) {
    sink.missing(field::reported_on, "the date the figure was published, YYYY-MM-DD");
  }
}

// The checks both formats share. Returns the observation when this row has no problem.
std::optional<observation> check_row(const row_fields& r, const plan& p, row_sink& sink, const std::string& known,
                                     const observation_checks& checks) {
  const std::size_t before = sink.count;
  observation o;
  const goal* g = check_goal(r, p, sink, known, o);
  const auto per = check_period(r, sink, o);
  check_value(r, g, sink, checks, o);
  check_level(r, g, sink, o);
  check_reported_on(r, per, sink, o);
  if (const auto& s = r.text[idx(field::source)]) o.source = *s;

  for (bool b : r.bad)
    if (b) return std::nullopt;
  if (sink.count != before) return std::nullopt;
  return o;
}

// Finds a second observation for the same goal, period, level and report date: a repeated row, not a revision.
struct duplicate_finder {
  std::unordered_map<std::string, std::string> seen;  // key → where the first one is

  std::optional<std::string> first_of(const observation& o, std::string here) {
    std::string key = o.goal.str();
    key += '\0';
    key += o.period.str();
    key += '\0';
    key += o.level ? to_string(*o.level) : "-";
    key += '\0';
    key += to_iso(o.reported_on);
    auto [it, inserted] = seen.emplace(std::move(key), std::move(here));
    if (inserted) return std::nullopt;
    return it->second;
  }
};

std::string duplicate_message(const std::string& first) {
  return "duplicate of " + first +
         ": same goal, period, level and reported_on; a revision of a figure needs a later reported_on";
}

// ---------------------------------------------------------------------------------------------
// CSV: RFC 4180 records, each field with the physical line it starts on.

struct parsed_field {
  std::string text;
  std::size_t line = 0;   // the physical line the field starts on
  std::size_t begin = 0;  // raw bytes in the file, quotes included
  std::size_t end = 0;
};

struct csv_record {
  std::size_t line = 0;
  bool blank = false;
  std::size_t field_count = 0;   // every field of the record, counted
  std::vector<parsed_field> fields;  // the first `max_kept_fields` of them
  std::vector<problem> syntax;    // quoting problems in those: the row is not checked further
};

// A row with more fields than this is wrong whatever its header; the rest are counted, not kept, so that a line of
// a million commas costs no more memory than its own bytes.
constexpr std::size_t max_kept_fields = 64;

std::string at_line(std::size_t line, std::size_t column) {
  return std::to_string(line) + ":" + std::to_string(column);
}

// The numbers of a "line:column" place, for ordering problems.
std::pair<std::size_t, std::size_t> line_column(std::string_view where) {
  std::size_t line = 0, column = 0;
  const auto colon = where.find(':');
  std::from_chars(where.data(), where.data() + std::min(colon, where.size()), line);
  if (colon != std::string_view::npos) std::from_chars(where.data() + colon + 1, where.data() + where.size(), column);
  return {line, column};
}

// Reads `text` one record at a time. One pass, each byte looked at once.
class csv_reader {
public:
  csv_reader(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}

  // The next record, or false at the end of the text.
  bool next(csv_record& rec) {
    const std::size_t n = text_.size();
    if (pos_ >= n) return false;
    rec = csv_record{};
    rec.line = line_;
    if (line_end(pos_)) {
      rec.blank = true;
      pos_ += text_[pos_] == '\r' ? 2 : 1;
      ++line_;
      return true;
    }
    while (true) {
      parsed_field f;
      f.line = line_;
      f.begin = pos_;
      const bool kept = rec.field_count < max_kept_fields;
      const std::size_t column = rec.field_count + 1;
      auto syntax = [&](const char* message) {
        if (kept) rec.syntax.push_back({at_line(f.line, column), message});
      };
      if (pos_ < n && text_[pos_] == '"') {
        ++pos_;
        bool closed = false;
        while (pos_ < n) {
          const char c = text_[pos_];
          if (c == '"') {
            if (pos_ + 1 < n && text_[pos_ + 1] == '"') {
              f.text += '"';
              pos_ += 2;
              continue;
            }
            ++pos_;
            closed = true;
            break;
          }
          if (c == '\n') ++line_;
          f.text += c;
          ++pos_;
        }
        if (!closed) {
          syntax("unterminated quoted field: the quote opened here is never closed");
        } else if (pos_ < n && text_[pos_] != ',' && !line_end(pos_)) {
          syntax("unexpected text after the closing quote; a quote inside a quoted field is written twice (\"\")");
          while (pos_ < n && text_[pos_] != ',' && !line_end(pos_)) ++pos_;
        }
      } else {
        bool stray_quote = false, stray_cr = false;
        while (pos_ < n && text_[pos_] != ',' && !line_end(pos_)) {
          stray_quote = stray_quote || text_[pos_] == '"';
          stray_cr = stray_cr || text_[pos_] == '\r';
          f.text += text_[pos_++];
        }
        if (stray_quote)
          syntax("quote inside an unquoted field; quote the whole field and write the quote twice (\"\")");
        if (stray_cr) syntax("carriage return without a line feed; lines end with LF or CRLF");
      }
      f.end = pos_;
      ++rec.field_count;
      if (kept) rec.fields.push_back(std::move(f));
      if (pos_ < n && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < n) {  // a line end
        pos_ += text_[pos_] == '\r' ? 2 : 1;
        ++line_;
      }
      return true;
    }
  }

private:
  bool line_end(std::size_t i) const {
    return text_[i] == '\n' || (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n');
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// The first ill-formed UTF-8 byte of a field, as a problem at its line; false when the field is well-formed.
bool check_utf8(std::string_view text, const parsed_field& f, std::size_t column, const std::string& label,
                std::vector<problem>& out) {
  const auto raw = text.substr(f.begin, f.end - f.begin);
  const auto bad = detail::first_invalid_utf8(raw);
  if (!bad) return true;
  std::size_t line = f.line;
  for (std::size_t i = 0; i < *bad; ++i) line += raw[i] == '\n';
  static constexpr char hex[] = "0123456789ABCDEF";
  const auto byte = static_cast<unsigned char>(raw[*bad]);
  out.push_back({at_line(line, column), label + "not valid UTF-8 (byte 0x" + hex[byte >> 4] + hex[byte & 0xF] +
                                            " at offset " + std::to_string(f.begin + *bad) +
                                            "); save the file as UTF-8 (Excel: \"CSV UTF-8\"), not GBK"});
  return false;
}

// A strict decimal: what std::from_chars reads, but finite, without a leading '+', spaces or anything after it.
std::optional<double> csv_number(std::string_view s, std::string& why) {
  auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  if (is_space(s.front()) || is_space(s.back())) {
    why = "expected a number without spaces around it, got " + in_quotes(s);
    return std::nullopt;
  }
  if (s.front() == '+') {
    why = "expected a number without a leading '+', got " + in_quotes(s);
    return std::nullopt;
  }
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::general);
  if (r.ec == std::errc::result_out_of_range) {
    why = "number out of range: " + in_quotes(s);
    return std::nullopt;
  }
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) {
    why = "expected a number, got " + in_quotes(s);
    if (r.ec == std::errc() && std::string_view(r.ptr, s.data() + s.size()) == "%")
      why += "; write it without the % sign (the unit is the goal's)";
    else if (r.ec == std::errc() && *r.ptr == ',')
      why += "; write it without thousands separators";
    return std::nullopt;
  }
  if (!std::isfinite(v)) {
    why = "expected a finite number, got " + in_quotes(s);
    return std::nullopt;
  }
  return v;
}

// The header: each of the eight names once, in any order. Returns the column of each field when it is complete.
std::optional<std::array<std::size_t, field_count>> read_header(std::string_view text, const csv_record& h,
                                                                std::vector<problem>& out) {
  std::array<std::optional<std::size_t>, field_count> col;
  bool ok = h.syntax.empty();
  for (std::size_t k = 0; k < h.fields.size(); ++k) {
    const auto& f = h.fields[k];
    const std::string where = at_line(f.line, k + 1);
    if (!check_utf8(text, f, k + 1, "column name: ", out)) {
      ok = false;
      continue;
    }
    std::optional<std::size_t> which;
    for (std::size_t i = 0; i < field_count; ++i)
      if (f.text == field_names[i]) which = i;
    if (!which) {
      std::string msg = f.text.empty() ? "empty column name" : "unknown column " + in_quotes(f.text);
      msg += "; the columns are " + all_field_names();
      for (std::size_t i = 0; i < field_count; ++i) {  // a near miss: different case or surrounding spaces
        std::string t;
        for (char c : f.text)
          if (c != ' ' && c != '\t') t += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (!f.text.empty() && t == field_names[i]) msg += " (did you mean " + std::string(field_names[i]) + "?)";
      }
      out.push_back({where, msg});
      ok = false;
    } else if (col[*which]) {
      out.push_back({where, "duplicate column " + in_quotes(f.text) + " (also column " +
                                std::to_string(*col[*which] + 1) + "); each column appears once"});
      ok = false;
    } else {
      col[*which] = k;
    }
  }
  if (h.field_count > h.fields.size()) {
    out.push_back({at_line(h.line, h.fields.size() + 1), "the header has " + std::to_string(h.field_count) +
                                                             " columns; it has the 8 columns " + all_field_names()});
    ok = false;
  }
  for (std::size_t i = 0; i < field_count; ++i) {
    if (col[i]) continue;
    out.push_back({at_line(h.line, 1), "missing column \"" + std::string(field_names[i]) +
                                           "\"; the header names all of " + all_field_names() + ", in any order"});
    ok = false;
  }
  if (!ok) return std::nullopt;
  std::array<std::size_t, field_count> cols{};
  for (std::size_t i = 0; i < field_count; ++i) cols[i] = *col[i];
  return cols;
}

// ---------------------------------------------------------------------------------------------
// JSON: parsing with duplicate-key detection (as in plan_json.cpp) and a nesting limit.

using detail::pointer_segment;  // src/detail/json_input.hpp

// An observation file nests three levels; far deeper is hostile or broken, and is refused before any walk of it.
constexpr std::size_t max_json_depth = 16;

// Duplicate keys are reported in the root object and in each observation, every one, and their paths kept. Anywhere
// else they are inside something already refused (an unknown field, or an object where a scalar belongs); and
// building a path there would cost the length of its ancestors' keys per duplicate, quadratic on hostile input.
struct observation_duplicate_keys {
  std::vector<problem>* out = nullptr;
  std::set<std::string>* paths = nullptr;

  template <class Finder>
  void operator()(const Finder& finder) {
    const auto& stack = finder.stack;
    const bool reported_here =
        stack.size() == 1 ||
        (stack.size() == 3 && stack[0].key == "observations" && stack[1].is_array && !stack[2].is_array);
    if (!reported_here) return;
    out->push_back({finder.where(), "duplicate key " + in_quotes(stack.back().key) + "; each key may appear once"});
    paths->insert(finder.where());
  }
  void finish(std::vector<problem>&) const {}
};

std::optional<json> parse_json(std::string_view text, std::vector<problem>& problems,
                               std::set<std::string>& dup_paths) {
  detail::duplicate_key_finder<json, observation_duplicate_keys> dup;
  dup.report.out = &problems;
  dup.report.paths = &dup_paths;
  dup.escape_keys = true;
  return detail::parse_json_watched(text, problems, max_json_depth, "an observation file", dup);
}

using detail::type_name;  // src/detail/json_input.hpp

// A scalar as it is written in the file; containers are named, never dumped (dump() recurses).
std::string shown(const json& j) {
  if (j.is_structured()) return j.is_array() ? "[…]" : "{…}";
  if (j.is_string()) return in_quotes(j.get_ref<const std::string&>());
  return j.dump();
}

void read_json_observation(const json& o, const std::string& path, const std::set<std::string>& dup_paths,
                           row_fields& r, std::vector<problem>& out) {
  for (const auto& [k, v] : o.items()) {
    bool known = false;
    for (auto n : field_names) known = known || k == n;
    if (!known)
      out.push_back({path + "/" + pointer_segment(k),
                     "unknown field " + in_quotes(k) + "; expected one of: " + all_field_names()});
  }
  for (std::size_t i = 0; i < field_count; ++i) {
    const auto f = static_cast<field>(i);
    const std::string where = path + "/" + name_of(f);
    if (dup_paths.count(where)) r.bad[i] = true;  // reported as a duplicate key
    const auto it = o.find(field_names[i]);
    if (it == o.end()) continue;
    const bool numeric = f == field::value || f == field::numerator || f == field::denominator;
    const bool required = f == field::goal || f == field::period || f == field::reported_on;
    if (it->is_null() && !required) continue;  // an optional field given as null is absent
    if (numeric) {
      if (it->is_number()) {
        r.number[i] = it->get<double>();
      } else {
        out.push_back({where, "expected a number, got " + type_name(*it) + " " + shown(*it)});
        r.bad[i] = true;
      }
    } else if (it->is_string()) {
      r.text[i] = it->get<std::string>();
    } else {
      out.push_back({where, "expected a string, got " + type_name(*it) + (it->is_null() ? "" : " " + shown(*it))});
      r.bad[i] = true;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

// Refuses what the readers would refuse whatever the plan: writing it would give a file that cannot be read back.
void check_writable(const observation& o, std::size_t i) {
  auto fail = [&](const std::string& why) {
    throw error("cannot write observation " + std::to_string(i) + (o.origin.empty() ? "" : " (" + o.origin + ")") +
                ": " + why);
  };
  if (o.goal.empty()) fail("the goal id is empty");
  if (detail::first_invalid_utf8(o.goal.str())) fail("the goal id is not valid UTF-8");
  if (detail::first_invalid_utf8(o.source)) fail("the source is not valid UTF-8");
  if (!std::isfinite(o.value)) fail("the value is not finite");
  if (o.rate) {
    if (!o.rate->ok()) fail("the rate " + number_text(o.rate->numerator) + "/" + number_text(o.rate->denominator) +
                            " is not a rate (0 ≤ numerator ≤ denominator, denominator > 0)");
    const double pct = *o.rate->percent();
    if (std::fabs(o.value - pct) > 1e-9 * std::max(std::fabs(o.value), std::fabs(pct)))
      fail("the value " + number_text(o.value) + " disagrees with its rate (" + number_text(pct) + ")");
  }
  if (!period::parse(o.period.str())) fail("the period " + o.period.str() + " is outside the years 1900 to 2200");
  if (o.reported_on.is_special() || !parse_iso_date(to_iso(o.reported_on))) fail("reported_on is not a date");
  if (o.reported_on < o.period.first_day()) fail("reported_on is before the period began");
}

ordered json_number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9.0e15) return static_cast<long long>(v);
  return v;
}


}  // namespace

observation_ledger parse_observations_csv(std::string_view text, const plan& p, std::string origin,
                                          const observation_checks& checks) {
  std::vector<problem> problems;
  std::optional<csv_record> header;
  std::optional<std::array<std::size_t, field_count>> cols;
  const std::string known = known_goals(p);
  duplicate_finder duplicates;
  std::vector<observation> out;

  // One data row: its problems, or its observation.
  auto read_row = [&](const csv_record& rec) {
    problems.insert(problems.end(), rec.syntax.begin(), rec.syntax.end());
    std::array<bool, max_kept_fields> utf8_ok{};
    for (std::size_t c = 0; c < rec.fields.size(); ++c) {
      std::string label = "field " + std::to_string(c + 1) + ": ";
      if (cols)
        for (std::size_t i = 0; i < field_count; ++i)
          if ((*cols)[i] == c) label = std::string(field_names[i]) + ": ";
      utf8_ok[c] = check_utf8(text, rec.fields[c], c + 1, label, problems);
    }
    if (rec.field_count != header->field_count) {
      problems.push_back({at_line(rec.line, 1), "expected " + std::to_string(header->field_count) + " fields, got " +
                                                    std::to_string(rec.field_count) +
                                                    " (a field with a comma or a line break is quoted: \"…\")"});
      return;
    }
    if (!cols || !rec.syntax.empty()) return;

    row_fields r;
    row_sink sink{problems, {}, at_line(rec.line, 1), true};
    for (std::size_t i = 0; i < field_count; ++i) {
      const std::size_t c = (*cols)[i];
      const parsed_field& f = rec.fields[c];
      sink.where[i] = at_line(f.line, c + 1);
      if (!utf8_ok[c]) {
        r.bad[i] = true;
        continue;
      }
      if (f.text.empty()) continue;  // an empty cell is an absent field
      const auto fi = static_cast<field>(i);
      if (fi == field::value || fi == field::numerator || fi == field::denominator) {
        std::string why;
        r.number[i] = csv_number(f.text, why);
        if (!r.number[i]) {
          sink.at(fi, why);
          r.bad[i] = true;
        }
      } else {
        r.text[i] = f.text;
      }
    }
    auto o = check_row(r, p, sink, known, checks);
    if (!o) return;
    if (auto first = duplicates.first_of(*o, "the row at line " + std::to_string(rec.line))) {
      sink.row(duplicate_message(*first));
      return;
    }
    o->origin = origin + ":" + std::to_string(rec.line);
    out.push_back(std::move(*o));
  };

  // Blank lines are an error only when a row follows them (trailing ones are fine); a run of them is one problem.
  std::size_t blank_first = 0, blank_count = 0;
  auto flush_blank_lines = [&] {
    if (blank_count == 1) problems.push_back({at_line(blank_first, 1), "blank line"});
    if (blank_count > 1)
      problems.push_back({at_line(blank_first, 1), std::to_string(blank_count) + " blank lines (lines " +
                                                       std::to_string(blank_first) + " to " +
                                                       std::to_string(blank_first + blank_count - 1) + ")"});
    blank_count = 0;
  };

  csv_reader reader(text, text.starts_with("\xEF\xBB\xBF") ? 3 : 0);  // a UTF-8 byte-order mark is skipped
  csv_record rec;
  while (reader.next(rec)) {
    // A row of empty fields (",,,,,,," — what Excel saves for a blank row) counts as a blank line.
    if (!rec.blank && rec.syntax.empty() && rec.field_count == rec.fields.size() &&
        std::all_of(rec.fields.begin(), rec.fields.end(), [](const parsed_field& f) { return f.text.empty(); }))
      rec.blank = true;
    if (rec.blank) {
      if (blank_count++ == 0) blank_first = rec.line;
      continue;
    }
    // Lines starting with # before the header are comments: a file can say what it is ("illustrative sample").
    if (!header && !rec.fields.empty() && rec.fields[0].text.starts_with('#') && rec.syntax.empty()) {
      blank_count = 0;
      continue;
    }
    flush_blank_lines();
    const std::size_t first = problems.size();
    if (!header) {
      problems.insert(problems.end(), rec.syntax.begin(), rec.syntax.end());
      cols = read_header(text, rec, problems);
      header = std::move(rec);
      continue;
    }
    read_row(rec);
    // in the order of line and column, though numbers are read before the goal is looked up
    std::stable_sort(problems.begin() + static_cast<std::ptrdiff_t>(first), problems.end(),
                     [](const problem& a, const problem& b) { return line_column(a.where) < line_column(b.where); });
  }
  if (!header) problems.push_back({"1:1", "empty file; the first line is the header " + all_field_names()});
  if (!problems.empty()) throw load_error(std::move(origin), std::move(problems));
  return observation_ledger(std::move(out));
}

observation_ledger parse_observations_json(std::string_view text, const plan& p, std::string origin,
                                           const observation_checks& checks) {
  std::vector<problem> problems;
  std::set<std::string> dup_paths;
  const auto j = parse_json(text, problems, dup_paths);
  if (!j) throw load_error(std::move(origin), std::move(problems));
  std::vector<observation> out;
  if (!j->is_object()) {
    problems.push_back({"", "expected an object {\"observations\": […]}, got " + type_name(*j)});
    throw load_error(std::move(origin), std::move(problems));
  }
  for (const auto& [k, v] : j->items()) {
    if (k == "observations") continue;
    if (k == "format") {
      if (!v.is_string() || v.get_ref<const std::string&>() != format_tag)
        problems.push_back({"/format", "unsupported format " + shown(v) + "; this reader reads \"" +
                                           std::string(format_tag) + "\""});
      continue;
    }
    problems.push_back({"/" + pointer_segment(k), "unknown field " + in_quotes(k) + "; expected \"observations\" and "
                                                                                 "optionally \"format\""});
  }
  const auto it = j->find("observations");
  if (it == j->end()) {
    problems.push_back({"/observations", "missing required field \"observations\"; expected an array of observations"});
  } else if (!it->is_array()) {
    problems.push_back({"/observations", "expected an array, got " + type_name(*it) + " " + shown(*it)});
  } else {
    const std::string known = known_goals(p);
    duplicate_finder duplicates;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& e = (*it)[i];
      const std::string path = "/observations/" + std::to_string(i);
      if (!e.is_object()) {
        problems.push_back({path, "expected an object, got " + type_name(e) + " " + shown(e)});
        continue;
      }
      row_fields r;
      const std::size_t before = problems.size();
      read_json_observation(e, path, dup_paths, r, problems);
      row_sink sink{problems, {}, path, false};
      for (std::size_t f = 0; f < field_count; ++f) sink.where[f] = path + "/" + std::string(field_names[f]);
      auto o = check_row(r, p, sink, known, checks);
      if (!o || problems.size() != before) continue;
      if (auto first = duplicates.first_of(*o, path)) {
        sink.row(duplicate_message(*first));
        continue;
      }
      o->origin = origin + ":" + path;
      out.push_back(std::move(*o));
    }
  }
  if (!problems.empty()) throw load_error(std::move(origin), std::move(problems));
  return observation_ledger(std::move(out));
}

namespace detail {

observation_ledger check_observation_rows(const std::vector<observation_row>& rows, const plan& p,
                                          const std::string& origin, std::vector<problem> problems,
                                          const observation_checks& checks) {
  const std::string known = known_goals(p);
  duplicate_finder duplicates;
  std::vector<observation> out;
  for (const auto& row : rows) {
    row_fields r;
    row_sink sink{problems, row.where, row.row_where, true};
    for (std::size_t i = 0; i < field_count; ++i) {
      r.bad[i] = row.bad[i];
      if (row.bad[i] || !row.text[i] || row.text[i]->empty()) continue;
      const auto fi = static_cast<field>(i);
      if (fi == field::value || fi == field::numerator || fi == field::denominator) {
        std::string why;
        r.number[i] = csv_number(*row.text[i], why);
        if (!r.number[i]) {
          sink.at(fi, why);
          r.bad[i] = true;
        }
      } else {
        r.text[i] = *row.text[i];
      }
    }
    auto o = check_row(r, p, sink, known, checks);
    if (!o) continue;
    if (auto first = duplicates.first_of(*o, "the row at " + row.row_where)) {
      sink.row(duplicate_message(*first));
      continue;
    }
    o->origin = origin + ":" + row.row_where;
    out.push_back(std::move(*o));
  }
  if (!problems.empty()) throw load_error(origin, std::move(problems));
  return observation_ledger(std::move(out));
}

}  // namespace detail

observation_ledger load_observations(const std::filesystem::path& file, const plan& p,
                                     const observation_checks& checks) {
  check_input_file(file, input_limits::observations, "observations file");  // a directory, FIFO, /dev/zero: say so

  std::string ext = file.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (ext != ".csv" && ext != ".json" && ext != ".xlsx") {
    const std::string what = ext.empty() ? std::string("no file extension")
                                         : "unsupported extension " + in_quotes(file.extension().string());
    throw load_error(file.string(), {{"", what + "; observation files are .csv, .json or .xlsx"}});
  }
  const std::string text = read_input_file(file, input_limits::observations, "observations file");
  if (ext == ".xlsx") return parse_observations_workbook(text, p, file.string());  // src/io/workbook_read.cpp
  if (ext == ".csv") {  // UTF-8, with or without BOM, or GB18030 converted (src/detail/text_encoding.cpp)
    std::string why;
    auto decoded = detail::decode_text(text, why);
    if (!decoded) throw load_error(file.string(), {{"", why}});
    return parse_observations_csv(decoded->text, p, file.string(), checks);
  }
  return parse_observations_json(text, p, file.string(), checks);
}

std::string to_csv(const observation_ledger& ledger) {
  std::string out;
  for (auto n : field_names) out += (out.empty() ? "" : ",") + std::string(n);
  out += '\n';
  std::size_t i = 0;
  for (const auto& o : ledger.all()) {
    check_writable(o, i++);
    out += qgov::csv_field(o.goal.str());
    out += ',' + o.period.str();
    out += ',' + number_text(o.value);
    out += ',' + (o.rate ? number_text(o.rate->numerator) : std::string());
    out += ',' + (o.rate ? number_text(o.rate->denominator) : std::string());
    out += ',' + (o.level ? std::string(to_string(*o.level)) : std::string());
    out += ',' + to_iso(o.reported_on);
    out += ',' + qgov::csv_field(o.source);
    out += '\n';
  }
  return out;
}

std::string to_json(const observation_ledger& ledger, int indent) {
  ordered list = ordered::array();
  std::size_t i = 0;
  for (const auto& o : ledger.all()) {
    check_writable(o, i++);
    ordered j;
    j["goal"] = o.goal.str();
    j["period"] = o.period.str();
    j["value"] = json_number(o.value);
    if (o.rate) {
      j["numerator"] = json_number(o.rate->numerator);
      j["denominator"] = json_number(o.rate->denominator);
    }
    if (o.level) j["level"] = std::string(to_string(*o.level));
    j["reported_on"] = to_iso(o.reported_on);
    if (!o.source.empty()) j["source"] = o.source;
    list.push_back(std::move(j));
  }
  ordered root;
  root["format"] = std::string(format_tag);
  root["observations"] = std::move(list);
  return root.dump(indent) + "\n";
}

}  // namespace qgov
