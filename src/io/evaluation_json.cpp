// Evaluations as JSON: every figure, the trace behind it, and the scorecard.
#include <qgov/io/evaluation_json.hpp>

#include <cmath>
#include <cstdint>
#include <map>

#include <nlohmann/json.hpp>

namespace qgov::inline QGOV_ABI {
namespace {

using ordered = nlohmann::ordered_json;

// A JSON number: whole numbers as integers ("base_year": 2023, not 2023.0), others as the shortest text that reads
// back as the same double. Reading either back gives the same double.
ordered num(double v) {
  if (!std::isfinite(v)) return nullptr;
  if (v == std::floor(v) && std::fabs(v) < 9007199254740992.0) return static_cast<std::int64_t>(v);
  return v;
}

ordered number_or_null(std::optional<double> v) {
  if (!v) return nullptr;
  return num(*v);
}

ordered observation_json(const observation& o) {
  ordered j{{"goal", o.goal.str()}, {"period", o.period.str()}, {"value", num(o.value)}};
  if (o.rate) j["numerator"] = num(o.rate->numerator), j["denominator"] = num(o.rate->denominator);
  if (o.level) j["level"] = std::string(to_string(*o.level));
  j["reported_on"] = to_iso(o.reported_on);
  j["source"] = o.source;
  if (!o.origin.empty()) j["origin"] = o.origin;
  return j;
}

ordered values_json(const std::vector<trace_value>& values) {
  ordered j = ordered::object();
  for (const auto& v : values) j[v.name] = number_or_null(v.value);
  return j;
}

}  // namespace

std::string to_json(const evaluation& e, const plan& p, int indent) {
  ordered j;
  j["plan"] = e.plan.str();
  j["as_of"] = to_iso(e.as_of);
  j["known_as_of"] = to_iso(e.known_as_of);
  std::map<std::string, int> summary;
  for (auto s : {goal_status::achieved, goal_status::on_track, goal_status::at_risk, goal_status::off_track,
                 goal_status::missed, goal_status::no_data, goal_status::not_scored})
    summary[std::string(to_string(s))] = 0;
  j["goals"] = ordered::array();
  for (const auto& r : e.goals) {
    const goal* g = p.find_goal(r.goal);
    ++summary[std::string(to_string(r.status))];
    ordered gj;
    gj["id"] = r.goal.str();
    gj["status"] = std::string(to_string(r.status));
    gj["value"] = number_or_null(r.value);
    gj["period"] = r.period ? ordered(r.period->str()) : ordered(nullptr);
    if (g && g->target) {
      gj["target"] = {{"comparator", std::string(to_string(g->target->comparator))}, {"value", num(g->target->value)},
                      {"unit", g->target->unit}, {"deadline", to_iso(g->deadline)}};
    }
    gj["projected"] = number_or_null(r.projected);
    gj["explanation"] = {{"zh", r.explanation.zh}, {"en", r.explanation.en}};
    if (!r.levels.empty()) {
      ordered levels = ordered::array();
      for (const auto& l : r.levels)
        levels.push_back({{"level", std::string(to_string(l.level))}, {"status", std::string(to_string(l.status))},
                          {"value", number_or_null(l.value)}, {"period", l.period ? ordered(l.period->str()) : ordered(nullptr)}});
      gj["levels"] = levels;
    }
    ordered tj;
    tj["formula"] = r.trace.formula;
    tj["rule"] = r.trace.rule;
    if (!r.trace.note.empty()) tj["note"] = r.trace.note;
    tj["values"] = values_json(r.trace.values);
    tj["thresholds"] = values_json(r.trace.thresholds);
    tj["observations"] = ordered::array();
    for (const auto& o : r.trace.observations) tj["observations"].push_back(observation_json(o));
    if (g) {
      tj["quote"] = g->quote;
      tj["source"] = {{"kind", std::string(to_string(g->source.kind))}, {"number", g->source.number}};
      ordered clauses = ordered::array();
      for (const auto& c : g->clauses) clauses.push_back({{"number", c.clause.value}, {"link", std::string(to_string(c.link))}});
      tj["clauses"] = clauses;
      ordered units = ordered::array();
      for (const auto& u : p.units_for(*g)) units.push_back(p.find_unit(u)->name);
      tj["units"] = units;
    }
    gj["trace"] = tj;
    j["goals"].push_back(gj);
  }
  j["summary"] = ordered::object();
  for (auto s : {goal_status::achieved, goal_status::on_track, goal_status::at_risk, goal_status::off_track,
                 goal_status::missed, goal_status::no_data, goal_status::not_scored})
    j["summary"][std::string(to_string(s))] = summary[std::string(to_string(s))];
  j["bureaus"] = ordered::array();
  for (const auto& b : e.bureaus) {
    const auto* u = p.find_unit(b.unit);
    ordered bj;
    bj["name"] = u ? u->name : b.unit.str();
    bj["id"] = b.unit.str();
    bj["name_en"] = u ? u->name_en : "";
    bj["kind"] = u ? std::string(to_string(u->kind)) : "";
    bj["score"] = number_or_null(b.score);
    bj["grade"] = b.grade ? ordered(std::string(formulas::to_string(*b.grade))) : ordered(nullptr);
    bj["rank"] = b.rank ? ordered(*b.rank) : ordered(nullptr);
    bj["vetoed"] = b.vetoed;
    ordered contributions = ordered::array();
    for (const auto& c : b.contributions)
      contributions.push_back({{"goal", c.goal.str()}, {"role", std::string(to_string(c.unit_role))}, {"weight", num(c.weight)}, {"points", num(c.points)}});
    bj["goals"] = contributions;
    j["bureaus"].push_back(bj);
  }
  j["coverage"] = ordered::array();
  for (const auto& c : e.coverage) {
    ordered goals = ordered::array();
    for (const auto& g : c.goals) goals.push_back(g.str());
    j["coverage"].push_back({{"clause", c.clause.value}, {"coverage", std::string(to_string(c.coverage))}, {"goals", goals}});
  }
  return j.dump(indent) + "\n";
}

}  // namespace qgov
