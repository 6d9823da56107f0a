// Private: the layout of a qgov data-collection workbook, shared by its writer and its reader (docs/workbooks.md).
#pragma once

#include <qgov/version.hpp>

#include <array>
#include <string_view>

namespace qgov::inline QGOV_ABI::detail::workbook_layout {

inline constexpr std::string_view format_tag = "qgov-workbook/1";
inline constexpr std::string_view data_sheet = "填报";
inline constexpr std::string_view instructions_sheet = "说明";
inline constexpr std::string_view identity_sheet = "qgov";

/// A column of the data sheet: its Chinese heading and its key. The header cell holds both, "数值\nvalue"; the
/// reader goes by the key (the last line), so columns can be reordered and headings reworded.
struct column {
  std::string_view zh;
  std::string_view key;
  bool field;  ///< one of the eight observation fields; otherwise shown for information and not read
};

inline constexpr std::array<column, 13> columns{{
    {"目标编号", "goal", true},
    {"目标名称", "name", false},
    {"方案原文", "quote", false},
    {"条款", "clause", false},
    {"计量单位", "unit", false},
    {"目标值", "target", false},
    {"期间", "period", true},
    {"层级", "level", true},
    {"数值", "value", true},
    {"分子", "numerator", true},
    {"分母", "denominator", true},
    {"报告日期", "reported_on", true},
    {"数据来源", "source", true},
}};

/// Keys of the identity sheet (column A), each with its value in column B.
inline constexpr std::string_view key_format = "format";
inline constexpr std::string_view key_plan = "plan";
inline constexpr std::string_view key_plan_sha256 = "plan_sha256";
inline constexpr std::string_view key_plan_title = "plan_title";
inline constexpr std::string_view key_unit = "unit";
inline constexpr std::string_view key_unit_name = "unit_name";
inline constexpr std::string_view key_periods = "periods";
inline constexpr std::string_view key_generator = "generator";

}  // namespace qgov::detail::workbook_layout
