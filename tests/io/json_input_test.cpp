// Every JSON reader takes input the same way (src/detail/json_input.hpp): duplicate keys, numbers out of range, hostile
// nesting and text that is not JSON all end as a qgov::load_error naming the input, never another exception.
#include <qgov/io/plan_json.hpp>

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include <qgov/core/error.hpp>
#include <qgov/io/evaluation_json.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/io/progress_json.hpp>
#include <qgov/plans/dongli_2024.hpp>
#include <qgov/scenario/scenario.hpp>
#include <qgov/supervision/directory_io.hpp>

using namespace qgov;

namespace {

struct reader {
  const char* name;
  std::function<void(const std::string&)> read;
};

std::vector<reader> readers() {
  return {
      {"evaluation", [](const std::string& t) { (void)parse_evaluation_json(t, "<in>"); }},
      {"scenario", [](const std::string& t) { (void)parse_scenario_file(t, ".", "<in>"); }},
      {"progress batch", [](const std::string& t) { (void)progress_batch_json(t, "<in>"); }},
      {"credit scheme", [](const std::string& t) { (void)supervision::parse_scheme_json(t, "<in>"); }},
      {"plan", [](const std::string& t) { (void)parse_plan(t, std::string(plans::dongli_2024_source_text()), "<in>"); }},
      {"observations", [](const std::string& t) { (void)parse_observations_json(t, plans::dongli_2024(), "<in>"); }},
  };
}

// The message of the load_error `text` gives, or a note that something else happened.
std::string failure(const reader& r, const std::string& text) {
  try {
    r.read(text);
    return "<loaded>";
  } catch (const load_error& e) {
    CHECK(e.origin() == "<in>");
    return e.what();
  } catch (const std::exception& e) {
    return std::string("<other exception> ") + e.what();
  }
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("io::json_input") {
  TEST_CASE("duplicate keys are refused, not silently resolved to the last one") {
    for (const auto& r : readers()) {
      CAPTURE(r.name);
      const auto m = failure(r, R"({"a": 1, "a": 2})");
      CHECK(has(m, "duplicate key \"a\""));
    }
  }

  TEST_CASE("a number beyond double range is a load error with the reader's origin") {
    for (const auto& r : readers()) {
      CAPTURE(r.name);
      CHECK(has(failure(r, R"({"x": 1e999})"), "invalid JSON"));
    }
  }

  TEST_CASE("hostile nesting is refused before any recursive walk") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    for (const auto& r : readers()) {
      CAPTURE(r.name);
      const auto m = failure(r, deep);
      CHECK(has(m, "levels deep"));
    }
  }

  TEST_CASE("not JSON: the line and column, and a message that is valid UTF-8") {
    for (const auto& r : readers()) {
      CAPTURE(r.name);
      const auto m = failure(r, "{\n  东丽");
      CHECK(has(m, "<in>:2:3: invalid JSON"));
      CHECK(has(m, "\\xE4"));
    }
  }

  TEST_CASE("a progress batch year too large for an int is refused, never converted (found by progress_batch_fuzz)") {
    const reader batch{"progress batch", [](const std::string& t) { (void)progress_batch_json(t, "<in>"); }};
    for (const char* year : {"2333333333333333025", "22222222222222", "2.2e13", "1e6", "-1e7", "2025.5"}) {
      CAPTURE(year);
      const auto m = failure(batch, std::string(R"([{"points": [[2015, 1], [2020, 2]], "config": {"target_year": )") +
                                        year + ", \"target\": 3, \"direction\": \"positive\"}}]");
      CHECK(has(m, "/config/target_year"));
      CHECK(has(m, "expected a whole year"));
    }
    CHECK(failure(batch, R"([{"points": [[2015, 1], [2020, 2]], "config": {"target_year": 2030, "target": 3, "direction": "positive"}}])") ==
          "<loaded>");
  }
}
