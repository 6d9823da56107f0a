// load_error: every problem of an input in one message, each at origin:where, and kept as data.
#include <qgov/core/error.hpp>

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

using qgov::load_error;
using qgov::problem;

TEST_SUITE("error") {
  TEST_CASE("one problem: a count line, then the problem at origin:where") {
    const load_error e("plan.json", {{"/goals/3/quote", "not found in the source text"}});
    CHECK(std::string(e.what()) == "plan.json: 1 problem\n  plan.json:/goals/3/quote: not found in the source text");
    CHECK(e.origin() == "plan.json");
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0] == problem{"/goals/3/quote", "not found in the source text"});
  }
  TEST_CASE("several problems are all listed, in the order found") {
    const load_error e("obs.csv", {{"3:7", "value: expected a number"}, {"9:1", "goal: unknown goal \"x\""}});
    CHECK(std::string(e.what()) ==
          "obs.csv: 2 problems\n  obs.csv:3:7: value: expected a number\n  obs.csv:9:1: goal: unknown goal \"x\"");
    CHECK(e.problems().size() == 2);
    CHECK(e.problems()[1].where == "9:1");
  }
  TEST_CASE("a load_error is a qgov::error is a std::runtime_error") {
    try {
      throw load_error("<string>", {});
    } catch (const qgov::error& e) {
      CHECK(std::string(e.what()) == "<string>: 0 problems");
    }
    CHECK_THROWS_AS(throw load_error("x", {}), std::runtime_error);
    CHECK(problem{"a", "b"} != problem{"a", "c"});
  }
}
