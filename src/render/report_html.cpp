// The scorecard report as one self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched.
// The same figures as render_text/render_markdown and the JSON; the status words carry the meaning, the colours and
// symbols only help the eye.
#include <qgov/render/report_html.hpp>
#include <qgov/render/explanation.hpp>

#include "detail/html.hpp"

#include <qgov/core/chinese_numeral.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <map>
#include <sstream>

#include <qgov/version.hpp>

#include "detail/bureau_pages.hpp"

namespace qgov::inline QGOV_ABI {
namespace {

// report_css_bytes, report_css_size: src/detail/report.css, embedded at build time (cmake/embed_text.cmake)
#include "detail/report_css.inc"

constexpr goal_status all_statuses[] = {goal_status::achieved, goal_status::on_track, goal_status::at_risk,
                                        goal_status::off_track, goal_status::missed, goal_status::no_data,
                                        goal_status::not_scored};

/// Text made safe for HTML element content and attribute values.
std::string esc(std::string_view s) { return escape_markup(s, html_markup); }

// A symbol per status, distinct in shape so that the page reads in grey print and for colour-blind readers.
std::string_view symbol_of(goal_status s) {
  switch (s) {
    case goal_status::achieved: return "\u2713";    // ✓
    case goal_status::on_track: return "\u2192";    // →
    case goal_status::at_risk: return "!";
    case goal_status::off_track: return "\u2198";   // ↘
    case goal_status::missed: return "\u2717";      // ✗
    case goal_status::no_data: return "?";
    case goal_status::not_scored: return "\u2013";  // –
  }
  return "";
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Up to two decimals, trailing zeros dropped: 98.40 → 98.4, 9.00 → 9 (the one formatter of render/explanation).
std::string trimmed(double v) { return wording::format_number(v, 2); }

// Full precision for data attributes, so tests and scrapers read the figure the evaluation used.
std::string exact(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12g", v);
  return buf;
}

// A figure for people: rounded by unit (counts whole, rates to the plan's printed precision), never on the wrong
// side of the target because of rounding.
std::string with_unit_in(double v, const goal* g, language lang) {
  if (!g || !g->target) return trimmed(v);
  return wording::display_value(v, g->target->unit, lang == language::en ? language::en : language::zh,
                                wording::printed_decimals(g->target->stated), {g->target->value});
}

std::string_view unit_kind_words(unit_kind k, language l) {
  if (l != language::zh) return to_string(k);
  switch (k) {
    case unit_kind::district_bureau: return "区级部门";
    case unit_kind::branch_office: return "垂管分支机构";
    case unit_kind::customs: return "海关";
    case unit_kind::judicial_organ: return "司法机关";
    case unit_kind::party_mass_organisation: return "党群组织";
    case unit_kind::collective: return "街道园区";
  }
  return "";
}


/// The worst status among the goals linked to a clause ("none" when no goal is linked).
std::string clause_status(const evaluation& e, const std::vector<goal_id>& goals) {
  if (goals.empty()) return "none";
  int worst = 0;
  goal_status worst_status = goal_status::not_scored;
  bool any_no_data = false;
  for (const auto& id : goals) {
    const auto* r = find_result(e, id);
    if (!r) continue;
    if (r->status == goal_status::no_data) any_no_data = true;
    if (severity(r->status) > worst) worst = severity(r->status), worst_status = r->status;
  }
  if (worst == 0) worst_status = any_no_data ? goal_status::no_data : goal_status::not_scored;
  return std::string(to_string(worst_status));
}

// How far the latest value has come towards the target, 0–1, for the progress bar. Targets read from zero up
// (≥, >), down to the value (≤, <: target / value) or as a distance (=).
std::optional<double> progress_fraction(const target& t, double v) {
  double f = 0;
  switch (t.comparator) {
    case comparator::ge:
    case comparator::gt: f = t.value > 0 ? v / t.value : (v >= t.value ? 1 : 0); break;
    case comparator::le:
    case comparator::lt: f = v > 0 ? t.value / v : 1; break;
    case comparator::eq: f = t.value != 0 ? 1 - std::abs(v - t.value) / std::abs(t.value) : (v == t.value ? 1 : 0); break;
  }
  if (!std::isfinite(f)) return std::nullopt;
  return std::clamp(f, 0.0, 1.0);
}

class page {
public:
  page(const evaluation& e, const plan& p, language lang) : e_(e), p_(p), lang_(lang) {}

  std::string render() {
    head();
    os_ << detail::print_summary_html(e_, p_, lang_);  // page 1 in print (src/detail/bureau_pages.cpp)
    summary();
    goals();
    scorecard();
    os_ << detail::bureau_sections_html(e_, p_, lang_);  // one section (one printed page) per unit
    matrix();
    coverage();
    os_ << "<footer><p>" << label("由 qgov ", "Generated by qgov ") << esc(version_string)
        << label("生成。状态、评分与责任矩阵的规则见 docs/formulas.md；示例数据仅供演示。",
                 ". Rules for statuses, scores and the matrix: docs/formulas.md. Sample figures are illustrative.")
        << "</p></footer>\n</body>\n</html>\n";
    return os_.str();
  }

private:
  const evaluation& e_;
  const plan& p_;
  language lang_;
  std::ostringstream os_;

  // A label in the report's language(s): "中文 English" for both.
  // A figure in the report's language: counters (个, 家 …) dropped and 亩 as mu in English.
  std::string with_unit(double v, const goal* g) const { return with_unit_in(v, g, lang_); }

  std::string label(std::string_view zh, std::string_view en) const {
    if (lang_ == language::zh) return std::string(zh);
    if (lang_ == language::en) return std::string(en);
    return std::string(zh) + " " + std::string(en);
  }

  // Words of the report's language(s) from the one word table (render/explanation).
  std::string kind_shown(goal_kind k) const {
    if (lang_ == language::both) return label(wording::kind_word(k, language::zh), wording::kind_word(k, language::en));
    return std::string(wording::kind_word(k, lang_));
  }
  std::string level_shown(level l) const {
    if (lang_ == language::both) return label(wording::level_short(l, language::zh), wording::level_short(l, language::en));
    return std::string(wording::level_short(l, lang_));
  }
  std::string period_shown(const period& p) const { return wording::period_words(p, lang_ == language::zh ? language::zh : language::en); }
  std::string coverage_shown(clause_coverage c) const {
    const auto& zh = wording::words_for(language::zh);
    const auto& en = wording::words_for(language::en);
    auto pick = [&](const wording::words& w) {
      return std::string(c == clause_coverage::measurable ? w.measurable : c == clause_coverage::qualitative_only ? w.qualitative_only : w.no_goal);
    };
    return label(pick(zh), pick(en));
  }
  static std::string convention_zh(role_convention c) {
    switch (c) {
      case role_convention::first_listed_leads: return "首列单位牵头";
      case role_convention::all_responsible: return "均为负责";
      case role_convention::explicit_roles: return "逐一标注";
    }
    return "";
  }

  std::string status_words(goal_status s) const {
    if (lang_ == language::zh) return std::string(to_chinese(s));
    if (lang_ == language::en) return std::string(to_string(s));
    return std::string(to_string(s)) + " " + std::string(to_chinese(s));
  }

  std::string badge(goal_status s) const {
    return "<span class=\"badge s-" + std::string(to_string(s)) + "\" data-status=\"" + std::string(to_string(s)) +
           "\"><span class=\"sym\" aria-hidden=\"true\">" + std::string(symbol_of(s)) + "</span> " + esc(status_words(s)) + "</span>";
  }

  std::string unit_name(const unit_id& u) const {
    const auto* x = p_.find_unit(u);
    if (!x) return u.str();
    return lang_ == language::en && !x->name_en.empty() ? x->name_en : x->name;
  }

  std::string unit_link(const unit_id& u) const {
    return "<a class=\"unit\" href=\"#unit-" + esc(u.str()) + "\" data-unit=\"" + esc(u.str()) + "\">" + esc(unit_name(u)) + "</a>";
  }

  std::string clause_link(int n) const {
    const auto* c = p_.find_clause(clause_number{n});
    std::string title = c ? c->title.text : "";
    return "<a class=\"clause\" href=\"#clause-" + std::to_string(n) + "\" title=\"" + esc(title) + "\">" + clause_label(n) + "</a>";
  }

  std::string source_label(const source_ref& s) const {
    if (s.kind == source_ref::kind_t::clause) return clause_link(s.number);
    return "专栏" + std::to_string(s.number);
  }

  void head() {
    const auto& d = p_.document();
    os_ << "<!DOCTYPE html>\n<html lang=\"" << (lang_ == language::en ? "en" : "zh-CN") << "\">\n<head>\n"
        << "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"generator\" content=\"qgov " << esc(version_string) << "\">\n"
        << "<title>" << esc(d.title.text) << " — " << label("考核报告", "scorecard report") << " " << to_iso(e_.as_of)
        << "</title>\n<style>\n" << css() << detail::bureau_pages_css(e_, p_, lang_) << "</style>\n</head>\n<body>\n<header class=\"doc\">\n"
        << "<h1>" << esc(d.title.text);
    if (lang_ != language::zh && !d.title_en.empty()) os_ << " <span class=\"en\">" << esc(d.title_en) << "</span>";
    os_ << "</h1>\n<p class=\"meta\">" << esc(d.number.text) << " · " << esc(d.issuer.text) << " · "
        << esc(d.issued_on_text.text) << "</p>\n<p class=\"meta\">" << label("评估日期", "Evaluated as of") << " <b>"
        << to_iso(e_.as_of) << "</b>";
    if (e_.known_as_of != e_.as_of) os_ << label("，数据截至", ", with figures known on") << " <b>" << to_iso(e_.known_as_of) << "</b>";
    os_ << " · " << label("方案", "plan") << " <code>" << esc(e_.plan.str()) << "</code></p>\n"
        << "<nav><a href=\"#summary\">" << label("概览", "Summary") << "</a> <a href=\"#goals\">" << label("目标", "Goals")
        << "</a> <a href=\"#scorecard\">" << label("部门考核", "Scorecard") << "</a> <a href=\"#matrix\">"
        << label("责任矩阵", "Matrix") << "</a> <a href=\"#coverage\">" << label("覆盖情况", "Coverage") << "</a></nav>\n"
        << "</header>\n";
  }

  void summary() {
    std::map<goal_status, int> counts;
    for (const auto& r : e_.goals) ++counts[r.status];
    os_ << "<section id=\"summary\">\n<h2>" << label("概览", "Summary") << "</h2>\n<ul class=\"counts\">\n";
    for (auto s : all_statuses)
      os_ << "<li class=\"count s-" << to_string(s) << "\" data-status=\"" << to_string(s) << "\" data-count=\""
          << counts[s] << "\"><span class=\"sym\" aria-hidden=\"true\">" << symbol_of(s) << "</span> <b>" << counts[s]
          << "</b> " << esc(status_words(s)) << "</li>\n";
    os_ << "</ul>\n<p class=\"total\">" << e_.goals.size() << label(" 项目标", " goals") << "</p>\n<ol class=\"toc\">\n";
    for (const auto& r : e_.goals)
      os_ << "<li><a class=\"s-" << to_string(r.status) << "\" href=\"#" << esc(r.goal.str()) << "\" data-goal=\""
          << esc(r.goal.str()) << "\" data-status=\"" << to_string(r.status) << "\"><span class=\"sym\" aria-hidden=\"true\">"
          << symbol_of(r.status) << "</span> " << esc(r.goal.str()) << "</a></li>\n";
    os_ << "</ol>\n";
    legend();
    os_ << "</section>\n";
  }

  void legend() {
    os_ << "<ul class=\"legend\">\n";
    for (auto s : all_statuses) os_ << "<li>" << badge(s) << "</li>\n";
    os_ << "</ul>\n";
  }

  void goals() {
    os_ << "<section id=\"goals\">\n<h2>" << label("目标", "Goals") << "</h2>\n";
    for (const auto& r : e_.goals) {
      const goal* g = p_.find_goal(r.goal);
      if (g) goal_block(*g, r);
    }
    os_ << "</section>\n";
  }

  void goal_block(const goal& g, const goal_result& r) {
    const std::string st(to_string(r.status));
    os_ << "<article class=\"goal s-" << st << "\" id=\"" << esc(g.id.str()) << "\" data-goal=\"" << esc(g.id.str())
        << "\" data-status=\"" << st << "\" data-kind=\"" << to_string(g.kind) << "\"";
    if (r.value) os_ << " data-value=\"" << exact(*r.value) << "\"";
    if (r.period) os_ << " data-period=\"" << esc(r.period->str()) << "\"";
    if (g.target) os_ << " data-comparator=\"" << to_string(g.target->comparator) << "\" data-target=\"" << exact(g.target->value) << "\"";
    if (r.projected) os_ << " data-projected=\"" << exact(*r.projected) << "\"";
    os_ << ">\n<header>" << badge(r.status) << " <h3>" << esc(g.indicator);
    if (lang_ != language::zh && !g.name_en.empty()) os_ << " <span class=\"en\">" << esc(g.name_en) << "</span>";
    os_ << "</h3> <code class=\"gid\">" << esc(g.id.str()) << "</code></header>\n<div class=\"body\">\n<div class=\"facts\">\n<dl>\n";
    os_ << "<dt>" << label("最新值", "Latest") << "</dt><dd class=\"value\">"
        << (r.value ? esc(with_unit(*r.value, &g)) : std::string("—")) << (r.period ? " <small>(" + esc(period_shown(*r.period)) + ")</small>" : "")
        << "</dd>\n<dt>" << label("目标", "Target") << "</dt><dd>";
    if (g.target) os_ << esc(symbol(g.target->comparator)) << " " << esc(with_unit(g.target->value, &g)) << " <small>(" << esc(g.target->stated) << ")</small>";
    else if (g.direction) os_ << esc(label(*g.direction == trend_direction::increase ? "逐年提高" : "逐年下降",
                                           *g.direction == trend_direction::increase ? "rising" : "falling"));
    else os_ << label("定性", "qualitative");
    os_ << "</dd>\n<dt>" << label("期限", "Deadline") << "</dt><dd>" << to_iso(g.deadline) << "</dd>\n";
    if (r.projected)
      os_ << "<dt>" << label("预计", "Projected") << "</dt><dd>" << esc(with_unit(*r.projected, &g)) << " <small>("
          << label("期限时", "at the deadline") << ")</small></dd>\n";
    os_ << "<dt>" << label("类型", "Kind") << "</dt><dd>" << kind_shown(g.kind) << "</dd>\n</dl>\n";
    progress_bar(g, r);
    if (!r.levels.empty()) {
      os_ << "<table class=\"levels\"><tr><th>" << label("层级", "level") << "</th><th>" << label("状态", "status") << "</th><th>"
          << label("值", "value") << "</th></tr>\n";
      for (const auto& l : r.levels)
        os_ << "<tr data-level=\"" << to_string(l.level) << "\"><td>" << level_shown(l.level) << "</td><td>" << badge(l.status)
            << "</td><td>" << (l.value ? esc(with_unit(*l.value, &g)) : std::string("—"))
            << (l.period ? " <small>(" + esc(period_shown(*l.period)) + ")</small>" : "") << "</td></tr>\n";
      os_ << "</table>\n";
    }
    if (lang_ != language::en) os_ << "<p class=\"expl\" lang=\"zh-CN\">" << esc(r.explanation.zh) << "</p>\n";
    if (lang_ != language::zh) os_ << "<p class=\"expl\" lang=\"en\">" << esc(r.explanation.en) << "</p>\n";
    // the trace's note is English; in Chinese the sentence above already says what the deadline leaves awaited
    if (!r.trace.note.empty() && lang_ != language::zh)
      os_ << "<p class=\"note\">" << label("注", "Note") << ": " << esc(r.trace.note) << "</p>\n";
    os_ << "<blockquote lang=\"zh-CN\"><p>“" << esc(g.quote) << "”</p><footer>" << label("出处", "Source") << " "
        << source_label(g.source) << ", " << label("第", "line ") << p_.position_of(g.span).line << label("行", "")
        << "</footer></blockquote>\n";
    for (const auto& s : g.restatements)
      os_ << "<blockquote class=\"restated\" lang=\"zh-CN\"><p>“" << esc(s.quote) << "”</p><footer>" << label("重申于", "Restated in")
          << " " << source_label(s.source) << "</footer></blockquote>\n";
    if (!g.clauses.empty()) {
      os_ << "<p class=\"clauses\">" << label("落实条款", "Carried out by") << ": ";
      bool first = true;
      for (const auto& c : g.clauses) {
        os_ << (first ? "" : " ") << clause_link(c.clause.value);
        if (c.link == link_type::assigned)
          os_ << "<abbr title=\"" << esc(label("归口指派：", "assigned: ") + c.rationale) << "\">*</abbr>";
        first = false;
      }
      os_ << "</p>\n";
    }
    const auto units = p_.units_for(g);
    os_ << "<p class=\"units\">" << label("责任单位", "Accountable") << " (" << units.size() << "): ";
    for (std::size_t i = 0; i < units.size(); ++i) os_ << (i ? (lang_ == language::en ? ", " : "、") : "") << unit_link(units[i]);
    if (units.empty()) os_ << "—";
    os_ << "</p>\n</div>\n";
    chart(g, r);
    os_ << "</div>\n</article>\n";
  }

  void progress_bar(const goal& g, const goal_result& r) {
    if (!g.target) return;
    if (!r.value) {
      os_ << "<div class=\"progress empty\" data-status=\"no_data\"><span class=\"sym\" aria-hidden=\"true\">?</span> "
          << label("暂无数据，无法计算进度", "no figure: progress cannot be shown") << "</div>\n";
      return;
    }
    const auto f = progress_fraction(*g.target, *r.value);
    if (!f) return;
    const std::string pct = fixed(*f * 100, 1);
    const bool met = satisfies(*r.value, g.target->comparator, g.target->value);
    std::string how;
    switch (g.target->comparator) {
      case comparator::ge:
      case comparator::gt: how = label("值/目标", "value / target"); break;
      case comparator::le:
      case comparator::lt: how = label("目标/值（越低越好）", "target / value (lower is better)"); break;
      case comparator::eq: how = label("与目标的接近程度", "closeness to the exact target"); break;
    }
    os_ << "<div class=\"progress\" role=\"img\" aria-label=\"" << pct << "%\" data-fraction=\"" << fixed(*f, 4) << "\">"
        << "<div class=\"track\"><div class=\"fill s-" << to_string(r.status) << "\" style=\"width:" << pct << "%\"></div></div>"
        << "<span class=\"pct\">" << pct << "% <small>" << esc(how) << (met ? label("，已满足", ", met") : "") << "</small></span></div>\n";
  }

  // A small trajectory: the figures used (x = period end, y = value), the target line, the deadline and the projection.
  void chart(const goal& g, const goal_result& r) {
    const auto& obs = r.trace.observations;
    os_ << "<figure class=\"chart\">";
    if (obs.empty()) {
      os_ << "<div class=\"nofig\" data-status=\"" << to_string(r.status) << "\"><span class=\"sym\" aria-hidden=\"true\">?</span> "
          << label("无可用数据", "no figures") << "<br><small>" << esc(status_words(r.status)) << "</small></div></figure>\n";
      return;
    }
    constexpr double W = 340, H = 150, L = 46, R = 14, T = 12, B = 24;
    double x0 = as_fractional_year(p_.document().issued_on), x1 = as_fractional_year(g.deadline);
    double y0 = obs.front().value, y1 = obs.front().value;
    for (const auto& o : obs) {
      const double x = o.period.end_as_year();
      x0 = std::min(x0, x), x1 = std::max(x1, x);
      y0 = std::min(y0, o.value), y1 = std::max(y1, o.value);
    }
    if (g.target) y0 = std::min(y0, g.target->value), y1 = std::max(y1, g.target->value);
    if (r.projected) y0 = std::min(y0, *r.projected), y1 = std::max(y1, *r.projected);
    if (y1 - y0 < 1e-9) y0 -= 1, y1 += 1;
    const double pad = (y1 - y0) * 0.12;
    y0 -= pad, y1 += pad;
    x0 -= 0.15, x1 += 0.15;
    auto sx = [&](double x) { return L + (x - x0) / (x1 - x0) * (W - L - R); };
    auto sy = [&](double y) { return T + (y1 - y) / (y1 - y0) * (H - T - B); };
    auto n = [](double v) { return fixed(v, 1); };
    os_ << "<svg viewBox=\"0 0 " << W << " " << H << "\" width=\"" << W << "\" height=\""
        << H << "\" role=\"img\" aria-label=\"" << esc(g.id.str()) << "\"><title>" << esc(g.indicator) << "</title>\n"
        << "<rect x=\"" << L << "\" y=\"" << T << "\" width=\"" << W - L - R << "\" height=\"" << H - T - B << "\" class=\"plot\"/>\n";
    // year ticks at year ends: an annual figure refers to the last day of its year
    const int first_year = static_cast<int>(std::ceil(x0)), last_year = static_cast<int>(std::floor(x1));
    const int step = std::max(1, (last_year - first_year) / 6 + 1);
    for (int y = first_year; y <= last_year; y += step)
      os_ << "<line class=\"grid\" x1=\"" << n(sx(y)) << "\" x2=\"" << n(sx(y)) << "\" y1=\"" << T << "\" y2=\"" << H - B
          << "\"/><text class=\"tick\" x=\"" << n(sx(y)) << "\" y=\"" << H - B + 14 << "\" text-anchor=\"middle\">" << y - 1
          << "</text>\n";  // a grid line at 1 January of y marks the end of y − 1, where that year's figure stands
    for (double v : {y0 + pad, y1 - pad})
      os_ << "<text class=\"tick\" x=\"" << L - 4 << "\" y=\"" << n(sy(v) + 3) << "\" text-anchor=\"end\">" << esc(trimmed(v)) << "</text>\n";
    // deadline
    const double dx = sx(as_fractional_year(g.deadline));
    os_ << "<line class=\"deadline\" x1=\"" << n(dx) << "\" x2=\"" << n(dx) << "\" y1=\"" << T << "\" y2=\"" << H - B
        << "\"><title>" << label("期限", "deadline") << " " << to_iso(g.deadline) << "</title></line>\n";
    // target
    if (g.target) {
      const double ty = sy(g.target->value);
      os_ << "<line class=\"target\" x1=\"" << L << "\" x2=\"" << W - R << "\" y1=\"" << n(ty) << "\" y2=\"" << n(ty)
          << "\"><title>" << label("目标", "target") << " " << esc(symbol(g.target->comparator)) << " " << esc(with_unit(g.target->value, &g))
          << "</title></line>\n<text class=\"tlabel\" x=\"" << L + 3 << "\" y=\"" << n(ty - 3) << "\">"
          << esc(symbol(g.target->comparator)) << " " << esc(trimmed(g.target->value)) << "</text>\n";
    }
    // one series per level (most goals have only the unlevelled one)
    std::map<int, std::vector<const observation*>> series;
    for (const auto& o : obs) series[o.level ? static_cast<int>(*o.level) : -1].push_back(&o);
    const observation* last = nullptr;
    for (auto& [lv, points] : series) {
      std::sort(points.begin(), points.end(), [](const observation* a, const observation* b) { return a->period < b->period; });
      const std::string cls = lv < 0 ? "line" : "line lv" + std::to_string(lv);
      os_ << "<polyline class=\"" << cls << "\" points=\"";
      for (const auto* o : points) os_ << n(sx(o->period.end_as_year())) << "," << n(sy(o->value)) << " ";
      os_ << "\"/>\n";
      for (const auto* o : points)
        os_ << "<circle class=\"pt\" cx=\"" << n(sx(o->period.end_as_year())) << "\" cy=\"" << n(sy(o->value)) << "\" r=\"3\"><title>"
            << esc(period_shown(o->period)) << (o->level ? " " + level_shown(*o->level) : "") << ": " << esc(with_unit(o->value, &g))
            << "</title></circle>\n";
      if (lv >= 0)
        os_ << "<text class=\"tick\" x=\"" << n(sx(points.back()->period.end_as_year()) + 5) << "\" y=\""
            << n(sy(points.back()->value) + 3) << "\">" << level_shown(static_cast<level>(lv)) << "</text>\n";
      if (!last || last->period < points.back()->period) last = points.back();
    }
    if (r.projected && last) {
      os_ << "<line class=\"proj\" x1=\"" << n(sx(last->period.end_as_year())) << "\" y1=\"" << n(sy(last->value)) << "\" x2=\""
          << n(dx) << "\" y2=\"" << n(sy(*r.projected)) << "\"/><circle class=\"projpt\" cx=\"" << n(dx) << "\" cy=\""
          << n(sy(*r.projected)) << "\" r=\"3.5\"><title>" << label("预计", "projected") << " " << esc(with_unit(*r.projected, &g))
          << "</title></circle>\n";
    }
    os_ << "</svg>\n<figcaption>" << label("点：所用数据；虚线：目标；竖线：期限；刻度为年末", "dots: figures used; dashed: target; vertical: deadline; ticks at year ends");
    if (r.projected) os_ << label("；空心点：预计值", "; hollow dot: projection");
    os_ << "</figcaption></figure>\n";
  }

  void scorecard() {
    const auto order = units_by_rank(e_);
    os_ << "<section id=\"scorecard\">\n<h2>" << label("部门考核计分", "Bureau scorecard") << "</h2>\n<p class=\"hint\">"
        << esc(label("0–100分，按所负责目标的状态加权（牵头2，负责1）；A ≥ 90，B ≥ 80，C ≥ 60，D < 60；发生区域性、系统性质量安全事件一律为D（*）。",
                 "0–100 over the goals each unit answers for (weight: lead 2, responsible 1); A ≥ 90, B ≥ 80, C ≥ 60, D below 60; a veto event forces D (*)."))
        << "</p>\n<table class=\"scorecard\">\n<thead><tr><th>" << label("名次", "rank") << "</th><th>" << label("单位", "unit")
        << "</th><th>" << label("类别", "kind") << "</th><th>" << label("得分", "score") << "</th><th>" << label("等级", "grade")
        << "</th><th>" << label("目标数", "goals") << "</th></tr></thead>\n<tbody>\n";
    for (const auto* b : order) {
      const auto* u = p_.find_unit(b->unit);
      os_ << "<tr id=\"unit-" << esc(b->unit.str()) << "\" data-unit=\"" << esc(b->unit.str()) << "\"";
      if (b->grade) os_ << " data-grade=\"" << formulas::to_string(*b->grade) << "\"";
      if (b->score) os_ << " data-score=\"" << exact(*b->score) << "\"";
      os_ << "><td class=\"num\">" << (b->rank ? std::to_string(*b->rank) : "—") << "</td><td class=\"name\">"
          << esc(u ? u->name : b->unit.str());
      if (u && lang_ != language::zh && !u->name_en.empty()) os_ << "<br><small>" << esc(u->name_en) << "</small>";
      os_ << "</td><td><small>" << (u ? unit_kind_words(u->kind, lang_) : "") << "</small></td><td class=\"score\">";
      if (b->score)
        os_ << "<span class=\"sbar\"><span style=\"width:" << fixed(std::clamp(*b->score, 0.0, 100.0), 1) << "%\"></span></span> "
            << fixed(*b->score, 1);
      else os_ << "—";
      os_ << "</td><td>";
      if (b->grade) {
        const std::string gr(formulas::to_string(*b->grade));
        os_ << "<span class=\"grade g-" << gr << "\">" << gr << (b->vetoed ? "*" : "") << "</span> <small>"
            << esc(grade_words(*b->grade, b->vetoed)) << "</small>";
      } else {
        os_ << "— <small>" << label("无可评分目标", "no scored goal") << "</small>";
      }
      os_ << "</td><td class=\"num\">" << b->contributions.size() << "</td></tr>\n";
    }
    os_ << "</tbody>\n</table>\n</section>\n";
  }

  std::string grade_words(formulas::grade g, bool vetoed) const {
    if (vetoed) return label("一票否决", "veto");
    switch (g) {
      case formulas::grade::A: return label("90分及以上", "90 and above");
      case formulas::grade::B: return label("80–90分", "80 to under 90");
      case formulas::grade::C: return label("60–80分", "60 to under 80");
      case formulas::grade::D: return label("60分以下", "below 60");
    }
    return "";
  }

  void matrix() {
    std::map<int, std::string> status_of;
    for (const auto& c : e_.coverage) status_of[c.clause.value] = clause_status(e_, c.goals);
    auto clause_st = [&](int n) { auto it = status_of.find(n); return it == status_of.end() ? std::string("none") : it->second; };
    auto sym = [](const std::string& st) -> std::string {
      auto s = parse_goal_status(st);
      return s ? std::string(symbol_of(*s)) : std::string("·");
    };
    std::size_t cells = 0;
    for (const auto& l : p_.matrix()) cells += l.cells.size();
    const std::string nc = std::to_string(p_.matrix().size()), nu = std::to_string(p_.units().size()), nx = std::to_string(cells);
    os_ << "<section id=\"matrix\">\n<h2>" << label("条款 × 责任单位矩阵", "Clause × unit responsibility matrix") << "</h2>\n<p class=\"hint\">"
        << esc(label(nc + " 个条款（列）× " + nu + " 个单位（行），共 " + nx + " 个单元格。单元格颜色与列首符号为该条款所关联目标中最差的状态；字母为该单位的角色。",
                     nc + " clauses (columns) × " + nu + " units (rows), " + nx + " cells. A cell's colour and its column's symbol show the worst status among the goals linked to the clause; the letter is the unit's role."))
        << "</p>\n<div class=\"mwrap\"><table class=\"matrix\" id=\"matrix-table\">\n<thead><tr><th class=\"corner\">"
        << label("单位 \\ 条款", "unit \\ clause") << "</th>";
    for (const auto& l : p_.matrix()) {
      const int n = l.clause.value;
      const auto* c = p_.find_clause(l.clause);
      const std::string st = clause_st(n);
      os_ << "<th class=\"c s-" << st << "\" data-clause=\"" << n << "\" data-status=\"" << st << "\" title=\""
          << esc(clause_label(n) + (c ? c->title.text : "") + " — " + st) << "\"><a href=\"#clause-" << n << "\">" << n
          << "</a><br><span class=\"sym\">" << sym(st) << "</span></th>";
    }
    os_ << "<th>L/R/S</th></tr></thead>\n<tbody>\n";
    for (const auto& u : p_.units()) {
      os_ << "<tr data-unit=\"" << esc(u.id.str()) << "\"><th class=\"uname\" title=\"" << esc(u.name + " " + u.name_en) << "\">"
          << esc(lang_ == language::en && !u.name_en.empty() ? u.name_en : u.name) << "</th>";
      int lead = 0, resp = 0, sup = 0;
      for (const auto& l : p_.matrix()) {
        const auto r = l.role_of(u.id);
        if (!r) {
          os_ << "<td class=\"empty\"></td>";
          continue;
        }
        (*r == role::lead ? lead : *r == role::responsible ? resp : sup)++;
        const std::string st = clause_st(l.clause.value);
        const char letter = *r == role::lead ? 'L' : *r == role::responsible ? 'R' : 'S';
        os_ << "<td class=\"cell s-" << st << (*r == role::lead ? " lead" : "") << "\" data-unit=\"" << esc(u.id.str())
            << "\" data-clause=\"" << l.clause.value << "\" data-role=\"" << to_string(*r) << "\" data-status=\"" << st
            << "\" title=\"" << esc(u.name + " · " + clause_label(l.clause.value) + " · " + std::string(to_string(*r)) + " · " + st)
            << "\">" << letter << "</td>";
      }
      os_ << "<td class=\"num tot\">" << lead << "/" << resp << "/" << sup << "</td></tr>\n";
    }
    os_ << "</tbody>\n</table></div>\n<ul class=\"legend\">\n";
    for (auto s : all_statuses) os_ << "<li>" << badge(s) << "</li>\n";
    os_ << "<li><span class=\"badge s-none\" data-status=\"none\"><span class=\"sym\">·</span> " << label("无关联目标", "no goal linked")
        << "</span></li>\n<li><b>L</b> " << label("牵头", "lead") << " · <b>R</b> " << label("负责", "responsible") << " · <b>S</b> "
        << label("配合", "supporting") << " · " << label("空白：未列名", "blank: not named") << " <small>(" << label("角色约定", "convention")
        << ": " << (lang_ == language::zh ? convention_zh(p_.convention()) : to_string(p_.convention())) << ")</small></li>\n</ul>\n</section>\n";
  }

  void coverage() {
    int counts[3] = {0, 0, 0};
    for (const auto& c : e_.coverage) ++counts[static_cast<int>(c.coverage)];
    os_ << "<section id=\"coverage\">\n<h2>" << label("方案覆盖情况", "Plan coverage") << "</h2>\n<p class=\"hint\">"
        << label(std::to_string(counts[0]) + " 条有可量化目标，" + std::to_string(counts[1]) + " 条仅有定性目标，" + std::to_string(counts[2]) + " 条无目标。",
                 std::to_string(counts[0]) + " clauses carry a measurable goal, " + std::to_string(counts[1]) + " only qualitative ones, " +
                     std::to_string(counts[2]) + " none.") << "</p>\n<table class=\"coverage\">\n<thead><tr><th>"
        << label("条款", "clause") << "</th><th>" << label("覆盖", "coverage") << "</th><th>" << label("目标", "goals") << "</th><th>"
        << label("责任单位数", "units named") << "</th></tr></thead>\n<tbody>\n";
    for (const auto& c : e_.coverage) {
      const auto* cl = p_.find_clause(c.clause);
      const std::string cov(to_string(c.coverage));
      const char* mark = c.coverage == clause_coverage::measurable ? "\u25CF" : c.coverage == clause_coverage::qualitative_only ? "\u25D0" : "\u25CB";
      os_ << "<tr id=\"clause-" << c.clause.value << "\" data-clause=\"" << c.clause.value << "\" data-coverage=\"" << cov
          << "\"><td>" << clause_label(c.clause.value) << esc(cl ? cl->title.text : "") << "</td><td class=\"cov-" << cov
          << "\"><span class=\"sym\" aria-hidden=\"true\">" << mark << "</span> " << coverage_shown(c.coverage) << "</td><td>";
      for (std::size_t i = 0; i < c.goals.size(); ++i) {
        const auto* r = find_result(e_, c.goals[i]);
        const std::string st = r ? std::string(to_string(r->status)) : "no_data";
        os_ << (i ? " " : "") << "<a class=\"gref s-" << st << "\" href=\"#" << esc(c.goals[i].str()) << "\" data-status=\"" << st
            << "\">" << (r ? std::string(symbol_of(r->status)) : "") << " " << esc(c.goals[i].str()) << "</a>";
      }
      if (c.goals.empty()) os_ << "—";
      os_ << "</td><td class=\"num\">" << p_.units_of(c.clause).size() << "</td></tr>\n";
    }
    os_ << "</tbody>\n</table>\n</section>\n";
  }

public:  // also the roll-up page's style (detail::report_css)
  static std::string_view css() { return {report_css_bytes, report_css_size}; }  // src/detail/report.css
};

}  // namespace

std::string render_html(const evaluation& e, const plan& p, language lang) { return page(e, p, lang).render(); }

std::string escape_markup(std::string_view s, const markup_dialect& dialect) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += dialect.apostrophe; break;
      default:
        if (dialect.replace_controls && static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r')
          out += "\xEF\xBF\xBD";
        else
          out += c;
    }
  }
  return out;
}

// For other pages in the same style (src/detail/html.hpp).
std::string detail::html_escape(std::string_view s) { return esc(s); }
std::string_view detail::report_css() { return page::css(); }
std::string_view detail::status_symbol(goal_status s) { return symbol_of(s); }

}  // namespace qgov
