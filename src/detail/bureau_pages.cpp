// The printable assessment and the per-bureau view of the HTML report. See bureau_pages.hpp and docs/report.md.
#include "bureau_pages.hpp"
#include "html.hpp"

#include <array>
#include <cmath>
#include <map>
#include <sstream>

#include <qgov/core/chinese_numeral.hpp>
#include <qgov/formulas/scorecard.hpp>
#include <qgov/render/explanation.hpp>

namespace qgov::inline QGOV_ABI::detail {
namespace {

constexpr std::array<goal_status, 7> statuses{goal_status::achieved, goal_status::on_track, goal_status::at_risk,
                                              goal_status::off_track, goal_status::missed,  goal_status::no_data,
                                              goal_status::not_scored};

using detail::html_escape;    // the report's one escaping (detail/html.hpp)
using detail::status_symbol;  // and its one set of status symbols

// A CSS string literal: quotes and backslashes escaped, line breaks and "<" (which could end the style element)
// written as code points.
std::string css_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n' || c == '\r') {
      out += "\\a ";
    } else if (c == '<') {
      out += "\\3c ";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string trimmed(double v) { return wording::format_number(v, 2); }  // the one number formatter

class writer {
public:
  writer(const evaluation& e, const plan& p, language lang) : e_(e), p_(p), lang_(lang) {}

  std::string label(std::string_view zh, std::string_view en) const {
    if (lang_ == language::zh) return std::string(zh);
    if (lang_ == language::en) return std::string(en);
    return std::string(zh) + " " + std::string(en);
  }
  // Chinese first; the English after it only when both are asked for.
  std::string pair(const std::string& zh, const std::string& en) const {
    if (lang_ == language::en) return en.empty() ? zh : en;
    if (lang_ == language::zh || en.empty()) return zh;
    return zh + " / " + en;
  }

  std::string status_words(goal_status s) const {
    if (lang_ == language::en) return std::string(to_string(s));
    if (lang_ == language::zh) return std::string(to_chinese(s));
    return std::string(to_chinese(s)) + " " + std::string(to_string(s));
  }
  std::string badge(goal_status s) const {
    return "<span class=\"badge s-" + std::string(to_string(s)) + "\"><span class=\"sym\" aria-hidden=\"true\">" +
           std::string(status_symbol(s)) + "</span> " + html_escape(status_words(s)) + "</span>";
  }

  std::string goal_name(const goal& g) const {
    if (lang_ == language::en && !g.name_en.empty()) return g.name_en;
    return g.indicator.empty() ? g.name_en : g.indicator;
  }
  std::string unit_name(const responsible_unit& u) const {
    return lang_ == language::en && !u.name_en.empty() ? u.name_en : u.name;
  }

  // Figures, units and periods are worded by the one explanation module (qgov/render/explanation.hpp), so a page
  // reads like the sentences beside it: counts without decimals, en without Chinese counters.
  language words_lang() const { return lang_ == language::en ? language::en : language::zh; }
  std::string value_text(const goal& g, double v) const {
    if (!g.target) return wording::format_number(v);
    return wording::display_value(v, g.target->unit, words_lang(), 0, {g.target->value});
  }
  std::string target_text(const goal& g) const {
    if (g.target) {
      std::string s = std::string(symbol(g.target->comparator)) + " " + value_text(g, g.target->value);
      return s;
    }
    if (g.kind == goal_kind::trend && g.direction)
      return *g.direction == trend_direction::increase ? label("不断提高", "increasing") : label("逐步下降", "decreasing");
    if (g.kind == goal_kind::milestone) return label("完成", "done") + " " + std::to_string(g.items.size());
    return label("定性", "qualitative");
  }
  std::string latest_text(const goal& g, const goal_result& r) const {
    if (!r.value) return "—";
    if (!r.period) return value_text(g, *r.value);
    return value_text(g, *r.value) + (lang_ == language::en ? " (" + wording::period_words(*r.period, language::en) + ")"
                                                           : "（" + wording::period_words(*r.period, language::zh) + "）");
  }

  std::string grade_text(const bureau_score& b) const {
    if (!b.grade) return label("无可评分目标", "no scored goal");
    std::string s = std::string(formulas::to_string(*b.grade)) + (b.vetoed ? "*" : "");
    return s;
  }

  // ---- page 1
  std::string summary() const {
    std::ostringstream os;
    std::map<goal_status, int> counts;
    for (const auto& r : e_.goals) ++counts[r.status];
    os << "<section class=\"print-summary\" id=\"print-summary\">\n<h2>" << label("考核概览", "Assessment summary")
       << "</h2>\n<p class=\"pcounts\">";
    for (auto s : statuses)
      if (counts[s]) os << "<span class=\"pc s-" << to_string(s) << "\">" << badge(s) << " <b>" << counts[s] << "</b></span> ";
    os << "<span class=\"ptotal\">" << label("共 ", "") << e_.goals.size() << label(" 项目标", " goals") << "</span></p>\n";
    os << "<table class=\"psum\">\n<thead><tr><th>" << label("目标", "goal") << "</th><th>" << label("状态", "status")
       << "</th><th>" << label("最新值", "latest") << "</th><th>" << label("目标值", "target") << "</th><th>"
       << label("截止", "deadline") << "</th><th>" << label("牵头单位", "lead unit") << "</th></tr></thead>\n<tbody>\n";
    for (const auto& r : e_.goals) {
      const goal* g = p_.find_goal(r.goal);
      if (!g) continue;
      const auto units = p_.units_for(*g);
      std::string lead = "—";
      if (!units.empty())
        if (const auto* u = p_.find_unit(units.front())) lead = unit_name(*u);
      if (units.size() > 1)
        lead += lang_ == language::en ? " + " + std::to_string(units.size() - 1) : "等" + std::to_string(units.size()) + "家";
      os << "<tr class=\"s-" << to_string(r.status) << "\" data-sum-goal=\"" << html_escape(g->id.str()) << "\"><td class=\"gname\">"
         << html_escape(goal_name(*g)) << "</td><td>" << badge(r.status) << "</td><td class=\"num\">" << html_escape(latest_text(*g, r))
         << "</td><td class=\"num\">" << html_escape(target_text(*g)) << "</td><td>" << g->deadline.year() << "</td><td>"
         << html_escape(lead) << "</td></tr>\n";
    }
    os << "</tbody>\n</table>\n";
    std::map<std::string, int> grades;
    int ungraded = 0;
    for (const auto& b : e_.bureaus) {
      if (b.grade) ++grades[std::string(formulas::to_string(*b.grade))];
      else ++ungraded;
    }
    os << "<p class=\"pgrades\">" << label("责任单位等级", "Unit grades") << "：";
    const bool zh = lang_ != language::en;
    for (const char* gr : {"A", "B", "C", "D"}) os << "<b>" << gr << "</b> " << grades[gr] << (zh ? " 家；" : "; ");
    os << (zh ? "无可评分目标 " : "no scored goal ") << ungraded
       << (zh ? " 家。各单位情况见后续各页（每单位单独成页）。" : ". One page per unit follows.") << "</p>\n</section>\n";
    return os.str();
  }

  // ---- one section per unit
  std::string sections() const {
    std::ostringstream os;
    os << "<section id=\"bureaus\">\n<h2>" << label("按单位查看", "By unit") << "</h2>\n<p class=\"hint\">"
       << label("选择单位，只看该单位负责的目标、状态、等级和下一步工作。",
                "Choose a unit to see only its goals, statuses, grade and next steps.")
       << "</p>\n<nav class=\"bureau-index\">";
    for (const auto& u : p_.units())
      os << "<a href=\"#bureau-" << html_escape(u.id.str()) << "\">" << html_escape(unit_name(u)) << "</a> ";
    os << "</nav>\n";
    for (const auto& u : p_.units()) section(os, u);
    os << "</section>\n";
    return os.str();
  }

private:
  const bureau_score* score_of(const unit_id& u) const {
    for (const auto& b : e_.bureaus)
      if (b.unit == u) return &b;
    return nullptr;
  }

  std::string role_words(role r) const {
    switch (r) {
      case role::lead: return label("牵头", "lead");
      case role::responsible: return label("负责", "responsible");
      case role::supporting: return label("配合", "supporting");
    }
    return "";
  }

  // What the unit must do next about one goal, or nothing when the goal needs no action from it.
  std::optional<std::string> next_step(const goal& g, const goal_result& r) const {
    const std::string name = "“" + goal_name(g) + "”";
    const std::string due = std::to_string(g.deadline.year());
    switch (r.status) {
      case goal_status::no_data:
        return label("报送" + name + "的最新数据（目标" + target_text(g) + "，" + due + "年）",
                     "report the latest figure for " + name);
      case goal_status::missed:
        return label(name + "未达成（最新 " + latest_text(g, r) + "，目标 " + target_text(g) + "）：书面说明原因，提出整改措施和时限",
                     name + " missed (latest " + latest_text(g, r) + ", target " + target_text(g) +
                         "): explain why in writing, with remedial measures and dates");
      case goal_status::off_track:
        return label(name + "进度滞后（最新 " + latest_text(g, r) + "，目标 " + target_text(g) + "，" + due + "年）：制定并落实加快措施",
                     name + " is off track (latest " + latest_text(g, r) + ", target " + target_text(g) +
                         " by " + due + "): set out and carry out measures to catch up");
      case goal_status::at_risk:
        return label(name + "存在风险：加强跟踪，按季度报送进展，确保" + due + "年达成",
                     name + " is at risk: track it closely and report quarterly to meet it by " + due);
      default: break;
    }
    if (!r.trace.note.empty() && lang_ != language::zh) return name + ": " + r.trace.note;
    return std::nullopt;
  }

  void section(std::ostringstream& os, const responsible_unit& u) const {
    const auto* b = score_of(u.id);
    os << "<section class=\"bureau\" id=\"bureau-" << html_escape(u.id.str()) << "\" data-bureau=\"" << html_escape(u.id.str()) << "\">\n"
       << "<h2 class=\"bhead\">" << html_escape(u.name);
    if (lang_ != language::zh && !u.name_en.empty()) os << " <span class=\"en\">" << html_escape(u.name_en) << "</span>";
    os << "</h2>\n<p class=\"bmeta\">" << label("评估日期", "as of") << " <b>" << to_iso(e_.as_of) << "</b>";
    if (b && b->score) {
      os << " · " << label("得分", "score") << " <b>" << trimmed(std::round(*b->score * 10) / 10) << "</b> · "
         << label("等级", "grade") << " <b class=\"grade g-" << formulas::to_string(*b->grade) << "\">" << grade_text(*b)
         << "</b>";
      if (b->rank) os << " · " << label("名次", "rank") << " <b>" << *b->rank << "</b> / " << e_.bureaus.size();
    } else {
      os << " · " << label("等级", "grade") << " — " << label("（无可评分目标）", "(no scored goal)");
    }
    os << "</p>\n";

    // clauses by role
    std::map<role, std::string> by_role;
    for (const auto& a : p_.clauses_of(u.id)) by_role[a.unit_role] += clause_label(a.clause.value);
    if (!by_role.empty()) {
      os << "<p class=\"bclauses\">" << label("所涉条款", "Clauses") << "：";
      bool first = true;
      for (const auto& [r, list] : by_role) {
        os << (first ? "" : "；") << role_words(r) << " " << list;
        first = false;
      }
      os << "</p>\n";
    }

    std::vector<std::pair<const goal*, const goal_result*>> goals;
    for (const auto& g : p_.goals())
      if (p_.answers_for(u.id, g))
        if (const auto* r = find_result(e_, g.id)) goals.emplace_back(&g, r);

    std::vector<std::string> steps;
    for (const auto& [g, r] : goals)
      if (auto s = next_step(*g, *r)) steps.push_back(*s);
    os << "<h3 class=\"bsub\">" << label("下一步工作", "Next steps") << "</h3>\n";
    if (goals.empty()) {
      os << "<p class=\"bnone\">" << label("本单位在方案中没有可考核的目标；按所涉条款的职责分工推进工作。",
                                           "The plan gives this unit no goal to assess; it carries out its clauses.")
         << "</p>\n";
    } else if (steps.empty()) {
      os << "<p class=\"bnone\">" << label("所负责目标均已达成或进度正常，继续按期报送数据。",
                                           "Every goal it answers for is achieved or on track; keep reporting on time.")
         << "</p>\n";
    } else {
      os << "<ol class=\"bsteps\">\n";
      for (const auto& s : steps) os << "<li>" << html_escape(s) << "</li>\n";
      os << "</ol>\n";
    }

    if (!goals.empty()) {
      os << "<h3 class=\"bsub\">" << label("负责的目标", "Goals it answers for") << "（" << goals.size() << "）</h3>\n";
      for (const auto& [g, r] : goals) goal_block(os, u, *g, *r, b);
    }
    os << "</section>\n";
  }

  void goal_block(std::ostringstream& os, const responsible_unit&, const goal& g, const goal_result& r,
                  const bureau_score* b) const {
    const score_contribution* c = nullptr;
    if (b)
      for (const auto& x : b->contributions)
        if (x.goal == g.id) c = &x;
    os << "<div class=\"bgoal s-" << to_string(r.status) << "\" data-bgoal=\"" << html_escape(g.id.str()) << "\">\n"
       << "<p class=\"bg-head\"><span class=\"bmark\" aria-hidden=\"true\">◆</span> <b>" << html_escape(goal_name(g)) << "</b> "
       << badge(r.status) << "</p>\n<p class=\"bg-facts\">" << label("最新值", "latest") << " " << html_escape(latest_text(g, r))
       << " · " << label("目标", "target") << " " << html_escape(target_text(g));
    if (g.target && !g.target->stated.empty()) os << "（" << html_escape(g.target->stated) << "）";
    os << " · " << label("截止", "deadline") << " " << to_iso(g.deadline);
    if (c)
      os << " · " << role_words(c->unit_role) << "，" << label("权重", "weight") << " " << trimmed(c->weight) << "，"
         << label("得分", "points") << " " << trimmed(c->points);
    os << "</p>\n";
    const std::string expl = lang_ == language::en ? r.explanation.en
                             : lang_ == language::zh ? r.explanation.zh
                                                     : r.explanation.zh + (r.explanation.en.empty() ? "" : "\n" + r.explanation.en);
    if (!expl.empty()) {
      os << "<p class=\"bg-expl\">";
      std::size_t start = 0;
      while (start <= expl.size()) {
        const auto nl = std::min(expl.find('\n', start), expl.size());
        os << (start ? "<br>" : "") << html_escape(expl.substr(start, nl - start));
        start = nl + 1;
      }
      os << "</p>\n";
    }
    os << "<p class=\"bg-id\">" << label("编号", "id") << " " << html_escape(g.id.str()) << "</p>\n</div>\n";
  }

  const evaluation& e_;
  const plan& p_;
  language lang_;
};

}  // namespace

std::string bureau_pages_css(const evaluation& e, const plan& p, language lang) {
  writer w(e, p, lang);
  const std::string title = p.document().title.text;
  const std::string as_of = w.label("评估日期 ", "as of ") + to_iso(e.as_of);
  const std::string page_zh = "\"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\"";
  const std::string page_en = "\"page \" counter(page) \" of \" counter(pages)";
  std::string css = R"CSS(.print-summary{display:none}
#bureaus nav.bureau-index a{display:inline-block;margin:2px 10px 2px 0;font-size:13px}
section.bureau{display:none;border-top:2px solid #333;margin-top:18px}
section.bureau:target{display:block}
.bmeta{margin:4px 0}.bclauses{margin:4px 0;font-size:13px;color:#333}
h3.bsub{display:block;font-size:15px;margin:12px 0 4px}
ol.bsteps{margin:4px 0 8px;padding-left:1.6em}ol.bsteps li{margin:2px 0}
.bnone{color:#444}
div.bgoal{border:1px solid #ccc;border-left:6px solid var(--c);border-radius:3px;padding:5px 10px;margin:6px 0;break-inside:avoid;page-break-inside:avoid}
div.bgoal p{margin:2px 0}.bmark{color:var(--c)}
.bg-facts{font-size:13px}.bg-expl{font-size:12.5px;color:#333}.bg-id{font-size:10.5px;color:#777;font-family:"DejaVu Sans Mono",monospace}
table.psum{border-collapse:collapse;width:100%;font-size:12px}
table.psum th,table.psum td{border-bottom:1px solid #ddd;padding:2px 5px;text-align:left;vertical-align:top}
table.psum td.num{white-space:nowrap}
.pcounts .pc{margin-right:8px;white-space:nowrap}
@page{size:A4;margin:14mm 11mm 15mm;
)CSS";
  css += " @top-left{content:" + css_string(title) + ";font-size:8pt;color:#555}\n";
  css += " @top-right{content:" + css_string(as_of) + ";font-size:8pt;color:#555}\n";
  css += " @bottom-center{content:" + (lang == language::en ? page_en : page_zh) + ";font-size:8pt;color:#555}\n}\n";
  css += R"CSS(@media print{
 header.doc nav,#summary,#goals,#scorecard,#matrix,#coverage,#bureaus>h2,#bureaus>p.hint,nav.bureau-index,body>footer{display:none}
 .print-summary{display:block}
 .print-summary h2{margin-top:8px}
 table.psum{font-size:7.5pt;line-height:1.25}table.psum .badge{font-size:7pt;padding:0 3px}
 table.psum th,table.psum td{padding:1px 3px}
 table.psum td:nth-child(n+2){white-space:nowrap}
 header.doc h1{font-size:15pt;margin:0}
 header.doc .meta{font-size:9pt}
 .pcounts{margin:3px 0;font-size:9pt}.pgrades{margin:4px 0;font-size:9pt}
 section.bureau{display:block;break-before:page;page-break-before:always;border-top:none;margin-top:0}
 section.bureau h2.bhead{margin-top:0}
 div.bgoal{padding:4px 8px;margin:5px 0}
 .bg-expl{font-size:8.5pt}.bg-facts{font-size:9pt}
}
)CSS";
  return css;
}

std::string print_summary_html(const evaluation& e, const plan& p, language lang) { return writer(e, p, lang).summary(); }

std::string bureau_sections_html(const evaluation& e, const plan& p, language lang) {
  return writer(e, p, lang).sections();
}

}  // namespace qgov::detail
