// Private: a small RFC 4180 reader for the supervision files, each field with its line and column, and the message
// helpers they share (the style of src/io/observations.cpp: every problem at file:line:column).
#pragma once

#include <qgov/version.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/core/error.hpp>

#include "utf8.hpp"

namespace qgov::inline QGOV_ABI::supervision::detail {

struct csv_cell {
  std::string text;
  std::size_t line = 0;
  std::size_t column = 0;  // 1-based field number
};

struct csv_row {
  std::size_t line = 0;
  bool blank = false;
  std::vector<csv_cell> cells;
};

inline std::string at(std::size_t line, std::size_t column) {
  return std::to_string(line) + ":" + std::to_string(column);
}

using qgov::detail::in_quotes;  // src/detail/utf8.hpp

// Splits the whole text into rows. Quoting problems go to `problems`; such rows come back with `blank` false and
// whatever was read. A UTF-8 byte-order mark is skipped. Invalid UTF-8 in a field is reported at its line:column.
inline std::vector<csv_row> read_csv(std::string_view text, std::vector<problem>& problems) {
  std::vector<csv_row> rows;
  std::size_t pos = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::size_t line = 1;
  const std::size_t n = text.size();
  auto line_end = [&](std::size_t i) {
    return text[i] == '\n' || (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n');
  };
  while (pos < n) {
    csv_row row;
    row.line = line;
    if (line_end(pos)) {
      row.blank = true;
      pos += text[pos] == '\r' ? 2 : 1;
      ++line;
      rows.push_back(std::move(row));
      continue;
    }
    while (true) {
      csv_cell c;
      c.line = line;
      c.column = row.cells.size() + 1;
      const std::size_t begin = pos;
      if (pos < n && text[pos] == '"') {
        ++pos;
        bool closed = false;
        while (pos < n) {
          if (text[pos] == '"') {
            if (pos + 1 < n && text[pos + 1] == '"') {
              c.text += '"';
              pos += 2;
              continue;
            }
            ++pos;
            closed = true;
            break;
          }
          if (text[pos] == '\n') ++line;
          c.text += text[pos++];
        }
        if (!closed) problems.push_back({at(c.line, c.column), "unterminated quoted field: the quote opened here is never closed"});
        else if (pos < n && text[pos] != ',' && !line_end(pos)) {
          problems.push_back({at(c.line, c.column),
                              "unexpected text after the closing quote; a quote inside a quoted field is written twice (\"\")"});
          while (pos < n && text[pos] != ',' && !line_end(pos)) ++pos;
        }
      } else {
        while (pos < n && text[pos] != ',' && !line_end(pos)) {
          if (text[pos] == '"')
            problems.push_back({at(c.line, c.column),
                                "quote inside an unquoted field; quote the whole field and write the quote twice (\"\")"});
          if (text[pos] == '\r') problems.push_back({at(c.line, c.column), "carriage return without a line feed"});
          c.text += text[pos++];
        }
      }
      if (auto bad = qgov::detail::first_invalid_utf8(text.substr(begin, pos - begin)))
        problems.push_back({at(c.line, c.column), "not valid UTF-8 (byte at offset " + std::to_string(begin + *bad) +
                                                      "); save the file as UTF-8 (Excel: \"CSV UTF-8\"), not GBK"});
      row.cells.push_back(std::move(c));
      if (pos < n && text[pos] == ',') {
        ++pos;
        continue;
      }
      if (pos < n) {
        pos += text[pos] == '\r' ? 2 : 1;
        ++line;
      }
      break;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Items of a list cell separated by ';' (also '；'), each trimmed of spaces; empty items dropped.
inline std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::size_t b = 0, e = cur.size();
    while (b < e && (cur[b] == ' ' || cur[b] == '\t')) ++b;
    while (e > b && (cur[e - 1] == ' ' || cur[e - 1] == '\t')) --e;
    if (e > b) out.push_back(cur.substr(b, e - b));
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ';') flush();
    else if (s.substr(i).starts_with("；")) {
      flush();
      i += 2;
    } else cur += s[i];
  }
  flush();
  return out;
}

// A header: known column names in any order; `required` must all be there. Returns the column index of each name
// (nullopt when absent), or nothing when the header has problems.
inline std::optional<std::vector<std::optional<std::size_t>>> read_header(const csv_row& h,
                                                                          const std::vector<std::string_view>& names,
                                                                          const std::vector<bool>& required,
                                                                          std::vector<problem>& out) {
  std::vector<std::optional<std::size_t>> col(names.size());
  std::string all;
  for (auto nm : names) all += (all.empty() ? "" : ", ") + std::string(nm);
  bool ok = true;
  for (std::size_t k = 0; k < h.cells.size(); ++k) {
    const auto& c = h.cells[k];
    std::optional<std::size_t> which;
    for (std::size_t i = 0; i < names.size(); ++i)
      if (c.text == names[i]) which = i;
    if (!which) {
      out.push_back({at(c.line, c.column),
                     (c.text.empty() ? std::string("empty column name") : "unknown column " + in_quotes(c.text)) +
                         "; the columns are " + all});
      ok = false;
    } else if (col[*which]) {
      out.push_back({at(c.line, c.column), "duplicate column " + in_quotes(c.text) + " (also column " +
                                               std::to_string(*col[*which] + 1) + ")"});
      ok = false;
    } else {
      col[*which] = k;
    }
  }
  for (std::size_t i = 0; i < names.size(); ++i)
    if (required[i] && !col[i]) {
      out.push_back({at(h.line, 1), "missing column \"" + std::string(names[i]) + "\"; the header names " + all +
                                        " (in any order; only the required ones must be present)"});
      ok = false;
    }
  if (!ok) return std::nullopt;
  return col;
}

}  // namespace qgov::supervision::detail
