// The one module that words results: numbers for people, the word table of each language, and the sentences of a
// goal, worded from the facts its status rests on.
#include <qgov/render/explanation.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <qgov/core/chinese_numeral.hpp>

namespace qgov::inline QGOV_ABI {
namespace wording {

// ---------------------------------------------------------------------------------------------------------------
// Numbers

std::string format_number(double v, int max_decimals) {
  if (!std::isfinite(v)) return "\u2014";
  if (max_decimals < 0) max_decimals = 0;
  if (max_decimals > 12) max_decimals = 12;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";  // −0.001 at two decimals is 0, in every front end
  return s;
}

namespace {

bool is_count_unit(std::string_view u) noexcept {
  for (std::string_view c : {"个", "家", "项", "条", "人", "次", "件", "座", "所", "批"})
    if (u == c) return true;
  return false;
}

// How `x` compares with `b`: -1, 0, 1.
int side(double x, double b) noexcept { return x < b ? -1 : x > b ? 1 : 0; }

}  // namespace

int display_decimals(std::string_view unit, int printed) noexcept {
  if (is_count_unit(unit)) return 0;
  if (unit == "%" || unit == "分") return printed + 1 > 2 ? 2 : printed + 1;
  return 2;
}

std::string display_number(double v, int decimals, std::initializer_list<double> bounds) {
  if (!std::isfinite(v)) return format_number(v);
  for (int d = decimals; d <= 6; ++d) {
    const std::string s = format_number(v, d);
    const double shown = std::strtod(s.c_str(), nullptr);
    bool same = true;
    for (double b : bounds)
      if (side(shown, b) != side(v, b)) same = false;
    if (same) return s;
  }
  return format_number(v, 10);
}

std::string display_value(double v, std::string_view unit, language l, int printed, std::initializer_list<double> bounds) {
  const std::string n = display_number(v, display_decimals(unit, printed), bounds);
  if (unit.empty()) return n;
  if (l == language::en) {
    if (is_count_unit(unit)) return n;  // counters (个, 家 …) are dropped in English
    if (unit == "%") return n + "%";
    if (unit == "亩") return n + " mu";
    if (unit == "分") return n + " points";
    return n + " " + std::string(unit);
  }
  return n + std::string(unit);
}

double round_decimal(double v) noexcept {
  if (!std::isfinite(v) || v == 0) return v;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12g", v);
  return std::strtod(buf, nullptr);
}

int printed_decimals(std::string_view stated) noexcept {
  const auto dot = stated.find('.');
  if (dot == std::string_view::npos) return 0;
  int n = 0;
  for (std::size_t i = dot + 1; i < stated.size() && stated[i] >= '0' && stated[i] <= '9'; ++i) ++n;
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Word tables

namespace {

constexpr words zh_words{
    .goal = "目标", .status = "状态", .value = "数值", .target = "目标值", .period = "期间", .explanation = "说明",
    .deadline = "期限", .projected = "预计", .kind = "类型", .level = "层级", .latest = "最新值",
    .rank = "名次", .unit = "单位", .score = "得分", .grade = "等级", .goals = "目标数", .name = "名称",
    .clause = "条款", .coverage = "覆盖情况", .note = "注", .source = "出处", .accountable = "责任单位",
    .as_of = "评估日期", .known_as_of = "数据截至", .evaluation_as_of = "评估日期", .figures_known_on = "数据截至",
    .bureau_scorecard = "部门考核计分",
    .scorecard_rule = "0–100分，按所负责目标的状态加权；A ≥ 90，B ≥ 80，C ≥ 60，D < 60；发生一票否决事件一律为D（*）",
    .coverage_line = "覆盖情况：{m}条载有可计量目标，{q}条仅有定性目标，{n}条没有目标。",
    .rising = "逐年提高", .falling = "逐年下降", .qualitative = "定性", .none_word = "无",
    .measurable = "可计量", .qualitative_only = "仅定性", .no_goal = "无目标"};

constexpr words en_words{
    .goal = "goal", .status = "status", .value = "value", .target = "target", .period = "period",
    .explanation = "explanation", .deadline = "deadline", .projected = "projected", .kind = "kind", .level = "level",
    .latest = "latest", .rank = "rank", .unit = "unit", .score = "score", .grade = "grade", .goals = "goals",
    .name = "name", .clause = "clause", .coverage = "coverage", .note = "note", .source = "source",
    .accountable = "accountable", .as_of = "as of", .known_as_of = "as known on", .evaluation_as_of = "Evaluation as of",
    .figures_known_on = "with figures known on", .bureau_scorecard = "Bureau scorecard",
    .scorecard_rule = "0-100 over the goals each unit answers for; A >= 90, B >= 80, C >= 60, D below; a veto forces D (*)",
    .coverage_line = "Coverage: {m} clauses carry a measurable goal, {q} only qualitative ones, {n} none.",
    .rising = "rising", .falling = "falling", .qualitative = "qualitative", .none_word = "none",
    .measurable = "measurable", .qualitative_only = "qualitative only", .no_goal = "none"};

}  // namespace

const words& words_for(language l) noexcept { return l == language::zh ? zh_words : en_words; }

std::string_view status_word(goal_status s, language l) noexcept {
  if (l == language::zh) return to_chinese(s);
  switch (s) {
    case goal_status::achieved: return "achieved";
    case goal_status::on_track: return "on track";
    case goal_status::at_risk: return "at risk";
    case goal_status::off_track: return "off track";
    case goal_status::missed: return "missed";
    case goal_status::no_data: return "no data";
    case goal_status::not_scored: return "not scored";
  }
  return "";
}

std::string_view status_phrase(goal_status s, language l) noexcept { return status_word(s, l); }

std::string_view kind_word(goal_kind k, language l) noexcept {
  const bool zh = l == language::zh;
  switch (k) {
    case goal_kind::threshold: return zh ? "达标" : "threshold";
    case goal_kind::cumulative: return zh ? "累计" : "cumulative";
    case goal_kind::maintain: return zh ? "保持" : "maintain";
    case goal_kind::all_levels: return zh ? "各级均达" : "all levels";
    case goal_kind::milestone: return zh ? "建成" : "milestone";
    case goal_kind::trend: return zh ? "趋势" : "trend";
    case goal_kind::qualitative: return zh ? "定性" : "qualitative";
  }
  return "";
}

namespace {

// 国家级 in Chinese either way; "national level" in English, or with `short_form` just "national".
std::string_view level_words(level v, language l, bool short_form) noexcept {
  const bool zh = l == language::zh;
  switch (v) {
    case level::national: return zh ? "国家级" : short_form ? "national" : "national level";
    case level::municipal: return zh ? "市级" : short_form ? "municipal" : "municipal level";
    case level::district: return zh ? "区级" : short_form ? "district" : "district level";
  }
  return "";
}

}  // namespace

std::string_view level_word(level v, language l) noexcept { return level_words(v, l, false); }

std::string_view level_short(level v, language l) noexcept { return level_words(v, l, true); }

std::string period_words(const period& p, language l) {
  if (l != language::zh) return p.str();
  const std::string y = std::to_string(p.year_number()) + "年";
  const auto d = p.last_day();
  switch (p.kind()) {
    case period::kind_t::year: return y;
    case period::kind_t::quarter: return y + "第" + std::to_string((p.first_day().month() - 1) / 3 + 1) + "季度";
    case period::kind_t::month: return y + std::to_string(d.month()) + "月";
    case period::kind_t::day: return y + std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
  }
  return y;
}

std::string date_words(date d, language l) {
  if (l != language::zh) return to_iso(d);
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
}

std::string_view comparator_words(comparator c, language l) noexcept {
  const bool zh = l == language::zh;
  switch (c) {
    case comparator::gt: return zh ? "超过" : "above";
    case comparator::ge: return zh ? "不低于" : "at least";
    case comparator::lt: return zh ? "低于" : "below";
    case comparator::le: return zh ? "不高于" : "at most";
    case comparator::eq: return zh ? "达到" : "exactly";
  }
  return "";
}

}  // namespace wording

// -------------------------------------------------------------------------------------------------------------------
// Sentences

namespace {

using namespace wording;

struct voice {
  language l;
  bool zh() const { return l == language::zh; }
};

// "保持在30%以上" / "at least 30%": a floor or a ceiling in the right words.
std::string held_words(comparator c, const std::string& tv, language l) {
  const bool zh = l == language::zh;
  switch (c) {
    case comparator::ge: return zh ? "保持在" + tv + "以上" : "at least " + tv;
    case comparator::gt: return zh ? "保持高于" + tv : "above " + tv;
    case comparator::le: return zh ? "保持在" + tv + "以下" : "at most " + tv;
    case comparator::lt: return zh ? "保持低于" + tv : "below " + tv;
    case comparator::eq: return zh ? "保持为" + tv : "exactly " + tv;
  }
  return tv;
}

std::string percent(double fraction, std::initializer_list<double> bounds_fraction) {
  // bounds given as fractions; compared in percent
  if (bounds_fraction.size() == 0) return display_number(100 * fraction, 2) + "%";
  double b[4] = {0, 0, 0, 0};
  std::size_t n = 0;
  for (double x : bounds_fraction)
    if (n < 4) b[n++] = 100 * x;
  const std::string s = n == 1   ? display_number(100 * fraction, 2, {b[0]})
                        : n == 2 ? display_number(100 * fraction, 2, {b[0], b[1]})
                                 : display_number(100 * fraction, 2, {b[0], b[1], b[2]});
  return s + "%";
}

std::string list_levels(const std::vector<level>& levels, language l) {
  std::string s;
  for (const auto v : levels) s += (s.empty() ? "" : (l == language::zh ? "、" : ", ")) + std::string(level_word(v, l));
  return s;
}

// The sentence of one language.
std::string sentence(const goal& g, const goal_facts& f, language l, const std::string& units) {
  const bool zh = l == language::zh;
  const std::string unit = g.target ? g.target->unit : "";
  const int printed = g.target ? printed_decimals(g.target->stated) : 0;
  const bool has_target = g.target.has_value();
  const double tvalue = has_target ? g.target->value : 0;
  auto val = [&](double v) {
    return has_target ? display_value(v, unit, l, printed, {tvalue}) : display_value(v, unit, l, printed);
  };
  const std::string tv = has_target ? display_value(tvalue, unit, l, 6) : "";
  const std::string subject = zh ? g.indicator : (g.name_en.empty() ? g.id.str() : g.name_en);
  std::string s;

  // 1. the figure quoted, with its level and period
  s = subject;
  if (f.level) s += zh ? "（" + std::string(level_word(*f.level, l)) + "，以最差层级为准）"
                       : " (" + std::string(level_word(*f.level, l)) + ", the worst level decides)";
  if (f.value && f.period) s += zh ? period_words(*f.period, l) + "为" + val(*f.value)
                                   : ": " + val(*f.value) + " in " + period_words(*f.period, l);
  if (f.partial_value && f.partial_period)
    s += zh ? "（" + period_words(*f.partial_period, l) + "为" + val(*f.partial_value) + "，属年内部分期间数据，不作判定依据）"
            : " (" + val(*f.partial_value) + " in " + period_words(*f.partial_period, l) +
                  ", a figure for part of the year, not judged on)";

  // 2. the target and where the plan states it
  const std::string where_zh = g.source.kind == source_ref::kind_t::clause ? "方案第（" + chinese_numeral(g.source.number) + "）条"
                                                                          : "方案专栏" + std::to_string(g.source.number);
  const std::string where_en = std::string(to_string(g.source.kind)) + " " + std::to_string(g.source.number);
  const std::string year = std::to_string(g.deadline.year());
  if (g.kind == goal_kind::maintain && has_target) {
    s += zh ? "，目标为" + std::to_string(f.window_start.year()) + "年至" + year + "年" + held_words(g.target->comparator, tv, l) +
                  "（" + where_zh + "）"
            : "; target: " + held_words(g.target->comparator, tv, l) + " from " + to_iso(f.window_start) + " to " +
                  to_iso(g.deadline) + " (" + where_en + ")";
  } else if (has_target) {
    s += zh ? "，目标为到" + year + "年" + std::string(comparator_words(g.target->comparator, l)) + tv + "（" + where_zh + "）"
            : "; target " + std::string(comparator_words(g.target->comparator, l)) + " " + tv + " by " + to_iso(g.deadline) +
                  " (" + where_en + ")";
  } else if (g.kind == goal_kind::trend) {
    s += zh ? "，目标为" + std::string(f.increase ? "逐年提高" : "逐年下降") + "（" + where_zh + "：" + g.quote + "）"
            : "; target: " + std::string(f.increase ? "rising" : "falling") + " year on year to " + to_iso(g.deadline) +
                  " (" + where_en + ")";
  } else {
    s += zh ? "（" + where_zh + "：" + g.quote + "）" : " (" + where_en + ")";
  }

  // 3. the deadline, and what is awaited after it
  s += zh ? "；" : ": ";
  const bool passed = f.as_of > g.deadline;
  if (f.deadline_reached) {
    s += zh ? "期限（" + date_words(g.deadline, l) + "）" + (passed ? "已过" : "已到")
            : "the deadline (" + to_iso(g.deadline) + ") " + (passed ? "has passed" : "has been reached");
    if (f.awaited)
      s += zh ? "，尚待" + period_words(*f.awaited, l) + "数据；按已有数据"
              : " and the figure for " + period_words(*f.awaited, l) + " is awaited; on the figures so far, ";
    else
      s += zh ? "，" : "; ";
  }
  const bool ahead = !f.deadline_reached;  // "预计可如期达成" only before the deadline

  // 4. the status, in words that match it, and why
  const std::string word(status_word(f.status, l));
  const auto pace_zh = [&] { return "已完成" + percent(f.done_fraction, {f.elapsed_fraction}) + "，时间已过" + percent(f.elapsed_fraction, {f.done_fraction}); };
  const auto pace_en = [&] {
    return percent(f.done_fraction, {f.elapsed_fraction}) + " done with " + percent(f.elapsed_fraction, {f.done_fraction}) + " of the time gone";
  };
  const std::string floor = has_target ? held_words(g.target->comparator, tv, l) : "";
  const std::string fell_zh = f.increase ? "较上年下降" : "较上年上升";
  const std::string fell_en = f.increase ? "it fell in " : "it rose in ";
  std::string why_zh, why_en;
  switch (f.evidence) {
    case evidence::no_figure: why_zh = "尚无数据"; why_en = "nothing reported yet"; break;
    case evidence::only_partial_figures:
      why_zh = "仅有年内部分期间数据，不作判定依据";
      why_en = "only figures for parts of a year, which an annual goal is not judged on";
      break;
    case evidence::one_figure:
      why_zh = "仅有一期全年数据，尚无法判断进度";
      why_en = "only one yearly figure so far, so the pace cannot be judged";
      break;
    case evidence::met_early:
      why_zh = f.deadline_reached ? "此前已达到目标" : "提前达成，期限前已达到目标";
      why_en = f.deadline_reached ? "the target was reached before the deadline" : "ahead of the deadline";
      break;
    case evidence::met_at_deadline:
      why_zh = "到期数据达到目标";
      why_en = "the figure for the deadline's period meets the target";
      break;
    case evidence::short_at_deadline: {
      const bool pct = unit == "%";
      const double sf = f.shortfall.value_or(0);
      const std::string n = display_number(sf, display_decimals(unit, printed), {0.0});
      why_zh = "到期数据与目标相差" + n + (pct ? "个百分点" : unit);
      why_en = (pct ? n + " percentage points" : has_target ? display_value(sf, unit, l, printed, {0.0}) : n) +
               " short of the target";
      break;
    }
    case evidence::on_boundary:
      why_zh = "已达到目标边界，尚需超过";
      why_en = "the value sits on the target's boundary and still has to pass it";
      break;
    case evidence::growth_ratio: {
      const std::string r = percent(f.ratio.value_or(0), {f.band_on_track, f.band_at_risk});
      why_zh = "实际增速为所需增速的" + r;
      why_en = "observed growth is " + r + " of the growth required";
      break;
    }
    case evidence::growth_not_available: {
      switch (f.growth) {
        case growth_problem::sign_change:
          why_zh = "基期值与最新值符号相反，无法按增长率评估进度";
          why_en = "the base and latest values have opposite signs, so growth rates cannot judge the pace";
          break;
        case growth_problem::target_equals_base:
          why_zh = "目标等于基期值，无法按增长率评估进度";
          why_en = "the target equals the base value, so growth rates cannot judge the pace";
          break;
        default:
          why_zh = "无法按增长率评估进度";
          why_en = "growth rates cannot judge the pace";
      }
      break;
    }
    case evidence::projection: {
      const std::string pv = f.projected ? val(*f.projected) : "";
      const bool meets = f.projected && has_target && satisfies(*f.projected, g.target->comparator, tvalue);
      why_zh = "按当前趋势，到期预计为" + pv + (meets ? "" : "，未达目标");
      why_en = "on the current trend the deadline value would be " + pv + (meets ? "" : ", short of the target");
      break;
    }
    case evidence::projection_not_available:
      why_zh = "数据不足以推算趋势";
      why_en = "too few figures to project a trend";
      break;
    case evidence::maintained:
      why_zh = "考核期内" + std::to_string(f.count) + "期数据均" + floor;
      why_en = f.count == 1 ? "the 1 figure in the window is " + floor
                            : "all " + std::to_string(f.count) + " figures in the window are " + floor;
      break;
    case evidence::not_maintained:
      why_zh = (f.broke_period ? period_words(*f.broke_period, l) : "") + "为" + (f.broke_value ? val(*f.broke_value) : "") +
               "，未能" + floor;
      why_en = "it was " + (f.broke_value ? val(*f.broke_value) : "") + " in " +
               (f.broke_period ? period_words(*f.broke_period, l) : "") + ", not " + floor;
      break;
    case evidence::trend_unbroken:
      why_zh = f.increase ? "逐年提高" : "逐年下降";
      why_en = f.increase ? "rising year on year" : "falling year on year";
      break;
    case evidence::trend_broken:
      why_zh = (f.broke_period ? period_words(*f.broke_period, l) : "") + fell_zh;
      why_en = fell_en + (f.broke_period ? period_words(*f.broke_period, l) : "");
      break;
    case evidence::trend_too_few:
      why_zh = "判断趋势至少需要两年数据";
      why_en = "a trend needs figures for two years";
      break;
    case evidence::milestone_done:
      why_zh = "已于" + (f.period ? period_words(*f.period, l) : "") + "完成";
      why_en = "completed by " + (f.period ? period_words(*f.period, l) : "");
      break;
    case evidence::milestone_short:
      why_zh = "到期仅完成" + (f.value ? display_number(*f.value, 2, {tvalue}) : "0") + "/" + display_number(tvalue, 6);
      why_en = "only " + (f.value ? display_number(*f.value, 2, {tvalue}) : "0") + " of " + display_number(tvalue, 6) + " done";
      break;
    case evidence::milestone_pace: why_zh = pace_zh(); why_en = pace_en(); break;
    case evidence::levels_missing:
      why_zh = "缺少" + list_levels(f.missing_levels, l) + "数据，其余层级尚无定论";
      why_en = "no figures for the " + list_levels(f.missing_levels, language::en) + ", nothing decisive at the others";
      break;
    case evidence::qualitative: break;
  }
  std::string st;
  switch (f.status) {
    case goal_status::achieved: st = zh ? word : word; break;
    case goal_status::on_track:
      st = zh ? (ahead ? "进度正常，预计可如期达成" : word) : (ahead ? "on track to be met on time" : word);
      break;
    case goal_status::at_risk: {
      const bool speed_up = f.evidence == evidence::growth_ratio || f.evidence == evidence::projection || f.evidence == evidence::milestone_pace;
      st = zh ? (speed_up && ahead ? "存在风险，需加快推进" : word) : (speed_up && ahead ? "at risk: progress must speed up" : word);
      break;
    }
    case goal_status::off_track:
      st = zh ? (ahead ? "进度滞后，按当前趋势难以如期达成" : "进度滞后") : (ahead ? "off track: on the current trend it will not be met" : word);
      break;
    case goal_status::missed: st = word; break;
    case goal_status::no_data: st = zh ? "暂无数据，无法评估" : "no data: cannot be assessed"; break;
    case goal_status::not_scored: st = zh ? "定性目标，跟踪但不评分" : "qualitative: tracked, not scored"; break;
  }
  s += st;
  const std::string& why = zh ? why_zh : why_en;
  if (!why.empty()) s += zh ? "（" + why + "）" : " (" + why + ")";
  if (!f.missing_levels.empty() && f.evidence != evidence::levels_missing)
    s += zh ? "；" + list_levels(f.missing_levels, l) + "尚无数据" : "; no figures yet for the " + list_levels(f.missing_levels, l);

  // 5. who answers for it
  if (!units.empty()) s += zh ? "。责任单位：" + units + "。" : ". Accountable: " + units + ".";
  else s += zh ? "。" : ".";
  return s;
}

}  // namespace

explanation explain_goal(const plan& p, const goal& g, const goal_facts& f) {
  std::string units_zh, units_en;
  for (const auto& u : p.units_for(g)) {
    const auto* unit = p.find_unit(u);
    if (!unit) continue;
    units_zh += (units_zh.empty() ? "" : "、") + unit->name;
    units_en += (units_en.empty() ? "" : ", ") + (unit->name_en.empty() ? unit->name : unit->name_en);
  }
  return explanation{sentence(g, f, language::zh, units_zh), sentence(g, f, language::en, units_en)};
}

}  // namespace qgov
