// The Open SDG progress measure over a JSON batch (`qgov progress --batch`): one result per series, in order, and
// malformed batches refused at their JSON path.
#include <qgov/io/progress_json.hpp>

#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include <qgov/core/error.hpp>

#include "../test_support.hpp"

using namespace qgov;

TEST_CASE("the sample batch: R&D share limited progress, a target achieved, two series that cannot be assessed") {
  const auto out = nlohmann::json::parse(progress_batch_json(test::read(test::repo("tests/data/progress-batch.json"))));
  REQUIRE(out.is_array());
  REQUIRE(out.size() == 4);
  // the values cli.progress_batch expects of the same file
  CHECK(out[0].at("progress_value").get<double>() == doctest::Approx(0.5065099070146682).epsilon(1e-12));
  CHECK(out[0].at("status") == "limited_progress");
  CHECK(out[1].at("status") == "target_achieved");
  CHECK(out[2].at("status") == "not_available");
  CHECK(out[2].contains("reason"));
  CHECK(out[3].at("status") == "not_available");
}

TEST_CASE("the output is indented as asked and the same bytes for the same batch") {
  const std::string batch = R"([{"points": [[2020, 90], [2024, 95]], "config": {"target": 99, "target_year": 2030, "direction": "positive"}}])";
  CHECK(progress_batch_json(batch) == progress_batch_json(batch));
  CHECK(progress_batch_json(batch, "<batch>", 4).find("\n    {") != std::string::npos);
  CHECK(progress_batch_json("[]").find('[') != std::string::npos);
}

TEST_CASE("malformed batches are load_errors naming the origin and the JSON path") {
  auto problem_of = [](const std::string& json) {
    try {
      (void)progress_batch_json(json, "b.json");
    } catch (const load_error& e) {
      CHECK(e.origin() == "b.json");
      REQUIRE_FALSE(e.problems().empty());
      return e.problems()[0].where + ": " + e.problems()[0].message;
    }
    return std::string("(accepted)");
  };
  CHECK(problem_of("{}").find("expected a JSON array of series") != std::string::npos);
  CHECK(problem_of(R"([{"points": [[2020]]}])").find("/0/points/0") != std::string::npos);
  CHECK(problem_of(R"([{"points": [], "config": {"colour": 1}}])").find("/0/config") != std::string::npos);
  CHECK(problem_of(R"([{"points": [[2020, 1]], "config": {"target": 2}}])") ==
        "/0/config/direction: required with a target: \"positive\" (higher is better) or \"negative\" (lower is better)");
}
