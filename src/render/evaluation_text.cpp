// Evaluations as terminal text and Markdown: the same figures as the JSON, laid out for people.
#include <qgov/render/evaluation_text.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include <qgov/render/text_width.hpp>

namespace qgov::inline QGOV_ABI {
namespace {


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

// Figures for people: one formatter (render/explanation), rounded by unit, kept on the right side of the target;
// in English counters (个, 家 …) are dropped and 亩 is mu.
std::string shown(const std::optional<double>& v, const goal* g, language lang) {
  if (!v) return "—";
  if (!g || !g->target) return wording::format_number(*v, 2);
  return wording::display_value(*v, g->target->unit, lang == language::en ? language::en : language::zh,
                                wording::printed_decimals(g->target->stated), {g->target->value});
}

std::string target_shown(const goal& g, language lang) {
  const auto& w = wording::words_for(lang);
  if (!g.target) return std::string(g.direction ? (*g.direction == trend_direction::increase ? w.rising : w.falling) : std::string_view("—"));
  return std::string(symbol(g.target->comparator)) + " " +
         wording::display_value(g.target->value, g.target->unit, lang == language::en ? language::en : language::zh, 6);
}

std::string status_shown(goal_status s, language lang) {
  return lang == language::zh ? std::string(to_chinese(s)) : std::string(to_string(s));
}

std::string period_shown(const std::optional<period>& p, language lang) {
  return p ? wording::period_words(*p, lang == language::zh ? language::zh : language::en) : "—";
}

std::string coverage_line(const evaluation& e, language lang) {
  int measurable = 0, qualitative = 0, none = 0;
  for (const auto& cv : e.coverage)
    (cv.coverage == clause_coverage::measurable ? measurable : cv.coverage == clause_coverage::qualitative_only ? qualitative : none)++;
  std::string line(wording::words_for(lang).coverage_line);
  auto put = [&](const char* key, int n) {
    const auto at = line.find(key);
    if (at != std::string::npos) line.replace(at, 3, std::to_string(n));
  };
  put("{m}", measurable);
  put("{q}", qualitative);
  put("{n}", none);
  return line;
}

std::string_view coverage_word(clause_coverage c, language lang) {
  const auto& w = wording::words_for(lang);
  return c == clause_coverage::measurable ? w.measurable : c == clause_coverage::qualitative_only ? w.qualitative_only : w.no_goal;
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
  const auto& w = wording::words_for(lang);
  os << d.title.text << "  " << d.number.text << "\n"
     << w.as_of << " " << to_iso(e.as_of);
  if (e.known_as_of != e.as_of) os << (lang == language::zh ? "，" : ", ") << w.known_as_of << " " << to_iso(e.known_as_of);
  os << "\n\n";
  const auto c = counts(e);
  for (auto s : all_statuses)
    if (c.count(s)) os << mark(s) << " " << status_shown(s, lang) << " " << c.at(s) << "   ";
  os << "\n\n";
  os << pad_display("", 4) << pad_display(w.goal, 36) << pad_display(w.status, 11) << pad_display(w.value, 13) << pad_display(w.target, 14) << w.period << "\n";
  for (const auto& r : e.goals) {
    const goal* g = p.find_goal(r.goal);
    os << pad_display(mark(r.status), 4) << pad_display(clip_display(r.goal.str(), 35), 36) << pad_display(status_shown(r.status, lang), 11)
       << pad_display(shown(r.value, g, lang), 13) << pad_display(g ? target_shown(*g, lang) : "", 14) << period_shown(r.period, lang) << "\n";
    if (lang != language::en) os << "      " << r.explanation.zh << "\n";
    if (lang != language::zh) os << "      " << r.explanation.en << "\n";
  }
  os << "\n" << w.bureau_scorecard << (lang == language::zh ? "（" : " (") << w.scorecard_rule << (lang == language::zh ? "）" : ")") << "\n";
  os << pad_display(w.rank, 6) << pad_display(w.unit, 16) << pad_display(w.score, 8) << pad_display(w.grade, 7) << pad_display(w.goals, 7) << (lang == language::zh ? "" : w.name) << "\n";
  for (const auto* b : units_by_rank(e)) {
    const auto* u = p.find_unit(b->unit);
    os << pad_display(b->rank ? std::to_string(*b->rank) : "—", 6) << pad_display(clip_display(u ? u->name : b->unit.str(), 15), 16)
       << pad_display(b->score ? fixed(*b->score, 1) : "—", 8) << pad_display(b->grade ? std::string(formulas::to_string(*b->grade)) + (b->vetoed ? "*" : "") : "—", 7)
       << pad_display(std::to_string(b->contributions.size()), 7) << (lang == language::zh || !u ? "" : u->name_en) << "\n";
  }
  os << "\n" << coverage_line(e, lang) << "\n";
  return os.str();
}

std::string render_markdown(const evaluation& e, const plan& p, language lang) {
  std::ostringstream os;
  const auto& d = p.document();
  const auto& w = wording::words_for(lang);
  const bool zh = lang == language::zh;
  os << "# " << d.title.text << (zh ? "（" : " (") << d.number.text << (zh ? "）" : ")") << "\n\n"
     << w.evaluation_as_of << " **" << to_iso(e.as_of) << "**";
  if (e.known_as_of != e.as_of) os << (zh ? "，" : ", ") << w.figures_known_on << " " << to_iso(e.known_as_of);
  os << (zh ? "。" : ".") << "\n\n| " << w.status << " | " << w.goals << " |\n|---|---:|\n";
  const auto c = counts(e);
  for (auto s : all_statuses)
    if (c.count(s)) {
      os << "| " << mark(s) << " ";
      if (zh) os << to_chinese(s);
      else if (lang == language::en) os << to_string(s);
      else os << to_string(s) << " (" << to_chinese(s) << ")";
      os << " | " << c.at(s) << " |\n";
    }
  os << "\n## " << (zh ? "目标" : "Goals") << "\n\n| " << w.goal << " | " << w.status << " | " << w.value << " | " << w.target
     << " | " << w.period << " | " << w.explanation << " |\n|---|---|---:|---|---|---|\n";
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
    os << "| `" << r.goal << "` | " << mark(r.status) << " " << status_shown(r.status, lang) << " | " << cell(shown(r.value, g, lang))
       << " | " << cell(g ? target_shown(*g, lang) : "") << " | " << period_shown(r.period, lang) << " | " << cell(expl) << " |\n";
  }
  os << "\n## " << w.bureau_scorecard << "\n\n" << w.scorecard_rule << (zh ? "。" : ".") << "\n\n| " << w.rank << " | " << w.unit
     << " | " << w.score << " | " << w.grade << " | " << w.goals << " |\n|---:|---|---:|---|---:|\n";
  for (const auto* b : units_by_rank(e)) {
    const auto* u = p.find_unit(b->unit);
    std::string name = u ? u->name : b->unit.str();
    if (u && lang != language::zh && !u->name_en.empty()) name += " (" + u->name_en + ")";
    os << "| " << (b->rank ? std::to_string(*b->rank) : "—") << " | " << cell(name) << " | "
       << (b->score ? fixed(*b->score, 1) : "—") << " | "
       << (b->grade ? std::string(formulas::to_string(*b->grade)) + (b->vetoed ? "\\*" : "") : "—") << " | "
       << b->contributions.size() << " |\n";
  }
  os << "\n## " << (zh ? "覆盖情况" : "Coverage") << "\n\n| " << w.clause << " | " << w.coverage << " | " << w.goals
     << " |\n|---:|---|---|\n";
  for (const auto& cv : e.coverage) {
    std::string goals;
    for (const auto& g : cv.goals) goals += (goals.empty() ? "" : ", ") + g.str();
    os << "| " << cv.clause.value << " | " << coverage_word(cv.coverage, lang) << " | " << goals << " |\n";
  }
  return os.str();
}

}  // namespace qgov
