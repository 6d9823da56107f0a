// A host application: which clauses does one bureau answer for, in which role, and for which goals?
// Usage: host_app [UNIT]   (the unit's name as printed, e.g. 区市场监管局, or its id; default 区市场监管局)
#include <iostream>
#include <string>

#include <qgov/qgov.hpp>

int main(int argc, char** argv) {
  const std::string wanted = argc > 1 ? argv[1] : "区市场监管局";
  const qgov::plan& plan = qgov::plans::dongli_2024();

  const qgov::responsible_unit* unit = plan.find_unit_by_name(wanted);
  if (!unit) unit = plan.find_unit(qgov::unit_id(wanted));
  if (!unit) {
    std::cerr << "no unit \"" << wanted << "\" in " << plan.document().number.text << "\n";
    return 1;
  }

  std::cout << "qgov " << qgov::version_string << " - " << plan.document().title.text << " ("
            << plan.document().number.text << ")\n"
            << unit->name << " / " << unit->name_en << "\n\n";
  int led = 0, shared = 0;
  for (const qgov::clause_assignment& a : plan.clauses_of(unit->id)) {
    const qgov::clause* c = plan.find_clause(a.clause);
    std::cout << "  clause " << a.clause.value << "  " << c->title.text << "  [" << qgov::to_string(a.unit_role) << "]\n";
    (a.unit_role == qgov::role::lead ? led : shared) += 1;
  }
  std::cout << "\n" << led << " clauses led, " << shared << " shared. Goals it answers for:\n";
  for (const qgov::goal& g : plan.goals_of(unit->id)) {
    std::cout << "  " << g.id << ": " << g.quote;
    if (g.target)
      std::cout << "  (" << qgov::symbol(g.target->comparator) << " " << g.target->value << " " << g.target->unit
                << " by " << qgov::to_iso(g.deadline) << ")";
    std::cout << "\n";
  }
  return 0;
}
