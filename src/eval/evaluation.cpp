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
#include <qgov/render/explanation.hpp>  // the sentences are worded from the facts there

namespace qgov::inline QGOV_ABI {
namespace {

// ---------------------------------------------------------------------------------------------
// Numbers in rules and traces (the sentences are worded by render/explanation)

std::string number(double v) { return wording::format_number(v, 10); }

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
  goal_facts facts;
  void set(goal_status s, evidence f) {
    status = s;
    facts.evidence = f;
  }
};

// A figure for part of a year (a quarter, a month, a day): an annual indicator is not judged on it.
bool partial(const observation& o) { return o.period.kind() != period::kind_t::year; }

// The annual figures of a series, and the newest partial-year figure after the last of them (shown, not judged on).
std::vector<const observation*> full_years(const std::vector<const observation*>& obs, const evaluation_policy& policy,
                                           const observation** newer_partial) {
  std::vector<const observation*> out;
  *newer_partial = nullptr;
  for (const auto* o : obs)
    if (policy.partial_periods_decide || !partial(*o)) out.push_back(o);
  for (const auto* o : obs)
    if (partial(*o) && !policy.partial_periods_decide &&
        (out.empty() || o->period.last_day() > out.back()->period.last_day()) &&
        (!*newer_partial || (*newer_partial)->period.last_day() < o->period.last_day()))
      *newer_partial = o;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Progress towards a numeric target before the deadline (threshold, cumulative, all_levels)

goal_status from_ratio(double r, const evaluation_policy& policy) {
  if (r >= policy.on_track_ratio) return goal_status::on_track;
  if (r >= policy.at_risk_ratio) return goal_status::at_risk;
  return goal_status::off_track;
}

// Open SDG: the ratio of observed to required compound annual growth from the base year, on calendar years.
void progress_open_sdg(verdict& v, const goal& g, const std::vector<const observation*>& points, bool higher,
                       const evaluation_policy& policy, trace& tr) {
  const auto& t = *g.target;
  std::vector<formulas::year_value> yv;
  for (const auto* o : points) yv.push_back({static_cast<double>(o->period.last_day().year()), o->value});
  formulas::progress_config c;
  c.base_year = policy.base_year.value_or(static_cast<int>(yv.front().year));
  c.target = t.value;
  c.target_year = static_cast<int>(g.deadline.year());
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
      v.set(goal_status::on_track, evidence::on_boundary);
      return;
    case formulas::progress_status::not_available:
      v.set(goal_status::at_risk, evidence::growth_not_available);
      v.facts.growth = r.reason == formulas::not_available_reason::sign_change ? growth_problem::sign_change
                       : r.reason == formulas::not_available_reason::required_growth_zero ? growth_problem::target_equals_base
                                                                                          : growth_problem::other;
      tr.note = std::string("Open SDG: not available: ") + std::string(formulas::to_string(r.reason));
      return;
    default: break;
  }
  const double ratio = *r.progress_value;
  v.set(from_ratio(ratio, policy), evidence::growth_ratio);
  v.facts.ratio = ratio;
}

// UNSD expected value: the latest value grown at its observed compound annual rate to the deadline `T`. Sets
// v.projected; false (with the verdict set) when the growth cannot be computed.
bool project_unsd_expected(verdict& v, const std::vector<formulas::time_point>& tp, double target, double T,
                           trace& tr) {
  tr.formula += "+unsd_expected";
  tr.rule += " Before the deadline, the latest value is grown at its observed compound annual rate to the deadline "
             "(UNSD expected value) and compared with the change required.";
  const auto u = formulas::unsd_expected_value(tp.front(), tp.back(), target, T);
  if (!u) {
    v.set(goal_status::at_risk, evidence::growth_not_available);
    v.facts.growth = growth_problem::non_positive_values;
    return false;
  }
  tr.values.push_back({"cagr", u->cagr});
  tr.values.push_back({"expected_value", u->expected_value});
  tr.values.push_back({"expected_ratio", u->ratio});
  v.projected = u->expected_value;
  return true;
}

// A least-squares line through the figures, projected to the deadline `T`. Sets v.projected; false (with the
// verdict set) when no line fits.
bool project_linear(verdict& v, const std::vector<formulas::time_point>& tp, double T, trace& tr) {
  tr.formula += "+linear_projection";
  tr.rule += " Before the deadline, a least-squares line through the figures is projected to the deadline and its "
             "expected change is compared with the change required.";
  const auto fit = formulas::fit_least_squares(tp);
  if (!fit.ok()) {
    v.set(goal_status::at_risk, evidence::projection_not_available);
    return false;
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
  return true;
}

void progress(verdict& v, const goal& g, const std::vector<const observation*>& series, progress_method method,
              const evaluation_policy& policy, trace& tr) {
  const auto& t = *g.target;
  const auto points = annual(series);
  tr.thresholds = {{"on_track_ratio", policy.on_track_ratio}, {"at_risk_ratio", policy.at_risk_ratio}};
  if (points.size() < 2) {
    v.set(goal_status::at_risk, evidence::one_figure);
    tr.note = "one observation: progress needs at least two years";
    return;
  }
  const bool higher = higher_is_better(t.comparator).value_or(points.front()->value <= t.value);
  if (method == progress_method::open_sdg) {
    progress_open_sdg(v, g, points, higher, policy, tr);
    return;
  }
  // projections on fractional years (period ends)
  std::vector<formulas::time_point> tp;
  for (const auto* o : points) tp.push_back({o->period.end_as_year(), o->value});
  const double T = as_fractional_year(g.deadline);
  const double base = tp.front().y;
  const bool projected = method == progress_method::unsd_expected ? project_unsd_expected(v, tp, t.value, T, tr)
                                                                  : project_linear(v, tp, T, tr);
  if (!projected) return;
  const auto ratio = formulas::expected_ratio(*v.projected, base, t.value);
  const bool projected_meets = satisfies(*v.projected, t.comparator, t.value);
  if (ratio) tr.values.push_back({"expected_ratio", *ratio});
  // a projection that falls short of the target is never on track, whatever share of the change it covers
  goal_status s = projected_meets ? goal_status::on_track : ratio ? from_ratio(*ratio, policy) : goal_status::at_risk;
  if (!projected_meets && s == goal_status::on_track) s = goal_status::at_risk;
  v.set(s, evidence::projection);
  v.facts.ratio = ratio;
  v.facts.projected = v.projected;
}

// A numeric target judged on one series: met now or at the deadline, else progress. `annual_only`: figures for part
// of a year neither decide nor count as yearly points (threshold and all-levels goals; not running totals).
verdict judge_target(const goal& g, const std::vector<const observation*>& all, date as_of, progress_method method,
                     const evaluation_policy& policy, trace& tr, bool annual_only) {
  verdict v;
  const observation* newer_partial = nullptr;
  const std::vector<const observation*> series = annual_only ? full_years(all, policy, &newer_partial) : all;
  if (newer_partial) v.facts.partial_value = newer_partial->value, v.facts.partial_period = newer_partial->period;
  const auto& t = *g.target;
  tr.formula = "target_check";
  tr.rule = "The target is met when the value satisfies \"" + std::string(to_string(t.comparator)) + " " + number(t.value) +
            "\" exactly (no tolerance); after the deadline the figure for the period containing it decides.";
  if (annual_only && !policy.partial_periods_decide)
    tr.rule += " Figures for part of a year are shown but not judged on (an annual indicator).";
  if (series.empty()) {
    v.set(goal_status::no_data, newer_partial ? evidence::only_partial_figures : evidence::no_figure);
    if (newer_partial) v.latest = newer_partial;
    if (as_of >= g.deadline) v.facts.awaited = period::year(g.deadline.year());
    return v;
  }
  v.latest = series.back();
  if (as_of >= g.deadline) {
    if (const auto* final_figure = deciding(series, g.deadline)) {
      v.latest = final_figure;
      const auto chk = formulas::check_target(final_figure->value, t);
      const double shortfall = wording::round_decimal(chk.shortfall);
      tr.values.push_back({"deadline_value", final_figure->value});
      tr.values.push_back({"shortfall", shortfall});
      v.set(chk.met ? goal_status::achieved : goal_status::missed, chk.met ? evidence::met_at_deadline : evidence::short_at_deadline);
      if (!chk.met) v.facts.shortfall = shortfall;
      return v;
    }
    tr.note = "deadline reached; the figure for " + std::to_string(g.deadline.year()) + " is not reported yet";
    v.facts.awaited = period::year(g.deadline.year());
  }
  const auto chk = formulas::check_target(v.latest->value, t);
  tr.values.push_back({"latest_value", v.latest->value});
  tr.values.push_back({"shortfall", wording::round_decimal(chk.shortfall)});
  if (chk.met) {
    v.set(goal_status::achieved, evidence::met_early);
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
  v.facts.window_start = start;
  std::vector<const observation*> window;
  for (const auto* o : series)
    if (o->period.last_day() >= start && o->period.last_day() <= g.deadline) window.push_back(o);
  tr.formula = "maintain";
  tr.rule = "Every figure from " + to_iso(start) + " to the deadline must satisfy \"" + std::string(to_string(t.comparator)) +
            " " + number(t.value) + "\".";
  tr.values.push_back({"window_start_year", as_fractional_year(start)});
  const bool over = as_of >= g.deadline && deciding(window, g.deadline) != nullptr;
  if (as_of >= g.deadline && !over) v.facts.awaited = period::year(g.deadline.year());
  if (window.empty()) {
    v.set(goal_status::no_data, evidence::no_figure);
    return v;
  }
  std::vector<double> values;
  for (const auto* o : window) values.push_back(o->value);
  const auto m = formulas::check_maintained(values, t.comparator, t.value);
  tr.values.push_back({"figures_checked", static_cast<double>(m.checked)});
  tr.values.push_back({"violations", static_cast<double>(m.violations)});
  v.latest = window.back();
  if (m.violations > 0) {
    const auto* bad = window[*m.first_violation];
    // a year below the line cannot be undone: missed once the deadline is reached, whatever is still awaited
    v.set(as_of >= g.deadline ? goal_status::missed : goal_status::off_track, evidence::not_maintained);
    v.facts.awaited.reset();
    v.facts.broke_period = bad->period;
    v.facts.broke_value = bad->value;
  } else {
    v.set(over ? goal_status::achieved : goal_status::on_track, evidence::maintained);
    v.facts.count = m.checked;
    if (as_of >= g.deadline && !over) tr.note = "deadline reached; the figure for its period is not reported yet";
  }
  return v;
}

verdict judge_trend(const goal& g, const std::vector<const observation*>& series, date as_of, const evaluation_policy& policy,
                    trace& tr) {
  verdict v;
  const bool increase = g.direction.value_or(trend_direction::increase) == trend_direction::increase;
  v.facts.increase = increase;
  std::vector<const observation*> until_deadline;
  for (const auto* o : series)
    if (o->period.last_day() <= g.deadline) until_deadline.push_back(o);
  const observation* newer_partial = nullptr;
  const auto points = annual(full_years(until_deadline, policy, &newer_partial));
  if (newer_partial) v.facts.partial_value = newer_partial->value, v.facts.partial_period = newer_partial->period;
  tr.formula = "trend";
  tr.rule = std::string("Each year's figure must be ") + (increase ? "at least" : "at most") +
            " the year before (" + (policy.trend_flat_step_breaks ? "a flat year breaks it" : "a flat year does not break it") + ").";
  const bool over = as_of >= g.deadline && deciding(points, g.deadline) != nullptr;
  if (as_of >= g.deadline && !over) v.facts.awaited = period::year(g.deadline.year());
  if (points.size() < 2) {
    v.latest = points.empty() ? nullptr : points.back();
    v.set(goal_status::no_data, evidence::trend_too_few);
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
  if (as_of >= g.deadline && !over) tr.note = "deadline reached; the figure for its period is not reported yet";
  if (tc.steps_against == 0) {
    v.set(over ? goal_status::achieved : goal_status::on_track, evidence::trend_unbroken);
  } else {
    const auto i = *tc.last_step_against;
    const bool latest_broke = i == values.size() - 1;
    v.set(as_of >= g.deadline ? goal_status::missed : latest_broke ? goal_status::off_track : goal_status::at_risk,
          evidence::trend_broken);
    v.facts.awaited.reset();
    v.facts.broke_period = points[i]->period;
    v.facts.broke_value = points[i]->value;
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
            "; before the deadline, on track while the share done keeps pace with the share of time elapsed since the "
            "plan was issued; once the time is up without the deciding figure, off track unless done.";
  if (series.empty()) {
    v.set(goal_status::no_data, evidence::no_figure);
    if (as_of >= g.deadline) v.facts.awaited = period::year(g.deadline.year());
    return v;
  }
  v.latest = series.back();
  // after the deadline the figure for the deadline's period decides (a late completion does not count)
  const observation* final_figure = as_of >= g.deadline ? deciding(series, g.deadline) : nullptr;
  if (final_figure) v.latest = final_figure;
  const auto chk = formulas::check_target(v.latest->value, t);
  tr.values.push_back({"done", v.latest->value});
  if (chk.met && (final_figure || v.latest->period.last_day() <= g.deadline)) {
    v.set(goal_status::achieved, evidence::milestone_done);
    return v;
  }
  if (final_figure) {
    v.set(goal_status::missed, evidence::milestone_short);
    return v;
  }
  if (as_of >= g.deadline) {
    tr.note = "deadline reached; the figure for its period is not reported yet";
    v.facts.awaited = period::year(g.deadline.year());
  }
  const date start = p.document().issued_on;
  const auto pc = formulas::pace(v.latest->value, t.value, static_cast<double>((as_of - start).days()),
                                 static_cast<double>((g.deadline - start).days()));
  tr.values.push_back({"done_fraction", pc.done_fraction});
  tr.values.push_back({"elapsed_fraction", pc.elapsed_fraction});
  // all of the time gone and not done: no speeding up can help any more
  const goal_status s = pc.on_pace() ? goal_status::on_track : as_of >= g.deadline ? goal_status::off_track : goal_status::at_risk;
  v.set(s, evidence::milestone_pace);
  v.facts.done_fraction = pc.done_fraction;
  v.facts.elapsed_fraction = pc.elapsed_fraction;
  return v;
}

// How far a level's figure is from the target, in the direction that matters (larger is worse), for choosing the
// deciding level among levels of the same status.
double distance_below(const goal& g, const verdict& v) {
  if (!v.latest || !g.target) return -1e300;
  const auto hb = higher_is_better(g.target->comparator);
  if (!hb) return std::fabs(v.latest->value - g.target->value);
  return *hb ? g.target->value - v.latest->value : v.latest->value - g.target->value;
}

// An all_levels (各级) goal: each level judged on its own figures among `known`; its result goes to `levels`.
verdict judge_all_levels(const goal& g, const std::vector<const observation*>& known, date as_of,
                         const evaluation_policy& policy, trace& tr, std::vector<level_result>& levels) {
  verdict v;
  // each level on its own; the worst decides. A level without figures leaves the goal without data, unless a
  // level with figures is already as bad as the goal can be at this point: missed (after the deadline) or
  // off_track (before it) — no figure still to come can make the goal better than that.
  std::vector<verdict> per_level;
  std::vector<level> missing;
  per_level.reserve(g.levels.size());
  for (const auto& name : g.levels) {
    const auto l = parse_level(name);
    if (!l) continue;
    trace level_trace;
    per_level.push_back(judge_target(g, of_level(known, l), as_of, policy.all_levels_method, policy, level_trace, true));
    per_level.back().facts.level = *l;
    const auto& lv = per_level.back();
    level_result lr{*l, lv.status, std::nullopt, std::nullopt};
    if (lv.latest && lv.status != goal_status::no_data) lr.value = lv.latest->value, lr.period = lv.latest->period;
    levels.push_back(lr);
    if (lv.status == goal_status::no_data) missing.push_back(*l);
    for (auto& val : level_trace.values) tr.values.push_back({name + "." + val.name, val.value});
    if (tr.formula.empty()) tr.formula = "all_levels:" + level_trace.formula, tr.rule = level_trace.rule, tr.thresholds = level_trace.thresholds;
    if (!level_trace.note.empty() && tr.note.empty()) tr.note = level_trace.note;
  }
  tr.rule += " Each level (各级) is judged on its own figures; the worst level decides (among levels of the same "
             "status, the one farthest from the target); a level without figures leaves the goal without data "
             "unless another level has already missed (after the deadline) or is off track (before it).";
  const verdict* worst = nullptr;
  for (const auto& lv : per_level) {
    if (lv.status == goal_status::no_data) continue;
    if (!worst || severity(lv.status) > severity(worst->status) ||
        (severity(lv.status) == severity(worst->status) && distance_below(g, lv) > distance_below(g, *worst)))
      worst = &lv;
  }
  const goal_status decisive = as_of >= g.deadline ? goal_status::missed : goal_status::off_track;
  if (!worst || (!missing.empty() && severity(worst->status) < severity(decisive))) {
    v.set(goal_status::no_data, evidence::levels_missing);
    if (as_of >= g.deadline) v.facts.awaited = period::year(g.deadline.year());
  } else {
    v = *worst;
  }
  v.facts.missing_levels = missing;
  if (v.status == goal_status::no_data) v.facts.level.reset(), v.latest = nullptr;
  return v;
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
      v.set(goal_status::not_scored, evidence::qualitative);
      v.latest = known.empty() ? nullptr : known.back();
      tr.formula = "qualitative";
      tr.rule = "A qualitative goal is tracked, not scored.";
      break;
    case goal_kind::threshold:
      v = judge_target(g, of_level(known, std::nullopt), as_of, policy.threshold_method, policy, tr, true);
      break;
    case goal_kind::cumulative:
      v = judge_target(g, of_level(known, std::nullopt), as_of, policy.cumulative_method, policy, tr, false);
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
    case goal_kind::all_levels: v = judge_all_levels(g, known, as_of, policy, tr, r.levels); break;
  }
  r.status = v.status;
  r.projected = v.projected;
  if (v.latest && !(v.facts.evidence == evidence::only_partial_figures)) {
    r.value = v.latest->value;
    r.period = v.latest->period;
  }
  for (const auto* o : known) tr.observations.push_back(*o);
  goal_facts& f = v.facts;
  f.status = v.status;
  f.as_of = as_of;
  f.deadline_reached = as_of >= g.deadline;
  f.value = r.value;
  f.period = r.period;
  f.band_on_track = policy.on_track_ratio;
  f.band_at_risk = policy.at_risk_ratio;
  if (g.kind == goal_kind::maintain && f.window_start.is_special())
    f.window_start = policy.maintain_window_start.value_or(p.document().issued_on);
  if (f.partial_period && f.period && f.partial_period->last_day() <= f.period->last_day()) f.partial_value.reset(), f.partial_period.reset();
  r.explanation = explain_goal(p, g, f);
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
