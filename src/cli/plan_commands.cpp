// qgov plan, matrix, unit: the plan as it reads, its clause-to-unit responsibility matrix, and one unit's duties.
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <qgov/qgov.hpp>
#include <qgov/io/csv.hpp>
#include <qgov/render/text_width.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "option_checks.hpp"

namespace qgov::inline QGOV_ABI::cli {
namespace {

std::string target_text(const goal& g) {
  if (g.target) return std::string(symbol(g.target->comparator)) + " " + format_value(g.target->value) + " " + g.target->unit;
  if (g.direction) return *g.direction == trend_direction::increase ? "increasing" : "decreasing";
  return "not scored";
}

std::string source_text(const source_ref& r) {
  return r.kind == source_ref::kind_t::clause ? "（" + chinese_numeral(r.number) + "）" : "专栏" + std::to_string(r.number);
}

void print_plan_text(const plan& p, std::ostream& os) {
  const auto& d = p.document();
  os << d.title.text << "  " << d.number.text << "\n"
     << d.issuer.text << ", " << d.issued_on_text.text;
  if (!d.disclosure.text.empty()) os << "  (" << d.disclosure.text << ")";
  os << "\n" << p.sections().size() << " sections, " << p.clauses().size() << " clauses, " << p.columns().size()
     << " columns, " << p.units().size() << " responsible units, " << p.matrix().size() << " responsibility lists, "
     << p.goals().size() << " goals\n\n";
  os << pad_display("goal", 36) << pad_display("kind", 12) << pad_display("target", 16) << pad_display("deadline", 12) << pad_display("source", 10) << "clauses\n";
  for (const auto& g : p.goals()) {
    std::string links;
    for (const auto& c : g.clauses) {
      if (!links.empty()) links += ' ';
      links += std::to_string(c.clause.value);
      if (c.link == link_type::assigned) links += '*';
    }
    os << pad_display(clip_display(g.id.str(), 35), 36) << pad_display(to_string(g.kind), 12) << pad_display(target_text(g), 16)
       << pad_display(to_iso(g.deadline), 12) << pad_display(source_text(g.source), 10) << links << "\n"
       << "    " << g.quote << "\n";
  }
  os << "\n(* = assigned link: a summary target tied to the clause that carries it out)\n";
}

char role_letter(role r) { return r == role::lead ? 'L' : r == role::responsible ? 'R' : 'S'; }

// Units down, clauses across: 35 rows by 26 narrow columns fits an 80-column terminal.
void print_matrix_text(const plan& p, std::ostream& os) {
  const std::size_t name_w = 16;
  auto header = [&](bool tens) {
    os << pad_display(tens ? "clause" : "", name_w);
    for (const auto& l : p.matrix()) {
      const int n = l.clause.value;
      os << ' ' << (tens ? (n >= 10 ? char('0' + n / 10) : ' ') : char('0' + n % 10));
    }
    os << (tens ? "   L  R  S\n" : "\n");
  };
  header(true);
  header(false);
  for (const auto& u : p.units()) {
    os << pad_display(clip_display(u.name, name_w - 1), name_w);
    std::map<role, int> count;
    for (const auto& l : p.matrix()) {
      auto r = l.role_of(u.id);
      if (r) ++count[*r];
      os << ' ' << (r ? role_letter(*r) : '.');
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, " %3d%3d%3d", count[role::lead], count[role::responsible], count[role::supporting]);
    os << buf << "\n";
  }
  std::size_t cells = 0;
  for (const auto& l : p.matrix()) cells += l.cells.size();
  os << "\nL lead, R responsible, S supporting, . not named (convention: " << to_string(p.convention()) << ")\n"
     << p.matrix().size() << " clauses, " << p.units().size() << " units, " << cells << " cells\n";
}

void print_matrix_csv(const plan& p, std::ostream& os) {
  os << "clause,clause_title,position,unit_id,unit_name,unit_name_en,unit_kind,role,span_begin,span_end\n";
  for (const auto& l : p.matrix()) {
    const auto* c = p.find_clause(l.clause);
    for (std::size_t i = 0; i < l.cells.size(); ++i) {
      const auto& cell = l.cells[i];
      const auto* u = p.find_unit(cell.unit);
      os << l.clause.value << ',' << csv_field(c ? c->title.text : "") << ',' << i + 1 << ',' << csv_field(cell.unit.str())
         << ',' << csv_field(p.text_of(cell.span)) << ',' << csv_field(u ? u->name_en : "") << ','
         << (u ? to_string(u->kind) : "") << ',' << to_string(cell.unit_role) << ',' << cell.span.begin << ','
         << cell.span.end << '\n';
    }
  }
}

void print_unit_text(const plan& p, const responsible_unit& u, std::ostream& os) {
  os << u.name << " (" << u.name_en << ", " << to_string(u.kind) << ", id " << u.id << ")\n\nClauses:\n";
  for (const auto& a : p.clauses_of(u.id)) {
    const auto* c = p.find_clause(a.clause);
    os << "  " << pad_display("（" + chinese_numeral(a.clause.value) + "）", 12) << pad_display(c ? c->title.text : "", 34)
       << to_string(a.unit_role) << "\n";
  }
  os << "\nGoals it answers for:\n";
  for (const auto& g : p.goals_of(u.id)) os << "  " << pad_display(g.id.str(), 36) << pad_display(target_text(g), 16) << g.quote << "\n";
}

void print_unit_json(const plan& p, const responsible_unit& u, std::ostream& os) {
  nlohmann::ordered_json j;
  j["plan"] = p.id().str();
  j["id"] = u.id.str();
  j["name"] = u.name;
  j["name_en"] = u.name_en;
  j["kind"] = std::string(to_string(u.kind));
  j["clauses"] = nlohmann::ordered_json::array();
  for (const auto& a : p.clauses_of(u.id)) {
    const auto* c = p.find_clause(a.clause);
    j["clauses"].push_back({{"number", a.clause.value}, {"title", c ? c->title.text : ""},
                            {"role", std::string(to_string(a.unit_role))}});
  }
  j["goals"] = nlohmann::ordered_json::array();
  for (const auto& g : p.goals_of(u.id)) {
    nlohmann::ordered_json gj{{"id", g.id.str()}, {"kind", std::string(to_string(g.kind))}};
    if (g.target)
      gj["target"] = {{"comparator", std::string(to_string(g.target->comparator))}, {"value", g.target->value},
                      {"unit", g.target->unit}, {"deadline", to_iso(g.deadline)}};
    gj["quote"] = g.quote;
    j["goals"].push_back(gj);
  }
  os << j.dump(2) << "\n";
}

struct plan_args {
  std::string plan_file, convention, format = "text", unit_name;
};

// --plan, --convention and --format (one of `formats`), as plan, matrix and unit take them.
void add_plan_options(CLI::App* cmd, plan_args& a, const std::vector<std::string>& formats) {
  add_plan_option(cmd, a.plan_file);
  cmd->add_option("--convention", a.convention, "Read roles under this convention instead of the plan's")->check(one_of(role_convention_names));
  cmd->add_option("--format", a.format, "Output format")->check(CLI::IsMember(formats));
}

// qgov unit NAME: a unit by its Chinese name or its id; exit 2 naming the known units when there is none.
void print_unit(const plan& p, const plan_args& a) {
  const auto* u = p.find_unit_by_name(a.unit_name);
  if (!u) u = p.find_unit(unit_id(a.unit_name));
  if (!u) {
    std::cerr << "qgov: no unit named \"" << a.unit_name << "\" in plan " << p.id() << "; known units:";
    for (const auto& x : p.units()) std::cerr << ' ' << x.name;
    std::cerr << "\n";
    throw CLI::RuntimeError(exit_bad_input);
  }
  if (a.format == "json") print_unit_json(p, *u, std::cout);
  else print_unit_text(p, *u, std::cout);
}

}  // namespace

void add_plan_commands(CLI::App& app) {
  auto* plan_cmd = app.add_subcommand("plan", "Print the whole plan: document, goals with targets, clause links");
  auto pa = std::make_shared<plan_args>();
  add_plan_options(plan_cmd, *pa, {"json", "text"});
  plan_cmd->callback([pa] {
    const plan p = chosen_plan(pa->plan_file, pa->convention);
    if (pa->format == "json") std::cout << to_json(p);
    else print_plan_text(p, std::cout);
  });

  auto* matrix_cmd = app.add_subcommand("matrix", "Print the clause-to-unit responsibility matrix");
  auto ma = std::make_shared<plan_args>();
  add_plan_options(matrix_cmd, *ma, {"json", "csv", "text"});
  matrix_cmd->callback([ma] {
    const plan p = chosen_plan(ma->plan_file, ma->convention);
    if (ma->format == "json") std::cout << matrix_to_json(p);
    else if (ma->format == "csv") print_matrix_csv(p, std::cout);
    else print_matrix_text(p, std::cout);
  });

  auto* unit_cmd = app.add_subcommand("unit", "Print one unit's clauses (with roles) and the goals it answers for");
  auto ua = std::make_shared<plan_args>();
  unit_cmd->add_option("name", ua->unit_name, "The unit's Chinese name as printed (区市场监管局) or its id (market_regulation)")->required();
  add_plan_options(unit_cmd, *ua, {"json", "text"});
  unit_cmd->callback([ua] { print_unit(chosen_plan(ua->plan_file, ua->convention), *ua); });
}

}  // namespace qgov::cli
