// Two threads (and more) through the C interface at once, sharing plan, ledger and evaluation handles, under
// ThreadSanitizer (tests/tsan/run.sh): qgov.h promises that calls taking a handle as const may run concurrently,
// that the embedded plan's first use is safe from any thread, and that qgov_last_error() is per thread.
// Every thread's results must also equal the single-threaded ones. Exit 0 and "tsan: ok" when all holds.
#include <qgov/qgov.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

std::atomic<int> failures{0};

void expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "tsan: FAILED: %s (%s)\n", what, qgov_last_error());
    ++failures;
  }
}

std::string evaluate_json(const qgov_plan* plan, const qgov_ledger* ledger, const char* as_of) {
  qgov_evaluation* e = nullptr;
  expect(qgov_evaluate(plan, ledger, as_of, nullptr, &e) == QGOV_OK, "evaluate");
  char* json = nullptr;
  expect(qgov_evaluation_to_json(e, &json, nullptr) == QGOV_OK, "to_json");
  std::string out = json ? json : "";
  qgov_string_free(json);
  qgov_evaluation_destroy(e);
  return out;
}

}  // namespace

int main() {
  constexpr int threads = 2;
  constexpr int rounds = 3;
  const char* dates[] = {"2025-12-31", "2025-06-30"};

  // 1. the embedded plan's first use, from two threads at once
  std::vector<qgov_plan*> firsts(threads, nullptr);
  {
    std::vector<std::thread> ts;
    for (int t = 0; t < threads; ++t)
      ts.emplace_back([&, t] { expect(qgov_plan_dongli_2024(&firsts[t]) == QGOV_OK, "first use"); });
    for (auto& t : ts) t.join();
  }
  for (auto* p : firsts) qgov_plan_destroy(p);

  // 2. one plan and one ledger shared by every thread; each evaluates, reads results and fails on purpose
  qgov_plan* plan = nullptr;
  qgov_ledger* ledger = nullptr;
  expect(qgov_plan_dongli_2024(&plan) == QGOV_OK, "plan");
  expect(qgov_ledger_dongli_sample(plan, &ledger) == QGOV_OK, "ledger");
  const std::string expected[] = {evaluate_json(plan, ledger, dates[0]), evaluate_json(plan, ledger, dates[1])};
  qgov_evaluation* shared = nullptr;
  expect(qgov_evaluate(plan, ledger, dates[0], nullptr, &shared) == QGOV_OK, "shared evaluation");

  std::vector<std::thread> ts;
  for (int t = 0; t < threads; ++t) {
    ts.emplace_back([&, t] {
      for (int r = 0; r < rounds; ++r) {
        const int d = (t + r) % 2;
        expect(evaluate_json(plan, ledger, dates[d]) == expected[d], "same JSON as one thread");
        // the shared evaluation, read by everyone
        size_t n = 0;
        qgov_goal_status st[64];
        double v[64];
        expect(qgov_evaluation_results(shared, st, v, 64, &n) == QGOV_OK, "results");
        qgov_goal_status s = QGOV_NO_DATA;
        expect(qgov_evaluation_goal_status(shared, "food_sampling_pass_rate", &s) == QGOV_OK && s == QGOV_ON_TRACK,
               "shared status");
        char* json = nullptr;
        expect(qgov_evaluation_to_json(shared, &json, nullptr) == QGOV_OK && expected[0] == json, "shared JSON");
        qgov_string_free(json);
        // an error in each thread, with the thread's own goal id in its own message
        const std::string goal = "no_goal_of_thread_" + std::to_string(t);
        expect(qgov_evaluation_goal_status(shared, goal.c_str(), &s) == QGOV_ERROR_NOT_FOUND, "not found");
        expect(std::strstr(qgov_last_error(), goal.c_str()) != nullptr, "own message");
        // a ledger of its own, from text, for the shared plan
        const char csv[] = "goal,period,value,numerator,denominator,level,reported_on,source\n"
                           "food_sampling_pass_rate,2024,98.9,,,,2025-02-01,test\n";
        qgov_ledger* own = nullptr;
        expect(qgov_ledger_parse_csv(plan, csv, sizeof csv - 1, nullptr, &own) == QGOV_OK, "own ledger");
        qgov_ledger_destroy(own);
      }
    });
  }
  for (auto& t : ts) t.join();
  qgov_evaluation_destroy(shared);
  qgov_ledger_destroy(ledger);
  qgov_plan_destroy(plan);
  if (failures) return 1;
  std::printf("tsan: ok — %d threads x %d rounds on shared plan, ledger and evaluation handles\n", threads, rounds);
  return 0;
}
