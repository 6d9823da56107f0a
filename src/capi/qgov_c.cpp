// The C interface (include/qgov/qgov.h) over the C++ library. Every entry point runs its body inside `guarded`,
// which turns every exception into a status and a thread-local message, so nothing C++ crosses the boundary.
// Compiled with hidden visibility: only the QGOV_API functions are exported from libqgov.so (docs/c-api.md).
#include <qgov/qgov.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <qgov/core/date.hpp>
#include <qgov/core/error.hpp>
#include <qgov/eval/evaluation.hpp>
#include <qgov/io/evaluation_json.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/io/plan_json.hpp>
#include <qgov/plans/dongli_2024.hpp>
#include <qgov/records/pass_rates.hpp>
#include <qgov/records/records_csv.hpp>
#include <qgov/version.hpp>

#include "detail/utf8.hpp"

// The handles: each owns C++ values; nothing in them changes after creation, so const calls may share them.
struct qgov_plan {
  qgov::plan plan;
};
struct qgov_ledger {
  qgov::observation_ledger ledger;
};
struct qgov_evaluation {
  qgov::plan plan;  // a copy (shared data): the JSON needs names and quotes, and the plan handle may go first
  qgov::evaluation evaluation;
};
struct qgov_records {
  qgov::records::record_table table;
};
struct qgov_rates {
  std::vector<std::uint64_t> sampled, passed;
  std::vector<double> rate, low, high;
  // keys[k][i]: group i's value of key k; an empty vector when not grouped by k
  std::vector<std::string> keys[5];
};

namespace {

// ---- the last error of this thread
struct last_error_state {
  std::string message;
  qgov_status status = QGOV_OK;
};
thread_local last_error_state last_error;

// An error to report: status and message (thrown inside the guard by the argument checks).
struct c_error {
  qgov_status status;
  std::string message;
};

qgov_status fail(qgov_status status, std::string message) noexcept {
  try {
    last_error.message = std::move(message);
  } catch (...) {
    last_error.message.clear();  // no memory even for the message: the status still says what happened
  }
  last_error.status = status;
  return status;
}

// A load_error is a parse error when the text is not JSON at all; otherwise the input broke a rule.
qgov_status status_of(const qgov::load_error& e) noexcept {
  for (const auto& p : e.problems())
    if (p.message.rfind("invalid JSON", 0) == 0) return QGOV_ERROR_PARSE;
  return QGOV_ERROR_INVALID;
}

template <class F>
qgov_status guarded(const char* function, F&& body) noexcept {
  try {
    body();
    return QGOV_OK;
  } catch (const c_error& e) {
    return fail(e.status, std::string(function) + ": " + e.message);
  } catch (const qgov::load_error& e) {
    return fail(status_of(e), e.what());
  } catch (const qgov::error& e) {
    return fail(QGOV_ERROR_INVALID, e.what());
  } catch (const std::bad_alloc&) {
    return fail(QGOV_ERROR_NO_MEMORY, std::string(function) + ": out of memory");
  } catch (const std::exception& e) {
    return fail(QGOV_ERROR_INTERNAL, std::string(function) + ": internal error: " + e.what());
  } catch (...) {
    return fail(QGOV_ERROR_INTERNAL, std::string(function) + ": internal error (unknown exception)");
  }
}

template <class T>
void require(const T* p, const char* name) {
  if (!p) throw c_error{QGOV_ERROR_NULL_ARGUMENT, std::string(name) + " is NULL"};
}

// Sets a handle or string output to NULL first, so that it is NULL on every failure.
template <class T>
T** clear_out(T** out, const char* name) {
  require(out, name);
  *out = nullptr;
  return out;
}

// `len` bytes of text, checked to be UTF-8.
std::string_view text_arg(const char* p, std::size_t len, const char* name) {
  if (!p) {
    if (len == 0) return {};
    throw c_error{QGOV_ERROR_NULL_ARGUMENT, std::string(name) + " is NULL"};
  }
  const std::string_view s(p, len);
  if (const auto bad = qgov::detail::first_invalid_utf8(s))
    throw c_error{QGOV_ERROR_INVALID_UTF8,
                  std::string(name) + ": expected UTF-8, invalid byte sequence at byte " + std::to_string(*bad)};
  return s;
}

// A NUL-terminated UTF-8 argument.
std::string_view cstr_arg(const char* p, const char* name) {
  require(p, name);
  return text_arg(p, std::strlen(p), name);
}

std::string origin_arg(const char* p, const char* fallback) {
  return p ? std::string(cstr_arg(p, "origin")) : std::string(fallback);
}

qgov::date date_arg(const char* p, const char* name) {
  const auto s = cstr_arg(p, name);
  if (auto d = qgov::parse_iso_date(s)) return *d;
  throw c_error{QGOV_ERROR_PARSE, std::string(name) + ": expected a date YYYY-MM-DD, got " + qgov::detail::in_quotes(s)};
}

// A path that can be opened for reading (so a missing file is QGOV_ERROR_IO, not a parse error).
std::string path_arg(const char* p) {
  std::string path(cstr_arg(p, "path"));
  if (!std::ifstream(path, std::ios::binary))
    throw c_error{QGOV_ERROR_IO, "cannot read " + qgov::detail::in_quotes(path)};
  return path;
}

// A new string the caller frees with qgov_string_free.
void string_out(const std::string& s, char** out, std::size_t* out_len) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  *out = p;
  if (out_len) *out_len = s.size();
}

const qgov::goal_result& result_of(const qgov_evaluation* e, const char* goal_id) {
  const auto id = cstr_arg(goal_id, "goal_id");
  for (const auto& r : e->evaluation.goals)
    if (r.goal.str() == id) return r;
  throw c_error{QGOV_ERROR_NOT_FOUND,
                "no goal " + qgov::detail::in_quotes(id) + " in plan " + e->plan.id().str()};
}

void index_check(std::size_t index, std::size_t size, const char* what) {
  if (index >= size)
    throw c_error{QGOV_ERROR_NOT_FOUND, std::string(what) + " index " + std::to_string(index) + " is past the end (" +
                                            std::to_string(size) + ")"};
}

// The ledger parsers: `parse` (parse_observations_csv or _json, with the default checks) over the text argument.
using ledger_parser = qgov::observation_ledger (*)(std::string_view, const qgov::plan&, std::string,
                                                  const qgov::observation_checks&);
void ledger_out(const qgov_plan* plan, const char* text, size_t len, const char* origin, const char* default_origin,
                qgov_ledger** out, ledger_parser parse) {
  clear_out(out, "out");
  require(plan, "plan");
  const auto t = text_arg(text, len, "text");
  *out = new qgov_ledger{parse(t, plan->plan, origin_arg(origin, default_origin), qgov::observation_checks{})};
}

// The goals of a plan, the results of an evaluation; the goal id of each.
const auto& goals_of(const qgov_plan& p) { return p.plan.goals(); }
const auto& goals_of(const qgov_evaluation& e) { return e.evaluation.goals; }
const qgov::goal_id& id_of(const qgov::goal& g) { return g.id; }
const qgov::goal_id& id_of(const qgov::goal_result& r) { return r.goal; }

// The count and id getters over those (`name`: the handle's argument; `what`: the element in a range error): the
// checks in this order, then the answer.
template <class Handle>
void goal_count_out(const Handle* handle, const char* name, size_t* out) {
  require(out, "out");
  require(handle, name);
  *out = goals_of(*handle).size();
}

template <class Handle>
void goal_id_out(const Handle* handle, const char* name, size_t index, const char** out, const char* what) {
  clear_out(out, "out");
  require(handle, name);
  const auto& goals = goals_of(*handle);
  index_check(index, goals.size(), what);
  *out = id_of(goals[index]).str().c_str();
}

constexpr qgov_goal_status to_c(qgov::goal_status s) noexcept {
  switch (s) {
    case qgov::goal_status::achieved: return QGOV_ACHIEVED;
    case qgov::goal_status::on_track: return QGOV_ON_TRACK;
    case qgov::goal_status::at_risk: return QGOV_AT_RISK;
    case qgov::goal_status::off_track: return QGOV_OFF_TRACK;
    case qgov::goal_status::missed: return QGOV_MISSED;
    case qgov::goal_status::no_data: return QGOV_NO_DATA;
    case qgov::goal_status::not_scored: return QGOV_NOT_SCORED;
  }
  return QGOV_NO_DATA;
}

}  // namespace

extern "C" {

// ---- versions and statuses

const char* qgov_version(void) { return qgov::version_string; }
int qgov_version_number(void) { return QGOV_VERSION; }

const char* qgov_status_name(qgov_status status) {
  switch (status) {
    case QGOV_OK: return "QGOV_OK";
    case QGOV_ERROR_NULL_ARGUMENT: return "QGOV_ERROR_NULL_ARGUMENT";
    case QGOV_ERROR_INVALID_UTF8: return "QGOV_ERROR_INVALID_UTF8";
    case QGOV_ERROR_PARSE: return "QGOV_ERROR_PARSE";
    case QGOV_ERROR_INVALID: return "QGOV_ERROR_INVALID";
    case QGOV_ERROR_NOT_FOUND: return "QGOV_ERROR_NOT_FOUND";
    case QGOV_ERROR_IO: return "QGOV_ERROR_IO";
    case QGOV_ERROR_NO_MEMORY: return "QGOV_ERROR_NO_MEMORY";
    case QGOV_ERROR_INTERNAL: return "QGOV_ERROR_INTERNAL";
    case QGOV_ERROR_TOO_SMALL: return "QGOV_ERROR_TOO_SMALL";
  }
  return "QGOV_UNKNOWN_STATUS";
}

const char* qgov_last_error(void) { return last_error.message.c_str(); }
qgov_status qgov_last_status(void) { return last_error.status; }
void qgov_string_free(char* s) { std::free(s); }

// ---- plans

qgov_status qgov_plan_dongli_2024(qgov_plan** out) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    *out = new qgov_plan{qgov::plans::dongli_2024()};
  });
}

qgov_status qgov_plan_load(const char* path, qgov_plan** out) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    const auto file = path_arg(path);
    *out = new qgov_plan{qgov::load_plan(file)};
  });
}

qgov_status qgov_plan_parse(const char* json, size_t json_len, const char* source_text, size_t source_len,
                            const char* origin, qgov_plan** out) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    const auto j = text_arg(json, json_len, "json");
    const auto src = text_arg(source_text, source_len, "source_text");
    *out = new qgov_plan{qgov::parse_plan(j, std::string(src), origin_arg(origin, "<string>"))};
  });
}

void qgov_plan_destroy(qgov_plan* plan) { delete plan; }

qgov_status qgov_plan_id(const qgov_plan* plan, const char** out) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    require(plan, "plan");
    *out = plan->plan.id().str().c_str();
  });
}

qgov_status qgov_plan_source_text(const qgov_plan* plan, const char** out, size_t* out_len) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    require(plan, "plan");
    const std::string_view text = plan->plan.source_text();  // the plan's std::string: NUL-terminated
    *out = text.data();
    if (out_len) *out_len = text.size();
  });
}

qgov_status qgov_plan_to_json(const qgov_plan* plan, char** out, size_t* out_len) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    require(plan, "plan");
    string_out(qgov::to_json(plan->plan), out, out_len);
  });
}

qgov_status qgov_plan_matrix_json(const qgov_plan* plan, char** out, size_t* out_len) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    require(plan, "plan");
    string_out(qgov::matrix_to_json(plan->plan), out, out_len);
  });
}

qgov_status qgov_plan_goal_count(const qgov_plan* plan, size_t* out) {
  return guarded(__func__, [&] { goal_count_out(plan, "plan", out); });
}

qgov_status qgov_plan_goal_id(const qgov_plan* plan, size_t index, const char** out) {
  return guarded(__func__, [&] { goal_id_out(plan, "plan", index, out, "goal"); });
}

// ---- observations

qgov_status qgov_ledger_parse_csv(const qgov_plan* plan, const char* text, size_t len, const char* origin,
                                  qgov_ledger** out) {
  return guarded(__func__, [&] { ledger_out(plan, text, len, origin, "<csv>", out, qgov::parse_observations_csv); });
}

qgov_status qgov_ledger_parse_json(const qgov_plan* plan, const char* text, size_t len, const char* origin,
                                   qgov_ledger** out) {
  return guarded(__func__, [&] { ledger_out(plan, text, len, origin, "<json>", out, qgov::parse_observations_json); });
}

qgov_status qgov_ledger_load(const qgov_plan* plan, const char* path, qgov_ledger** out) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    require(plan, "plan");
    const auto file = path_arg(path);
    *out = new qgov_ledger{qgov::load_observations(file, plan->plan)};
  });
}

qgov_status qgov_ledger_dongli_sample(const qgov_plan* plan, qgov_ledger** out) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    require(plan, "plan");
    *out = new qgov_ledger{qgov::parse_observations_csv(qgov::plans::dongli_2024_sample_csv(), plan->plan,
                                                         "<embedded data/observations/dongli-sample.csv>")};
  });
}

void qgov_ledger_destroy(qgov_ledger* ledger) { delete ledger; }

qgov_status qgov_ledger_size(const qgov_ledger* ledger, size_t* out) {
  return guarded(__func__, [&] {
    require(out, "out");
    require(ledger, "ledger");
    *out = ledger->ledger.size();
  });
}

// ---- evaluation

const char* qgov_goal_status_name(qgov_goal_status status) {
  if (status < QGOV_ACHIEVED || status > QGOV_NOT_SCORED) return nullptr;
  // the C values are the C++ enumerators' order (a static_assert below keeps them so)
  return qgov::to_string(static_cast<qgov::goal_status>(status)).data();
}

qgov_status qgov_evaluate(const qgov_plan* plan, const qgov_ledger* ledger, const char* as_of,
                          const char* known_as_of, qgov_evaluation** out) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    require(plan, "plan");
    require(ledger, "ledger");
    const auto on = date_arg(as_of, "as_of");
    const auto known = known_as_of ? date_arg(known_as_of, "known_as_of") : on;
    *out = new qgov_evaluation{plan->plan, qgov::evaluate(plan->plan, ledger->ledger, on, known)};
  });
}

void qgov_evaluation_destroy(qgov_evaluation* evaluation) { delete evaluation; }

qgov_status qgov_evaluation_to_json(const qgov_evaluation* evaluation, char** out, size_t* out_len) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    require(evaluation, "evaluation");
    string_out(qgov::to_json(evaluation->evaluation, evaluation->plan), out, out_len);
  });
}

qgov_status qgov_evaluation_goal_count(const qgov_evaluation* evaluation, size_t* out) {
  return guarded(__func__, [&] { goal_count_out(evaluation, "evaluation", out); });
}

qgov_status qgov_evaluation_goal_id(const qgov_evaluation* evaluation, size_t index, const char** out) {
  return guarded(__func__, [&] { goal_id_out(evaluation, "evaluation", index, out, "result"); });
}

qgov_status qgov_evaluation_goal_status(const qgov_evaluation* evaluation, const char* goal_id,
                                        qgov_goal_status* out) {
  return guarded(__func__, [&] {
    require(out, "out");
    require(evaluation, "evaluation");
    *out = to_c(result_of(evaluation, goal_id).status);
  });
}

qgov_status qgov_evaluation_goal_value(const qgov_evaluation* evaluation, const char* goal_id, double* value,
                                       int* has_value) {
  return guarded(__func__, [&] {
    require(value, "value");
    require(has_value, "has_value");
    require(evaluation, "evaluation");
    const auto& r = result_of(evaluation, goal_id);
    *has_value = r.value ? 1 : 0;
    *value = r.value.value_or(std::numeric_limits<double>::quiet_NaN());
  });
}

qgov_status qgov_evaluation_explanation(const qgov_evaluation* evaluation, const char* goal_id, const char* lang,
                                        const char** out) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    require(evaluation, "evaluation");
    const auto l = cstr_arg(lang, "lang");
    if (l != "zh" && l != "en")
      throw c_error{QGOV_ERROR_PARSE, "lang: expected \"zh\" or \"en\", got " + qgov::detail::in_quotes(l)};
    const auto& r = result_of(evaluation, goal_id);
    *out = (l == "zh" ? r.explanation.zh : r.explanation.en).c_str();
  });
}

qgov_status qgov_evaluation_results(const qgov_evaluation* evaluation, qgov_goal_status* statuses, double* values,
                                    size_t capacity, size_t* count) {
  return guarded(__func__, [&] {
    require(count, "count");
    require(evaluation, "evaluation");
    const auto& goals = evaluation->evaluation.goals;
    *count = goals.size();
    if (goals.size() > capacity)
      throw c_error{QGOV_ERROR_TOO_SMALL, "capacity " + std::to_string(capacity) + " is less than the " +
                                              std::to_string(goals.size()) + " results"};
    for (std::size_t i = 0; i < goals.size(); ++i) {
      if (statuses) statuses[i] = to_c(goals[i].status);
      if (values) values[i] = goals[i].value.value_or(std::numeric_limits<double>::quiet_NaN());
    }
  });
}

// ---- records and pass rates

qgov_status qgov_records_parse_csv(const char* text, size_t len, const char* origin, qgov_records** out) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    const auto t = text_arg(text, len, "text");
    *out = new qgov_records{qgov::records::parse_records_csv(t, origin_arg(origin, "<csv>"))};
  });
}

qgov_status qgov_records_load(const char* path, qgov_records** out) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    const auto file = path_arg(path);
    *out = new qgov_records{qgov::records::load_records(file)};
  });
}

void qgov_records_destroy(qgov_records* records) { delete records; }

qgov_status qgov_records_size(const qgov_records* records, size_t* out) {
  return guarded(__func__, [&] {
    require(out, "out");
    require(records, "records");
    *out = records->table.size();
  });
}

qgov_status qgov_records_pass_rates(const qgov_records* records, const char* keys, qgov_rates** out) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    require(records, "records");
    const auto k = cstr_arg(keys, "keys");
    qgov::records::group_by by;
    try {
      by = qgov::records::parse_group_by(k);
    } catch (const qgov::error& e) {
      throw c_error{QGOV_ERROR_PARSE, e.what()};
    }
    const auto table = qgov::records::pass_rates(records->table, by);
    auto r = std::make_unique<qgov_rates>();
    const auto n = table.cells.size();
    for (auto* v : {&r->sampled, &r->passed}) v->reserve(n);
    for (auto* v : {&r->rate, &r->low, &r->high}) v->reserve(n);
    for (const auto& c : table.cells) {
      r->sampled.push_back(c.sampled);
      r->passed.push_back(c.passed);
      r->rate.push_back(c.value());
      r->low.push_back(c.low);
      r->high.push_back(c.high);
      if (by.programme) r->keys[QGOV_KEY_PROGRAMME].emplace_back(qgov::records::to_string(*c.programme));
      if (by.level) r->keys[QGOV_KEY_LEVEL].emplace_back(qgov::to_string(*c.level));
      if (by.region) r->keys[QGOV_KEY_REGION].push_back(*c.region);
      if (by.category) r->keys[QGOV_KEY_CATEGORY].push_back(*c.category);
      if (by.period != qgov::records::period_key::none) r->keys[QGOV_KEY_PERIOD].push_back(c.period->str());
    }
    *out = r.release();
  });
}

void qgov_rates_destroy(qgov_rates* rates) { delete rates; }

qgov_status qgov_rates_count(const qgov_rates* rates, size_t* out) {
  return guarded(__func__, [&] {
    require(out, "out");
    require(rates, "rates");
    *out = rates->sampled.size();
  });
}

qgov_status qgov_rates_columns(const qgov_rates* rates, const uint64_t** sampled, const uint64_t** passed,
                               const double** rate, const double** low, const double** high) {
  for (const uint64_t** p : {sampled, passed}) if (p) *p = nullptr;
  for (const double** p : {rate, low, high}) if (p) *p = nullptr;
  return guarded(__func__, [&] {
    require(rates, "rates");
    if (sampled) *sampled = rates->sampled.data();
    if (passed) *passed = rates->passed.data();
    if (rate) *rate = rates->rate.data();
    if (low) *low = rates->low.data();
    if (high) *high = rates->high.data();
  });
}

qgov_status qgov_rates_key(const qgov_rates* rates, size_t index, qgov_rate_key key, const char** out) {
  return guarded(__func__, [&] {
    clear_out(out, "out");
    require(rates, "rates");
    if (key < QGOV_KEY_PROGRAMME || key > QGOV_KEY_PERIOD)
      throw c_error{QGOV_ERROR_NOT_FOUND, "key " + std::to_string(static_cast<int>(key)) + " is not a qgov_rate_key"};
    index_check(index, rates->sampled.size(), "group");
    const auto& column = rates->keys[key];
    *out = column.empty() ? nullptr : column[index].c_str();
  });
}

}  // extern "C"

static_assert(static_cast<int>(qgov::goal_status::achieved) == QGOV_ACHIEVED &&
                  static_cast<int>(qgov::goal_status::on_track) == QGOV_ON_TRACK &&
                  static_cast<int>(qgov::goal_status::at_risk) == QGOV_AT_RISK &&
                  static_cast<int>(qgov::goal_status::off_track) == QGOV_OFF_TRACK &&
                  static_cast<int>(qgov::goal_status::missed) == QGOV_MISSED &&
                  static_cast<int>(qgov::goal_status::no_data) == QGOV_NO_DATA &&
                  static_cast<int>(qgov::goal_status::not_scored) == QGOV_NOT_SCORED,
              "qgov_goal_status must follow qgov::goal_status");
static_assert(std::is_same_v<std::uint64_t, uint64_t>);
