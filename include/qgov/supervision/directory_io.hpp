// qgov/supervision/directory_io.hpp — the supervision files: enterprise directory, inspector roster, holiday calendar
// (CSV) and classification schemes (JSON); formats in docs/supervision.md.
#pragma once

#include <qgov/version.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/supervision/credit_class.hpp>
#include <qgov/supervision/draw.hpp>
#include <qgov/supervision/enterprise.hpp>
#include <qgov/supervision/work_calendar.hpp>

namespace qgov::inline QGOV_ABI::supervision {

/// Parses an enterprise directory: header `id,name` plus any of `credit_class,penalties,warnings,fines_yuan,lists,
/// last_inspected_on,conflicts`. Every problem is reported at line:column; `load_error` and nothing returned.
[[nodiscard]] std::vector<enterprise> parse_enterprises_csv(std::string_view text, const credit_scheme& scheme,
                                                            std::string origin = "<enterprises>");
[[nodiscard]] std::vector<enterprise> load_enterprises(const std::filesystem::path& file, const credit_scheme& scheme);

/// Parses an inspector roster: header `id,name` plus any of `department,qualifications,conflicts`.
[[nodiscard]] std::vector<inspector> parse_inspectors_csv(std::string_view text, std::string origin = "<inspectors>");
[[nodiscard]] std::vector<inspector> load_inspectors(const std::filesystem::path& file);

/// Parses a calendar of `date,kind[,name]` rows, kind `holiday` (放假) or `workday` (调休上班).
[[nodiscard]] work_calendar parse_calendar_csv(std::string_view text, std::string origin = "<calendar>");
[[nodiscard]] work_calendar load_calendar(const std::filesystem::path& file);

/// Parses inspection results: header `enterprise_id,outcome` plus optional `inspected_on,note`.
[[nodiscard]] std::vector<inspection_result> parse_results_csv(std::string_view text, std::string origin = "<results>");
[[nodiscard]] std::vector<inspection_result> load_results(const std::filesystem::path& file);

/// Parses a classification scheme in JSON: `{"base": "tianjin-2017"|"national-2022", …overrides}`.
[[nodiscard]] credit_scheme parse_scheme_json(std::string_view text, std::string origin = "<scheme>");
[[nodiscard]] credit_scheme load_scheme(const std::filesystem::path& file);

}  // namespace qgov::supervision
