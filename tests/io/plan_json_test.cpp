// Plan files: round trip, and one clear message per problem for each kind of bad input.
#include <qgov/io/plan_json.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include <qgov/core/error.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include "../test_support.hpp"

using namespace qgov;
using json = nlohmann::json;

namespace {

const std::string& source() {
  static const std::string s = test::read(test::repo("data/sources/dongli-2024.txt"));
  return s;
}

json dongli_json() { return json::parse(test::read(test::repo("data/plans/dongli-2024.json"))); }

// Loads `j` against the Dongli text and returns the problems reported (empty if it loaded).
std::vector<problem> problems_of(const json& j, const std::string& text = source()) {
  try {
    (void)parse_plan(j.dump(), text, "test.json");
    return {};
  } catch (const load_error& e) {
    CHECK(e.origin() == "test.json");
    return e.problems();
  }
}

bool has(const std::vector<problem>& ps, const std::string& where, const std::string& fragment) {
  return std::any_of(ps.begin(), ps.end(), [&](const problem& p) {
    return p.where == where && p.message.find(fragment) != std::string::npos;
  });
}

std::string dump(const std::vector<problem>& ps) {
  std::string s;
  for (const auto& p : ps) s += p.where + ": " + p.message + "\n";
  return s;
}

}  // namespace

TEST_SUITE("io::plan_json") {
  TEST_CASE("to_json then parse_plan gives back an equal plan") {
    const plan& p = plans::dongli_2024();
    const plan again = parse_plan(to_json(p), std::string(p.source_text()));
    CHECK(again.data() == p.data());
    CHECK(to_json(again) == to_json(p));
  }

  TEST_CASE("the plan JSON contract: goals carry id, quote, comparator, value, unit, deadline, kind, source, clauses") {
    const auto j = json::parse(to_json(plans::dongli_2024()));
    for (const auto& g : j.at("goals")) {
      CAPTURE(g.at("id"));
      for (const char* key : {"id", "quote", "deadline", "kind", "source", "clauses"}) CHECK(g.contains(key));
      if (g.at("kind") != "qualitative" && g.at("kind") != "trend") {
        CHECK(g.at("value").is_number());
        CHECK(g.at("unit").is_string());
        const auto c = g.at("comparator").get<std::string>();
        CHECK((c == "gt" || c == "ge" || c == "lt" || c == "le" || c == "eq"));
      } else {
        CHECK_FALSE(g.contains("comparator"));
      }
      const auto kind = g.at("source").at("kind").get<std::string>();
      CHECK((kind == "clause" || kind == "column"));
      CHECK(g.at("source").at("number").is_number_integer());
      for (const auto& c : g.at("clauses")) {
        CHECK(c.at("number").is_number_integer());
        CHECK((c.at("link") == "stated" || c.at("link") == "assigned"));
      }
    }
    const auto rd = std::find_if(j.at("goals").begin(), j.at("goals").end(), [](const json& g) { return g.at("id") == "rd_expenditure_share"; });
    CHECK(rd->at("comparator") == "gt");
    CHECK(rd->at("value") == 3.8);
    CHECK(rd->at("unit") == "%");
    CHECK(rd->at("deadline") == "2025-12-31");
  }

  TEST_CASE("a broken quote is rejected, naming the goal and where the quote really is") {
    auto j = dongli_json();
    j["goals"][5]["quote"] = "食品评价性抽检合格率达到99%以上";
    const auto ps = problems_of(j);
    INFO(dump(ps));
    REQUIRE(ps.size() == 1);
    CHECK(has(ps, "/goals/5/quote", "is not verbatim at its span"));
    CHECK(has(ps, "/goals/5/quote", "occurs nowhere in the source"));
  }

  TEST_CASE("a quote whose span points elsewhere says where the quote does occur") {
    auto j = dongli_json();
    j["goals"][0]["span"] = json::array({0, 10});
    const auto ps = problems_of(j);
    INFO(dump(ps));
    REQUIRE(ps.size() == 1);  // the consequences (quote outside its clause, stated link) are not repeated
    CHECK(has(ps, "/goals/0/span", "cuts a UTF-8 character"));
    j["goals"][0]["span"] = json::array({0, 9});
    const auto ps2 = problems_of(j);
    INFO(dump(ps2));
    CHECK(has(ps2, "/goals/0/quote", "does occur at byte"));
  }

  TEST_CASE("an unknown unit in the matrix is rejected") {
    auto j = dongli_json();
    j["responsibility"]["lists"][0]["cells"][1]["unit"] = "ministry_of_magic";
    const auto ps = problems_of(j);
    INFO(dump(ps));
    REQUIRE(ps.size() == 1);
    CHECK(has(ps, "/responsibility/lists/0/cells/1/unit", "unknown unit \"ministry_of_magic\""));
  }

  TEST_CASE("a duplicate goal id is rejected, pointing at the first") {
    auto j = dongli_json();
    j["goals"][3]["id"] = j["goals"][1]["id"];
    const auto ps = problems_of(j);
    INFO(dump(ps));
    REQUIRE(ps.size() == 1);
    CHECK(has(ps, "/goals/3/id", "duplicate goal id \"high_tech_output_share\" (first at /goals/1)"));
  }

  TEST_CASE("a malformed date is rejected with what was expected") {
    auto j = dongli_json();
    j["goals"][2]["deadline"] = "2025-13-31";
    j["document"]["issued_on"] = "22/08/2024";
    const auto ps = problems_of(j);
    INFO(dump(ps));
    REQUIRE(ps.size() == 2);
    CHECK(has(ps, "/goals/2/deadline", "expected an ISO date YYYY-MM-DD, got \"2025-13-31\""));
    CHECK(has(ps, "/document/issued_on", "expected an ISO date YYYY-MM-DD, got \"22/08/2024\""));
  }

  TEST_CASE("all problems in a file are reported together, one message each") {
    auto j = dongli_json();
    j["goals"][5]["quote"] = "不存在的句子";
    j["goals"][3]["id"] = j["goals"][1]["id"];
    j["goals"][2]["deadline"] = "soon";
    j["responsibility"]["lists"][4]["cells"][0]["unit"] = "nobody";
    j["goals"][0]["comparator"] = ">";
    j["goals"][0]["tolerance"] = 0.1;
    const auto ps = problems_of(j);
    INFO(dump(ps));
    CHECK(ps.size() == 6);
    CHECK(has(ps, "/goals/0/comparator", "unknown value \">\"; expected one of: gt, ge, lt, le, eq"));
    CHECK(has(ps, "/goals/0/tolerance", "unknown field \"tolerance\""));
  }

  TEST_CASE("the error message names the file, the count, and each path") {
    auto j = dongli_json();
    j["goals"][2]["deadline"] = "soon";
    try {
      (void)parse_plan(j.dump(), source(), "plans/bad.json");
      FAIL("expected a load_error");
    } catch (const load_error& e) {
      const std::string what = e.what();
      CHECK(what.find("plans/bad.json: 1 problem") == 0);
      CHECK(what.find("plans/bad.json:/goals/2/deadline: expected an ISO date") != std::string::npos);
    }
  }

  TEST_CASE("missing, mistyped and unknown fields") {
    auto j = dongli_json();
    j["goals"][1].erase("quote");
    j["units"][0]["name"] = 42;
    j["clauses"][0]["span"] = json::array({1});
    j["extra"] = true;
    const auto ps = problems_of(j);
    INFO(dump(ps));
    CHECK(has(ps, "/goals/1/quote", "missing required field \"quote\""));
    CHECK(has(ps, "/units/0/name", "expected a string, got a number 42"));
    CHECK(has(ps, "/clauses/0/span", "expected [begin, end]"));
    CHECK(has(ps, "/extra", "unknown field \"extra\""));
  }

  TEST_CASE("a malformed element does not shift the paths of the problems after it") {
    auto j = dongli_json();
    j["goals"][2] = "not an object";
    j["goals"][11]["id"] = j["goals"][10]["id"];
    j["goals"][1]["deadline"] = "soon";
    j["goals"][10]["quote"] = "不在文中";
    const auto ps = problems_of(j);
    INFO(dump(ps));
    CHECK(has(ps, "/goals/2", "expected an object, got a string"));
    CHECK(has(ps, "/goals/11/id", "duplicate goal id \"quality_award_winners\" (first at /goals/10)"));
    CHECK(has(ps, "/goals/1/deadline", "expected an ISO date"));
    CHECK(has(ps, "/goals/10/quote", "occurs nowhere"));  // not hidden by the problem at /goals/1
    CHECK(ps.size() == 4);
  }

  TEST_CASE("provenance fields are checked: the source digest is required, the printed date must agree") {
    auto j = dongli_json();
    j["source"].erase("sha256");
    j["document"]["issued_on"] = "2024-08-23";
    const auto ps = problems_of(j);
    INFO(dump(ps));
    CHECK(has(ps, "/source/sha256", "missing required field"));
    CHECK(has(ps, "/document/issued_on", "differs from the printed date \"2024年8月22日\""));
  }

  TEST_CASE("fields that belong to another kind of goal are refused, not dropped") {
    auto j = dongli_json();
    j["goals"][7]["stated"] = "全部";         // consumer_goods_quality is qualitative
    j["goals"][0]["items"] = {"研发"};        // items belong to milestones
    const auto ps = problems_of(j);
    INFO(dump(ps));
    CHECK(has(ps, "/goals/7/stated", "has no comparator, value and unit"));
    CHECK(has(ps, "/goals/0/items", "only milestone goals have items"));
  }

  // Found by tests/fuzz: each was a crash, an escaping non-qgov exception, or a broken round trip.
  TEST_CASE("fuzzer regressions: hostile JSON is a load_error, never a crash") {
    SUBCASE("a number too large for a double") {
      CHECK_THROWS_AS((void)parse_plan("1e999", source()), load_error);
      auto j = dongli_json().dump();
      j.replace(j.find("\"qgov_plan\":1"), 13, "\"qgov_plan\":1e999");
      CHECK_THROWS_AS((void)parse_plan(j, source()), load_error);
    }
    SUBCASE("nesting 100 000 levels deep") {
      const std::string deep = "{\"qgov_plan\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
      try {
        (void)parse_plan(deep, source(), "deep.json");
        FAIL("expected a load_error");
      } catch (const load_error& e) {
        CHECK(has(e.problems(), "", "levels deep"));
      }
    }
    SUBCASE("a flood of long duplicate keys is summarised, not reported one by one") {
      std::string flood = "{";
      const std::string key(2000, 'k');
      for (int i = 0; i < 5000; ++i) flood += "\"" + key + "\": 1,";
      flood += "\"end\": 1}";
      try {
        (void)parse_plan(flood, source(), "flood.json");
        FAIL("expected a load_error");
      } catch (const load_error& e) {
        std::size_t duplicates = 0;
        for (const auto& pr : e.problems()) {
          CHECK(pr.message.size() < 600);  // keys are shortened in messages
          if (pr.message.rfind("duplicate key", 0) == 0) ++duplicates;
        }
        CHECK(duplicates == 20);
        CHECK(has(e.problems(), "", "4979 more duplicate keys not listed"));
      }
    }
    SUBCASE("a mistyped deep value is named, not dumped") {
      auto j = dongli_json();
      j["id"] = json::array({json::array({json::array({1})})});
      CHECK(has(problems_of(j), "/id", "expected a string, got an array"));
    }
  }

  TEST_CASE("fuzzer regressions: what loads must write back to an equal plan") {
    SUBCASE("an empty issue date is refused") {
      auto j = dongli_json();
      j["document"]["issued_on"] = "";
      CHECK(has(problems_of(j), "/document/issued_on", "expected an ISO date YYYY-MM-DD, got \"\""));
    }
    SUBCASE("an optional spanned text with a span but no text is refused") {
      auto j = dongli_json();
      j["document"]["disclosure"]["text"] = "";
      CHECK(has(problems_of(j), "/document/disclosure/text", "is empty"));
      j = dongli_json();
      j["document"]["notice_title"]["text"] = "";
      CHECK(has(problems_of(j), "/document/notice_title/text", "text is empty but the span is not"));
    }
    SUBCASE("a digest that is not 64 hex digits is refused") {
      auto j = dongli_json();
      j["source"]["sha256"] = "";
      CHECK(has(problems_of(j), "/source/sha256", "64 lower-case hex digits"));
      j["source"]["sha256"] = std::string(64, 'A');
      CHECK(has(problems_of(j), "/source/sha256", "64 lower-case hex digits"));
    }
    SUBCASE("an empty enum value is unknown, not the default") {
      auto j = dongli_json();
      j["units"][0]["kind"] = "";
      j["goals"][0]["kind"] = "";
      j["responsibility"]["convention"] = "";
      j["goals"][0]["clauses"][1]["link"] = "";
      const auto ps = problems_of(j);
      INFO(dump(ps));
      CHECK(has(ps, "/units/0/kind", "unknown value \"\""));
      CHECK(has(ps, "/goals/0/kind", "unknown value \"\""));
      CHECK(has(ps, "/responsibility/convention", "unknown value \"\""));
      CHECK(has(ps, "/goals/0/clauses/1/link", "unknown value \"\""));
    }
    SUBCASE("a plan without disclosure and notice title round-trips") {
      auto j = dongli_json();
      j["document"].erase("disclosure");
      j["document"].erase("notice_title");
      const plan p = parse_plan(j.dump(), source());
      CHECK(parse_plan(to_json(p), source()).data() == p.data());
    }
  }

  TEST_CASE("invalid JSON reports line and column") {
    try {
      (void)parse_plan("{\n  \"id\": \"x\",\n  oops\n}", source(), "bad.json");
      FAIL("expected a load_error");
    } catch (const load_error& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].where == "3:3");
      CHECK(e.problems()[0].message.find("invalid JSON") == 0);
    }
  }

  TEST_CASE("duplicate keys are refused instead of silently keeping the last") {
    auto text = dongli_json().dump();
    text.insert(1, "\"id\": \"shadow\", ");
    try {
      (void)parse_plan(text, source(), "dup.json");
      FAIL("expected a load_error");
    } catch (const load_error& e) {
      INFO(std::string(e.what()));
      CHECK(has(e.problems(), "/id", "duplicate key \"id\""));
    }
  }

  TEST_CASE("a source text that is not the one the plan was written for is caught by its digest") {
    std::string edited = source();
    edited.replace(edited.find("3.8%"), 4, "3.9%");
    const auto ps = problems_of(dongli_json(), edited);
    INFO(dump(ps));
    CHECK(has(ps, "/source/sha256", "the plan's spans may not match this text"));
    CHECK(has(ps, "/goals/0/quote", "is not verbatim"));
  }

  TEST_CASE("invalid UTF-8 in the source names the byte offset") {
    std::string broken = source();
    const auto at = broken.find("主要目标");  // the first byte of a character: the ill-formed sequence starts there
    broken[at] = '\xff';
    const auto ps = problems_of(dongli_json(), broken);
    REQUIRE(ps.size() == 1);
    CHECK(has(ps, "/source/path", "not valid UTF-8 at byte " + std::to_string(at)));
  }

  TEST_CASE("load_plan reads the source relative to the plan file, and reports a missing source file") {
    const plan p = load_plan(test::repo("data/plans/dongli-2024.json"));
    CHECK(p.matrix().size() == 26);
    const auto dir = std::filesystem::temp_directory_path() / "qgov-plan-json-test";
    std::filesystem::create_directories(dir);
    const auto file = dir / "moved.json";
    std::ofstream(file) << test::read(test::repo("data/plans/dongli-2024.json"));
    try {
      (void)load_plan(file);
      FAIL("expected a load_error");
    } catch (const load_error& e) {
      CHECK(has(e.problems(), "/source/path", "does not exist; expected a source text file"));
    }
    plan_load_options o;
    o.source_path = test::repo("data/sources/dongli-2024.txt");
    CHECK(load_plan(file, o).data().goals.size() == p.goals().size());
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("a failed load leaves the caller's plan as it was") {
    plan current = plans::dongli_2024();
    auto j = dongli_json();
    j["goals"][0]["deadline"] = "never";
    CHECK_THROWS_AS(current = parse_plan(j.dump(), source()), load_error);
    CHECK(current.data() == plans::dongli_2024().data());
  }

  TEST_CASE("a convention requested at load time replaces the file's") {
    plan_load_options o;
    o.convention = role_convention::all_responsible;
    const plan p = parse_plan(dongli_json().dump(), source(), "x", o);
    CHECK(p.convention() == role_convention::all_responsible);
    CHECK_FALSE(p.lead_of(clause_number{3}).has_value());
  }

  TEST_CASE("explicit roles are read from the cells, and required there") {
    auto j = dongli_json();
    j["responsibility"]["convention"] = "explicit";
    for (auto& l : j["responsibility"]["lists"])
      for (auto& c : l["cells"]) c["role"] = "responsible";
    j["responsibility"]["lists"][0]["cells"][2]["role"] = "lead";
    j["responsibility"]["lists"][0]["cells"][3]["role"] = "supporting";
    const plan p = parse_plan(j.dump(), source());
    CHECK(p.lead_of(clause_number{3}) == unit_id("development_reform"));
    CHECK(p.list_of(clause_number{3})->cells[3].unit_role == role::supporting);
    j["responsibility"]["lists"][1]["cells"][0].erase("role");
    const auto ps = problems_of(j);
    CHECK(has(ps, "/responsibility/lists/1/cells/0/role", "missing required field \"role\""));
  }

  TEST_CASE("a stated role that contradicts the convention is an error, not silently overridden") {
    auto j = dongli_json();
    j["responsibility"]["lists"][0]["cells"][1]["role"] = "lead";
    const auto ps = problems_of(j);
    INFO(dump(ps));
    CHECK(has(ps, "/responsibility/lists/0/cells/1/role", "contradicts the convention"));
  }

  TEST_CASE("a message quoting input that is not JSON stays valid UTF-8 (nlohmann quotes half a character)") {
    // The first byte of 东 is where nlohmann stops; its message quotes that single byte, which is written as \xE4.
    try {
      (void)parse_plan("东丽", source(), "<t>");
      FAIL("expected load_error");
    } catch (const load_error& e) {
      const std::string what = e.what();
      CHECK(what.find("invalid JSON") != std::string::npos);
      CHECK(what.find("\\xE4") != std::string::npos);
      for (unsigned char c : what) CHECK_MESSAGE(c < 0x80, "the only non-ASCII bytes would be the half character");
    }
  }
}
