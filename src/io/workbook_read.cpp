// Returned data-collection workbooks back in: the identity sheet checked against the plan, then the sheet 填报
// row by row through the observation checks CSV files go through (src/detail/observations_table.hpp).
#include <qgov/io/workbook.hpp>

#include <cmath>
#include <map>

#include <qgov/core/error.hpp>

#include "detail/observations_table.hpp"
#include "detail/utf8.hpp"
#include "detail/workbook_layout.hpp"
#include "detail/workbook_read.hpp"
#include "detail/xlsx_reader.hpp"

namespace qgov::inline QGOV_ABI {
namespace detail {
namespace {

namespace layout = workbook_layout;


// An Excel serial day number as a date: 1900 system (with Excel's phantom 1900-02-29 at serial 60) or 1904.
std::optional<date> excel_date(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 1 || serial > 2'958'465) return std::nullopt;  // up to 9999-12-31
  const auto days = static_cast<long>(std::floor(serial));
  try {
    if (date1904) return date(1904, 1, 1) + boost::gregorian::days(days);
    if (days < 60) return date(1899, 12, 31) + boost::gregorian::days(days);
    if (days == 60) return std::nullopt;  // 1900-02-29 does not exist
    return date(1899, 12, 30) + boost::gregorian::days(days);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string integral_text(const std::string& v) {
  double d = 0;
  try {
    std::size_t used = 0;
    d = std::stod(v, &used);
    if (used != v.size()) return v;
  } catch (const std::exception&) {
    return v;
  }
  if (std::floor(d) == d && std::fabs(d) < 1e9) return std::to_string(static_cast<long long>(d));
  return v;
}

// The last line of a header cell, trimmed: "数值\nvalue" → "value".
std::string header_key(std::string_view s) {
  const auto nl = s.find_last_of('\n');
  if (nl != std::string_view::npos) s.remove_prefix(nl + 1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

std::string sheet_where(std::string_view sheet, std::size_t row, std::size_t column) {
  return std::string(sheet) + "!" + cell_ref(row, column);
}

void check_identity(const xlsx_workbook& wb, const plan& p, std::vector<problem>& problems) {
  const auto* id = wb.find(layout::identity_sheet);
  if (!id) {
    problems.push_back({"", "no sheet \"" + std::string(layout::identity_sheet) +
                                "\": this is not a workbook made by `qgov workbook`, so it cannot be checked against "
                                "the plan; make one with `qgov workbook --plan … --unit …` and copy the figures in, "
                                "or save the figures as CSV (docs/observations-format.md)"});
    return;
  }
  std::map<std::string, std::string> values;
  for (const auto& c : id->cells)
    if (c.column == 2 && c.type == xlsx_cell_type::text)
      for (const auto& k : id->cells)
        if (k.row == c.row && k.column == 1 && k.type == xlsx_cell_type::text) values[k.value] = c.value;
  const std::string sheet(layout::identity_sheet);
  auto get = [&](std::string_view key) -> std::optional<std::string> {
    const auto it = values.find(std::string(key));
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
  const auto format = get(layout::key_format);
  if (!format || *format != layout::format_tag) {
    problems.push_back({sheet + "!B1", "expected the workbook format \"" + std::string(layout::format_tag) + "\", got " +
                                           (format ? in_quotes(*format) : std::string("nothing")) +
                                           "; this reader reads workbooks made by `qgov workbook`"});
    return;
  }
  const auto plan_id_text = get(layout::key_plan);
  const auto title = get(layout::key_plan_title);
  const auto sha = get(layout::key_plan_sha256);
  const std::string made_for = (plan_id_text ? in_quotes(*plan_id_text) : std::string("(no id)")) +
                               (title ? " (" + *title + ")" : std::string());
  const std::string this_plan = in_quotes(p.id().str()) + " (" + p.document().title.text + ")";
  if (!plan_id_text || *plan_id_text != p.id().str()) {
    problems.push_back({sheet + "!B2", "this workbook was made for plan " + made_for + ", not for plan " + this_plan +
                                           "; load it with that plan (--plan), or make a workbook for this plan "
                                           "with `qgov workbook`"});
    return;
  }
  const std::string expected = plan_fingerprint(p);
  if (!sha || *sha != expected) {
    problems.push_back({sheet + "!B3", "this workbook was made for another version of plan " + made_for +
                                           " (plan SHA-256 " + (sha ? *sha : std::string("missing")) +
                                           "; this plan's is " + expected +
                                           "): the goals and targets it shows may differ; make a new workbook for "
                                           "this version with `qgov workbook` and copy the figures in"});
  }
}

}  // namespace

workbook_read read_workbook(std::string_view bytes, const plan& p, const std::string& origin) {
  xlsx_workbook wb;
  try {
    wb = read_xlsx(bytes);
  } catch (const xlsx_error& e) {
    throw load_error(origin, {{"", e.what()}});
  }
  return workbook_observations(wb, p, origin);
}

workbook_read workbook_observations(const xlsx_workbook& wb, const plan& p, const std::string& origin) {
  std::vector<problem> problems;
  check_identity(wb, p, problems);
  if (!problems.empty()) throw load_error(origin, std::move(problems));

  const std::string sheet(layout::data_sheet);
  const auto* data = wb.find(layout::data_sheet);
  if (!data) throw load_error(origin, {{"", "no sheet \"" + sheet + "\" (the figures); do not rename the sheets"}});

  // The header: row 1, each cell's last line a key.
  std::array<std::optional<std::size_t>, 8> column_of;  // field → column
  std::map<std::size_t, std::size_t> field_at;           // column → field
  std::size_t first_data = 0;
  for (std::size_t i = 0; i < data->cells.size(); ++i) {
    const auto& c = data->cells[i];
    if (c.row != 1) {
      first_data = i;
      break;
    }
    first_data = i + 1;
    const std::string where = sheet_where(sheet, c.row, c.column);
    const std::string key = c.type == xlsx_cell_type::text ? header_key(c.value) : c.value;
    std::optional<std::size_t> field;
    for (std::size_t f = 0; f < observation_fields.size(); ++f)
      if (key == observation_fields[f]) field = f;
    bool info = false;
    for (const auto& col : layout::columns) info = info || (!col.field && key == col.key);
    if (field) {
      if (column_of[*field]) {
        problems.push_back({where, "duplicate column " + in_quotes(key) + " (also " +
                                       sheet_where(sheet, 1, *column_of[*field]) + "); each column appears once"});
      } else {
        column_of[*field] = c.column;
        field_at[c.column] = *field;
      }
    } else if (!info) {
      problems.push_back({where, "unknown column " + in_quotes(escape_invalid_utf8(key)) +
                                     "; the header cells end in goal, name, quote, clause, unit, target, period, "
                                     "level, value, numerator, denominator, reported_on or source"});
    }
  }
  for (std::size_t f = 0; f < observation_fields.size(); ++f)
    if (!column_of[f])
      problems.push_back({sheet + "!A1", std::string("missing column \"") + observation_fields[f] +
                                             "\"; do not delete or rename the columns of the sheet"});
  if (!problems.empty()) throw load_error(origin, std::move(problems));

  // The rows: a row is read when any of its input cells is filled; template rows left empty are counted.
  workbook_read out;
  std::vector<observation_row> rows;
  std::size_t i = first_data;
  constexpr std::size_t inputs[] = {2, 3, 4, 6, 7};  // value, numerator, denominator, reported_on, source
  while (i < data->cells.size()) {
    const std::size_t r = data->cells[i].row;
    observation_row row;
    for (std::size_t f = 0; f < 8; ++f) row.where[f] = sheet_where(sheet, r, *column_of[f]);
    row.row_where = sheet_where(sheet, r, 1);
    bool filled = false, any = false;
    for (; i < data->cells.size() && data->cells[i].row == r; ++i) {
      const auto& c = data->cells[i];
      const auto it = field_at.find(c.column);
      if (it == field_at.end()) {
        any = true;
        continue;
      }
      const std::size_t f = it->second;
      const std::string where = row.where[f];
      const bool numeric = f == 2 || f == 3 || f == 4;
      std::string text;
      if (c.type == xlsx_cell_type::text || c.type == xlsx_cell_type::date_text) {
        text = c.value;
        if (c.type == xlsx_cell_type::date_text && text.size() > 10 && text[10] == 'T') text = text.substr(0, 10);
        if (auto bad = first_invalid_utf8(text)) {
          problems.push_back({where, std::string(observation_fields[f]) + ": the text is not valid UTF-8"});
          row.bad[f] = true;
          filled = true;
          continue;
        }
        // a cell typed with only spaces is empty
        if (text.find_first_not_of(" \t") == std::string::npos) continue;
      } else if (c.type == xlsx_cell_type::number) {
        if (f == 6) {  // reported_on as an Excel date
          double serial = 0;
          try {
            serial = std::stod(c.value);
          } catch (const std::exception&) {
            serial = -1;
          }
          const auto d = excel_date(serial, wb.date1904);
          if (!d) {
            problems.push_back({where, "reported_on: expected a date, got the number " + c.value});
            row.bad[f] = true;
            filled = true;
            continue;
          }
          text = to_iso(*d);
        } else if (numeric) {
          text = c.value;
        } else {
          text = integral_text(c.value);  // a period typed as the number 2025
        }
      } else if (c.type == xlsx_cell_type::uncomputed_formula) {
        problems.push_back({where, std::string(observation_fields[f]) + ": the formula " +
                                       in_quotes(escape_invalid_utf8(c.value)) +
                                       " has no computed value (the program that wrote it did not compute it); "
                                       "type the figure itself, or open the workbook in Excel and save it"});
        row.bad[f] = true;
        filled = true;
        continue;
      } else {
        const std::string what = c.type == xlsx_cell_type::boolean ? (c.value == "1" ? "TRUE" : "FALSE")
                                                                    : "the error " + c.value;
        problems.push_back({where, std::string(observation_fields[f]) + ": expected " +
                                       (numeric ? "a number" : f == 6 ? "a date" : "text") + ", got " + what +
                                       (c.formula ? " (computed by a formula)" : "")});
        row.bad[f] = true;
        filled = true;
        continue;
      }
      row.text[f] = std::move(text);
      any = true;
      for (auto k : inputs) filled = filled || (k == f);
    }
    if (filled) rows.push_back(std::move(row));
    else if (any) ++out.empty_rows;
  }
  out.filled_rows = rows.size();
  out.ledger = check_observation_rows(rows, p, origin, std::move(problems));
  return out;
}

}  // namespace detail

observation_ledger parse_observations_workbook(std::string_view bytes, const plan& p, std::string origin) {
  return detail::read_workbook(bytes, p, origin).ledger;
}

}  // namespace qgov
