// The C interface through libqgov.so only (this test links qgov::c, not the C++ library): every entry point's
// success and its error paths — NULL handle or output, bad UTF-8, bad JSON or CSV, unknown goal, index past the
// end — each returning a code and a message with the input's location, and NULL in every handle or string output.
#include <doctest/doctest.h>

#include <qgov/qgov.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

extern "C" int qgov_test_c_status_of(const char* as_of, const char* goal);
extern "C" int qgov_test_c_versions_agree(void);

namespace {

const std::string source_dir = QGOV_SOURCE_DIR;
const char bad_utf8[] = "food\xC3(\xFF";  // a lead byte without its continuation, and 0xFF

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool contains(const char* haystack, const std::string& needle) {
  return haystack && std::string(haystack).find(needle) != std::string::npos;
}

// The status is `expected` and the message says `says` (besides naming the call).
#define CHECK_FAILS(call, expected, says)                      \
  do {                                                         \
    const qgov_status s_ = (call);                             \
    CHECK(s_ == (expected));                                   \
    CHECK(qgov_last_status() == (expected));                   \
    CHECK_MESSAGE(contains(qgov_last_error(), says), qgov_last_error()); \
  } while (0)

struct handles {
  qgov_plan* plan = nullptr;
  qgov_ledger* ledger = nullptr;
  qgov_evaluation* evaluation = nullptr;
  handles(const char* as_of = "2025-12-31") {
    REQUIRE(qgov_plan_dongli_2024(&plan) == QGOV_OK);
    REQUIRE(qgov_ledger_dongli_sample(plan, &ledger) == QGOV_OK);
    REQUIRE(qgov_evaluate(plan, ledger, as_of, nullptr, &evaluation) == QGOV_OK);
  }
  ~handles() {
    qgov_evaluation_destroy(evaluation);
    qgov_ledger_destroy(ledger);
    qgov_plan_destroy(plan);
  }
};

}  // namespace

TEST_CASE("C API: versions and status names") {
  CHECK(std::string(qgov_version()) == "0.1.0");
  CHECK(qgov_version_number() == QGOV_VERSION);
  CHECK(qgov_test_c_versions_agree() == 1);
  CHECK(std::string(qgov_status_name(QGOV_OK)) == "QGOV_OK");
  CHECK(std::string(qgov_status_name(QGOV_ERROR_TOO_SMALL)) == "QGOV_ERROR_TOO_SMALL");
  CHECK(std::string(qgov_status_name(static_cast<qgov_status>(9))) == "QGOV_ERROR_TOO_SMALL");
  CHECK(std::string(qgov_status_name(static_cast<qgov_status>(10))) == "QGOV_UNKNOWN_STATUS");
  CHECK(std::string(qgov_goal_status_name(QGOV_AT_RISK)) == "at_risk");
  CHECK(std::string(qgov_goal_status_name(QGOV_NOT_SCORED)) == "not_scored");
  CHECK(qgov_goal_status_name(static_cast<qgov_goal_status>(7)) == nullptr);
  qgov_string_free(nullptr);
  qgov_plan_destroy(nullptr);
  qgov_ledger_destroy(nullptr);
  qgov_evaluation_destroy(nullptr);
  qgov_records_destroy(nullptr);
  qgov_rates_destroy(nullptr);
}

TEST_CASE("C API: a C caller evaluates the embedded plan") {
  CHECK(qgov_test_c_status_of("2025-12-31", "food_sampling_pass_rate") == QGOV_ON_TRACK);  // 2024: 98.3 %; 2025-Q3 not judged on
  CHECK(qgov_test_c_status_of("2025-12-31", "no_such_goal") == -1);
  CHECK(qgov_test_c_status_of("2025-12-32", "food_sampling_pass_rate") == -1);
}

TEST_CASE("C API: plans") {
  qgov_plan* plan = reinterpret_cast<qgov_plan*>(0x1);  // outputs are cleared on failure
  CHECK_FAILS(qgov_plan_dongli_2024(nullptr), QGOV_ERROR_NULL_ARGUMENT, "qgov_plan_dongli_2024: out is NULL");

  SUBCASE("load") {
    CHECK_FAILS(qgov_plan_load(nullptr, &plan), QGOV_ERROR_NULL_ARGUMENT, "qgov_plan_load: path is NULL");
    CHECK(plan == nullptr);
    CHECK_FAILS(qgov_plan_load(bad_utf8, &plan), QGOV_ERROR_INVALID_UTF8, "path: expected UTF-8, invalid byte sequence at byte 4");
    CHECK_FAILS(qgov_plan_load((source_dir + "/no/such/plan.json").c_str(), &plan), QGOV_ERROR_IO, "cannot read");
    CHECK_FAILS(qgov_plan_load((source_dir + "/data/sources/dongli-2024.txt").c_str(), &plan), QGOV_ERROR_PARSE,
                "dongli-2024.txt:1:1: invalid JSON");
    CHECK(plan == nullptr);
    REQUIRE(qgov_plan_load((source_dir + "/data/plans/dongli-2024.json").c_str(), &plan) == QGOV_OK);
    const char* id = nullptr;
    REQUIRE(qgov_plan_id(plan, &id) == QGOV_OK);
    CHECK(std::string(id) == "dongli-2024");
    qgov_plan_destroy(plan);
  }

  SUBCASE("parse") {
    const std::string json = read(source_dir + "/data/plans/dongli-2024.json");
    const std::string text = read(source_dir + "/data/sources/dongli-2024.txt");
    CHECK_FAILS(qgov_plan_parse("{\"id\": ", 7, text.data(), text.size(), "mine.json", &plan), QGOV_ERROR_PARSE,
                "mine.json:1:8: invalid JSON");
    CHECK(plan == nullptr);
    CHECK_FAILS(qgov_plan_parse("{}", 2, text.data(), text.size(), nullptr, &plan), QGOV_ERROR_INVALID, "<string>:");
    CHECK_FAILS(qgov_plan_parse(bad_utf8, sizeof bad_utf8 - 1, text.data(), text.size(), nullptr, &plan),
                QGOV_ERROR_INVALID_UTF8, "json: expected UTF-8");
    CHECK_FAILS(qgov_plan_parse(json.data(), json.size(), bad_utf8, sizeof bad_utf8 - 1, nullptr, &plan),
                QGOV_ERROR_INVALID_UTF8, "source_text: expected UTF-8");
    CHECK_FAILS(qgov_plan_parse(json.data(), json.size(), text.data(), text.size(), bad_utf8, &plan),
                QGOV_ERROR_INVALID_UTF8, "origin: expected UTF-8");
    CHECK_FAILS(qgov_plan_parse(nullptr, 3, text.data(), text.size(), nullptr, &plan), QGOV_ERROR_NULL_ARGUMENT,
                "json is NULL");
    CHECK_FAILS(qgov_plan_parse(json.data(), json.size(), "another text", 12, nullptr, &plan), QGOV_ERROR_INVALID,
                "sha256");
    CHECK(plan == nullptr);
    // the text need not be NUL-terminated: pass the plan with a stray byte after its end
    std::string padded = json + "#";
    REQUIRE(qgov_plan_parse(padded.data(), json.size(), text.data(), text.size(), nullptr, &plan) == QGOV_OK);
    char* back = nullptr;
    size_t len = 0;
    REQUIRE(qgov_plan_to_json(plan, &back, &len) == QGOV_OK);
    CHECK(std::strlen(back) == len);
    qgov_plan* again = nullptr;
    CHECK(qgov_plan_parse(back, len, text.data(), text.size(), nullptr, &again) == QGOV_OK);
    qgov_string_free(back);
    qgov_plan_destroy(again);
    qgov_plan_destroy(plan);
  }

  SUBCASE("accessors") {
    REQUIRE(qgov_plan_dongli_2024(&plan) == QGOV_OK);
    size_t n = 0;
    REQUIRE(qgov_plan_goal_count(plan, &n) == QGOV_OK);
    CHECK(n == 27);
    const char* id = reinterpret_cast<const char*>(0x1);
    REQUIRE(qgov_plan_goal_id(plan, 0, &id) == QGOV_OK);
    CHECK(std::strlen(id) > 0);
    CHECK_FAILS(qgov_plan_goal_id(plan, 27, &id), QGOV_ERROR_NOT_FOUND, "goal index 27 is past the end (27)");
    CHECK(id == nullptr);
    CHECK_FAILS(qgov_plan_goal_id(nullptr, 0, &id), QGOV_ERROR_NULL_ARGUMENT, "plan is NULL");
    CHECK_FAILS(qgov_plan_goal_id(plan, 0, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");
    CHECK_FAILS(qgov_plan_goal_count(nullptr, &n), QGOV_ERROR_NULL_ARGUMENT, "qgov_plan_goal_count: plan is NULL");
    CHECK_FAILS(qgov_plan_goal_count(plan, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");
    CHECK_FAILS(qgov_plan_id(nullptr, &id), QGOV_ERROR_NULL_ARGUMENT, "qgov_plan_id: plan is NULL");
    CHECK_FAILS(qgov_plan_id(plan, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");
    char* s = reinterpret_cast<char*>(0x1);
    CHECK_FAILS(qgov_plan_to_json(nullptr, &s, nullptr), QGOV_ERROR_NULL_ARGUMENT, "qgov_plan_to_json: plan is NULL");
    CHECK(s == nullptr);
    CHECK_FAILS(qgov_plan_to_json(plan, nullptr, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");
    CHECK_FAILS(qgov_plan_matrix_json(nullptr, &s, nullptr), QGOV_ERROR_NULL_ARGUMENT, "qgov_plan_matrix_json: plan is NULL");
    CHECK_FAILS(qgov_plan_matrix_json(plan, nullptr, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");
    const char* text = nullptr;
    size_t text_len = 0;
    REQUIRE(qgov_plan_source_text(plan, &text, &text_len) == QGOV_OK);
    CHECK(std::string(text, text_len) == read(source_dir + "/data/sources/dongli-2024.txt"));
    CHECK(text[text_len] == '\0');
    CHECK_FAILS(qgov_plan_source_text(nullptr, &text, &text_len), QGOV_ERROR_NULL_ARGUMENT, "qgov_plan_source_text: plan is NULL");
    CHECK(text == nullptr);
    CHECK_FAILS(qgov_plan_source_text(plan, nullptr, &text_len), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");
    REQUIRE(qgov_plan_matrix_json(plan, &s, nullptr) == QGOV_OK);  // out_len is optional
    CHECK(contains(s, "\"number\": 28"));
    qgov_string_free(s);
    qgov_plan_destroy(plan);
  }
}

TEST_CASE("C API: observations") {
  qgov_plan* plan = nullptr;
  REQUIRE(qgov_plan_dongli_2024(&plan) == QGOV_OK);
  qgov_ledger* ledger = reinterpret_cast<qgov_ledger*>(0x1);
  const std::string header = "goal,period,value,numerator,denominator,level,reported_on,source\n";

  const std::string good = header + "food_sampling_pass_rate,2024,98.9,,,,2025-02-01,test\n";
  REQUIRE(qgov_ledger_parse_csv(plan, good.data(), good.size(), "mine.csv", &ledger) == QGOV_OK);
  size_t n = 0;
  REQUIRE(qgov_ledger_size(ledger, &n) == QGOV_OK);
  CHECK(n == 1);
  qgov_ledger_destroy(ledger);

  const std::string unknown = header + "no_such_goal,2024,98.9,,,,2025-02-01,test\n";
  CHECK_FAILS(qgov_ledger_parse_csv(plan, unknown.data(), unknown.size(), "mine.csv", &ledger), QGOV_ERROR_INVALID,
              "mine.csv:2:1");
  CHECK(ledger == nullptr);
  const std::string bad_value = header + "food_sampling_pass_rate,2024,lots,,,,2025-02-01,test\n";
  CHECK_FAILS(qgov_ledger_parse_csv(plan, bad_value.data(), bad_value.size(), nullptr, &ledger), QGOV_ERROR_INVALID,
              "<csv>:2:");
  CHECK_FAILS(qgov_ledger_parse_csv(plan, bad_utf8, sizeof bad_utf8 - 1, nullptr, &ledger), QGOV_ERROR_INVALID_UTF8,
              "text: expected UTF-8");
  CHECK_FAILS(qgov_ledger_parse_csv(nullptr, good.data(), good.size(), nullptr, &ledger), QGOV_ERROR_NULL_ARGUMENT,
              "plan is NULL");
  CHECK_FAILS(qgov_ledger_parse_csv(plan, good.data(), good.size(), nullptr, nullptr), QGOV_ERROR_NULL_ARGUMENT,
              "out is NULL");

  const std::string json = "{\"observations\": [{\"goal\": \"food_sampling_pass_rate\", \"period\": \"2024\", "
                           "\"value\": 98.9, \"reported_on\": \"2025-02-01\", \"source\": \"test\"}]}";
  REQUIRE(qgov_ledger_parse_json(plan, json.data(), json.size(), nullptr, &ledger) == QGOV_OK);
  qgov_ledger_destroy(ledger);
  CHECK_FAILS(qgov_ledger_parse_json(plan, "{\"observations\": [", 18, "mine.json", &ledger), QGOV_ERROR_PARSE,
              "mine.json:1:19: invalid JSON");
  CHECK_FAILS(qgov_ledger_parse_json(plan, "{\"observations\": 3}", 19, "mine.json", &ledger), QGOV_ERROR_INVALID,
              "mine.json:");
  CHECK_FAILS(qgov_ledger_parse_json(plan, bad_utf8, sizeof bad_utf8 - 1, nullptr, &ledger), QGOV_ERROR_INVALID_UTF8,
              "expected UTF-8");
  CHECK_FAILS(qgov_ledger_parse_json(nullptr, json.data(), json.size(), nullptr, &ledger), QGOV_ERROR_NULL_ARGUMENT,
              "plan is NULL");
  CHECK(ledger == nullptr);

  REQUIRE(qgov_ledger_load(plan, (source_dir + "/data/observations/dongli-sample.csv").c_str(), &ledger) == QGOV_OK);
  size_t from_file = 0, embedded = 0;
  REQUIRE(qgov_ledger_size(ledger, &from_file) == QGOV_OK);
  qgov_ledger_destroy(ledger);
  CHECK_FAILS(qgov_ledger_load(plan, "/no/such/file.csv", &ledger), QGOV_ERROR_IO, "cannot read \"/no/such/file.csv\"");
  CHECK_FAILS(qgov_ledger_load(plan, bad_utf8, &ledger), QGOV_ERROR_INVALID_UTF8, "path: expected UTF-8");
  CHECK_FAILS(qgov_ledger_load(plan, nullptr, &ledger), QGOV_ERROR_NULL_ARGUMENT, "path is NULL");
  CHECK_FAILS(qgov_ledger_load(nullptr, "x.csv", &ledger), QGOV_ERROR_NULL_ARGUMENT, "plan is NULL");
  CHECK_FAILS(qgov_ledger_load(plan, (source_dir + "/tests/records/sample.csv").c_str(), &ledger), QGOV_ERROR_INVALID,
              "sample.csv:1:");

  REQUIRE(qgov_ledger_dongli_sample(plan, &ledger) == QGOV_OK);
  REQUIRE(qgov_ledger_size(ledger, &embedded) == QGOV_OK);
  CHECK(embedded == from_file);
  CHECK(embedded > 20);
  CHECK_FAILS(qgov_ledger_size(nullptr, &n), QGOV_ERROR_NULL_ARGUMENT, "ledger is NULL");
  CHECK_FAILS(qgov_ledger_size(ledger, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");
  qgov_ledger_destroy(ledger);  // the failed calls below set the out-pointer to NULL: free it first
  CHECK_FAILS(qgov_ledger_dongli_sample(nullptr, &ledger), QGOV_ERROR_NULL_ARGUMENT, "plan is NULL");
  CHECK(ledger == nullptr);
  CHECK_FAILS(qgov_ledger_dongli_sample(plan, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");
  qgov_plan_destroy(plan);
}

TEST_CASE("C API: evaluation") {
  handles h;
  qgov_evaluation* e = reinterpret_cast<qgov_evaluation*>(0x1);
  CHECK_FAILS(qgov_evaluate(h.plan, h.ledger, "2025-12-32", nullptr, &e), QGOV_ERROR_PARSE,
              "as_of: expected a date YYYY-MM-DD, got \"2025-12-32\"");
  CHECK(e == nullptr);
  CHECK_FAILS(qgov_evaluate(h.plan, h.ledger, "2025-12-31", "soon", &e), QGOV_ERROR_PARSE, "known_as_of: expected a date");
  CHECK_FAILS(qgov_evaluate(h.plan, h.ledger, bad_utf8, nullptr, &e), QGOV_ERROR_INVALID_UTF8, "as_of: expected UTF-8");
  CHECK_FAILS(qgov_evaluate(h.plan, h.ledger, nullptr, nullptr, &e), QGOV_ERROR_NULL_ARGUMENT, "as_of is NULL");
  CHECK_FAILS(qgov_evaluate(nullptr, h.ledger, "2025-12-31", nullptr, &e), QGOV_ERROR_NULL_ARGUMENT, "plan is NULL");
  CHECK_FAILS(qgov_evaluate(h.plan, nullptr, "2025-12-31", nullptr, &e), QGOV_ERROR_NULL_ARGUMENT, "ledger is NULL");
  CHECK_FAILS(qgov_evaluate(h.plan, h.ledger, "2025-12-31", nullptr, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");

  SUBCASE("the evaluation outlives the plan and the ledger it came from") {
    qgov_plan* plan = nullptr;
    qgov_ledger* ledger = nullptr;
    REQUIRE(qgov_plan_dongli_2024(&plan) == QGOV_OK);
    REQUIRE(qgov_ledger_dongli_sample(plan, &ledger) == QGOV_OK);
    REQUIRE(qgov_evaluate(plan, ledger, "2025-12-31", "2025-12-31", &e) == QGOV_OK);
    qgov_plan_destroy(plan);
    qgov_ledger_destroy(ledger);
    char* a = nullptr;
    char* b = nullptr;
    REQUIRE(qgov_evaluation_to_json(e, &a, nullptr) == QGOV_OK);
    REQUIRE(qgov_evaluation_to_json(h.evaluation, &b, nullptr) == QGOV_OK);
    CHECK(std::string(a) == std::string(b));
    qgov_string_free(a);
    qgov_string_free(b);
    qgov_evaluation_destroy(e);
  }

  SUBCASE("accessors") {
    size_t n = 0;
    REQUIRE(qgov_evaluation_goal_count(h.evaluation, &n) == QGOV_OK);
    CHECK(n == 27);
    const char* id = nullptr;
    REQUIRE(qgov_evaluation_goal_id(h.evaluation, 0, &id) == QGOV_OK);
    const char* plan_id0 = nullptr;
    REQUIRE(qgov_plan_goal_id(h.plan, 0, &plan_id0) == QGOV_OK);
    CHECK(std::string(id) == plan_id0);
    CHECK_FAILS(qgov_evaluation_goal_id(h.evaluation, n, &id), QGOV_ERROR_NOT_FOUND, "result index 27 is past the end");
    CHECK(id == nullptr);
    CHECK_FAILS(qgov_evaluation_goal_id(nullptr, 0, &id), QGOV_ERROR_NULL_ARGUMENT, "evaluation is NULL");
    CHECK_FAILS(qgov_evaluation_goal_count(nullptr, &n), QGOV_ERROR_NULL_ARGUMENT, "evaluation is NULL");
    CHECK_FAILS(qgov_evaluation_goal_count(h.evaluation, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");

    qgov_goal_status st = QGOV_NO_DATA;
    REQUIRE(qgov_evaluation_goal_status(h.evaluation, "food_sampling_pass_rate", &st) == QGOV_OK);
    CHECK(st == QGOV_ON_TRACK);  // a partial-year figure (2025-Q3) does not decide an annual goal (docs/formulas.md)
    CHECK_FAILS(qgov_evaluation_goal_status(h.evaluation, "no_such_goal", &st), QGOV_ERROR_NOT_FOUND,
                "no goal \"no_such_goal\" in plan dongli-2024");
    CHECK_FAILS(qgov_evaluation_goal_status(h.evaluation, bad_utf8, &st), QGOV_ERROR_INVALID_UTF8, "goal_id: expected UTF-8");
    CHECK_FAILS(qgov_evaluation_goal_status(h.evaluation, nullptr, &st), QGOV_ERROR_NULL_ARGUMENT, "goal_id is NULL");
    CHECK_FAILS(qgov_evaluation_goal_status(nullptr, "food_sampling_pass_rate", &st), QGOV_ERROR_NULL_ARGUMENT,
                "evaluation is NULL");
    CHECK_FAILS(qgov_evaluation_goal_status(h.evaluation, "food_sampling_pass_rate", nullptr), QGOV_ERROR_NULL_ARGUMENT,
                "out is NULL");

    double v = 0;
    int has = -1;
    REQUIRE(qgov_evaluation_goal_value(h.evaluation, "food_sampling_pass_rate", &v, &has) == QGOV_OK);
    CHECK(has == 1);
    CHECK(v == doctest::Approx(98.3));  // the 2024 figure that decides (data/observations/dongli-sample.csv)
    CHECK_FAILS(qgov_evaluation_goal_value(h.evaluation, "no_such_goal", &v, &has), QGOV_ERROR_NOT_FOUND, "no goal");
    CHECK_FAILS(qgov_evaluation_goal_value(h.evaluation, bad_utf8, &v, &has), QGOV_ERROR_INVALID_UTF8, "expected UTF-8");
    CHECK_FAILS(qgov_evaluation_goal_value(nullptr, "x", &v, &has), QGOV_ERROR_NULL_ARGUMENT, "evaluation is NULL");
    CHECK_FAILS(qgov_evaluation_goal_value(h.evaluation, "x", nullptr, &has), QGOV_ERROR_NULL_ARGUMENT, "value is NULL");
    CHECK_FAILS(qgov_evaluation_goal_value(h.evaluation, "x", &v, nullptr), QGOV_ERROR_NULL_ARGUMENT, "has_value is NULL");

    const char* text = nullptr;
    REQUIRE(qgov_evaluation_explanation(h.evaluation, "food_sampling_pass_rate", "zh", &text) == QGOV_OK);
    CHECK(contains(text, "98.4"));
    REQUIRE(qgov_evaluation_explanation(h.evaluation, "food_sampling_pass_rate", "en", &text) == QGOV_OK);
    CHECK(contains(text, "98.4"));
    CHECK_FAILS(qgov_evaluation_explanation(h.evaluation, "food_sampling_pass_rate", "fr", &text), QGOV_ERROR_PARSE,
                "lang: expected \"zh\" or \"en\", got \"fr\"");
    CHECK(text == nullptr);
    CHECK_FAILS(qgov_evaluation_explanation(h.evaluation, "no_such_goal", "en", &text), QGOV_ERROR_NOT_FOUND, "no goal");
    CHECK_FAILS(qgov_evaluation_explanation(h.evaluation, "x", bad_utf8, &text), QGOV_ERROR_INVALID_UTF8, "lang: expected UTF-8");
    CHECK_FAILS(qgov_evaluation_explanation(h.evaluation, "x", nullptr, &text), QGOV_ERROR_NULL_ARGUMENT, "lang is NULL");
    CHECK_FAILS(qgov_evaluation_explanation(nullptr, "x", "en", &text), QGOV_ERROR_NULL_ARGUMENT, "evaluation is NULL");
    CHECK_FAILS(qgov_evaluation_explanation(h.evaluation, "x", "en", nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");

    char* json = nullptr;
    size_t len = 0;
    REQUIRE(qgov_evaluation_to_json(h.evaluation, &json, &len) == QGOV_OK);
    CHECK(std::strlen(json) == len);
    CHECK(contains(json, "\"as_of\": \"2025-12-31\""));
    qgov_string_free(json);
    CHECK_FAILS(qgov_evaluation_to_json(nullptr, &json, &len), QGOV_ERROR_NULL_ARGUMENT, "evaluation is NULL");
    CHECK(json == nullptr);
    CHECK_FAILS(qgov_evaluation_to_json(h.evaluation, nullptr, &len), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");
  }

  SUBCASE("results as arrays") {
    size_t count = 0;
    CHECK_FAILS(qgov_evaluation_results(h.evaluation, nullptr, nullptr, 0, &count), QGOV_ERROR_TOO_SMALL,
                "capacity 0 is less than the 27 results");
    CHECK(count == 27);
    qgov_goal_status statuses[27];
    double values[27];
    REQUIRE(qgov_evaluation_results(h.evaluation, statuses, values, 27, &count) == QGOV_OK);
    for (size_t i = 0; i < count; ++i) {
      const char* id = nullptr;
      REQUIRE(qgov_evaluation_goal_id(h.evaluation, i, &id) == QGOV_OK);
      qgov_goal_status st = QGOV_NO_DATA;
      double v = 0;
      int has = 0;
      REQUIRE(qgov_evaluation_goal_status(h.evaluation, id, &st) == QGOV_OK);
      REQUIRE(qgov_evaluation_goal_value(h.evaluation, id, &v, &has) == QGOV_OK);
      CHECK(statuses[i] == st);
      CHECK((has ? values[i] == v : std::isnan(values[i])));
    }
    CHECK_FAILS(qgov_evaluation_results(nullptr, statuses, values, 27, &count), QGOV_ERROR_NULL_ARGUMENT, "evaluation is NULL");
    CHECK_FAILS(qgov_evaluation_results(h.evaluation, statuses, values, 27, nullptr), QGOV_ERROR_NULL_ARGUMENT, "count is NULL");
  }
}

TEST_CASE("C API: records and pass rates") {
  const std::string csv = read(source_dir + "/tests/records/sample.csv");
  qgov_records* records = reinterpret_cast<qgov_records*>(0x1);
  CHECK_FAILS(qgov_records_parse_csv(bad_utf8, sizeof bad_utf8 - 1, nullptr, &records), QGOV_ERROR_INVALID_UTF8,
              "text: expected UTF-8");
  CHECK(records == nullptr);
  CHECK_FAILS(qgov_records_parse_csv(nullptr, 5, nullptr, &records), QGOV_ERROR_NULL_ARGUMENT, "text is NULL");
  CHECK_FAILS(qgov_records_parse_csv(csv.data(), csv.size(), nullptr, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");
  const std::string bad = read(source_dir + "/tests/records/bad.csv");
  CHECK_FAILS(qgov_records_parse_csv(bad.data(), bad.size(), "bad.csv", &records), QGOV_ERROR_INVALID,
              "bad.csv:3:10: rectified_on: rectified before ordered");
  CHECK_FAILS(qgov_records_load((source_dir + "/tests/records/bad.csv").c_str(), &records), QGOV_ERROR_INVALID,
              "bad.csv:3:10");
  CHECK_FAILS(qgov_records_load("/no/such/records.csv", &records), QGOV_ERROR_IO, "cannot read");
  CHECK_FAILS(qgov_records_load(bad_utf8, &records), QGOV_ERROR_INVALID_UTF8, "path: expected UTF-8");
  CHECK_FAILS(qgov_records_load(nullptr, &records), QGOV_ERROR_NULL_ARGUMENT, "path is NULL");
  CHECK(records == nullptr);

  REQUIRE(qgov_records_load((source_dir + "/tests/records/sample.csv").c_str(), &records) == QGOV_OK);
  size_t rows = 0, parsed_rows = 0;
  REQUIRE(qgov_records_size(records, &rows) == QGOV_OK);
  qgov_records* parsed = nullptr;
  REQUIRE(qgov_records_parse_csv(csv.data(), csv.size(), nullptr, &parsed) == QGOV_OK);
  REQUIRE(qgov_records_size(parsed, &parsed_rows) == QGOV_OK);
  CHECK(rows == parsed_rows);
  CHECK(rows > 5);
  qgov_records_destroy(parsed);
  CHECK_FAILS(qgov_records_size(nullptr, &rows), QGOV_ERROR_NULL_ARGUMENT, "records is NULL");
  CHECK_FAILS(qgov_records_size(records, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");

  qgov_rates* rates = reinterpret_cast<qgov_rates*>(0x1);
  CHECK_FAILS(qgov_records_pass_rates(records, "programme,district", &rates), QGOV_ERROR_PARSE, "district");
  CHECK(rates == nullptr);
  CHECK_FAILS(qgov_records_pass_rates(records, bad_utf8, &rates), QGOV_ERROR_INVALID_UTF8, "keys: expected UTF-8");
  CHECK_FAILS(qgov_records_pass_rates(records, nullptr, &rates), QGOV_ERROR_NULL_ARGUMENT, "keys is NULL");
  CHECK_FAILS(qgov_records_pass_rates(nullptr, "programme", &rates), QGOV_ERROR_NULL_ARGUMENT, "records is NULL");
  CHECK_FAILS(qgov_records_pass_rates(records, "programme", nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");

  // the first group of `qgov rates sample.csv --by programme,level,quarter` (tests/CMakeLists.txt, cli.records_rates_json)
  REQUIRE(qgov_records_pass_rates(records, "programme,level,quarter", &rates) == QGOV_OK);
  size_t groups = 0;
  REQUIRE(qgov_rates_count(rates, &groups) == QGOV_OK);
  REQUIRE(groups > 1);
  const uint64_t* sampled = nullptr;
  const uint64_t* passed = nullptr;
  const double *rate = nullptr, *low = nullptr, *high = nullptr;
  REQUIRE(qgov_rates_columns(rates, &sampled, &passed, &rate, &low, &high) == QGOV_OK);
  size_t found = groups;
  for (size_t i = 0; i < groups; ++i) {
    const char *programme = nullptr, *level = nullptr, *quarter = nullptr, *region = reinterpret_cast<const char*>(0x1);
    REQUIRE(qgov_rates_key(rates, i, QGOV_KEY_PROGRAMME, &programme) == QGOV_OK);
    REQUIRE(qgov_rates_key(rates, i, QGOV_KEY_LEVEL, &level) == QGOV_OK);
    REQUIRE(qgov_rates_key(rates, i, QGOV_KEY_PERIOD, &quarter) == QGOV_OK);
    REQUIRE(qgov_rates_key(rates, i, QGOV_KEY_REGION, &region) == QGOV_OK);
    REQUIRE(programme != nullptr);
    REQUIRE(level != nullptr);
    REQUIRE(quarter != nullptr);
    CHECK(region == nullptr);  // not grouped by region
    if (std::string(programme) == "food_evaluative" && std::string(level) == "district" && std::string(quarter) == "2025-Q1")
      found = i;
  }
  REQUIRE(found < groups);
  CHECK(sampled[found] == 2);
  CHECK(passed[found] == 1);
  CHECK(rate[found] == 0.5);
  CHECK(low[found] < 0.5);
  CHECK(high[found] > 0.5);
  const char* level = reinterpret_cast<const char*>(0x1);
  CHECK_FAILS(qgov_rates_key(rates, groups, QGOV_KEY_LEVEL, &level), QGOV_ERROR_NOT_FOUND, "group index");
  CHECK(level == nullptr);
  CHECK_FAILS(qgov_rates_key(rates, 0, static_cast<qgov_rate_key>(5), &level), QGOV_ERROR_NOT_FOUND,
              "key 5 is not a qgov_rate_key");
  CHECK_FAILS(qgov_rates_key(nullptr, 0, QGOV_KEY_LEVEL, &level), QGOV_ERROR_NULL_ARGUMENT, "rates is NULL");
  CHECK_FAILS(qgov_rates_key(rates, 0, QGOV_KEY_LEVEL, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");
  CHECK_FAILS(qgov_rates_columns(nullptr, &sampled, &passed, &rate, &low, &high), QGOV_ERROR_NULL_ARGUMENT,
              "rates is NULL");
  CHECK(sampled == nullptr);
  CHECK(high == nullptr);
  CHECK_FAILS(qgov_rates_count(nullptr, &groups), QGOV_ERROR_NULL_ARGUMENT, "rates is NULL");
  CHECK_FAILS(qgov_rates_count(rates, nullptr), QGOV_ERROR_NULL_ARGUMENT, "out is NULL");
  qgov_rates_destroy(rates);

  REQUIRE(qgov_records_pass_rates(records, "", &rates) == QGOV_OK);  // one group: every record
  REQUIRE(qgov_rates_count(rates, &groups) == QGOV_OK);
  CHECK(groups == 1);
  REQUIRE(qgov_rates_columns(rates, &sampled, nullptr, nullptr, nullptr, nullptr) == QGOV_OK);
  CHECK(sampled[0] == rows);
  qgov_rates_destroy(rates);
  qgov_records_destroy(records);
}

TEST_CASE("C API: the last error belongs to the thread") {
  qgov_plan* plan = nullptr;
  CHECK(qgov_plan_load(nullptr, &plan) == QGOV_ERROR_NULL_ARGUMENT);
  std::string other_message = "unset";
  int other_status = -1;
  std::thread t([&] {
    other_message = qgov_last_error();
    other_status = qgov_last_status();
  });
  t.join();
  CHECK(other_message.empty());
  CHECK(other_status == QGOV_OK);
  CHECK(contains(qgov_last_error(), "path is NULL"));
  REQUIRE(qgov_plan_dongli_2024(&plan) == QGOV_OK);  // success leaves the message
  CHECK(contains(qgov_last_error(), "path is NULL"));
  qgov_plan_destroy(plan);
}
