// libFuzzer target: the C interface (libqgov.so, qgov/qgov.h) with hostile input. Whatever the bytes, every call
// must return a status — never crash, throw, abort or leak — and keep the contract: on failure every handle or
// string output is NULL and the message is non-empty UTF-8; QGOV_ERROR_INTERNAL (an exception the library did not
// expect) counts as a crash. Input: a mode byte, then the payload (tests/fuzz/README.md, "The C interface").
//   mode % 6 == 0  observations CSV for the embedded plan, then evaluate, read back every result, JSON
//              1  observations JSON, the same
//              2  inspection-record CSV, then pass rates under a grouping picked by the next byte
//              3  "AS_OF\0KNOWN_AS_OF\0GOAL\0LANG": dates, a goal id and a language against the sample evaluation
//              4  a grouping key list for qgov_records_pass_rates over a small fixed table
//              5  a plan file (JSON) against the Dongli source text, then its goals, matrix and an evaluation
#include <qgov/qgov.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

bool utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n;
  }
  return true;
}

// The status contract: OK, or a known error code with a message; `outputs` must be NULL after a failure.
bool ok(qgov_status s, std::initializer_list<const void*> outputs = {}) {
  if (s == QGOV_OK) return true;
  if (s == QGOV_ERROR_INTERNAL || s < QGOV_OK || s > QGOV_ERROR_TOO_SMALL) {
    std::fprintf(stderr, "unexpected status %d: %s\n", static_cast<int>(s), qgov_last_error());
    std::abort();
  }
  const char* m = qgov_last_error();
  if (!m || !*m || !utf8(m) || qgov_last_status() != s) std::abort();
  for (const void* p : outputs)
    if (p) std::abort();
  return false;
}

struct fixture {
  qgov_plan* plan = nullptr;
  qgov_ledger* sample = nullptr;
  qgov_records* records = nullptr;
  std::string source;
  fixture() {
    if (qgov_plan_dongli_2024(&plan) != QGOV_OK || qgov_ledger_dongli_sample(plan, &sample) != QGOV_OK) std::abort();
    const std::string csv =
        "record_id,programme,level,sampled_on,region,category,enterprise_id,outcome,ordered_on,rectified_on,"
        "reinspected_on,reinspection_outcome\n"
        "R1,food_evaluative,district,2025-01-10,华明街道,糕点,E1,pass,,,,\n"
        "R2,food_evaluative,district,2025-02-10,华明街道,糕点,E2,fail,2025-02-15,2025-03-01,2025-03-20,pass\n"
        "R3,agri_monitoring,municipal,2025-05-05,金钟街道,蔬菜,E3,pass,,,,\n";
    if (qgov_records_parse_csv(csv.data(), csv.size(), "fixture.csv", &records) != QGOV_OK) std::abort();
    const char* text = nullptr;
    size_t len = 0;
    if (qgov_plan_source_text(plan, &text, &len) != QGOV_OK) std::abort();
    source.assign(text, len);
  }
};

void use_evaluation(qgov_evaluation* e, std::string_view goal, const char* lang) {
  size_t n = 0;
  const qgov_status first = qgov_evaluation_results(e, nullptr, nullptr, 0, &n);
  if (first != (n == 0 ? QGOV_OK : QGOV_ERROR_TOO_SMALL)) std::abort();
  std::vector<qgov_goal_status> st(n);
  std::vector<double> v(n);
  if (!ok(qgov_evaluation_results(e, st.data(), v.data(), n, &n))) std::abort();
  for (size_t i = 0; i < n; ++i) {
    const char* id = nullptr;
    if (!ok(qgov_evaluation_goal_id(e, i, &id)) || !qgov_goal_status_name(st[i])) std::abort();
    qgov_goal_status s = QGOV_NO_DATA;
    double value = 0;
    int has = 0;
    if (!ok(qgov_evaluation_goal_status(e, id, &s)) || s != st[i]) std::abort();
    if (!ok(qgov_evaluation_goal_value(e, id, &value, &has)) || (has ? value != v[i] : !std::isnan(v[i]))) std::abort();
  }
  const std::string g(goal);
  qgov_goal_status s = QGOV_NO_DATA;
  ok(qgov_evaluation_goal_status(e, g.c_str(), &s));
  const char* text = nullptr;
  if (ok(qgov_evaluation_explanation(e, g.c_str(), lang, &text), {text}) && !utf8(text)) std::abort();
  char* json = nullptr;
  size_t len = 0;
  if (!ok(qgov_evaluation_to_json(e, &json, &len)) || std::strlen(json) != len || !utf8({json, len})) std::abort();
  qgov_string_free(json);
}

void use_rates(const qgov_records* records, const char* keys) {
  qgov_rates* rates = nullptr;
  if (!ok(qgov_records_pass_rates(records, keys, &rates), {rates})) return;
  size_t n = 0;
  const uint64_t *sampled = nullptr, *passed = nullptr;
  const double *rate = nullptr, *low = nullptr, *high = nullptr;
  if (!ok(qgov_rates_count(rates, &n)) || !ok(qgov_rates_columns(rates, &sampled, &passed, &rate, &low, &high)))
    std::abort();
  for (size_t i = 0; i < n; ++i) {
    if (passed[i] > sampled[i] || !(low[i] <= rate[i] + 1e-12 && rate[i] <= high[i] + 1e-12)) std::abort();
    for (int k = QGOV_KEY_PROGRAMME; k <= QGOV_KEY_PERIOD; ++k) {
      const char* value = nullptr;
      if (!ok(qgov_rates_key(rates, i, static_cast<qgov_rate_key>(k), &value)) || (value && !utf8(value))) std::abort();
    }
  }
  const char* past = nullptr;
  if (ok(qgov_rates_key(rates, n, QGOV_KEY_LEVEL, &past), {past})) std::abort();
  qgov_rates_destroy(rates);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fixture f;
  if (size == 0) return 0;
  const int mode = data[0] % 6;
  const char* p = reinterpret_cast<const char*>(data + 1);
  const std::size_t n = size - 1;
  switch (mode) {
    case 0:
    case 1: {
      qgov_ledger* ledger = nullptr;
      const qgov_status s = mode == 0 ? qgov_ledger_parse_csv(f.plan, p, n, "fuzz.csv", &ledger)
                                      : qgov_ledger_parse_json(f.plan, p, n, "fuzz.json", &ledger);
      if (!ok(s, {ledger})) break;
      for (const char* on : {"2025-12-31", "2023-06-30"}) {
        qgov_evaluation* e = nullptr;
        if (!ok(qgov_evaluate(f.plan, ledger, on, nullptr, &e))) std::abort();
        use_evaluation(e, "food_sampling_pass_rate", "zh");
        qgov_evaluation_destroy(e);
      }
      qgov_ledger_destroy(ledger);
      break;
    }
    case 2: {
      qgov_records* records = nullptr;
      if (!ok(qgov_records_parse_csv(p, n, "fuzz.csv", &records), {records})) break;
      size_t rows = 0;
      if (!ok(qgov_records_size(records, &rows))) std::abort();
      static const char* const groupings[] = {"", "programme,level,quarter", "region,category,month", "year,level"};
      use_rates(records, groupings[(n ? static_cast<unsigned char>(p[n - 1]) : 0) % 4]);
      qgov_records_destroy(records);
      break;
    }
    case 3: {
      // up to four NUL-separated fields; a missing one is NULL (as_of must then fail cleanly)
      std::vector<std::string> fields;
      std::string_view rest(p, n);
      while (fields.size() < 4 && !rest.empty()) {
        const auto cut = rest.find('\0');
        fields.emplace_back(rest.substr(0, cut));
        rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
      }
      auto field = [&](std::size_t i) { return i < fields.size() ? fields[i].c_str() : nullptr; };
      qgov_evaluation* e = nullptr;
      if (!ok(qgov_evaluate(f.plan, f.sample, field(0), field(1), &e), {e})) break;
      use_evaluation(e, field(2) ? field(2) : "", field(3) ? field(3) : "en");
      qgov_evaluation_destroy(e);
      break;
    }
    case 4: {
      const std::string keys(p, n);  // an embedded NUL ends the list early, as it would for a C caller
      use_rates(f.records, keys.c_str());
      break;
    }
    case 5: {
      qgov_plan* plan = nullptr;  // checked against the Dongli source text (the seeds are cut from its plan file)
      if (!ok(qgov_plan_parse(p, n, f.source.data(), f.source.size(), "fuzz-plan.json", &plan), {plan})) break;
      size_t goals = 0;
      if (!ok(qgov_plan_goal_count(plan, &goals))) std::abort();
      for (size_t i = 0; i <= goals; ++i) {
        const char* id = nullptr;
        if (ok(qgov_plan_goal_id(plan, i, &id), {id}) != (i < goals)) std::abort();
      }
      char* json = nullptr;
      if (!ok(qgov_plan_matrix_json(plan, &json, nullptr))) std::abort();
      qgov_string_free(json);
      qgov_ledger* empty = nullptr;
      if (!ok(qgov_ledger_parse_csv(plan, "goal,period,value,numerator,denominator,level,reported_on,source\n", 65,
                                    nullptr, &empty)))
        std::abort();
      qgov_evaluation* e = nullptr;
      if (!ok(qgov_evaluate(plan, empty, "2025-12-31", nullptr, &e))) std::abort();
      use_evaluation(e, "x", "zh");
      qgov_evaluation_destroy(e);
      qgov_ledger_destroy(empty);
      qgov_plan_destroy(plan);
      break;
    }
  }
  return 0;
}
