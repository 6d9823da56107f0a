// Evaluations as terminal text and Markdown: the same figures as the JSON, laid out for people.
#include <qgov/render/evaluation_text.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "text_table.hpp"

namespace qgov {
namespace {

using detail::clip;
using detail::pad;

constexpr goal_status all_statuses[] = {goal_status::achieved, goal_status::on_track, goal_status::at_risk,
                                        goal_status::off_track, goal_status::missed, goal_status::no_data,
                                        goal_status::not_scored};

// Status words carry the meaning; the marks only help the eye (colour is never the only signal, nor is a mark).
std::string_view mark(goal_status s) {
  switch (s) {
    case goal_status::achieved: return "[+]";
    case goal_status::on_track: return "[>]";
    case goal_status::at_risk: return "[!]";
    case goal_status::off_track: return "[-]";
    case goal_status::missed: return "[x]";
    case goal_status::no_data: return "[?]";
    case goal_status::not_scored: return "[ ]";
  }
  return "";
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string shown(const std::optional<double>& v, const goal* g) {
  if (!v) return "—";
  std::ostringstream os;
  os << fixed(*v, 2);
  std::string s = os.str();
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    const bool dot = s.back() == '.';
    s.pop_back();
    if (dot) break;
  }
  if (g && g->target) s += g->target->unit == "%" ? "%" : " " + g->target->unit;
  return s;
}

std::string target_shown(const goal& g) {
  if (!g.target) return g.direction ? (*g.direction == trend_direction::increase ? "rising" : "falling") : "—";
  return std::string(symbol(g.target->comparator)) + " " + shown(g.target->value, &g);
}

std::map<goal_status, int> counts(const evaluation& e) {
  std::map<goal_status, int> c;
  for (const auto& r : e.goals) ++c[r.status];
  return c;
}

}  // namespace

std::string render_text(const evaluation& e, const plan& p, language lang) {
  std::ostringstream os;
  const auto& d = p.document();
  os << d.title.text << "  " << d.number.text << "\n"
     << "as of " << to_iso(e.as_of);
  if (e.known_as_of != e.as_of) os << ", as known on " << to_iso(e.known_as_of);
  os << "\n\n";
  const auto c = counts(e);
  for (auto s : all_statuses)
    if (c.count(s)) os << mark(s) << " " << to_string(s) << " " << c.at(s) << "   ";
  os << "\n\n";
  os << pad("", 4) << pad("goal", 36) << pad("status", 11) << pad("value", 13) << pad("target", 14) << "period\n";
  for (const auto& r : e.goals) {
    const goal* g = p.find_goal(r.goal);
    os << pad(mark(r.status), 4) << pad(clip(r.goal.str(), 35), 36) << pad(to_string(r.status), 11)
       << pad(shown(r.value, g), 13) << pad(g ? target_shown(*g) : "", 14) << (r.period ? r.period->str() : "—") << "\n";
    if (lang != language::en) os << "      " << r.explanation.zh << "\n";
    if (lang != language::zh) os << "      " << r.explanation.en << "\n";
  }
  os << "\nBureau scorecard (0-100; A >= 90, B >= 80, C >= 60, D below; a veto forces D)\n";
  os << pad("rank", 6) << pad("unit", 16) << pad("score", 8) << pad("grade", 7) << "goals  " << (lang == language::zh ? "" : "name") << "\n";
  for (const auto* b : units_by_rank(e)) {
    const auto* u = p.find_unit(b->unit);
    os << pad(b->rank ? std::to_string(*b->rank) : "—", 6) << pad(clip(u ? u->name : b->unit.str(), 15), 16)
       << pad(b->score ? fixed(*b->score, 1) : "—", 8) << pad(b->grade ? std::string(formulas::to_string(*b->grade)) + (b->vetoed ? "*" : "") : "—", 7)
       << pad(std::to_string(b->contributions.size()), 7) << (lang == language::zh || !u ? "" : u->name_en) << "\n";
  }
  int measurable = 0, qualitative = 0, none = 0;
  for (const auto& cv : e.coverage)
    (cv.coverage == clause_coverage::measurable ? measurable : cv.coverage == clause_coverage::qualitative_only ? qualitative : none)++;
  os << "\nCoverage: " << measurable << " clauses carry a measurable goal, " << qualitative << " only qualitative ones, "
     << none << " none.\n";
  return os.str();
}

std::string render_markdown(const evaluation& e, const plan& p, language lang) {
  std::ostringstream os;
  const auto& d = p.document();
  os << "# " << d.title.text << " (" << d.number.text << ")\n\n"
     << "Evaluation as of **" << to_iso(e.as_of) << "**";
  if (e.known_as_of != e.as_of) os << ", with figures known on " << to_iso(e.known_as_of);
  os << ".\n\n| status | goals |\n|---|---:|\n";
  const auto c = counts(e);
  for (auto s : all_statuses)
    if (c.count(s)) os << "| " << mark(s) << " " << to_string(s) << " (" << to_chinese(s) << ") | " << c.at(s) << " |\n";
  os << "\n## Goals\n\n| goal | status | value | target | period | explanation |\n|---|---|---:|---|---|---|\n";
  auto cell = [](std::string s) {
    std::string out;
    for (char ch : s) out += ch == '|' ? std::string("\\|") : ch == '\n' ? std::string(" ") : std::string(1, ch);
    return out;
  };
  for (const auto& r : e.goals) {
    const goal* g = p.find_goal(r.goal);
    std::string expl;
    if (lang != language::en) expl += r.explanation.zh;
    if (lang == language::both) expl += "<br>";
    if (lang != language::zh) expl += r.explanation.en;
    os << "| `" << r.goal << "` | " << mark(r.status) << " " << to_string(r.status) << " | " << cell(shown(r.value, g))
       << " | " << cell(g ? target_shown(*g) : "") << " | " << (r.period ? r.period->str() : "—") << " | " << cell(expl) << " |\n";
  }
  os << "\n## Bureau scorecard\n\nScores 0–100 over the goals each unit answers for; grades A ≥ 90, B ≥ 80, C ≥ 60, "
        "D below; a veto event forces D (marked \\*).\n\n| rank | unit | score | grade | goals |\n|---:|---|---:|---|---:|\n";
  for (const auto* b : units_by_rank(e)) {
    const auto* u = p.find_unit(b->unit);
    std::string name = u ? u->name : b->unit.str();
    if (u && lang != language::zh && !u->name_en.empty()) name += " (" + u->name_en + ")";
    os << "| " << (b->rank ? std::to_string(*b->rank) : "—") << " | " << cell(name) << " | "
       << (b->score ? fixed(*b->score, 1) : "—") << " | "
       << (b->grade ? std::string(formulas::to_string(*b->grade)) + (b->vetoed ? "\\*" : "") : "—") << " | "
       << b->contributions.size() << " |\n";
  }
  os << "\n## Coverage\n\n| clause | coverage | goals |\n|---:|---|---|\n";
  for (const auto& cv : e.coverage) {
    std::string goals;
    for (const auto& g : cv.goals) goals += (goals.empty() ? "" : ", ") + g.str();
    os << "| " << cv.clause.value << " | " << to_string(cv.coverage) << " | " << goals << " |\n";
  }
  return os.str();
}

}  // namespace qgov
