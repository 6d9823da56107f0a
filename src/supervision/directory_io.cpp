// Enterprise directory, inspector roster and calendar (CSV), schemes (JSON): every problem at file:line:column.
#include <qgov/supervision/directory_io.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include <qgov/core/error.hpp>
#include <qgov/io/input_file.hpp>

#include "detail/csv.hpp"
#include "detail/json_input.hpp"

namespace qgov::inline QGOV_ABI::supervision {
namespace {

using detail::at;
using detail::csv_row;
using detail::in_quotes;

// A count: digits only, at most 12 of them.
std::optional<std::int64_t> parse_count(std::string_view s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Yuan with at most two decimals ("100000", "100000.5", "100000.01"), as fen; at most 13 integer digits.
std::optional<std::int64_t> parse_yuan(std::string_view s) {
  const auto dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (whole.empty() || whole.size() > 13) return std::nullopt;
  if (dot != std::string_view::npos && (frac.empty() || frac.size() > 2)) return std::nullopt;
  std::int64_t v = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  std::int64_t cents = 0;
  for (std::size_t i = 0; i < 2; ++i) {
    const char c = i < frac.size() ? frac[i] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    cents = cents * 10 + (c - '0');
  }
  return v * 100 + cents;
}

// The common frame of the three CSV files: comments (# lines) before the header, blank lines, field counts.
// Calls `header(row)` once, then `row(row)` for each data row with the right number of fields.
template <class Header, class Row>
void walk_csv(std::string_view text, std::vector<problem>& problems, Header header, Row row) {
  auto rows = detail::read_csv(text, problems);
  const csv_row* head = nullptr;
  std::size_t blank_first = 0, blank_count = 0;
  for (const auto& r : rows) {
    if (r.blank) {
      if (blank_count++ == 0) blank_first = r.line;
      continue;
    }
    if (!head && !r.cells.empty() && r.cells[0].text.starts_with('#')) {
      blank_count = 0;
      continue;
    }
    if (blank_count > 0)
      problems.push_back({at(blank_first, 1), blank_count == 1 ? std::string("blank line")
                                                               : std::to_string(blank_count) + " blank lines"});
    blank_count = 0;
    if (!head) {
      head = &r;
      header(r);
      continue;
    }
    if (r.cells.size() != head->cells.size()) {
      problems.push_back({at(r.line, 1), "expected " + std::to_string(head->cells.size()) + " fields, got " +
                                             std::to_string(r.cells.size()) +
                                             " (a field with a comma or a line break is quoted: \"…\")"});
      continue;
    }
    row(r);
  }
  if (!head) problems.push_back({"1:1", "empty file: the first line is the header"});
}

std::string file_label(const std::filesystem::path& p) { return p.string(); }

// One data row of a directory or roster whose columns (enum Col, in the order of `names`) were found by the header:
// its cells by column, and its problems named by column at the cell's line:column.
template <class Col>
struct table_row {
  const csv_row& r;
  const std::vector<std::optional<std::size_t>>& cols;
  const std::vector<std::string_view>& names;
  std::vector<problem>& problems;

  const detail::csv_cell* cell(Col c) const {
    const auto& k = cols[static_cast<std::size_t>(c)];
    return k ? &r.cells[*k] : nullptr;
  }
  void bad(Col c, const std::string& msg) {
    const auto* x = cell(c);
    problems.push_back({at(x->line, x->column), std::string(names[static_cast<std::size_t>(c)]) + ": " + msg});
  }
  // The id in column `c` (required): not empty, without spaces or semicolons, and not on an earlier line
  // (`first_line`: each id's line). `what`: "enterprise", "inspector".
  const std::string& id(Col c, std::unordered_map<std::string, std::size_t>& first_line, const std::string& what) {
    const auto* idc = cell(c);
    if (idc->text.empty()) bad(c, "required, but the cell is empty; every " + what + " has an id");
    else if (idc->text.find_first_of(" \t;") != std::string::npos)
      bad(c, "an id has no spaces or semicolons, got " + in_quotes(idc->text));
    else if (auto [it, fresh] = first_line.emplace(idc->text, r.line); !fresh)
      bad(c, "duplicate " + what + " id " + in_quotes(idc->text) + " (first at line " + std::to_string(it->second) + ")");
    return idc->text;
  }
};

// walk_csv for a directory or roster with the columns `names` (those `required` must be in the header): calls
// `row(table_row<Col>&)` for each data row once the header has been read.
template <class Col, class Row>
void walk_table(std::string_view text, const std::vector<std::string_view>& names, const std::vector<bool>& required,
                std::vector<problem>& problems, Row row) {
  std::optional<std::vector<std::optional<std::size_t>>> cols;
  walk_csv(
      text, problems, [&](const csv_row& h) { cols = detail::read_header(h, names, required, problems); },
      [&](const csv_row& r) {
        if (!cols) return;
        table_row<Col> tr{r, *cols, names, problems};
        row(tr);
      });
}

// regular files only, within the limit: a directory, a FIFO or /dev/zero is one clear load_error
std::string read_file_bytes(const std::filesystem::path& file) {
  return read_input_file(file, input_limits::supervision, "supervision file");
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Enterprises

std::vector<enterprise> parse_enterprises_csv(std::string_view text, const credit_scheme& scheme, std::string origin) {
  enum col { id, name, credit_class, penalties, warnings, fines_yuan, lists, last_inspected_on, conflicts, count };
  static const std::vector<std::string_view> names{"id",         "name",  "credit_class",      "penalties", "warnings",
                                                   "fines_yuan", "lists", "last_inspected_on", "conflicts"};
  static const std::vector<bool> required{true, true, false, false, false, false, false, false, false};
  std::vector<problem> problems;
  std::vector<enterprise> out;
  std::unordered_map<std::string, std::size_t> first_line;

  walk_table<col>(text, names, required, problems, [&](table_row<col>& row) {
    auto cell = [&](col c) { return row.cell(c); };
    auto bad = [&](col c, const std::string& msg) { row.bad(c, msg); };
    const std::size_t before = problems.size();
    enterprise e;
    e.origin = origin + ":" + std::to_string(row.r.line);
    e.id = enterprise_id(row.id(id, first_line, "enterprise"));
    if (cell(name)->text.empty()) bad(name, "required, but the cell is empty; the name is published with the draw");
    e.name = cell(name)->text;
    if (const auto* c = cell(credit_class); c && !c->text.empty()) {
      if (auto l = scheme.parse_class(c->text)) e.assigned = *l;
      else bad(credit_class, "unknown class " + in_quotes(c->text) + " in scheme " + scheme.id + "; expected one of " +
                                 scheme.codes() + " (or leave it empty to classify from the records)");
    }
    auto count_of = [&](col c, std::int64_t& into) {
      const auto* x = cell(c);
      if (!x || x->text.empty()) return;
      if (auto v = parse_count(x->text)) into = *v;
      else bad(c, "expected a whole number of records (0 or more, digits only), got " + in_quotes(x->text));
    };
    count_of(penalties, e.record.penalties);
    count_of(warnings, e.record.warnings);
    if (e.record.warnings > e.record.penalties)
      bad(warnings, std::to_string(e.record.warnings) + " warnings but " + std::to_string(e.record.penalties) +
                        " penalties: warnings (警告) are counted among the penalties");
    if (const auto* c = cell(fines_yuan); c && !c->text.empty()) {
      if (auto v = parse_yuan(c->text)) e.record.fines_fen = *v;
      else bad(fines_yuan, "expected an amount in yuan with at most two decimals and no separators (e.g. "
                           "100000 or 100000.50), got " + in_quotes(c->text));
    }
    if (const auto* c = cell(lists))
      for (const auto& item : detail::split_list(c->text)) {
        if (auto f = parse_list_flag(item)) {
          if (std::find(e.record.lists.begin(), e.record.lists.end(), *f) == e.record.lists.end())
            e.record.lists.push_back(*f);
        } else {
          bad(lists, "unknown list " + in_quotes(item) + "; expected abnormal_operations, refused_inspection, "
                     "serious_violation or dishonest_debtor (or 经营异常名录, 拒不配合检查, 严重违法企业名单, 失信被执行人), "
                     "separated by ;");
        }
      }
    if (const auto* c = cell(last_inspected_on); c && !c->text.empty()) {
      if (auto d = parse_iso_date(c->text)) e.last_inspected_on = *d;
      else bad(last_inspected_on, "expected a date YYYY-MM-DD (or empty: never inspected), got " + in_quotes(c->text));
    }
    if (const auto* c = cell(conflicts))
      for (const auto& item : detail::split_list(c->text)) e.conflicts.emplace_back(item);
    if (problems.size() == before) out.push_back(std::move(e));
  });
  if (!problems.empty()) throw load_error(std::move(origin), std::move(problems));
  if (out.empty())
    throw load_error(std::move(origin), {{"2:1", "the directory lists no enterprise; a draw needs at least one"}});
  return out;
}

std::vector<enterprise> load_enterprises(const std::filesystem::path& file, const credit_scheme& scheme) {
  return parse_enterprises_csv(read_file_bytes(file), scheme, file_label(file));
}

// ---------------------------------------------------------------------------------------------
// Inspectors

std::vector<inspector> parse_inspectors_csv(std::string_view text, std::string origin) {
  enum col { id, name, department, qualifications, conflicts };
  static const std::vector<std::string_view> names{"id", "name", "department", "qualifications", "conflicts"};
  static const std::vector<bool> required{true, true, false, false, false};
  std::vector<problem> problems;
  std::vector<inspector> out;
  std::unordered_map<std::string, std::size_t> first_line;
  walk_table<col>(text, names, required, problems, [&](table_row<col>& row) {
    auto cell = [&](col c) { return row.cell(c); };
    auto bad = [&](col c, const std::string& msg) { row.bad(c, msg); };
    const std::size_t before = problems.size();
    inspector p;
    p.origin = origin + ":" + std::to_string(row.r.line);
    p.id = inspector_id(row.id(id, first_line, "inspector"));
    if (cell(name)->text.empty()) bad(name, "required, but the cell is empty");
    p.name = cell(name)->text;
    if (const auto* c = cell(department)) p.department = c->text;
    if (const auto* c = cell(qualifications)) p.qualifications = detail::split_list(c->text);
    if (const auto* c = cell(conflicts))
      for (const auto& item : detail::split_list(c->text)) p.conflicts.emplace_back(item);
    if (problems.size() == before) out.push_back(std::move(p));
  });
  if (!problems.empty()) throw load_error(std::move(origin), std::move(problems));
  if (out.empty()) throw load_error(std::move(origin), {{"2:1", "the roster lists no inspector; a draw needs at least two"}});
  return out;
}

std::vector<inspector> load_inspectors(const std::filesystem::path& file) {
  return parse_inspectors_csv(read_file_bytes(file), file_label(file));
}

// ---------------------------------------------------------------------------------------------
// Calendar

work_calendar parse_calendar_csv(std::string_view text, std::string origin) {
  static const std::vector<std::string_view> names{"date", "kind", "name"};
  static const std::vector<bool> required{true, true, false};
  std::vector<problem> problems;
  std::optional<std::vector<std::optional<std::size_t>>> cols;
  std::set<date> holidays, workdays;
  std::map<date, std::size_t> first_line;
  walk_csv(
      text, problems, [&](const csv_row& h) { cols = detail::read_header(h, names, required, problems); },
      [&](const csv_row& r) {
        if (!cols) return;
        const auto& dc = r.cells[*(*cols)[0]];
        const auto& kc = r.cells[*(*cols)[1]];
        const auto d = parse_iso_date(dc.text);
        if (!d) problems.push_back({at(dc.line, dc.column), "date: expected YYYY-MM-DD, got " + in_quotes(dc.text)});
        const bool holiday = kc.text == "holiday" || kc.text == "放假";
        const bool workday = kc.text == "workday" || kc.text == "上班";
        if (!holiday && !workday)
          problems.push_back({at(kc.line, kc.column), "kind: expected holiday (放假) or workday (调休上班: 上班), got " +
                                                          in_quotes(kc.text)});
        if (!d || (!holiday && !workday)) return;
        if (auto [it, fresh] = first_line.emplace(*d, r.line); !fresh) {
          problems.push_back({at(dc.line, dc.column), "date: " + to_iso(*d) + " is listed twice (first at line " +
                                                          std::to_string(it->second) + ")"});
          return;
        }
        (holiday ? holidays : workdays).insert(*d);
      });
  if (!problems.empty()) throw load_error(std::move(origin), std::move(problems));
  return work_calendar(std::move(holidays), std::move(workdays), origin);
}

work_calendar load_calendar(const std::filesystem::path& file) {
  auto cal = parse_calendar_csv(read_file_bytes(file), file_label(file));
  return work_calendar(cal.holidays(), cal.workdays(), file.filename().string());
}

// ---------------------------------------------------------------------------------------------
// Inspection results

std::vector<inspection_result> parse_results_csv(std::string_view text, std::string origin) {
  static const std::vector<std::string_view> names{"enterprise_id", "outcome", "inspected_on", "note"};
  static const std::vector<bool> required{true, true, false, false};
  std::vector<problem> problems;
  std::optional<std::vector<std::optional<std::size_t>>> cols;
  std::vector<inspection_result> out;
  std::unordered_map<std::string, std::size_t> first_line;
  walk_csv(
      text, problems, [&](const csv_row& h) { cols = detail::read_header(h, names, required, problems); },
      [&](const csv_row& r) {
        if (!cols) return;
        auto cell = [&](std::size_t c) -> const detail::csv_cell* { return (*cols)[c] ? &r.cells[*(*cols)[c]] : nullptr; };
        auto bad = [&](std::size_t c, const std::string& msg) {
          problems.push_back({at(cell(c)->line, cell(c)->column), std::string(names[c]) + ": " + msg});
        };
        const std::size_t before = problems.size();
        inspection_result x;
        x.origin = origin + ":" + std::to_string(r.line);
        if (cell(0)->text.empty()) bad(0, "required, but the cell is empty");
        else if (auto [it, fresh] = first_line.emplace(cell(0)->text, r.line); !fresh)
          bad(0, "a second result for " + in_quotes(cell(0)->text) + " (first at line " + std::to_string(it->second) + ")");
        x.id = enterprise_id(cell(0)->text);
        if (cell(1)->text.empty()) bad(1, "required, but the cell is empty; the outcome is what is published");
        x.outcome = cell(1)->text;
        if (const auto* c = cell(2); c && !c->text.empty()) {
          if (auto d = parse_iso_date(c->text)) x.inspected_on = *d;
          else bad(2, "expected a date YYYY-MM-DD, got " + in_quotes(c->text));
        }
        if (const auto* c = cell(3)) x.note = c->text;
        if (problems.size() == before) out.push_back(std::move(x));
      });
  if (!problems.empty()) throw load_error(std::move(origin), std::move(problems));
  if (out.empty())
    throw load_error(std::move(origin), {{"2:1", "the file lists no inspection result; there is nothing to publish"}});
  return out;
}

std::vector<inspection_result> load_results(const std::filesystem::path& file) {
  return parse_results_csv(read_file_bytes(file), file_label(file));
}

// ---------------------------------------------------------------------------------------------
// Schemes

credit_scheme parse_scheme_json(std::string_view text, std::string origin) {
  using json = nlohmann::json;
  std::vector<problem> problems;
  const json j = qgov::detail::parse_json_or_throw<json>(text, origin, 16, "a credit scheme file");
  if (!j.is_object()) throw load_error(std::move(origin), {{"", "expected an object {\"base\": \"tianjin-2017\", …}"}});
  credit_scheme s = credit_scheme::tianjin_2017();
  if (auto it = j.find("base"); it != j.end()) {
    if (*it == "tianjin-2017") s = credit_scheme::tianjin_2017();
    else if (*it == "national-2022") s = credit_scheme::national_2022();
    else problems.push_back({"/base", "expected \"tianjin-2017\" or \"national-2022\", got " + it->dump()});
  }
  auto int_field = [&](const json& o, const char* key, const std::string& path, std::int64_t& into, std::int64_t scale) {
    auto it = o.find(key);
    if (it == o.end()) return;
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 1'000'000'000'000)
      problems.push_back({path + "/" + key, "expected a whole number ≥ 0, got " + it->dump()});
    else into = it->get<std::int64_t>() * scale;
  };
  for (const auto& [k, v] : j.items()) {
    if (k == "base") continue;
    if (k == "id" || k == "name") {
      if (!v.is_string()) problems.push_back({"/" + k, "expected a string"});
      else (k == "id" ? s.id : s.name) = v.get<std::string>();
    } else if (k == "labels") {
      if (!v.is_array() || v.size() != 4) {
        problems.push_back({"/labels", "expected 4 labels [{\"code\", \"zh\", \"en\"}], low to high risk"});
        continue;
      }
      for (std::size_t i = 0; i < 4; ++i) {
        const auto& l = v[i];
        const std::string path = "/labels/" + std::to_string(i);
        if (!l.is_object()) {
          problems.push_back({path, "expected an object {\"code\", \"zh\", \"en\"}"});
          continue;
        }
        for (const auto& [lk, lv] : l.items()) {
          if (lk != "code" && lk != "zh" && lk != "en") problems.push_back({path + "/" + lk, "unknown field; expected code, zh, en"});
          else if (!lv.is_string() || lv.get<std::string>().empty()) problems.push_back({path + "/" + lk, "expected a non-empty string"});
          else (lk == "code" ? s.labels[i].code : lk == "zh" ? s.labels[i].zh : s.labels[i].en) = lv.get<std::string>();
        }
      }
    } else if (k == "thresholds") {
      if (!v.is_object()) {
        problems.push_back({"/thresholds", "expected an object"});
        continue;
      }
      auto& t = s.thresholds;
      for (const auto& [tk, tv] : v.items()) {
        const std::string p = "/thresholds";
        if (tk == "warning_max_penalties") int_field(v, "warning_max_penalties", p, t.warning_max_penalties, 1);
        else if (tk == "dishonest_max_penalties") int_field(v, "dishonest_max_penalties", p, t.dishonest_max_penalties, 1);
        else if (tk == "warning_max_fines_yuan") int_field(v, "warning_max_fines_yuan", p, t.warning_max_fines_fen, 100);
        else if (tk == "dishonest_max_fines_yuan") int_field(v, "dishonest_max_fines_yuan", p, t.dishonest_max_fines_fen, 100);
        else if (tk == "limits_inclusive" || tk == "count_warnings") {
          if (!tv.is_boolean()) problems.push_back({p + "/" + tk, "expected true or false"});
          else (tk == "limits_inclusive" ? t.limits_inclusive : t.count_warnings) = tv.get<bool>();
        } else if (tk == "list_level") {
          if (!tv.is_object()) {
            problems.push_back({p + "/list_level", "expected an object {\"dishonest_debtor\": \"high\", …}"});
            continue;
          }
          for (const auto& [lk, lv] : tv.items()) {
            const auto f = parse_list_flag(lk);
            std::optional<risk_level> level;
            for (std::size_t i = 0; i < 4 && lv.is_string(); ++i)
              if (lv.get<std::string>() == to_string(static_cast<risk_level>(i))) level = static_cast<risk_level>(i);
            if (!f) problems.push_back({p + "/list_level/" + lk, "unknown list; expected abnormal_operations, "
                                                                 "refused_inspection, serious_violation, dishonest_debtor"});
            else if (!level) problems.push_back({p + "/list_level/" + lk, "expected low, general, elevated or high"});
            else t.list_level[static_cast<std::size_t>(*f)] = *level;
          }
        } else {
          problems.push_back({p + "/" + tk, "unknown threshold; expected warning_max_penalties, dishonest_max_penalties, "
                                            "warning_max_fines_yuan, dishonest_max_fines_yuan, limits_inclusive, "
                                            "count_warnings, list_level"});
        }
      }
      if (t.warning_max_penalties > t.dishonest_max_penalties)
        problems.push_back({"/thresholds", "warning_max_penalties is above dishonest_max_penalties"});
      if (t.warning_max_fines_fen > t.dishonest_max_fines_fen)
        problems.push_back({"/thresholds", "warning_max_fines_yuan is above dishonest_max_fines_yuan"});
    } else {
      problems.push_back({"/" + k, "unknown field; expected base, id, name, labels, thresholds"});
    }
  }
  std::set<std::string> codes;
  for (const auto& l : s.labels)
    if (!codes.insert(l.code).second) problems.push_back({"/labels", "the class code \"" + l.code + "\" is used twice"});
  if (!problems.empty()) throw load_error(std::move(origin), std::move(problems));
  return s;
}

credit_scheme load_scheme(const std::filesystem::path& file) {
  return parse_scheme_json(read_file_bytes(file), file_label(file));
}

}  // namespace qgov::supervision
