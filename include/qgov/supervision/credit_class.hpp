// qgov/supervision/credit_class.hpp — credit-risk classes of clause （二十七）'s 信用监管, with the reasons for each.
#pragma once

#include <qgov/version.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/core/enum_names.hpp>
#include <qgov/supervision/enterprise.hpp>

namespace qgov::inline QGOV_ABI::supervision {

/// One class of a scheme: the code written in files (`A`, `良好`), its Chinese and English names.
struct class_label {
  std::string code;
  std::string zh;
  std::string en;
  friend bool operator==(const class_label&, const class_label&) = default;
};

/// The trigger thresholds of a classification scheme. The defaults are those of 津政办发〔2017〕99号 as summarised
/// in research §9; fines are in fen (1 yuan = 100 fen) so that 10万元 compares exactly.
struct credit_thresholds {
  /// "5条以下 … 警示", "超过5条、10条以下 … 失信", "超过10条 … 严重失信".
  std::int64_t warning_max_penalties = 5;
  std::int64_t dishonest_max_penalties = 10;
  /// "罚没款金额累计10万元以下 … 警示", "超过10万元、50万元以下 … 失信", "超过50万元 … 严重失信" (in fen).
  std::int64_t warning_max_fines_fen = 100'000'00;
  std::int64_t dishonest_max_fines_fen = 500'000'00;
  /// true: a figure equal to a limit stays in the lower class (以下 includes the number, 超过 excludes it, as
  /// 民法典 第一千二百五十九条 defines them). false: reaching the limit already moves up. Default true.
  bool limits_inclusive = true;
  /// false (PROPOSED): 警告 decisions do not count towards the 5/10 penalty limits; they still make a record adverse.
  bool count_warnings = false;
  /// The class each list reaches (index: list_flag). Defaults per the 2017 scheme: 经营异常 and 拒不配合检查 → 警示,
  /// 严重违法企业名单 → 失信, 失信被执行人 → 严重失信.
  std::array<risk_level, list_flag_count> list_level{risk_level::general, risk_level::general, risk_level::elevated,
                                                     risk_level::high};
  friend bool operator==(const credit_thresholds&, const credit_thresholds&) = default;
};

/// A classification scheme: four classes in order of risk, and the thresholds that place an enterprise in one.
struct credit_scheme {
  std::string id;    ///< `tianjin-2017` or `national-2022`, or a user's
  std::string name;  ///< the source document
  std::array<class_label, 4> labels;
  credit_thresholds thresholds;
  friend bool operator==(const credit_scheme&, const credit_scheme&) = default;

  /// 《天津市市场主体信用风险分类办法》 津政办发〔2017〕99号: 良好/警示/失信/严重失信 (绿/黄/红/黑).
  [[nodiscard]] static credit_scheme tianjin_2017() {
    return {"tianjin-2017",
            "《天津市市场主体信用风险分类办法》 津政办发〔2017〕99号",
            {{{"良好", "良好", "good"},
              {"警示", "警示", "warning"},
              {"失信", "失信", "dishonest"},
              {"严重失信", "严重失信", "seriously dishonest"}}},
            {}};
  }
  /// 国市监信发〔2022〕6号: A 信用风险低 … D 信用风险高. Its indicator thresholds are not published: the Tianjin
  /// triggers are used (PROPOSED), mapping 良好→A, 警示→B, 失信→C, 严重失信→D.
  [[nodiscard]] static credit_scheme national_2022() {
    return {"national-2022",
            "《市场监管总局关于推进企业信用风险分类管理进一步提升监管效能的意见》 国市监信发〔2022〕6号",
            {{{"A", "A类（信用风险低）", "A (low risk)"},
              {"B", "B类（信用风险一般）", "B (general risk)"},
              {"C", "C类（信用风险较高）", "C (elevated risk)"},
              {"D", "D类（信用风险高）", "D (high risk)"}}},
            {}};
  }

  [[nodiscard]] const class_label& label(risk_level l) const noexcept { return labels[static_cast<std::size_t>(l)]; }

  /// The class a file names: the code (`A`, `良好`), the English name, or the level name (`low` … `high`).
  [[nodiscard]] std::optional<risk_level> parse_class(std::string_view s) const noexcept {
    for (std::size_t i = 0; i < labels.size(); ++i)
      if (s == labels[i].code || s == labels[i].en || s == to_string(static_cast<risk_level>(i)))
        return static_cast<risk_level>(i);
    return std::nullopt;
  }
  /// "良好, 警示, 失信, 严重失信": for messages.
  [[nodiscard]] std::string codes() const {
    std::string s;
    for (const auto& l : labels) s += (s.empty() ? "" : ", ") + l.code;
    return s;
  }
};

/// What placed an enterprise in a class.
enum class trigger {
  no_adverse_record,  ///< nothing adverse: the lowest class
  assigned,           ///< the directory gives the class (e.g. from the national system)
  penalty_record,     ///< any administrative penalty (警告 included) or any fine
  penalty_count,      ///< the number of penalties passes a limit
  fine_amount,        ///< the accumulated 罚没款 passes a limit
  listed,             ///< on a list (经营异常名录, 严重违法企业名单, 失信被执行人, 拒不配合检查)
};

inline constexpr std::array<enum_name<trigger>, 6> trigger_names{{{trigger::no_adverse_record, "no_adverse_record"},
                                                                    {trigger::assigned, "assigned"},
                                                                    {trigger::penalty_record, "penalty_record"},
                                                                    {trigger::penalty_count, "penalty_count"},
                                                                    {trigger::fine_amount, "fine_amount"},
                                                                    {trigger::listed, "listed"}}};

[[nodiscard]] constexpr std::string_view to_string(trigger t) noexcept { return name_in(trigger_names, t); }

/// One trigger that fired: the class it reaches, the figure, the limit it passed, and a sentence in both languages.
struct classification_reason {
  trigger kind = trigger::no_adverse_record;
  risk_level reaches = risk_level::low;
  std::string figure;     ///< e.g. "6" penalties, "100000.01" yuan, "dishonest_debtor"
  std::string threshold;  ///< e.g. "> 5", "> 100000.00"; empty when the trigger has none
  std::string zh;
  std::string en;
  bool decisive = false;  ///< reaches the final class
  friend bool operator==(const classification_reason&, const classification_reason&) = default;
};

/// An enterprise's class and every trigger that fired (most severe first, then in the order checked).
struct classification {
  enterprise_id enterprise;
  risk_level level = risk_level::low;
  std::vector<classification_reason> reasons;
  friend bool operator==(const classification&, const classification&) = default;
};

namespace detail {

/// Fen as yuan with two decimals: 10000001 → "100000.01".
[[nodiscard]] inline std::string yuan_text(std::int64_t fen) {
  const bool neg = fen < 0;
  const auto v = static_cast<std::uint64_t>(neg ? -(fen + 1) : fen) + (neg ? 1u : 0u);
  std::string cents = std::to_string(v % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return (neg ? "-" : "") + std::to_string(v / 100) + "." + cents;
}

}  // namespace detail

/// The class alone, without the reasons (what the draw needs for each of many enterprises). Always equal to
/// classify(e, scheme).level (a property test checks it).
[[nodiscard]] inline risk_level classify_level(const enterprise& e, const credit_scheme& scheme) noexcept {
  const credit_thresholds& t = scheme.thresholds;
  const credit_record& r = e.record;
  auto passes = [&](std::int64_t v, std::int64_t limit) { return t.limits_inclusive ? v > limit : v >= limit; };
  auto raise = [](risk_level& l, risk_level to) {
    if (to > l) l = to;
  };
  risk_level l = e.assigned.value_or(risk_level::low);
  if (r.penalties > 0 || r.fines_fen > 0) raise(l, risk_level::general);
  const std::int64_t counted = t.count_warnings ? r.penalties : r.penalties - r.warnings;
  if (passes(counted, t.dishonest_max_penalties)) raise(l, risk_level::high);
  else if (passes(counted, t.warning_max_penalties)) raise(l, risk_level::elevated);
  if (passes(r.fines_fen, t.dishonest_max_fines_fen)) raise(l, risk_level::high);
  else if (passes(r.fines_fen, t.warning_max_fines_fen)) raise(l, risk_level::elevated);
  for (auto f : r.lists) raise(l, t.list_level[static_cast<std::size_t>(f)]);
  return l;
}

/// Classifies one enterprise under `scheme`: the class is the most severe any trigger reaches. Pure.
[[nodiscard]] inline classification classify(const enterprise& e, const credit_scheme& scheme) {
  const credit_thresholds& t = scheme.thresholds;
  classification c{e.id, risk_level::low, {}};
  auto label = [&](risk_level l) { return scheme.label(l); };
  auto add = [&](trigger k, risk_level l, std::string figure, std::string threshold, std::string zh, std::string en) {
    c.reasons.push_back({k, l, std::move(figure), std::move(threshold), std::move(zh), std::move(en), false});
  };
  // "passes" a limit: > limit when limits are inclusive (以下 includes the number), ≥ limit otherwise
  auto passes = [&](std::int64_t v, std::int64_t limit) { return t.limits_inclusive ? v > limit : v >= limit; };
  const std::string op = t.limits_inclusive ? "> " : "≥ ";
  const std::string op_zh = t.limits_inclusive ? "超过" : "达到";

  if (e.assigned) {
    const auto& l = label(*e.assigned);
    add(trigger::assigned, *e.assigned, l.code, "", "名录给定信用风险分类为" + l.zh, "the directory assigns class " + l.en);
  }
  const auto& r = e.record;
  if (r.penalties > 0 || r.fines_fen > 0) {
    add(trigger::penalty_record, risk_level::general,
        std::to_string(r.penalties) + " penalties, " + detail::yuan_text(r.fines_fen) + " yuan", "> 0",
        "有行政处罚信用信息（" + std::to_string(r.penalties) + "条，罚没款" + detail::yuan_text(r.fines_fen) +
            "元），至少为" + label(risk_level::general).zh,
        "has administrative penalty records (" + std::to_string(r.penalties) + ", fines " +
            detail::yuan_text(r.fines_fen) + " yuan): at least " + label(risk_level::general).en);
  }
  const std::int64_t counted = t.count_warnings ? r.penalties : r.penalties - r.warnings;
  const std::string counted_zh = t.count_warnings ? "行政处罚" : "行政处罚（不计警告）";
  const std::string counted_en = t.count_warnings ? "penalties" : "penalties other than warnings";
  if (passes(counted, t.dishonest_max_penalties)) {
    add(trigger::penalty_count, risk_level::high, std::to_string(counted), op + std::to_string(t.dishonest_max_penalties),
        counted_zh + std::to_string(counted) + "条，" + op_zh + std::to_string(t.dishonest_max_penalties) + "条，为" +
            label(risk_level::high).zh,
        std::to_string(counted) + " " + counted_en + ", " + op + std::to_string(t.dishonest_max_penalties) + ": " +
            label(risk_level::high).en);
  } else if (passes(counted, t.warning_max_penalties)) {
    add(trigger::penalty_count, risk_level::elevated, std::to_string(counted), op + std::to_string(t.warning_max_penalties),
        counted_zh + std::to_string(counted) + "条，" + op_zh + std::to_string(t.warning_max_penalties) + "条，为" +
            label(risk_level::elevated).zh,
        std::to_string(counted) + " " + counted_en + ", " + op + std::to_string(t.warning_max_penalties) + ": " +
            label(risk_level::elevated).en);
  }
  const std::string f = detail::yuan_text(r.fines_fen);
  if (passes(r.fines_fen, t.dishonest_max_fines_fen)) {
    const std::string lim = detail::yuan_text(t.dishonest_max_fines_fen);
    add(trigger::fine_amount, risk_level::high, f, op + lim,
        "罚没款累计" + f + "元，" + op_zh + lim + "元，为" + label(risk_level::high).zh,
        "fines and confiscations total " + f + " yuan, " + op + lim + ": " + label(risk_level::high).en);
  } else if (passes(r.fines_fen, t.warning_max_fines_fen)) {
    const std::string lim = detail::yuan_text(t.warning_max_fines_fen);
    add(trigger::fine_amount, risk_level::elevated, f, op + lim,
        "罚没款累计" + f + "元，" + op_zh + lim + "元，为" + label(risk_level::elevated).zh,
        "fines and confiscations total " + f + " yuan, " + op + lim + ": " + label(risk_level::elevated).en);
  }
  for (std::size_t i = 0; i < list_flag_count; ++i) {
    const auto flag = static_cast<list_flag>(i);
    bool on = false;
    for (auto x : r.lists) on = on || x == flag;
    if (!on) continue;
    const risk_level l = t.list_level[i];
    add(trigger::listed, l, std::string(to_string(flag)), "",
        "列入" + std::string(to_chinese(flag)) + "，为" + label(l).zh,
        std::string(to_english(flag)) + ": " + label(l).en);
  }
  for (const auto& x : c.reasons)
    if (x.reaches > c.level) c.level = x.reaches;
  if (c.reasons.empty())
    add(trigger::no_adverse_record, risk_level::low, "", "", "无不良信用信息，为" + label(risk_level::low).zh,
        "no adverse credit record: " + label(risk_level::low).en);
  for (auto& x : c.reasons) x.decisive = x.reaches == c.level;
  std::stable_sort(c.reasons.begin(), c.reasons.end(),
                   [](const classification_reason& a, const classification_reason& b) { return a.reaches > b.reaches; });
  return c;
}

}  // namespace qgov::supervision
