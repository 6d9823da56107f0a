// The roll-up as one self-contained HTML page in the scorecard report's style (its CSS and symbols, shared through
// src/detail/html.hpp): the indicator × plan grid and the per-plan summary with ranks.
#include <qgov/lineage/rollup.hpp>

#include <cstdio>
#include <sstream>

#include <qgov/version.hpp>

#include "detail/html.hpp"

namespace qgov::inline QGOV_ABI {
namespace {

using detail::html_escape;

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

constexpr goal_status statuses[] = {goal_status::achieved, goal_status::on_track, goal_status::at_risk, goal_status::off_track,
                                    goal_status::missed,   goal_status::no_data,  goal_status::not_scored};

constexpr std::string_view rollup_css = R"CSS(
table.rollup{border-collapse:collapse;margin:8px 0;font-size:13px}
table.rollup th,table.rollup td{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}
table.rollup thead th{background:#f3f3f3}
table.rollup td.cell{background:var(--t);border-left:6px solid var(--c);min-width:9em}
table.rollup td.cell.absent{background:#fff;border-left-color:#ddd;color:#888}
table.rollup td .v{font-weight:600}
table.summary td.n{text-align:right;font-variant-numeric:tabular-nums}
)CSS";

}  // namespace

std::string render_rollup_html(const rollup& r, const std::vector<rollup_input>& inputs) {
  std::ostringstream os;
  os << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
     << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
     << "<meta name=\"generator\" content=\"qgov " << html_escape(version_string) << "\">\n"
     << "<title>汇总 roll-up " << to_iso(r.as_of) << "</title>\n<style>\n" << detail::report_css() << rollup_css
     << "</style>\n</head>\n<body>\n<header class=\"doc\">\n<h1>多方案汇总 <span class=\"en\">Roll-up of " << r.plans.size()
     << " plans</span></h1>\n<p class=\"meta\">评估日期 <span class=\"en\">as of</span> <b>" << to_iso(r.as_of) << "</b></p>\n"
     << "<nav><a href=\"#grid\">指标 Indicators</a> <a href=\"#plans\">方案 Plans</a></nav>\n</header>\n";

  os << "<section id=\"grid\">\n<h2>指标 × 方案 <span class=\"en\">Indicators × plans</span></h2>\n"
     << "<table class=\"rollup\" id=\"rollup-grid\">\n<thead><tr><th>指标 <span class=\"en\">indicator</span></th>";
  for (std::size_t k = 0; k < r.plans.size(); ++k)
    os << "<th data-plan=\"" << html_escape(r.plans[k].plan.str()) << "\">" << html_escape(r.plans[k].name)
       << "<br><small><code>" << html_escape(r.plans[k].plan.str()) << "</code></small></th>";
  os << "</tr></thead>\n<tbody>\n";
  for (const auto& row : r.indicators) {
    os << "<tr data-indicator=\"" << html_escape(row.indicator) << "\"><th>" << html_escape(row.name)
       << "<br><span class=\"en\">" << html_escape(row.name_en) << "</span></th>";
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
      const auto& plan_id_text = html_escape(r.plans[k].plan.str());
      if (!row.cells[k]) {
        os << "<td class=\"cell absent\" data-plan=\"" << plan_id_text << "\" data-indicator=\"" << html_escape(row.indicator)
           << "\" data-status=\"none\">—</td>";
        continue;
      }
      const auto& c = *row.cells[k];
      const std::string st(to_string(c.status));
      os << "<td class=\"cell s-" << st << "\" data-plan=\"" << plan_id_text << "\" data-indicator=\""
         << html_escape(row.indicator) << "\" data-goal=\"" << html_escape(c.goal.str()) << "\" data-status=\"" << st << "\">"
         << "<span class=\"sym\">" << detail::status_symbol(c.status) << "</span> <span class=\"badge s-" << st << "\">" << st
         << "</span><br>";
      const goal* g = inputs[k].plan.find_goal(c.goal);
      const std::string unit = c.target ? c.target->unit : std::string();
      os << "<span class=\"v\">" << (c.value ? num(*c.value) + (unit == "%" ? "%" : " " + html_escape(unit)) : std::string("—"))
         << "</span>";
      if (c.target)
        os << " <small>目标 target " << symbol(c.target->comparator) << " " << num(c.target->value)
           << (unit == "%" ? "%" : " " + html_escape(unit)) << "</small>";
      else if (g && g->direction)
        os << " <small>" << to_string(*g->direction) << "</small>";
      os << "<br><small title=\"" << html_escape(c.quote) << "\">" << html_escape(c.quote) << "</small></td>";
    }
    os << "</tr>\n";
  }
  os << "</tbody>\n</table>\n</section>\n";

  os << "<section id=\"plans\">\n<h2>方案概况与排名 <span class=\"en\">Plans: statuses and rank</span></h2>\n"
     << "<table class=\"rollup summary\" id=\"rollup-plans\">\n<thead><tr><th>排名 <span class=\"en\">rank</span></th>"
     << "<th>方案 <span class=\"en\">plan</span></th><th>得分 <span class=\"en\">score</span></th>";
  for (auto st : statuses)
    os << "<th class=\"s-" << to_string(st) << "\"><span class=\"sym\">" << detail::status_symbol(st) << "</span> " << to_string(st) << "</th>";
  os << "</tr></thead>\n<tbody>\n";
  for (const auto& s : r.plans) {
    os << "<tr data-plan=\"" << html_escape(s.plan.str()) << "\" data-rank=\"" << (s.rank ? std::to_string(*s.rank) : "") << "\">"
       << "<td class=\"n\">" << (s.rank ? std::to_string(*s.rank) : "—") << "</td><td>" << html_escape(s.name)
       << " <small><code>" << html_escape(s.plan.str()) << "</code></small></td><td class=\"n\">"
       << (s.score ? num(*s.score) : "—") << "</td>";
    for (auto st : statuses) os << "<td class=\"n\">" << s.counts[static_cast<std::size_t>(st)] << "</td>";
    os << "</tr>\n";
  }
  os << "</tbody>\n</table>\n<p><small>得分：各方案已评分目标的平均分（评分规则同部门考核）；同分同名次。"
        "<span class=\"en\">Score: the mean points of a plan's scored goals (the scorecard's points per status); equal "
        "scores share a rank.</span></small></p>\n</section>\n</body>\n</html>\n";
  return os.str();
}

}  // namespace qgov
