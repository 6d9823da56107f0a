// JSON interchange: load ∘ save is the identity on every field, for plans, observations and evaluations.
#include <qgov/io/evaluation_json.hpp>

#include <doctest/doctest.h>

#include <qgov/io/observations.hpp>
#include <qgov/io/plan_json.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include "../fixture_values.hpp"

namespace {

using namespace qgov;

// `origin` says where an observation was read ("obs.json:/observations/3"), so a reader sets it; every other field
// must come back as written.
std::vector<observation> without_origin(std::vector<observation> v) {
  for (auto& o : v) o.origin.clear();
  return v;
}

std::string message_of(auto&& f) {
  try {
    f();
  } catch (const load_error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("a plan comes back equal from its JSON, under every role convention") {
  for (auto c : {role_convention::first_listed_leads, role_convention::all_responsible, role_convention::explicit_roles}) {
    const plan p = plans::dongli_2024().with_convention(c);
    const plan back = parse_plan(to_json(p), std::string(p.source_text()));
    CHECK(back.data() == p.data());
    CHECK(to_json(back) == to_json(p));
  }
}

TEST_CASE("observations come back equal from JSON and CSV, revisions and rates included") {
  const auto ledger = test::fixture_ledger();
  const plan& p = plans::dongli_2024();
  REQUIRE(ledger.size() > 20);
  bool has_rate = false, has_level = false;
  for (const auto& o : ledger.all()) has_rate |= o.rate.has_value(), has_level |= o.level.has_value();
  CHECK(has_rate);
  CHECK(has_level);
  CHECK(without_origin(parse_observations_json(to_json(ledger), p).all()) == without_origin(ledger.all()));
  CHECK(without_origin(parse_observations_csv(to_csv(ledger), p).all()) == without_origin(ledger.all()));
  const auto back = parse_observations_json(to_json(ledger), p, "obs.json");
  CHECK(back.all().front().origin == "obs.json:/observations/0");
}

TEST_CASE("an evaluation comes back equal from its JSON on every date of the plan's life") {
  const plan& p = plans::dongli_2024();
  const auto ledger = test::fixture_ledger();
  for (const date as_of : {date(2024, 8, 22), date(2024, 12, 31), date(2025, 6, 30), date(2025, 12, 31),
                           date(2026, 6, 30), date(2036, 1, 1)}) {
    CAPTURE(to_iso(as_of));
    const evaluation e = evaluate(p, ledger, as_of);
    const evaluation back = parse_evaluation_json(to_json(e, p));
    CHECK(back == e);
    CHECK(to_json(back, p) == to_json(e, p));
  }
  const evaluation late = test::fixture_evaluation();
  CHECK(parse_evaluation_json(to_json(late, p)) == late);
}

TEST_CASE("the evaluation reader names the JSON path of each problem") {
  const plan& p = plans::dongli_2024();
  std::string j = to_json(test::fixture_evaluation(), p);
  const auto at = j.find("\"status\": \"");
  j.replace(at, 11, "\"status\": \"great");
  const std::string m = message_of([&] { (void)parse_evaluation_json(j, "e.json"); });
  CHECK(m.find("e.json:/goals/0/status: unknown value \"greaton_track\"") != std::string::npos);
  CHECK(message_of([&] { (void)parse_evaluation_json("{\"plan\": 3}", "e.json"); })
            .find("e.json:/plan: expected a string, got a number") != std::string::npos);
  CHECK(message_of([&] { (void)parse_evaluation_json("[", "e.json"); }).find("invalid JSON") != std::string::npos);
  CHECK(message_of([&] { (void)parse_evaluation_json("{\"plan\":\"x\",\"as_of\":\"2025-01-01\",\"known_as_of\":"
                                                     "\"2025-01-01\",\"goals\":[],\"bureaus\":[],\"coverage\":[],"
                                                     "\"colour\":1}"); })
            .find("/colour: unknown field") != std::string::npos);
}
