// Evaluation: chooses the rule for each goal kind, records the trace, words the explanation, scores the units.
#include <qgov/eval/evaluation.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <qgov/core/chinese_numeral.hpp>
#include <qgov/formulas/goal_rules.hpp>
#include <qgov/formulas/progress_measure.hpp>
#include <qgov/formulas/projection.hpp>
#include <qgov/formulas/target_check.hpp>

namespace qgov {
namespace {

// ---------------------------------------------------------------------------------------------
// Wording helpers

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  std::string s = buf;
  // at most 2 decimals in prose, without trailing zeros: 98.5, 44000, 3.85
  if (s.find('e') == std::string::npos && s.find('.') != std::string::npos) {
    std::snprintf(buf, sizeof buf, "%.2f", v);
    s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string percent(double ratio) { return number(100.0 * ratio) + "%"; }

std::string period_zh(const period& p) {
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

std::string_view comparator_zh(comparator c) {
  switch (c) {
    case comparator::gt: return "超过";
    case comparator::ge: return "不低于";
    case comparator::lt: return "低于";
    case comparator::le: return "不高于";
    case comparator::eq: return "达到";
  }
  return "";
}

std::string_view comparator_en(comparator c) {
  switch (c) {
    case comparator::gt: return "above";
    case comparator::ge: return "at least";
    case comparator::lt: return "below";
    case comparator::le: return "at most";
    case comparator::eq: return "exactly";
  }
  return "";
}

std::string value_with_unit(double v, const std::string& unit) {
  if (unit.empty()) return number(v);
  return number(v) + (unit == "%" ? "" : " ") + unit;
}

// English prose: counters (个, 家, 项, 条) are dropped, measure words translated; unknown units kept as printed.
std::string value_with_unit_en(double v, const std::string& unit) {
  if (unit == "个" || unit == "家" || unit == "项" || unit == "条" || unit.empty()) return number(v);
  if (unit == "亩") return number(v) + " mu";
  if (unit == "分") return number(v) + " points";
  return value_with_unit(v, unit);
}


// ---------------------------------------------------------------------------------------------
// Series preparation

// The latest figure of each year (by period end; on a tie, the longer period), as Open SDG's annual points.
std::vector<const observation*> annual(const std::vector<const observation*>& obs) {
  std::map<int, const observation*> by_year;
  for (const auto* o : obs) {
    const int y = o->period.last_day().year();
    auto& slot = by_year[y];
    if (!slot || slot->period.last_day() < o->period.last_day() ||
        (slot->period.last_day() == o->period.last_day() && o->period.first_day() < slot->period.first_day()))
      slot = o;
  }
  std::vector<const observation*> out;
  for (const auto& [y, o] : by_year) out.push_back(o);
  return out;
}

// The observations of one level (or the level-less ones when `l` is nullopt).
std::vector<const observation*> of_level(const std::vector<const observation*>& obs, std::optional<level> l) {
  std::vector<const observation*> out;
  for (const auto* o : obs)
    if (o->level == l) out.push_back(o);
  return out;
}

// The figure for the period that contains the deadline, if known (e.g. the 2025 annual figure for 2025-12-31).
const observation* deciding(const std::vector<const observation*>& obs, date deadline) {
  const observation* best = nullptr;
  for (const auto* o : obs)
    if (o->period.first_day() <= deadline && deadline <= o->period.last_day())
      if (!best || o->period.first_day() < best->period.first_day()) best = o;
  return best;
}

struct verdict {
  goal_status status = goal_status::no_data;
  const observation* latest = nullptr;
  std::optional<double> projected;
  std::string reason_zh;
  std::string reason_en;
};

// ---------------------------------------------------------------------------------------------
// Progress towards a numeric target before the deadline (threshold, cumulative, all_levels, milestone fallback)

goal_status from_ratio(double r, const evaluation_policy& policy) {
  if (r >= policy.on_track_ratio) return goal_status::on_track;
  if (r >= policy.at_risk_ratio) return goal_status::at_risk;
  return goal_status::off_track;
}

void progress(verdict& v, const goal& g, const std::vector<const observation*>& series, progress_method method,
              const evaluation_policy& policy, trace& tr) {
  const auto& t = *g.target;
  const auto points = annual(series);
  tr.thresholds = {{"on_track_ratio", policy.on_track_ratio}, {"at_risk_ratio", policy.at_risk_ratio}};
  if (points.size() < 2) {
    v.status = goal_status::at_risk;
    v.reason_zh = "仅有一期数据，无法判断进度";
    v.reason_en = "only one figure so far, so the pace cannot be judged";
    tr.note = "one observation: progress needs at least two years";
    return;
  }
  const double deadline_year = g.deadline.year();
  const bool higher = higher_is_better(t.comparator).value_or(points.front()->value <= t.value);
  if (method == progress_method::open_sdg) {
    std::vector<formulas::year_value> yv;
    for (const auto* o : points) yv.push_back({static_cast<double>(o->period.last_day().year()), o->value});
    formulas::progress_config c;
    c.base_year = policy.base_year.value_or(static_cast<int>(yv.front().year));
    c.target = t.value;
    c.target_year = static_cast<int>(deadline_year);
    c.direction = higher ? 1 : -1;
    c.thresholds.high = policy.on_track_ratio;
    c.thresholds.med = policy.at_risk_ratio;
    const auto r = formulas::progress_measure(yv, c);
    tr.formula += "+open_sdg";
    tr.rule += " Before the deadline, progress is the Open SDG ratio R of observed to required compound annual growth "
               "from the base year.";
    if (r.base) tr.values.push_back({"base_year", r.base->year}), tr.values.push_back({"base_value", r.base->value});
    if (r.observed_cagr) tr.values.push_back({"observed_cagr", *r.observed_cagr});
    if (r.required_cagr) tr.values.push_back({"required_cagr", *r.required_cagr});
    if (r.progress_value) tr.values.push_back({"progress_ratio", *r.progress_value});
    if (r.score) tr.values.push_back({"open_sdg_score", *r.score});
    switch (r.status) {
      case formulas::progress_status::target_achieved:
        // Open SDG's check is inclusive; a strict target (超过) sitting on its boundary still needs a step more
        v.status = goal_status::on_track;
        v.reason_zh = "已达到目标边界，尚需超过";
        v.reason_en = "the value sits on the target's boundary and still has to pass it";
        return;
      case formulas::progress_status::not_available:
        v.status = goal_status::at_risk;
        v.reason_zh = "无法按增长率评估进度（" + std::string(formulas::to_string(r.reason)) + "）";
        v.reason_en = "progress cannot be assessed from growth rates (" + std::string(formulas::to_string(r.reason)) + ")";
        tr.note = std::string("Open SDG: not available: ") + std::string(formulas::to_string(r.reason));
        return;
      default: break;
    }
    const double ratio = *r.progress_value;
    v.status = from_ratio(ratio, policy);
    v.reason_zh = "实际增速为所需增速的" + percent(ratio);
    v.reason_en = "observed growth is " + percent(ratio) + " of the growth required";
    return;
  }
  // projections on fractional years (period ends)
  std::vector<formulas::time_point> tp;
  for (const auto* o : points) tp.push_back({o->period.end_as_year(), o->value});
  const double T = as_fractional_year(g.deadline);
  const double base = tp.front().y;
  if (method == progress_method::unsd_expected) {
    tr.formula += "+unsd_expected";
    tr.rule += " Before the deadline, the latest value is grown at its observed compound annual rate to the deadline "
               "(UNSD expected value) and compared with the change required.";
    const auto u = formulas::unsd_expected_value(tp.front(), tp.back(), t.value, T);
    if (!u) {
      v.status = goal_status::at_risk;
      v.reason_zh = "无法按增长率推算（数值非正或目标等于基期值）";
      v.reason_en = "no expected value: growth rates need positive values and a target different from the base";
      return;
    }
    tr.values.push_back({"cagr", u->cagr});
    tr.values.push_back({"expected_value", u->expected_value});
    tr.values.push_back({"expected_ratio", u->ratio});
    v.projected = u->expected_value;
  } else {
    tr.formula += "+linear_projection";
    tr.rule += " Before the deadline, a least-squares line through the figures is projected to the deadline and its "
               "expected change is compared with the change required.";
    const auto fit = formulas::fit_least_squares(tp);
    if (!fit.ok()) {
      v.status = goal_status::at_risk;
      v.reason_zh = "数据不足以拟合趋势";
      v.reason_en = "too few distinct dates to fit a trend";
      return;
    }
    const auto pr = formulas::project(fit, T);
    tr.values.push_back({"slope_per_year", fit.slope});
    tr.values.push_back({"projected_value", pr.value});
    if (pr.has_interval()) {
      tr.values.push_back({"projection_standard_error", pr.standard_error});
      tr.values.push_back({"projection_lower_95", pr.lower});
      tr.values.push_back({"projection_upper_95", pr.upper});
    }
    v.projected = pr.value;
  }
  const auto ratio = formulas::expected_ratio(*v.projected, base, t.value);
  const bool projected_meets = satisfies(*v.projected, t.comparator, t.value);
  if (ratio) tr.values.push_back({"expected_ratio", *ratio});
  v.status = projected_meets ? goal_status::on_track : ratio ? from_ratio(*ratio, policy) : goal_status::at_risk;
  v.reason_zh = "按当前趋势，到期预计为" + value_with_unit(*v.projected, t.unit);
  v.reason_en = "on the current trend the deadline value would be " + value_with_unit_en(*v.projected, t.unit);
}

// A numeric target judged on one series: met now or at the deadline, else progress.
verdict judge_target(const goal& g, const std::vector<const observation*>& series, date as_of, progress_method method,
                     const evaluation_policy& policy, trace& tr) {
  verdict v;
  if (series.empty()) {
    v.reason_zh = "尚无数据";
    v.reason_en = "no figure reported yet";
    return v;
  }
  const auto& t = *g.target;
  v.latest = series.back();
  tr.formula = "target_check";
  tr.rule = "The target is met when the value satisfies \"" + std::string(to_string(t.comparator)) + " " + number(t.value) +
            "\" exactly (no tolerance); after the deadline the figure for the period containing it decides.";
  if (as_of >= g.deadline) {
    if (const auto* final_figure = deciding(series, g.deadline)) {
      v.latest = final_figure;
      const auto chk = formulas::check_target(final_figure->value, t);
      tr.values.push_back({"deadline_value", final_figure->value});
      tr.values.push_back({"shortfall", chk.shortfall});
      v.status = chk.met ? goal_status::achieved : goal_status::missed;
      return v;
    }
    tr.note = "deadline reached; the figure for " + std::to_string(g.deadline.year()) + " is not reported yet";
  }
  const auto chk = formulas::check_target(v.latest->value, t);
  tr.values.push_back({"latest_value", v.latest->value});
  tr.values.push_back({"shortfall", chk.shortfall});
  if (chk.met) {
    v.status = goal_status::achieved;
    return v;
  }
  progress(v, g, series, method, policy, tr);
  return v;
}

verdict judge_maintain(const plan& p, const goal& g, const std::vector<const observation*>& series, date as_of,
                       const evaluation_policy& policy, trace& tr) {
  verdict v;
  const auto& t = *g.target;
  const date start = policy.maintain_window_start.value_or(p.document().issued_on);
  std::vector<const observation*> window;
  for (const auto* o : series)
    if (o->period.last_day() >= start && o->period.last_day() <= g.deadline) window.push_back(o);
  tr.formula = "maintain";
  tr.rule = "Every figure from " + to_iso(start) + " to the deadline must satisfy \"" + std::string(to_string(t.comparator)) +
            " " + number(t.value) + "\".";
  tr.values.push_back({"window_start_year", as_fractional_year(start)});
  if (window.empty()) {
    v.reason_zh = "考核期内尚无数据";
    v.reason_en = "no figure in the window yet";
    return v;
  }
  std::vector<double> values;
  for (const auto* o : window) values.push_back(o->value);
  const auto m = formulas::check_maintained(values, t.comparator, t.value);
  tr.values.push_back({"figures_checked", static_cast<double>(m.checked)});
  tr.values.push_back({"violations", static_cast<double>(m.violations)});
  v.latest = window.back();
  const bool over = as_of >= g.deadline && deciding(window, g.deadline) != nullptr;
  if (m.violations > 0) {
    const auto* bad = window[*m.first_violation];
    // a year below the line cannot be undone: missed once the deadline is reached
    v.status = as_of >= g.deadline ? goal_status::missed : goal_status::off_track;
    v.reason_zh = period_zh(bad->period) + "为" + value_with_unit(bad->value, t.unit) + "，未能保持";
    v.reason_en = "it was " + value_with_unit_en(bad->value, t.unit) + " in " + bad->period.str() + ", not maintained";
  } else {
    v.status = over ? goal_status::achieved : goal_status::on_track;
    v.reason_zh = "考核期内" + std::to_string(m.checked) + "期数据均保持在目标以内";
    v.reason_en = "all " + std::to_string(m.checked) + " figures in the window held";
    if (as_of >= g.deadline && !over) tr.note = "deadline reached; the figure for its period is not reported yet";
  }
  return v;
}

verdict judge_trend(const goal& g, const std::vector<const observation*>& series, date as_of, const evaluation_policy& policy,
                    trace& tr) {
  verdict v;
  const bool increase = g.direction.value_or(trend_direction::increase) == trend_direction::increase;
  std::vector<const observation*> until_deadline;
  for (const auto* o : series)
    if (o->period.last_day() <= g.deadline) until_deadline.push_back(o);
  const auto points = annual(until_deadline);
  tr.formula = "trend";
  tr.rule = std::string("Each year's figure must be ") + (increase ? "at least" : "at most") +
            " the year before (" + (policy.trend_flat_step_breaks ? "a flat year breaks it" : "a flat year does not break it") + ").";
  if (points.size() < 2) {
    v.latest = points.empty() ? nullptr : points.back();
    v.reason_zh = "判断趋势至少需要两年数据";
    v.reason_en = "a trend needs figures for two years";
    return v;
  }
  std::vector<double> values;
  for (const auto* o : points) values.push_back(o->value);
  auto tc = formulas::check_trend(values, increase);
  if (policy.trend_flat_step_breaks)
    for (std::size_t i = 1; i < values.size(); ++i)
      if (values[i] == values[i - 1]) {
        ++tc.steps_against;
        if (!tc.last_step_against || *tc.last_step_against < i) tc.last_step_against = i;
      }
  tr.values.push_back({"steps", static_cast<double>(tc.steps)});
  tr.values.push_back({"steps_against", static_cast<double>(tc.steps_against)});
  v.latest = points.back();
  // "achieved" needs the deciding figure; a fall, once it happened, cannot be undone
  const bool over = as_of >= g.deadline && deciding(until_deadline, g.deadline) != nullptr;
  if (as_of >= g.deadline && !over) tr.note = "deadline reached; the figure for its period is not reported yet";
  if (tc.steps_against == 0) {
    v.status = over ? goal_status::achieved : goal_status::on_track;
    v.reason_zh = increase ? "逐年提高" : "逐年下降";
    v.reason_en = increase ? "rising year on year" : "falling year on year";
  } else {
    const auto i = *tc.last_step_against;
    const bool latest_broke = i == values.size() - 1;
    v.status = as_of >= g.deadline ? goal_status::missed : latest_broke ? goal_status::off_track : goal_status::at_risk;
    v.reason_zh = period_zh(points[i]->period) + (increase ? "较上年下降" : "较上年上升");
    v.reason_en = std::string(increase ? "it fell in " : "it rose in ") + points[i]->period.str();
  }
  return v;
}

verdict judge_milestone(const plan& p, const goal& g, const std::vector<const observation*>& series, date as_of,
                        const evaluation_policy& policy, trace& tr) {
  if (!g.target) {  // a milestone without a count: done is any figure ≥ 1
    goal copy = g;
    copy.target = target{comparator::ge, 1, "", ""};
    return judge_milestone(p, copy, series, as_of, policy, tr);
  }
  verdict v;
  const auto& t = *g.target;
  tr.formula = "milestone";
  tr.rule = "Done when the count of items completed reaches " + number(t.value) +
            "; before the deadline, on track while the share done keeps pace with the share of time elapsed since the plan was issued.";
  if (series.empty()) {
    v.reason_zh = "尚无进展数据";
    v.reason_en = "no progress reported yet";
    return v;
  }
  v.latest = series.back();
  // after the deadline the figure for the deadline's period decides (a late completion does not count)
  const observation* final_figure = as_of >= g.deadline ? deciding(series, g.deadline) : nullptr;
  if (final_figure) v.latest = final_figure;
  const auto chk = formulas::check_target(v.latest->value, t);
  tr.values.push_back({"done", v.latest->value});
  if (chk.met && (final_figure || v.latest->period.last_day() <= g.deadline)) {
    v.status = goal_status::achieved;
    v.reason_zh = "已于" + period_zh(v.latest->period) + "完成";
    v.reason_en = "completed by " + v.latest->period.str();
    return v;
  }
  if (final_figure) {
    v.status = goal_status::missed;
    v.reason_zh = "到期仅完成" + number(final_figure->value) + "/" + number(t.value);
    v.reason_en = "only " + number(final_figure->value) + " of " + number(t.value) + " done by the deadline";
    return v;
  }
  if (as_of >= g.deadline) tr.note = "deadline reached; the figure for its period is not reported yet";
  const date start = p.document().issued_on;
  const auto pc = formulas::pace(v.latest->value, t.value, static_cast<double>((as_of - start).days()),
                                 static_cast<double>((g.deadline - start).days()));
  tr.values.push_back({"done_fraction", pc.done_fraction});
  tr.values.push_back({"elapsed_fraction", pc.elapsed_fraction});
  v.status = pc.on_pace() ? goal_status::on_track : goal_status::at_risk;
  v.reason_zh = "已完成" + percent(pc.done_fraction) + "，时间已过" + percent(pc.elapsed_fraction);
  v.reason_en = percent(pc.done_fraction) + " done with " + percent(pc.elapsed_fraction) + " of the time gone";
  return v;
}

// ---------------------------------------------------------------------------------------------
// Explanation

std::string units_zh(const plan& p, const goal& g) {
  std::string s;
  for (const auto& u : p.units_for(g)) s += (s.empty() ? "" : "、") + p.find_unit(u)->name;
  return s;
}

std::string units_en(const plan& p, const goal& g) {
  std::string s;
  for (const auto& u : p.units_for(g)) {
    const auto* unit = p.find_unit(u);
    s += (s.empty() ? "" : ", ") + (unit->name_en.empty() ? unit->name : unit->name_en);
  }
  return s;
}

std::string_view status_sentence_zh(goal_status s) {
  switch (s) {
    case goal_status::achieved: return "已达成";
    case goal_status::on_track: return "进度正常，预计可如期达成";
    case goal_status::at_risk: return "存在风险，需加快推进";
    case goal_status::off_track: return "进度滞后，按当前趋势难以达成";
    case goal_status::missed: return "期限已过，未达成";
    case goal_status::no_data: return "暂无数据，无法评估";
    case goal_status::not_scored: return "定性目标，跟踪但不评分";
  }
  return "";
}

std::string_view status_sentence_en(goal_status s) {
  switch (s) {
    case goal_status::achieved: return "achieved";
    case goal_status::on_track: return "on track to be met on time";
    case goal_status::at_risk: return "at risk: progress must speed up";
    case goal_status::off_track: return "off track: on the current trend it will not be met";
    case goal_status::missed: return "missed: the deadline has passed";
    case goal_status::no_data: return "no data: cannot be assessed";
    case goal_status::not_scored: return "qualitative: tracked, not scored";
  }
  return "";
}

explanation explain(const plan& p, const goal& g, const goal_result& r, const verdict& v) {
  explanation e;
  const std::string subject_en = g.name_en.empty() ? g.indicator : g.name_en;
  const std::string where_zh = g.source.kind == source_ref::kind_t::clause ? "方案第（" + chinese_numeral(g.source.number) + "）条"
                                                                          : "方案专栏" + std::to_string(g.source.number);
  const std::string where_en = std::string(to_string(g.source.kind)) + " " + std::to_string(g.source.number);
  const std::string unit = g.target ? g.target->unit : "";
  // the figure
  if (r.value && r.period) {
    e.zh = g.indicator + period_zh(*r.period) + "为" + value_with_unit(*r.value, unit);
    e.en = subject_en + ": " + value_with_unit_en(*r.value, unit) + " in " + r.period->str();
  } else {
    e.zh = g.indicator;
    e.en = subject_en;
  }
  // the target
  if (g.target) {
    e.zh += "，目标为到" + std::to_string(g.deadline.year()) + "年" + std::string(comparator_zh(g.target->comparator)) +
            value_with_unit(g.target->value, unit) + "（" + where_zh + "）";
    e.en += "; target " + std::string(comparator_en(g.target->comparator)) + " " + value_with_unit_en(g.target->value, unit) +
            " by " + to_iso(g.deadline) + " (" + where_en + ")";
  } else {
    e.zh += "（" + where_zh + "：" + g.quote + "）";
    e.en += " (" + where_en + ")";
  }
  e.zh += "；" + std::string(status_sentence_zh(r.status));
  e.en += ": " + std::string(status_sentence_en(r.status));
  if (!v.reason_zh.empty()) e.zh += "（" + v.reason_zh + "）";
  if (!v.reason_en.empty()) e.en += " (" + v.reason_en + ")";
  const auto zh_units = units_zh(p, g);
  if (!zh_units.empty()) {
    e.zh += "。责任单位：" + zh_units + "。";
    e.en += ". Accountable: " + units_en(p, g) + ".";
  } else {
    e.zh += "。";
    e.en += ".";
  }
  return e;
}

}  // namespace

goal_result evaluate_goal(const plan& p, const goal& g, const observation_ledger& ledger, date as_of, date known_as_of,
                          const evaluation_policy& policy) {
  goal_result r;
  r.goal = g.id;
  // figures for periods after the deadline do not count towards the goal (a later success is not the plan's)
  std::vector<const observation*> known;
  for (const auto* o : ledger.known(g.id, as_of, known_as_of))
    if (o->period.last_day() <= g.deadline) known.push_back(o);
  verdict v;
  trace& tr = r.trace;
  switch (g.kind) {
    case goal_kind::qualitative:
      v.status = goal_status::not_scored;
      v.latest = known.empty() ? nullptr : known.back();
      tr.formula = "qualitative";
      tr.rule = "A qualitative goal is tracked, not scored.";
      break;
    case goal_kind::threshold:
      v = judge_target(g, of_level(known, std::nullopt), as_of, policy.threshold_method, policy, tr);
      break;
    case goal_kind::cumulative:
      v = judge_target(g, of_level(known, std::nullopt), as_of, policy.cumulative_method, policy, tr);
      tr.rule += " Figures are running totals since the plan began.";
      break;
    case goal_kind::maintain:
      v = judge_maintain(p, g, of_level(known, std::nullopt), as_of, policy, tr);
      break;
    case goal_kind::trend:
      v = judge_trend(g, of_level(known, std::nullopt), as_of, policy, tr);
      break;
    case goal_kind::milestone:
      v = judge_milestone(p, g, of_level(known, std::nullopt), as_of, policy, tr);
      break;
    case goal_kind::all_levels: {
      // each level on its own; the worst decides; a level without figures leaves the goal without data
      const verdict* worst = nullptr;
      std::vector<verdict> per_level;
      std::vector<std::string> missing;
      per_level.reserve(g.levels.size());
      for (const auto& name : g.levels) {
        const auto l = parse_level(name);
        if (!l) continue;
        trace level_trace;
        per_level.push_back(judge_target(g, of_level(known, l), as_of, policy.all_levels_method, policy, level_trace));
        const auto& lv = per_level.back();
        level_result lr{*l, lv.status, std::nullopt, std::nullopt};
        if (lv.latest) lr.value = lv.latest->value, lr.period = lv.latest->period;
        r.levels.push_back(lr);
        if (lv.status == goal_status::no_data) missing.push_back(name);
        for (auto& val : level_trace.values) tr.values.push_back({name + "." + val.name, val.value});
        if (tr.formula.empty()) tr.formula = "all_levels:" + level_trace.formula, tr.rule = level_trace.rule, tr.thresholds = level_trace.thresholds;
      }
      tr.rule += " Each level (各级) is judged on its own figures; the worst level decides.";
      for (const auto& lv : per_level)
        if (!worst || severity(lv.status) > severity(worst->status)) worst = &lv;
      if (!missing.empty() || !worst) {
        v.status = goal_status::no_data;
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        v.reason_zh = "缺少以下层级的数据：" + list;
        v.reason_en = "no figures for level(s): " + list;
        if (worst) v.latest = worst->latest;
      } else {
        v = *worst;
        if (v.latest && v.latest->level) {
          v.reason_zh = std::string(v.latest->level == level::national ? "国家" : v.latest->level == level::municipal ? "市" : "区") +
                        "级" + (v.reason_zh.empty() ? "" : "：" + v.reason_zh);
          v.reason_en = std::string(to_string(*v.latest->level)) + " level" + (v.reason_en.empty() ? "" : ": " + v.reason_en);
        }
      }
      break;
    }
  }
  r.status = v.status;
  r.projected = v.projected;
  if (v.latest) {
    r.value = v.latest->value;
    r.period = v.latest->period;
  }
  for (const auto* o : known) tr.observations.push_back(*o);
  r.explanation = explain(p, g, r, v);
  return r;
}

std::vector<bureau_score> score_units(const plan& p, const std::vector<goal_result>& results, date as_of,
                                      const evaluation_policy& policy) {
  auto points = [&](goal_status s) -> std::optional<double> {
    switch (s) {
      case goal_status::achieved: return policy.points_achieved;
      case goal_status::on_track: return policy.points_on_track;
      case goal_status::at_risk: return policy.points_at_risk;
      case goal_status::off_track: return policy.points_off_track;
      case goal_status::missed: return policy.points_missed;
      case goal_status::no_data: return policy.points_no_data;
      case goal_status::not_scored: return std::nullopt;
    }
    return std::nullopt;
  };
  auto weight = [&](role r) {
    return r == role::lead ? policy.weight_lead : r == role::responsible ? policy.weight_responsible : policy.weight_supporting;
  };
  std::vector<bureau_score> out;
  for (const auto& u : p.units()) {
    bureau_score b;
    b.unit = u.id;
    double sum = 0, weights = 0;
    for (const auto& res : results) {
      const goal* g = p.find_goal(res.goal);
      if (!g) continue;
      // the strongest role the unit has in any clause carrying the goal
      std::optional<role> best;
      for (const auto& link : g->clauses)
        if (const auto* l = p.list_of(link.clause))
          if (auto r = l->role_of(u.id); r && (!best || static_cast<int>(*r) < static_cast<int>(*best))) best = r;
      if (!best) continue;
      const auto pts = points(res.status);
      if (!pts) continue;
      const double w = weight(*best);
      b.contributions.push_back({g->id, *best, w, *pts});
      sum += w * *pts;
      weights += w;
    }
    if (weights > 0) b.score = sum / weights;
    for (const auto& veto : policy.vetoes)
      if (veto.unit == u.id && veto.on <= as_of) b.vetoed = true;
    if (b.score) b.grade = formulas::grade_of(*b.score, b.vetoed);
    else if (b.vetoed) b.grade = formulas::grade::D;
    out.push_back(std::move(b));
  }
  // rank: vetoed units rank after every unit that was not, by score; ties share a rank
  std::vector<std::optional<double>> keys;
  for (const auto& b : out) keys.push_back(b.score ? std::optional(b.vetoed ? *b.score - 1000.0 : *b.score) : std::nullopt);
  const auto ranks = formulas::competition_ranks(keys);
  for (std::size_t i = 0; i < out.size(); ++i) out[i].rank = ranks[i];
  return out;
}

std::vector<clause_coverage_entry> coverage_of(const plan& p) {
  std::vector<clause_coverage_entry> out;
  for (const auto& c : p.clauses()) {
    clause_coverage_entry e{c.number, clause_coverage::none, {}};
    for (const auto& g : p.goals())
      for (const auto& link : g.clauses)
        if (link.clause == c.number) {
          e.goals.push_back(g.id);
          if (g.kind != goal_kind::qualitative) e.coverage = clause_coverage::measurable;
          else if (e.coverage == clause_coverage::none) e.coverage = clause_coverage::qualitative_only;
        }
    out.push_back(std::move(e));
  }
  return out;
}

evaluation evaluate(const plan& p, const observation_ledger& ledger, date as_of, std::optional<date> known_as_of,
                    const evaluation_policy& policy) {
  evaluation e;
  e.plan = p.id();
  e.as_of = as_of;
  e.known_as_of = known_as_of.value_or(as_of);
  for (const auto& g : p.goals()) e.goals.push_back(evaluate_goal(p, g, ledger, as_of, e.known_as_of, policy));
  e.bureaus = score_units(p, e.goals, as_of, policy);
  e.coverage = coverage_of(p);
  return e;
}

}  // namespace qgov
