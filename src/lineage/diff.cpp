// The semantic diff of two plans: goals by id, clauses by text, cells by (clause, unit), units by id.
#include <qgov/lineage/diff.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

namespace qgov::inline QGOV_ABI {
namespace {

std::string number_text(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string squeezed(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  return out;
}

std::string body_of(const plan_data& p, const clause& c) {
  if (c.span.end > p.source_text.size() || c.span.begin > c.span.end) return {};
  return squeezed(std::string_view(p.source_text).substr(c.span.begin, c.span.size()));
}

void compare_goal(const goal& a, const goal& b, std::vector<field_change>& out) {
  auto put = [&](const char* f, std::string x, std::string y) {
    if (x != y) out.push_back({f, std::move(x), std::move(y)});
  };
  put("kind", std::string(to_string(a.kind)), std::string(to_string(b.kind)));
  auto cmp = [](const goal& g) { return g.target ? std::string(to_string(g.target->comparator)) : std::string(); };
  auto val = [](const goal& g) { return g.target ? number_text(g.target->value) : std::string(); };
  auto unit = [](const goal& g) { return g.target ? g.target->unit : std::string(); };
  auto dir = [](const goal& g) { return g.direction ? std::string(to_string(*g.direction)) : std::string(); };
  put("comparator", cmp(a), cmp(b));
  put("value", val(a), val(b));
  put("unit", unit(a), unit(b));
  put("deadline", to_iso(a.deadline), to_iso(b.deadline));
  put("direction", dir(a), dir(b));
  put("quote", a.quote, b.quote);
}

// Old clause index -> new clause index, by squeezed title when it is unique on both sides, then by whole text.
std::map<std::size_t, std::size_t> match_clauses(const plan_data& a, const plan_data& b) {
  std::map<std::size_t, std::size_t> m;
  std::vector<bool> used(b.clauses.size(), false);
  auto pass = [&](auto key) {
    std::multimap<std::string, std::size_t> by_key;
    for (std::size_t j = 0; j < b.clauses.size(); ++j)
      if (!used[j]) by_key.emplace(key(b, b.clauses[j]), j);
    std::multimap<std::string, std::size_t> old_keys;
    for (std::size_t i = 0; i < a.clauses.size(); ++i)
      if (!m.count(i)) old_keys.emplace(key(a, a.clauses[i]), i);
    for (const auto& [k, i] : old_keys) {
      if (k.empty() || old_keys.count(k) != 1 || by_key.count(k) != 1) continue;
      const std::size_t j = by_key.find(k)->second;
      m[i] = j;
      used[j] = true;
    }
  };
  pass([](const plan_data&, const clause& c) { return squeezed(c.title.text); });
  pass([](const plan_data& p, const clause& c) { return body_of(p, c); });
  return m;
}

const responsibility_list* list_for(const plan_data& p, clause_number n) {
  for (const auto& l : p.responsibility)
    if (l.clause == n) return &l;
  return nullptr;
}

void cells_of(const plan_data& p, const clause& c, cell_change::kind_t kind, std::vector<cell_change>& out) {
  if (const auto* l = list_for(p, c.number))
    for (const auto& cell : l->cells) {
      cell_change ch{kind, c.number.value, c.title.text, cell.unit, std::nullopt, std::nullopt};
      (kind == cell_change::kind_t::added ? ch.after : ch.before) = cell.unit_role;
      out.push_back(std::move(ch));
    }
}

}  // namespace

plan_diff diff(const plan_data& a, const plan_data& b) {
  plan_diff d;
  d.before = a.id;
  d.after = b.id;

  std::map<std::string, const goal*> ga, gb;
  for (const auto& g : a.goals) ga.emplace(g.id.str(), &g);
  for (const auto& g : b.goals) gb.emplace(g.id.str(), &g);
  for (const auto& [id, g] : ga) {
    auto it = gb.find(id);
    if (it == gb.end()) {
      d.goals_removed.push_back(g->id);
      continue;
    }
    goal_change ch{g->id, {}};
    compare_goal(*g, *it->second, ch.fields);
    if (!ch.fields.empty()) d.goals_changed.push_back(std::move(ch));
  }
  for (const auto& [id, g] : gb)
    if (!ga.count(id)) d.goals_added.push_back(g->id);

  const auto matched = match_clauses(a, b);
  std::vector<bool> new_matched(b.clauses.size(), false);
  for (const auto& [i, j] : matched) new_matched[j] = true;
  for (std::size_t i = 0; i < a.clauses.size(); ++i) {
    const clause& ca = a.clauses[i];
    auto it = matched.find(i);
    if (it == matched.end()) {
      d.clauses_removed.push_back({ca.number.value, ca.title.text});
      cells_of(a, ca, cell_change::kind_t::removed, d.cells);
      continue;
    }
    const clause& cb = b.clauses[it->second];
    if (ca.number != cb.number) d.clauses_renumbered.push_back({ca.number.value, cb.number.value, cb.title.text});
    const auto* la = list_for(a, ca.number);
    const auto* lb = list_for(b, cb.number);
    std::map<std::string, role> ra, rb;
    if (la)
      for (const auto& c : la->cells) ra.emplace(c.unit.str(), c.unit_role);
    if (lb)
      for (const auto& c : lb->cells) rb.emplace(c.unit.str(), c.unit_role);
    for (const auto& [u, r] : ra) {
      auto f = rb.find(u);
      if (f == rb.end())
        d.cells.push_back({cell_change::kind_t::removed, cb.number.value, cb.title.text, unit_id(u), r, std::nullopt});
      else if (f->second != r)
        d.cells.push_back({cell_change::kind_t::re_roled, cb.number.value, cb.title.text, unit_id(u), r, f->second});
    }
    for (const auto& [u, r] : rb)
      if (!ra.count(u))
        d.cells.push_back({cell_change::kind_t::added, cb.number.value, cb.title.text, unit_id(u), std::nullopt, r});
  }
  for (std::size_t j = 0; j < b.clauses.size(); ++j)
    if (!new_matched[j]) {
      d.clauses_added.push_back({b.clauses[j].number.value, b.clauses[j].title.text});
      cells_of(b, b.clauses[j], cell_change::kind_t::added, d.cells);
    }

  std::map<std::string, const responsible_unit*> ua, ub;
  for (const auto& u : a.units) ua.emplace(u.id.str(), &u);
  for (const auto& u : b.units) ub.emplace(u.id.str(), &u);
  for (const auto& [id, u] : ua) {
    auto it = ub.find(id);
    if (it == ub.end()) d.units_removed.push_back(u->id);
    else if (it->second->name != u->name) d.units_renamed.push_back({u->id, u->name, it->second->name});
  }
  for (const auto& [id, u] : ub)
    if (!ua.count(id)) d.units_added.push_back(u->id);

  auto by_number = [](const auto& x, const auto& y) { return x.number < y.number; };
  std::sort(d.clauses_added.begin(), d.clauses_added.end(), by_number);
  std::sort(d.clauses_removed.begin(), d.clauses_removed.end(), by_number);
  std::sort(d.clauses_renumbered.begin(), d.clauses_renumbered.end(),
            [](const auto& x, const auto& y) { return x.after < y.after; });
  std::sort(d.cells.begin(), d.cells.end(), [](const cell_change& x, const cell_change& y) {
    return std::tie(x.clause, x.unit, x.kind) < std::tie(y.clause, y.unit, y.kind);
  });
  return d;
}

namespace {

std::string role_text(const std::optional<role>& r) { return r ? std::string(to_string(*r)) : std::string("-"); }

std::string cell_line(const cell_change& c) {
  std::string s = "clause " + std::to_string(c.clause) + " (" + c.clause_title + "), unit " + c.unit.str();
  if (c.kind == cell_change::kind_t::re_roled) return s + ": " + role_text(c.before) + " -> " + role_text(c.after);
  return s + " (" + role_text(c.kind == cell_change::kind_t::added ? c.after : c.before) + ")";
}

}  // namespace

std::string diff_text(const plan_diff& d) {
  std::ostringstream os;
  os << "diff " << d.before.str() << " -> " << d.after.str() << ": " << d.size() << (d.size() == 1 ? " change" : " changes") << "\n";
  for (const auto& g : d.goals_added) os << "goal added: " << g.str() << "\n";
  for (const auto& g : d.goals_removed) os << "goal removed: " << g.str() << "\n";
  for (const auto& g : d.goals_changed) {
    os << "goal changed: " << g.goal.str() << "\n";
    for (const auto& f : g.fields) os << "  " << f.field << ": " << f.before << " -> " << f.after << "\n";
  }
  for (const auto& c : d.clauses_added) os << "clause added: " << c.number << " " << c.title << "\n";
  for (const auto& c : d.clauses_removed) os << "clause removed: " << c.number << " " << c.title << "\n";
  for (const auto& c : d.clauses_renumbered) os << "clause renumbered: " << c.before << " -> " << c.after << " " << c.title << "\n";
  for (const auto& u : d.units_added) os << "unit added: " << u.str() << "\n";
  for (const auto& u : d.units_removed) os << "unit removed: " << u.str() << "\n";
  for (const auto& u : d.units_renamed) os << "unit renamed: " << u.unit.str() << " " << u.before << " -> " << u.after << "\n";
  for (const auto& c : d.cells) os << "cell " << to_string(c.kind) << ": " << cell_line(c) << "\n";
  return os.str();
}

std::string diff_markdown(const plan_diff& d) {
  std::ostringstream os;
  os << "# Diff `" << d.before.str() << "` → `" << d.after.str() << "`\n\n" << d.size()
     << (d.size() == 1 ? " change." : " changes.") << "\n";
  auto cell = [](std::string s) {  // a table cell: pipes escaped, line breaks flattened
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
    return out;
  };
  if (!d.goals_added.empty() || !d.goals_removed.empty() || !d.goals_changed.empty()) {
    os << "\n## Goals\n\n| goal | change | field | before | after |\n|---|---|---|---|---|\n";
    for (const auto& g : d.goals_added) os << "| `" << g.str() << "` | added | | | |\n";
    for (const auto& g : d.goals_removed) os << "| `" << g.str() << "` | removed | | | |\n";
    for (const auto& g : d.goals_changed)
      for (const auto& f : g.fields)
        os << "| `" << g.goal.str() << "` | changed | " << f.field << " | " << cell(f.before) << " | " << cell(f.after) << " |\n";
  }
  if (!d.clauses_added.empty() || !d.clauses_removed.empty() || !d.clauses_renumbered.empty()) {
    os << "\n## Clauses\n\n| change | before | after | title |\n|---|---|---|---|\n";
    for (const auto& c : d.clauses_added) os << "| added | | " << c.number << " | " << cell(c.title) << " |\n";
    for (const auto& c : d.clauses_removed) os << "| removed | " << c.number << " | | " << cell(c.title) << " |\n";
    for (const auto& c : d.clauses_renumbered) os << "| renumbered | " << c.before << " | " << c.after << " | " << cell(c.title) << " |\n";
  }
  if (!d.units_added.empty() || !d.units_removed.empty() || !d.units_renamed.empty()) {
    os << "\n## Units\n\n| unit | change | before | after |\n|---|---|---|---|\n";
    for (const auto& u : d.units_added) os << "| `" << u.str() << "` | added | | |\n";
    for (const auto& u : d.units_removed) os << "| `" << u.str() << "` | removed | | |\n";
    for (const auto& u : d.units_renamed) os << "| `" << u.unit.str() << "` | renamed | " << cell(u.before) << " | " << cell(u.after) << " |\n";
  }
  if (!d.cells.empty()) {
    os << "\n## Responsibility cells\n\n| clause | unit | change | before | after |\n|---|---|---|---|---|\n";
    for (const auto& c : d.cells)
      os << "| " << c.clause << " " << cell(c.clause_title) << " | `" << c.unit.str() << "` | " << to_string(c.kind) << " | "
         << (c.before ? std::string(to_string(*c.before)) : "") << " | " << (c.after ? std::string(to_string(*c.after)) : "") << " |\n";
  }
  return os.str();
}

std::string diff_json(const plan_diff& d, int indent) {
  using ordered = nlohmann::ordered_json;
  ordered j;
  j["before"] = d.before.str();
  j["after"] = d.after.str();
  j["changes"] = d.size();
  auto ids = [](const auto& v) {
    ordered a = ordered::array();
    for (const auto& x : v) a.push_back(x.str());
    return a;
  };
  ordered changed = ordered::array();
  for (const auto& g : d.goals_changed) {
    ordered fields = ordered::array();
    for (const auto& f : g.fields) fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
    changed.push_back({{"goal", g.goal.str()}, {"fields", fields}});
  }
  j["goals"] = {{"added", ids(d.goals_added)}, {"removed", ids(d.goals_removed)}, {"changed", changed}};
  auto entries = [](const std::vector<clause_entry>& v) {
    ordered a = ordered::array();
    for (const auto& c : v) a.push_back({{"number", c.number}, {"title", c.title}});
    return a;
  };
  ordered renumbered = ordered::array();
  for (const auto& c : d.clauses_renumbered) renumbered.push_back({{"before", c.before}, {"after", c.after}, {"title", c.title}});
  j["clauses"] = {{"added", entries(d.clauses_added)}, {"removed", entries(d.clauses_removed)}, {"renumbered", renumbered}};
  ordered renamed = ordered::array();
  for (const auto& u : d.units_renamed) renamed.push_back({{"unit", u.unit.str()}, {"before", u.before}, {"after", u.after}});
  j["units"] = {{"added", ids(d.units_added)}, {"removed", ids(d.units_removed)}, {"renamed", renamed}};
  ordered cells = ordered::array();
  for (const auto& c : d.cells) {
    ordered e{{"change", std::string(to_string(c.kind))}, {"clause", c.clause}, {"clause_title", c.clause_title}, {"unit", c.unit.str()}};
    e["before"] = c.before ? ordered(std::string(to_string(*c.before))) : ordered(nullptr);
    e["after"] = c.after ? ordered(std::string(to_string(*c.after))) : ordered(nullptr);
    cells.push_back(std::move(e));
  }
  j["cells"] = cells;
  return j.dump(indent) + "\n";
}

}  // namespace qgov
