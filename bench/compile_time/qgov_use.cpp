// qgov_use.cpp — the umbrella header plus a few queries. clauses_of / goals_of return range-v3
// views, whose templates are only instantiated where a host uses them, so this TU adds that cost.
#include <qgov/qgov.hpp>

#include <cstddef>

int main() {
  const qgov::plan& p = qgov::plans::dongli_2024();
  const qgov::unit_id u("market_regulation");

  std::size_t n = 0;
  for (const qgov::clause_assignment& a : p.clauses_of(u)) {
    n += static_cast<std::size_t>(a.clause.value);
  }
  for (const qgov::goal& g : p.goals_of(u)) {
    n += g.id.str().size();
  }
  return static_cast<int>(n % 2);
}
