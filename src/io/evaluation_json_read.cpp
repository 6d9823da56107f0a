// Reading evaluation JSON back (the writer is evaluation_json.cpp): what the writer derives from the plan (names,
// targets, quotes, the summary) is accepted and ignored; everything the evaluation holds is read, so
// parse_evaluation_json(to_json(e, p)) == e.
#include <qgov/io/evaluation_json.hpp>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "detail/json_input.hpp"

namespace qgov::inline QGOV_ABI {
namespace {

using json = nlohmann::ordered_json;  // trace values keep their order

struct reader {
  std::vector<problem>& out;

  void bad(const std::string& where, const std::string& what) { out.push_back({where, what}); }

  static std::string kind(const json& j) {
    return j.is_null() ? "null" : j.is_boolean() ? "a boolean" : j.is_number() ? "a number" : j.is_string() ? "a string"
           : j.is_array() ? "an array" : "an object";
  }

  // Unknown keys are errors (a misspelt key must not pass silently).
  void keys(const json& o, const std::string& path, std::initializer_list<const char*> known) {
    for (const auto& [k, v] : o.items()) {
      bool ok = false;
      for (const char* n : known) ok = ok || k == n;
      if (!ok) bad(path + "/" + k, "unknown field \"" + k + "\"");
    }
  }
  const json* field(const json& o, const std::string& path, const char* key, bool required = true) {
    auto it = o.find(key);
    if (it == o.end()) {
      if (required) bad(path + "/" + key, std::string("missing required field \"") + key + "\"");
      return nullptr;
    }
    return &*it;
  }
  std::string str(const json& o, const std::string& path, const char* key, bool required = true) {
    const json* j = field(o, path, key, required);
    if (!j) return {};
    if (!j->is_string()) {
      bad(path + "/" + key, "expected a string, got " + kind(*j));
      return {};
    }
    return j->get<std::string>();
  }
  // A number; null stands for a value that was not finite.
  std::optional<double> number(const json& o, const std::string& path, const char* key, bool required = true) {
    const json* j = field(o, path, key, required);
    if (!j) return std::nullopt;
    if (j->is_null()) return std::nullopt;
    if (!j->is_number()) {
      bad(path + "/" + key, "expected a number or null, got " + kind(*j));
      return std::nullopt;
    }
    return j->get<double>();
  }
  date day(const json& o, const std::string& path, const char* key) {
    const std::string s = str(o, path, key);
    if (auto d = parse_iso_date(s)) return *d;
    if (o.contains(key) && o[key].is_string()) bad(path + "/" + key, "expected a date YYYY-MM-DD, got \"" + s + "\"");
    return date(2000, 1, 1);
  }
  std::optional<period> per(const json& o, const std::string& path, const char* key, bool required) {
    const json* j = field(o, path, key, required);
    if (!j || j->is_null()) return std::nullopt;
    if (j->is_string())
      if (auto p = period::parse(j->get<std::string>())) return p;
    bad(path + "/" + key, "expected a period (2024, 2024-Q3, 2024-09, 2024-09-30) or null, got " + j->dump());
    return std::nullopt;
  }
  template <class E, class Parse>
  E enumeration(const json& o, const std::string& path, const char* key, Parse parse, E fallback, const char* expected) {
    const std::string s = str(o, path, key);
    if (auto v = parse(s)) return *v;
    if (o.contains(key) && o[key].is_string())
      bad(path + "/" + key, "unknown value \"" + s + "\"; expected one of " + expected);
    return fallback;
  }
  const json* array(const json& o, const std::string& path, const char* key, bool required = true) {
    const json* j = field(o, path, key, required);
    if (j && !j->is_array()) {
      bad(path + "/" + key, "expected an array, got " + kind(*j));
      return nullptr;
    }
    return j;
  }
  bool object(const json& j, const std::string& path) {
    if (j.is_object()) return true;
    bad(path, "expected an object, got " + kind(j));
    return false;
  }

  std::vector<trace_value> values(const json& o, const std::string& path, const char* key) {
    std::vector<trace_value> out_values;
    const json* j = field(o, path, key);
    if (!j) return out_values;
    if (!j->is_object()) {
      bad(path + "/" + key, "expected an object {name: number}, got " + kind(*j));
      return out_values;
    }
    for (const auto& [k, v] : j->items()) {
      if (v.is_null()) out_values.push_back({k, std::numeric_limits<double>::quiet_NaN()});
      else if (v.is_number()) out_values.push_back({k, v.get<double>()});
      else bad(path + "/" + key + "/" + k, "expected a number or null, got " + kind(v));
    }
    return out_values;
  }

  // Calls f(element, its path) for each element of the array `a` (at `path`) that is an object.
  template <class F>
  void each_object(const json* a, const std::string& path, F f) {
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
      const json& x = (*a)[i];
      const std::string xp = path + "/" + std::to_string(i);
      if (object(x, xp)) f(x, xp);
    }
  }

  observation obs(const json& o, const std::string& path) {
    observation x;
    if (!object(o, path)) return x;
    keys(o, path, {"goal", "period", "value", "numerator", "denominator", "level", "reported_on", "source", "origin"});
    x.goal = goal_id(str(o, path, "goal"));
    if (auto p = per(o, path, "period", true)) x.period = *p;
    x.value = number(o, path, "value").value_or(0);
    const auto num = number(o, path, "numerator", false), den = number(o, path, "denominator", false);
    if (num && den) x.rate = rate{*num, *den};
    else if (num || den) bad(path, "numerator and denominator come together");
    if (o.contains("level")) {
      const std::string s = str(o, path, "level");
      if (auto l = parse_level(s)) x.level = *l;
      else bad(path + "/level", "unknown level \"" + s + "\"; expected national, municipal or district");
    }
    x.reported_on = day(o, path, "reported_on");
    x.source = str(o, path, "source");
    x.origin = str(o, path, "origin", false);
    return x;
  }
};

std::optional<clause_coverage> parse_coverage(std::string_view s) { return value_in(clause_coverage_names, s); }
std::optional<formulas::grade> parse_grade(std::string_view s) { return value_in(formulas::grade_names, s); }
constexpr const char* statuses = "achieved, on_track, at_risk, off_track, missed, no_data, not_scored";

level_result read_level(reader& r, const json& l, const std::string& lp) {
  r.keys(l, lp, {"level", "status", "value", "period"});
  level_result lr;
  lr.level = r.enumeration(l, lp, "level", parse_level, level::district, "national, municipal, district");
  lr.status = r.enumeration(l, lp, "status", parse_goal_status, goal_status::no_data, statuses);
  lr.value = r.number(l, lp, "value");
  lr.period = r.per(l, lp, "period", true);
  return lr;
}

trace read_trace(reader& r, const json& t, const std::string& tp) {
  r.keys(t, tp, {"formula", "rule", "note", "values", "thresholds", "observations", "quote", "source", "clauses",
                 "units"});
  trace tr;
  tr.formula = r.str(t, tp, "formula");
  tr.rule = r.str(t, tp, "rule");
  tr.note = r.str(t, tp, "note", false);
  tr.values = r.values(t, tp, "values");
  tr.thresholds = r.values(t, tp, "thresholds");
  if (const json* os = r.array(t, tp, "observations"))
    for (std::size_t k = 0; k < os->size(); ++k)
      tr.observations.push_back(r.obs((*os)[k], tp + "/observations/" + std::to_string(k)));
  return tr;
}

goal_result read_goal(reader& r, const json& g, const std::string& path) {
  r.keys(g, path, {"id", "status", "value", "period", "target", "projected", "explanation", "levels", "trace"});
  goal_result res;
  res.goal = goal_id(r.str(g, path, "id"));
  res.status = r.enumeration(g, path, "status", parse_goal_status, goal_status::no_data, statuses);
  res.value = r.number(g, path, "value");
  res.period = r.per(g, path, "period", true);
  res.projected = r.number(g, path, "projected");
  if (const json* x = r.field(g, path, "explanation"); x && r.object(*x, path + "/explanation")) {
    r.keys(*x, path + "/explanation", {"zh", "en"});
    res.explanation = {r.str(*x, path + "/explanation", "zh"), r.str(*x, path + "/explanation", "en")};
  }
  r.each_object(r.array(g, path, "levels", false), path + "/levels",
                [&](const json& l, const std::string& lp) { res.levels.push_back(read_level(r, l, lp)); });
  if (const json* t = r.field(g, path, "trace"); t && r.object(*t, path + "/trace"))
    res.trace = read_trace(r, *t, path + "/trace");
  return res;
}

score_contribution read_contribution(reader& r, const json& c, const std::string& cp) {
  r.keys(c, cp, {"goal", "role", "weight", "points"});
  score_contribution sc;
  sc.goal = goal_id(r.str(c, cp, "goal"));
  sc.unit_role = r.enumeration(c, cp, "role", parse_role, role::responsible, "lead, responsible, supporting");
  sc.weight = r.number(c, cp, "weight").value_or(0);
  sc.points = r.number(c, cp, "points").value_or(0);
  return sc;
}

bureau_score read_bureau(reader& r, const json& b, const std::string& path) {
  r.keys(b, path, {"name", "id", "name_en", "kind", "score", "grade", "rank", "vetoed", "goals"});
  bureau_score s;
  s.unit = unit_id(r.str(b, path, "id"));
  s.score = r.number(b, path, "score");
  if (const json* gr = r.field(b, path, "grade"); gr && !gr->is_null()) {
    const auto g = gr->is_string() ? parse_grade(gr->get<std::string>()) : std::nullopt;
    if (g) s.grade = *g;
    else r.bad(path + "/grade", "expected A, B, C, D or null, got " + gr->dump());
  }
  if (const json* rk = r.field(b, path, "rank"); rk && !rk->is_null()) {
    if (rk->is_number_unsigned()) s.rank = rk->get<std::size_t>();
    else r.bad(path + "/rank", "expected a whole number ≥ 1 or null, got " + rk->dump());
  }
  if (const json* v = r.field(b, path, "vetoed")) {
    if (v->is_boolean()) s.vetoed = v->get<bool>();
    else r.bad(path + "/vetoed", "expected true or false, got " + r.kind(*v));
  }
  r.each_object(r.array(b, path, "goals"), path + "/goals",
                [&](const json& c, const std::string& cp) { s.contributions.push_back(read_contribution(r, c, cp)); });
  return s;
}

clause_coverage_entry read_coverage(reader& r, const json& c, const std::string& path) {
  r.keys(c, path, {"clause", "coverage", "goals"});
  clause_coverage_entry ce;
  if (const json* n = r.field(c, path, "clause")) {
    if (n->is_number_integer()) ce.clause = clause_number{n->get<int>()};
    else r.bad(path + "/clause", "expected a clause number, got " + r.kind(*n));
  }
  ce.coverage = r.enumeration(c, path, "coverage", parse_coverage, clause_coverage::none,
                              "measurable, qualitative_only, none");
  if (const json* gs = r.array(c, path, "goals"))
    for (std::size_t k = 0; k < gs->size(); ++k) {
      if ((*gs)[k].is_string()) ce.goals.emplace_back((*gs)[k].get<std::string>());
      else r.bad(path + "/goals/" + std::to_string(k), "expected a goal id, got " + r.kind((*gs)[k]));
    }
  return ce;
}

}  // namespace

evaluation parse_evaluation_json(std::string_view text, std::string origin) {
  std::vector<problem> problems;
  const json root = detail::parse_json_or_throw<json>(text, origin, 32, "an evaluation file");
  reader r{problems};
  evaluation e;
  if (!r.object(root, "")) throw load_error(std::move(origin), std::move(problems));
  r.keys(root, "", {"plan", "as_of", "known_as_of", "goals", "summary", "bureaus", "coverage"});
  e.plan = plan_id(r.str(root, "", "plan"));
  e.as_of = r.day(root, "", "as_of");
  e.known_as_of = r.day(root, "", "known_as_of");
  r.each_object(r.array(root, "", "goals"), "/goals",
                [&](const json& g, const std::string& path) { e.goals.push_back(read_goal(r, g, path)); });
  r.each_object(r.array(root, "", "bureaus"), "/bureaus",
                [&](const json& b, const std::string& path) { e.bureaus.push_back(read_bureau(r, b, path)); });
  r.each_object(r.array(root, "", "coverage"), "/coverage",
                [&](const json& c, const std::string& path) { e.coverage.push_back(read_coverage(r, c, path)); });
  if (!problems.empty()) throw load_error(std::move(origin), std::move(problems));
  return e;
}

}  // namespace qgov
