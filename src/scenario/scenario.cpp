// Scenario files (JSON, docs/scenarios.md): reading them, running them, and saying precisely what did not hold.
// JSON rather than YAML: nlohmann-json is already a private, header-only dependency of the library; yaml-cpp would
// add a compiled dependency to every host's link line for a file format hosts can generate from YAML themselves.
#include <qgov/scenario/scenario.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include <qgov/io/input_file.hpp>
#include <qgov/io/observations.hpp>
#include <qgov/io/plan_json.hpp>
#include <qgov/plans/dongli_2024.hpp>

#include "detail/json_input.hpp"

namespace qgov::inline QGOV_ABI {
namespace {

using json = nlohmann::ordered_json;

std::string num(double v) {
  if (!std::isfinite(v)) return std::isnan(v) ? "NaN" : (v > 0 ? "inf" : "-inf");
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}
std::string num(std::optional<double> v) { return v ? num(*v) : "none"; }

double tolerance_for(std::optional<double> tol, double expected) {
  return tol ? *tol : default_relative_tolerance * std::max(1.0, std::fabs(expected));
}

void check_number(std::vector<check_failure>& out, const std::string& subject, const char* field,
                  std::optional<double> expected, std::optional<double> tol, std::optional<double> actual) {
  if (!expected) return;
  const double t = tolerance_for(tol, *expected);
  if (!actual || !std::isfinite(*actual) || std::fabs(*actual - *expected) > t)
    out.push_back({subject, field, num(*expected) + " ± " + num(t), num(actual)});
}

std::string describe(const plan* p, const goal_result& r);

std::optional<formulas::grade> parse_grade(std::string_view s) { return value_in(formulas::grade_names, s); }

std::string read_file(const std::filesystem::path& p, const std::string& origin, const std::string& where,
                      std::uintmax_t limit, std::string_view what) {
  try {
    return read_input_file(p, limit, what);  // regular files only, within the limit (src/io/input_file.cpp)
  } catch (const load_error& e) {
    std::vector<problem> out;
    for (const auto& pr : e.problems()) out.push_back({where, p.string() + " " + pr.message});
    throw load_error(origin, std::move(out));
  }
}

struct scenario_reader {
  const std::filesystem::path& base;
  std::string origin;
  std::vector<problem> problems;

  void bad(const std::string& where, const std::string& what) { problems.push_back({where, what}); }

  void keys(const json& o, const std::string& path, std::initializer_list<const char*> known) {
    for (const auto& [k, v] : o.items()) {
      bool ok = false;
      std::string list;
      for (const char* n : known) ok = ok || k == n, list += (list.empty() ? "" : ", ") + std::string(n);
      if (!ok) bad(path + "/" + k, "unknown field \"" + k + "\"; expected " + list);
    }
  }

  std::optional<date> day(const json& o, const std::string& path, const char* key, bool required) {
    auto it = o.find(key);
    if (it == o.end()) {
      if (required) bad(path + "/" + key, std::string("missing required field \"") + key + "\" (a date YYYY-MM-DD)");
      return std::nullopt;
    }
    if (it->is_string())
      if (auto d = parse_iso_date(it->get<std::string>())) return d;
    bad(path + "/" + key, "expected a date YYYY-MM-DD, got " + it->dump());
    return std::nullopt;
  }

  std::optional<double> number(const json& o, const std::string& path, const char* key) {
    auto it = o.find(key);
    if (it == o.end()) return std::nullopt;
    if (it->is_number()) return it->get<double>();
    bad(path + "/" + key, "expected a number, got " + it->dump());
    return std::nullopt;
  }

  std::optional<plan> read_plan(const json* j, const std::string& path) {
    if (!j) return plans::dongli_2024();
    try {
      if (j->is_string()) {
        const auto s = j->get<std::string>();
        if (s == "dongli-2024") return plans::dongli_2024();
        return load_plan(base / s);
      }
      if (j->is_object()) {
        const auto src = j->find("source");
        if (src == j->end() || !src->is_object() || !src->contains("path") || !(*src)["path"].is_string()) {
          bad(path + "/source/path", "an embedded plan names its source text file (relative to the scenario file)");
          return std::nullopt;
        }
        const auto text = read_file(base / (*src)["path"].get<std::string>(), origin, path + "/source/path",
                                     input_limits::source_text, "source text file");
        return parse_plan(j->dump(), text, origin + ":" + path);
      }
      bad(path, "expected \"dongli-2024\", a plan file path, or an embedded plan object");
    } catch (const load_error& e) {
      bad(path, std::string("the plan does not load: ") + e.what());
    }
    return std::nullopt;
  }

  std::optional<observation_ledger> read_observations(const json* j, const std::string& path, const plan& p,
                                                      bool embedded_plan) {
    if (!j) return observation_ledger{};
    try {
      if (j->is_string()) {
        const auto s = j->get<std::string>();
        if (s == "sample") {
          if (!embedded_plan) {
            bad(path, "\"sample\" is the embedded Dongli sample: only with the embedded plan");
            return std::nullopt;
          }
          return parse_observations_csv(plans::dongli_2024_sample_csv(), p, "<embedded sample>");
        }
        return load_observations(base / s, p);
      }
      if (j->is_array()) {
        json wrapper{{"observations", *j}};
        try {
          // origins name the place in the scenario file: "file.json:/scenarios/2/observations/0"
          auto all = parse_observations_json(wrapper.dump(), p, origin).all();
          const std::string from = origin + ":/observations/";
          for (auto& o : all)
            if (o.origin.starts_with(from)) o.origin = origin + ":" + path + "/" + o.origin.substr(from.size());
          return observation_ledger(std::move(all));
        } catch (const load_error& e) {
          // the wrapper's paths start /observations/…: put them under this scenario's path
          const std::string prefix = path.substr(0, path.size() - std::string("/observations").size());
          for (const auto& pr : e.problems()) bad(prefix + pr.where, pr.message);
          return std::nullopt;
        }
      }
      bad(path, "expected an array of observations, a file path (.csv or .json), or \"sample\"");
    } catch (const load_error& e) {
      bad(path, std::string("the observations do not load: ") + e.what());
    }
    return std::nullopt;
  }

  void read_expect(const json& x, const std::string& path, const plan& p, scenario& s) {
    if (!x.is_object()) return bad(path, "expected an object {\"goals\": {…}, \"bureaus\": {…}}");
    keys(x, path, {"goals", "bureaus"});
    if (auto g = x.find("goals"); g != x.end()) {
      if (!g->is_object()) bad(path + "/goals", "expected an object {goal id: status or {status, value, …}}");
      else
        for (const auto& [id, v] : g->items()) {
          const std::string gp = path + "/goals/" + id;
          goal_expectation e;
          e.goal = goal_id(id);
          if (!p.find_goal(e.goal)) {
            bad(gp, "unknown goal \"" + id + "\" in plan " + p.id().str());
            continue;
          }
          const json* status = nullptr;
          if (v.is_string()) status = &v;
          else if (v.is_object()) {
            keys(v, gp, {"status", "value", "projected", "tolerance"});
            if (auto it = v.find("status"); it != v.end()) status = &*it;
            e.value = number(v, gp, "value");
            e.projected = number(v, gp, "projected");
            e.tolerance = number(v, gp, "tolerance");
            if (e.tolerance && !(*e.tolerance >= 0)) bad(gp + "/tolerance", "expected a tolerance ≥ 0");
          } else {
            bad(gp, "expected a status (\"achieved\" …) or an object {status, value, projected, tolerance}");
            continue;
          }
          if (status) {
            const auto st = status->is_string() ? parse_goal_status(status->get<std::string>()) : std::nullopt;
            if (st) e.status = *st;
            else bad(gp + (v.is_object() ? "/status" : ""), "unknown status " + status->dump() +
                                                            "; expected achieved, on_track, at_risk, off_track, "
                                                            "missed, no_data or not_scored");
          }
          if (!e.status && !e.value && !e.projected) bad(gp, "expects nothing: give a status, a value or projected");
          s.goals.push_back(std::move(e));
        }
    }
    if (auto b = x.find("bureaus"); b != x.end()) {
      if (!b->is_object()) bad(path + "/bureaus", "expected an object {unit id or name: grade or {grade, score, rank}}");
      else
        for (const auto& [id, v] : b->items()) {
          const std::string bp = path + "/bureaus/" + id;
          const responsible_unit* u = p.find_unit(unit_id(id));
          if (!u) u = p.find_unit_by_name(id);
          if (!u) {
            bad(bp, "unknown unit \"" + id + "\" (neither an id nor a name as printed) in plan " + p.id().str());
            continue;
          }
          bureau_expectation e;
          e.unit = u->id;
          const json* grade = nullptr;
          if (v.is_string()) grade = &v;
          else if (v.is_object()) {
            keys(v, bp, {"grade", "score", "rank", "tolerance"});
            if (auto it = v.find("grade"); it != v.end()) grade = &*it;
            e.score = number(v, bp, "score");
            e.tolerance = number(v, bp, "tolerance");
            if (auto it = v.find("rank"); it != v.end()) {
              if (it->is_number_unsigned() && it->get<std::size_t>() >= 1) e.rank = it->get<std::size_t>();
              else bad(bp + "/rank", "expected a rank ≥ 1, got " + it->dump());
            }
          } else {
            bad(bp, "expected a grade (\"A\"…\"D\") or an object {grade, score, rank, tolerance}");
            continue;
          }
          if (grade) {
            const auto gr = grade->is_string() ? parse_grade(grade->get<std::string>()) : std::nullopt;
            if (gr) e.grade = *gr;
            else bad(bp + (v.is_object() ? "/grade" : ""), "unknown grade " + grade->dump() + "; expected A, B, C or D");
          }
          s.bureaus.push_back(std::move(e));
        }
    }
  }
};

}  // namespace

std::vector<check_failure> check_goal(const evaluation& e, const goal_expectation& x) {
  std::vector<check_failure> out;
  const goal_result* r = find_result(e, x.goal);
  if (!r) {
    out.push_back({x.goal.str(), "goal", "a result", "no such goal in the evaluation"});
    return out;
  }
  if (x.status && *x.status != r->status)
    out.push_back({x.goal.str(), "status", std::string(to_string(*x.status)), std::string(to_string(r->status))});
  check_number(out, x.goal.str(), "value", x.value, x.tolerance, r->value);
  check_number(out, x.goal.str(), "projected", x.projected, x.tolerance, r->projected);
  return out;
}

std::vector<check_failure> check_bureau(const evaluation& e, const bureau_expectation& x) {
  std::vector<check_failure> out;
  const auto it = std::find_if(e.bureaus.begin(), e.bureaus.end(), [&](const bureau_score& b) { return b.unit == x.unit; });
  if (it == e.bureaus.end()) {
    out.push_back({x.unit.str(), "unit", "a scorecard line", "no such unit in the evaluation"});
    return out;
  }
  if (x.grade && it->grade != x.grade)
    out.push_back({x.unit.str(), "grade", std::string(formulas::to_string(*x.grade)),
                   it->grade ? std::string(formulas::to_string(*it->grade)) : "none (no goal could be scored)"});
  check_number(out, x.unit.str(), "score", x.score, x.tolerance, it->score);
  if (x.rank && it->rank != x.rank)
    out.push_back({x.unit.str(), "rank", std::to_string(*x.rank), it->rank ? std::to_string(*it->rank) : "none"});
  return out;
}

std::string describe_result(const plan& p, const goal_result& r) { return describe(&p, r); }
std::string describe_result(const goal_result& r) { return describe(nullptr, r); }

namespace {
std::string describe(const plan* p, const goal_result& r) {
  std::ostringstream os;
  const goal* g = p ? p->find_goal(r.goal) : nullptr;
  os << r.goal;
  if (g) {
    os << "  " << g->quote;
    if (g->target)
      os << "  (target " << symbol(g->target->comparator) << " " << num(g->target->value) << " " << g->target->unit
         << " by " << to_iso(g->deadline) << ", " << to_string(g->kind) << ")";
    else
      os << "  (" << to_string(g->kind) << ", by " << to_iso(g->deadline) << ")";
  }
  os << "\n    status: " << to_string(r.status) << " (" << to_chinese(r.status) << ")";
  if (r.value) os << "   value: " << num(r.value) << (r.period ? " (" + r.period->str() + ")" : "");
  if (r.projected) os << "   projected: " << num(r.projected);
  os << "\n    explanation: " << r.explanation.en << "\n                 " << r.explanation.zh << "\n";
  os << "    trace: " << r.trace.formula << " — " << r.trace.rule << "\n";
  if (r.trace.observations.empty()) os << "      figures used: none\n";
  for (const auto& o : r.trace.observations) {
    os << "      figure: " << o.period.str() << (o.level ? std::string(" ") + std::string(to_string(*o.level)) : "")
       << " = " << num(o.value);
    if (o.rate) os << " (" << num(o.rate->numerator) << "/" << num(o.rate->denominator) << ")";
    os << ", reported " << to_iso(o.reported_on);
    if (!o.source.empty()) os << ", " << o.source;
    if (!o.origin.empty()) os << " [" << o.origin << "]";
    os << "\n";
  }
  for (const auto& v : r.trace.values) os << "      value: " << v.name << " = " << num(v.value) << "\n";
  for (const auto& v : r.trace.thresholds) os << "      threshold: " << v.name << " = " << num(v.value) << "\n";
  for (const auto& l : r.levels)
    os << "      level " << to_string(l.level) << ": " << to_string(l.status) << ", " << num(l.value) << "\n";
  if (!r.trace.note.empty()) os << "      note: " << r.trace.note << "\n";
  return os.str();
}
}  // namespace

scenario_file parse_scenario_file(std::string_view text, const std::filesystem::path& base, std::string origin) {
  const json root = detail::parse_json_or_throw<json>(text, origin, 32, "a scenario file");
  scenario_reader r{base, origin, {}};
  scenario_file out;
  out.path = origin;
  if (!root.is_object()) throw load_error(origin, {{"", "expected an object {\"qgov_scenario\": 1, \"scenarios\": […]}"}});
  r.keys(root, "", {"qgov_scenario", "description", "plan", "observations", "scenarios"});
  if (auto v = root.find("qgov_scenario"); v == root.end() || *v != 1)
    r.bad("/qgov_scenario", "expected \"qgov_scenario\": 1 (the scenario format version this qgov reads)");
  const json* plan_j = root.contains("plan") ? &root["plan"] : nullptr;
  const auto p = r.read_plan(plan_j, "/plan");
  const bool embedded = !plan_j || (plan_j->is_string() && *plan_j == "dongli-2024");
  std::optional<observation_ledger> shared;
  if (p) shared = r.read_observations(root.contains("observations") ? &root["observations"] : nullptr, "/observations",
                                      *p, embedded);
  const auto list = root.find("scenarios");
  if (list == root.end() || !list->is_array() || list->empty()) {
    r.bad("/scenarios", "expected a non-empty array of scenarios");
  } else if (p) {
    std::set<std::string> names;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json& sj = (*list)[i];
      const std::string path = "/scenarios/" + std::to_string(i);
      if (!sj.is_object()) {
        r.bad(path, "expected an object {name, as_of, expect, …}");
        continue;
      }
      r.keys(sj, path, {"name", "description", "as_of", "known_as_of", "observations", "expect"});
      scenario s{.name = {}, .where = origin + ":" + path, .plan = *p, .observations = {}, .as_of = date(2000, 1, 1),
                 .known_as_of = std::nullopt, .goals = {}, .bureaus = {}};
      if (auto n = sj.find("name"); n != sj.end() && n->is_string() && !n->get<std::string>().empty()) {
        s.name = n->get<std::string>();
        if (!names.insert(s.name).second) r.bad(path + "/name", "duplicate scenario name \"" + s.name + "\"");
      } else {
        r.bad(path + "/name", "missing required field \"name\" (a non-empty string)");
      }
      if (auto d = r.day(sj, path, "as_of", true)) s.as_of = *d;
      s.known_as_of = r.day(sj, path, "known_as_of", false);
      if (sj.contains("observations")) {
        if (auto l = r.read_observations(&sj["observations"], path + "/observations", *p, embedded)) s.observations = *l;
      } else if (shared) {
        s.observations = *shared;
      }
      if (auto x = sj.find("expect"); x != sj.end()) {
        const std::size_t before = r.problems.size();
        r.read_expect(*x, path + "/expect", *p, s);
        // an expectation of nothing would report "PASS (0 checks)": a test that cannot fail
        if (r.problems.size() == before && s.goals.empty() && s.bureaus.empty())
          r.bad(path + "/expect", "expects nothing: name at least one goal (\"goals\": {id: status}) or unit "
                                  "(\"bureaus\": {id: grade}); a scenario without a check cannot fail");
      } else {
        r.bad(path + "/expect", "missing required field \"expect\"");
      }
      out.scenarios.push_back(std::move(s));
    }
  }
  if (!r.problems.empty()) throw load_error(origin, std::move(r.problems));
  return out;
}

scenario_file load_scenario_file(const std::filesystem::path& file) {
  const std::string text = read_input_file(file, input_limits::scenario, "scenario file");
  return parse_scenario_file(text, file.parent_path(), file.string());
}

scenario_result run_scenario(const scenario& s) {
  scenario_result out{s.name, s.where, evaluate(s.plan, s.observations, s.as_of, s.known_as_of), 0, {}, {}};
  std::set<std::string> failed_goals, failed_units;
  for (const auto& x : s.goals) {
    out.checks += (x.status ? 1 : 0) + (x.value ? 1 : 0) + (x.projected ? 1 : 0);
    for (auto& f : check_goal(out.result, x)) {
      failed_goals.insert(f.subject);
      out.failures.push_back(std::move(f));
    }
  }
  for (const auto& x : s.bureaus) {
    out.checks += (x.grade ? 1 : 0) + (x.score ? 1 : 0) + (x.rank ? 1 : 0);
    for (auto& f : check_bureau(out.result, x)) {
      failed_units.insert(f.subject);
      out.failures.push_back(std::move(f));
    }
  }
  if (out.failures.empty()) return out;
  std::ostringstream os;
  os << "as of " << to_iso(out.result.as_of) << ", figures known on " << to_iso(out.result.known_as_of) << "\n";
  for (const auto& f : out.failures) {
    const bool unit = failed_units.count(f.subject) && !failed_goals.count(f.subject);
    os << "  " << (unit ? "unit " : "goal ") << f.subject << ": " << f.field << "\n"
       << "    - expected: " << f.expected << "\n"
       << "    + actual:   " << f.actual << "\n";
  }
  for (const auto& id : failed_goals)
    if (const goal_result* r = find_result(out.result, goal_id(id))) os << "  " << describe_result(s.plan, *r);
  for (const auto& id : failed_units) {
    const auto it = std::find_if(out.result.bureaus.begin(), out.result.bureaus.end(),
                                 [&](const bureau_score& b) { return b.unit.str() == id; });
    if (it == out.result.bureaus.end()) continue;
    const auto* u = s.plan.find_unit(it->unit);
    os << "  unit " << id << (u ? " " + u->name : "") << ": score " << num(it->score) << ", grade "
       << (it->grade ? std::string(formulas::to_string(*it->grade)) : "none") << ", rank "
       << (it->rank ? std::to_string(*it->rank) : "none") << (it->vetoed ? ", vetoed" : "") << "\n";
    for (const auto& c : it->contributions)
      os << "      " << c.goal << ": " << to_string(c.unit_role) << ", weight " << num(c.weight) << ", " << num(c.points)
         << " points (" << to_string(find_result(out.result, c.goal) ? find_result(out.result, c.goal)->status
                                                                       : goal_status::no_data)
         << ")\n";
  }
  out.report = os.str();
  return out;
}

std::vector<goal_id> uncovered_goals(const plan& p, const std::vector<const scenario*>& scenarios) {
  std::set<goal_id> covered;
  for (const scenario* s : scenarios)
    if (s->plan.id() == p.id())
      for (const auto& x : s->goals) covered.insert(x.goal);
  std::vector<goal_id> out;
  for (const auto& g : p.goals())
    if (!covered.count(g.id)) out.push_back(g.id);
  return out;
}

}  // namespace qgov
