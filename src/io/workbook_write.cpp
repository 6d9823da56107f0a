// The data-collection workbook of one responsible unit, written with libxlsxwriter (docs/workbooks.md).
#include <qgov/io/workbook.hpp>

#include <cmath>
#include <memory>

#include <xlsxwriter.h>

#include <qgov/core/chinese_numeral.hpp>
#include <qgov/core/error.hpp>
#include <qgov/version.hpp>

#include "detail/workbook_layout.hpp"

namespace qgov::inline QGOV_ABI {
namespace {

namespace layout = detail::workbook_layout;

// libxlsxwriter reports errors as codes; each call is checked and a failure names what was being written.
void check(lxw_error e, const std::string& what) {
  if (e != LXW_NO_ERROR) throw error("writing the workbook: " + what + ": " + lxw_strerror(e));
}

// An input cell of data row `r`: written blank in `format`, validated by `rule` (its type, criteria and bounds set
// by the caller) with these prompt and error texts; a failure names "validation of <what>".
void validated_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t col, lxw_format* format, lxw_data_validation rule,
                    std::string title, std::string message, std::string error_text, const std::string& what) {
  rule.input_title = title.data();
  rule.input_message = message.data();
  rule.error_title = title.data();
  rule.error_message = error_text.data();
  check(worksheet_write_blank(ws, r, col, format), "row " + std::to_string(r + 1));
  check(worksheet_data_validation_cell(ws, r, col, &rule), "validation of " + what);
}

// A decimal number compared with 0 by `criteria` (≥, >): the rule of the numerator and denominator cells.
lxw_data_validation compared_with_zero(decltype(lxw_data_validation::criteria) criteria) {
  lxw_data_validation rule{};
  rule.validate = LXW_VALIDATION_TYPE_DECIMAL;
  rule.criteria = criteria;
  rule.value_number = 0;
  return rule;
}

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// The target as the bureau reads it: the printed form, or the comparator with value and unit.
std::string target_text(const goal& g) {
  if (g.target) {
    std::string s(symbol(g.target->comparator));
    s += " " + number_text(g.target->value) + g.target->unit;
    if (!g.target->stated.empty()) s += "（原文：" + g.target->stated + "）";
    return s;
  }
  if (g.kind == goal_kind::trend && g.direction)
    return *g.direction == trend_direction::increase ? "逐年提高（填报当期数值）" : "逐年下降（填报当期数值）";
  if (g.kind == goal_kind::qualitative) return "定性目标（可填报相关指标数值）";
  return "—";
}

std::string clause_text(const plan& p, const goal& g) {
  std::string s;
  for (const auto& l : g.clauses) {
    if (!s.empty()) s += "、";
    s += clause_label(l.clause.value);
    if (const auto* c = p.find_clause(l.clause)) s += c->title.text;
  }
  if (s.empty()) s = g.source.kind == source_ref::kind_t::clause ? clause_label(g.source.number)
                                                                 : "专栏" + std::to_string(g.source.number);
  return s;
}

std::string_view level_zh(level l) {
  switch (l) {
    case level::national: return "国家";
    case level::municipal: return "市";
    case level::district: return "区";
  }
  return "";
}

bool takes_rate(const goal& g) { return !g.target || g.target->unit == "%"; }

lxw_datetime lxw_date(const date& d) {
  return lxw_datetime{static_cast<int>(d.year()), static_cast<int>(d.month()), static_cast<int>(d.day()), 0, 0, 0};
}

struct workbook_closer {
  void operator()(lxw_workbook* w) const noexcept {
    if (w) workbook_close(w);
  }
};

}  // namespace

bool workbook_support() noexcept { return true; }

void write_workbook(const std::filesystem::path& out, const plan& p, const unit_id& unit,
                    const std::vector<period>& periods) {
  const auto* u = p.find_unit(unit);
  if (!u) throw error("no unit \"" + unit.str() + "\" in plan " + p.id().str());
  if (periods.empty()) throw error("a workbook needs at least one period to report on");
  const auto rows = workbook_rows(p, unit, periods);
  if (rows.empty())
    throw error(u->name + " answers for no goal of plan " + p.id().str() + ": there is nothing for it to report");

  const std::string path = out.string();
  lxw_workbook_options opts{};
  opts.use_zip64 = LXW_FALSE;
  std::unique_ptr<lxw_workbook, workbook_closer> owner(workbook_new_opt(path.c_str(), &opts));
  lxw_workbook* wb = owner.get();
  if (!wb) throw error("cannot create the workbook " + path);

  std::string title = p.document().title.text + " — " + u->name + " 数据填报";
  std::string subject = "qgov " + std::string(layout::format_tag) + " plan " + p.id().str();
  std::string author = "qgov";
  lxw_doc_properties props{};
  props.title = title.data();
  props.subject = subject.data();
  props.author = author.data();
  check(workbook_set_properties(wb, &props), "document properties");

  // Formats
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_bg_color(head, 0xD9D9D9);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* input_head = workbook_add_format(wb);
  format_set_bold(input_head);
  format_set_text_wrap(input_head);
  format_set_bg_color(input_head, 0xFFE699);
  format_set_border(input_head, LXW_BORDER_THIN);
  format_set_align(input_head, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* info = workbook_add_format(wb);  // locked, shown
  format_set_text_wrap(info);
  format_set_align(info, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(info, LXW_BORDER_THIN);
  format_set_bg_color(info, 0xF2F2F2);
  lxw_format* input = workbook_add_format(wb);  // unlocked
  format_set_unlocked(input);
  format_set_border(input, LXW_BORDER_THIN);
  format_set_align(input, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(input, 0xFFF8DC);
  lxw_format* input_text = workbook_add_format(wb);
  format_set_unlocked(input_text);
  format_set_border(input_text, LXW_BORDER_THIN);
  format_set_align(input_text, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap(input_text);
  format_set_bg_color(input_text, 0xFFF8DC);
  format_set_num_format(input_text, "@");
  lxw_format* input_date = workbook_add_format(wb);
  format_set_unlocked(input_date);
  format_set_border(input_date, LXW_BORDER_THIN);
  format_set_align(input_date, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(input_date, 0xFFF8DC);
  format_set_num_format(input_date, "yyyy-mm-dd");
  lxw_format* closed = workbook_add_format(wb);  // a cell this goal does not take (no rate for a count)
  format_set_border(closed, LXW_BORDER_THIN);
  format_set_pattern(closed, LXW_PATTERN_LIGHT_UP);
  format_set_fg_color(closed, 0xBFBFBF);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_font_size(bold, 14);

  // ---- 填报: one row per goal × period (× level)
  lxw_worksheet* ws = workbook_add_worksheet(wb, std::string(layout::data_sheet).c_str());
  if (!ws) throw error("writing the workbook: cannot add the sheet " + std::string(layout::data_sheet));
  const double widths[13] = {16, 28, 46, 22, 8, 18, 9, 7, 12, 11, 11, 13, 30};
  for (lxw_col_t c = 0; c < layout::columns.size(); ++c) {
    const auto& col = layout::columns[c];
    const bool is_input = col.key == "value" || col.key == "numerator" || col.key == "denominator" ||
                          col.key == "reported_on" || col.key == "source";
    const std::string text = std::string(col.zh) + "\n" + std::string(col.key);
    check(worksheet_write_string(ws, 0, c, text.c_str(), is_input ? input_head : head), "the header");
    check(worksheet_set_column(ws, c, c, widths[c], nullptr), "column widths");
  }
  check(worksheet_set_row(ws, 0, 32, nullptr), "the header height");
  worksheet_freeze_panes(ws, 1, 2);

  lxw_row_t r = 1;
  for (const auto& row : rows) {
    const goal& g = *row.g;
    auto put = [&](lxw_col_t c, const std::string& s, lxw_format* f) {
      check(worksheet_write_string(ws, r, c, s.c_str(), f), "row " + std::to_string(r + 1));
    };
    put(0, g.id.str(), info);
    put(1, g.indicator.empty() ? g.name_en : g.indicator, info);
    put(2, g.quote, info);
    put(3, clause_text(p, g), info);
    put(4, g.target ? g.target->unit : "", info);
    put(5, target_text(g), info);
    put(6, row.period.str(), info);
    put(7, row.level ? std::string(level_zh(*row.level)) : "", info);  // 国家/市/区: read back as levels
    std::string unit_note = g.target ? "单位：" + g.target->unit : "按指标口径填报数值";
    lxw_data_validation value_rule{};
    value_rule.validate = LXW_VALIDATION_TYPE_DECIMAL;
    value_rule.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    value_rule.minimum_number = -1e15;
    value_rule.maximum_number = 1e15;
    validated_cell(ws, r, 8, input, value_rule, "数值 value",
                   unit_note + "；只填数字，不带%或单位。Number only, in the goal's unit.",
                   "请填写数字（不带%、单位或千位分隔符）。Enter a number.", "value");

    if (takes_rate(g)) {
      validated_cell(ws, r, 9, input, compared_with_zero(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO), "分子 numerator",
                     "达标（合格）数，≥ 0；与分母同时填写。Count meeting the standard, with the denominator.",
                     "分子是不小于0的数字。The numerator is a number ≥ 0.", "numerator");
      validated_cell(ws, r, 10, input, compared_with_zero(LXW_VALIDATION_CRITERIA_GREATER_THAN), "分母 denominator",
                     "总数，> 0；数值 = 100 × 分子 / 分母。Total, > 0; value = 100 × numerator / denominator.",
                     "分母是大于0的数字。The denominator is a number > 0.", "denominator");
    } else {
      check(worksheet_write_blank(ws, r, 9, closed), "row " + std::to_string(r + 1));
      check(worksheet_write_blank(ws, r, 10, closed), "row " + std::to_string(r + 1));
    }

    lxw_data_validation date_rule{};
    date_rule.validate = LXW_VALIDATION_TYPE_DATE;
    date_rule.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    date_rule.minimum_datetime = lxw_date(row.period.first_day());
    date_rule.maximum_datetime = lxw_datetime{2200, 12, 31, 0, 0, 0};
    validated_cell(ws, r, 11, input_date, date_rule, "报告日期 reported_on",
                   "数据发布（报出）日期，格式 YYYY-MM-DD，不早于 " + to_iso(row.period.first_day()) +
                       "。The date the figure was published.",
                   "请填写日期 YYYY-MM-DD，不早于期间开始 " + to_iso(row.period.first_day()) + "。", "reported_on");

    lxw_data_validation source_rule{};
    source_rule.validate = LXW_VALIDATION_TYPE_LENGTH;
    source_rule.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
    source_rule.value_number = 500;
    validated_cell(ws, r, 12, input_text, source_rule, "数据来源 source",
                   "出处：统计公报、文件编号或报送单位。Where the figure comes from.",
                   "不超过500字。At most 500 characters.", "source");
    ++r;
  }
  lxw_protection data_protection{};
  data_protection.format_columns = LXW_TRUE;
  data_protection.format_rows = LXW_TRUE;
  worksheet_protect(ws, nullptr, &data_protection);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  check(worksheet_repeat_rows(ws, 0, 0), "print titles");
  worksheet_activate(ws);

  // ---- 说明: what to fill in and how it is checked
  lxw_worksheet* guide = workbook_add_worksheet(wb, std::string(layout::instructions_sheet).c_str());
  if (!guide) throw error("writing the workbook: cannot add the sheet " + std::string(layout::instructions_sheet));
  check(worksheet_set_column(guide, 0, 0, 110, wrap), "column widths");
  const std::string per_list = [&] {
    std::string s;
    for (const auto& x : periods) s += (s.empty() ? "" : "、") + x.str();
    return s;
  }();
  const std::vector<std::string> lines{
      p.document().title.text + "（" + p.document().number.text + "）",
      "填报单位：" + u->name + (u->name_en.empty() ? "" : "（" + u->name_en + "）") + "；期间：" + per_list,
      "",
      "填报说明",
      "1. 在“填报”表黄色单元格中填写：数值（value），或分子（numerator）与分母（denominator），或三者都填；报告日期（reported_on）；数据来源（source）。灰色单元格不能修改。",
      "2. 数值只填数字，按“计量单位”列的单位，不带%、单位或千位分隔符。比率类目标可只填分子和分母，数值 = 100 × 分子 / 分母；三者都填时必须一致。",
      "3. 报告日期是数据发布或报出的日期（YYYY-MM-DD），不早于期间开始。同一目标同一期间的数据更正，另起一行并填写更晚的报告日期（请联系考核办公室增加行）。",
      "4. 暂无数据的行留空即可，不要填0，也不要加“合计”行。",
      "5. 填好后保存为 .xlsx 文件交回。不要改表名、列标题或隐藏的 qgov 表：它标明本表对应的方案，交回时据此核对，方案不符的表会被拒收。",
      "",
      "How to fill in (English)",
      "1. In the sheet 填报, fill the yellow cells: value, or numerator and denominator, or both; reported_on (the date the figure was published, YYYY-MM-DD); source. Grey cells are locked.",
      "2. Numbers only, in the unit shown, without % signs or thousands separators. For a rate, value = 100 × numerator / denominator; if all three are given they must agree.",
      "3. Leave rows without a figure empty (not 0); add no total (合计) row. Save as .xlsx and return the file; do not rename sheets or columns or touch the hidden sheet qgov, which ties the workbook to its plan.",
      "",
      "生成：qgov " + std::string(version_string) + "；方案 " + p.id().str() + "，SHA-256 " + plan_fingerprint(p),
  };
  for (lxw_row_t i = 0; i < lines.size(); ++i)
    check(worksheet_write_string(guide, i, 0, lines[i].c_str(), i == 0 || lines[i] == "填报说明" ? bold : wrap),
          "the instructions");
  lxw_protection guide_protection{};
  worksheet_protect(guide, nullptr, &guide_protection);

  // ---- qgov: the plan and unit this workbook belongs to (hidden, locked)
  lxw_worksheet* id = workbook_add_worksheet(wb, std::string(layout::identity_sheet).c_str());
  if (!id) throw error("writing the workbook: cannot add the sheet " + std::string(layout::identity_sheet));
  const std::vector<std::pair<std::string_view, std::string>> identity{
      {layout::key_format, std::string(layout::format_tag)},
      {layout::key_plan, p.id().str()},
      {layout::key_plan_sha256, plan_fingerprint(p)},
      {layout::key_plan_title, p.document().title.text},
      {layout::key_unit, u->id.str()},
      {layout::key_unit_name, u->name},
      {layout::key_periods, per_list},
      {layout::key_generator, "qgov " + std::string(version_string)},
  };
  for (lxw_row_t i = 0; i < identity.size(); ++i) {
    check(worksheet_write_string(id, i, 0, std::string(identity[i].first).c_str(), nullptr), "the identity sheet");
    check(worksheet_write_string(id, i, 1, identity[i].second.c_str(), nullptr), "the identity sheet");
  }
  lxw_protection id_protection{};
  worksheet_protect(id, nullptr, &id_protection);
  worksheet_hide(id);

  lxw_workbook* raw = owner.release();
  check(workbook_close(raw), path);
}

}  // namespace qgov
