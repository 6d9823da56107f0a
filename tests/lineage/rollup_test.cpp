// The roll-up of several plans for the level above: it equals the per-plan evaluations it is built from.
#include <qgov/lineage/rollup.hpp>

#include <doctest/doctest.h>
#include <algorithm>
#include <cmath>
#include <random>

#include <nlohmann/json.hpp>

#include <qgov/eval/evaluation.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include "lineage_plans.hpp"

using namespace qgov;
using namespace qgov::test;

TEST_CASE("roll-up of three plans equals the per-plan evaluations it is built from") {
  const plan jia = load("tests/lineage/data/district-jia.json"), yi = load("tests/lineage/data/district-yi.json");
  std::vector<rollup_input> in{
      {dongli(), parse_observations_csv(plans::dongli_2024_sample_csv(), dongli(), "sample")},
      {jia, load_observations(test::repo("tests/lineage/data/district-jia-observations.csv"), jia)},
      {yi, load_observations(test::repo("tests/lineage/data/district-yi-observations.csv"), yi)}};
  const date as_of(2026, 6, 30);
  const auto r = make_rollup(in, vocabulary(), as_of);
  REQUIRE(r.evaluations.size() == 3);
  for (std::size_t k = 0; k < 3; ++k) CHECK(r.evaluations[k] == evaluate(in[k].plan, in[k].observations, as_of));
  int cells = 0;
  for (const auto& row : r.indicators) {
    REQUIRE(row.cells.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
      if (!row.cells[k]) continue;
      const auto own = evaluate_goal(in[k].plan, *in[k].plan.find_goal(row.cells[k]->goal), in[k].observations, as_of, as_of);
      CHECK(row.cells[k]->status == own.status);
      CHECK(row.cells[k]->value == own.value);
      CHECK(vocabulary().match(*in[k].plan.find_goal(row.cells[k]->goal))->id == row.indicator);
      ++cells;
    }
  }
  CHECK(cells >= 12);  // the four shared indicators in each of the three plans, plus Dongli's own
  for (std::size_t k = 0; k < 3; ++k) {
    std::size_t total = 0;
    for (auto n : r.plans[k].counts) total += n;
    CHECK(total == in[k].plan.goals().size());
    for (const auto& g : r.evaluations[k].goals) CHECK(r.plans[k].counts[static_cast<std::size_t>(g.status)] > 0);
  }
  // ranks: competition ranking of the scores, ties sharing a rank
  for (std::size_t a = 0; a < 3; ++a)
    for (std::size_t b = 0; b < 3; ++b)
      if (r.plans[a].score && r.plans[b].score) {
        if (std::round(*r.plans[a].score * 100) == std::round(*r.plans[b].score * 100)) CHECK(r.plans[a].rank == r.plans[b].rank);
        if (*r.plans[a].score > *r.plans[b].score + 0.01) CHECK(*r.plans[a].rank < *r.plans[b].rank);
      }
  // the invented districts tie (three achieved, one missed each): they share rank 1, and Dongli comes third
  CHECK(r.plans[1].score == r.plans[2].score);
  CHECK(r.plans[0].rank == std::optional<std::size_t>(3));
  CHECK(r.plans[1].rank == std::optional<std::size_t>(1));
  CHECK(r.plans[2].rank == std::optional<std::size_t>(1));
  const std::string html = render_rollup_html(r, in);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("id=\"rollup-grid\"") != std::string::npos);
  CHECK_THROWS_AS((void)make_rollup({in[0], in[0]}, vocabulary(), as_of), qgov::error);
}
