// The roll-up: per-plan evaluations arranged by indicator, with summaries and ranks.
#include <qgov/lineage/rollup.hpp>

#include <cstdio>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include <qgov/formulas/scorecard.hpp>

namespace qgov::inline QGOV_ABI {
namespace {

std::optional<double> points(goal_status s, const evaluation_policy& p) {
  switch (s) {
    case goal_status::achieved: return p.points_achieved;
    case goal_status::on_track: return p.points_on_track;
    case goal_status::at_risk: return p.points_at_risk;
    case goal_status::off_track: return p.points_off_track;
    case goal_status::missed: return p.points_missed;
    case goal_status::no_data: return p.points_no_data;
    case goal_status::not_scored: return std::nullopt;
  }
  return std::nullopt;
}

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace

rollup make_rollup(const std::vector<rollup_input>& inputs, const indicator_vocabulary& vocabulary, date as_of,
                   const evaluation_policy& policy) {
  std::set<plan_id> ids;
  for (const auto& in : inputs)
    if (!ids.insert(in.plan.id()).second)
      throw qgov::error("plan \"" + in.plan.id().str() + "\" is given twice; a roll-up takes each plan once");
  rollup r;
  r.as_of = as_of;
  for (const auto& in : inputs) r.evaluations.push_back(evaluate(in.plan, in.observations, as_of, std::nullopt, policy));

  for (const auto& ind : vocabulary.indicators()) {
    rollup_row row{ind.id, ind.name, ind.name_en, {}};
    bool any = false;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      std::optional<rollup_cell> cell;
      for (const auto& g : inputs[k].plan.goals()) {
        if (vocabulary.match(g) != &ind) continue;
        const goal_result* res = find_result(r.evaluations[k], g.id);
        if (!res) continue;
        cell = rollup_cell{g.id, res->status, res->value, g.target, g.quote};
        break;
      }
      any = any || cell.has_value();
      row.cells.push_back(std::move(cell));
    }
    if (any) r.indicators.push_back(std::move(row));
  }

  std::vector<std::optional<double>> scores;
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    rollup_summary s{inputs[k].plan.id(), inputs[k].plan.document().issuer.text, {}, std::nullopt, std::nullopt};
    double sum = 0;
    std::size_t n = 0;
    for (const auto& g : r.evaluations[k].goals) {
      ++s.counts[static_cast<std::size_t>(g.status)];
      if (auto p = points(g.status, policy)) {
        sum += *p;
        ++n;
      }
    }
    if (n) s.score = sum / static_cast<double>(n);
    scores.push_back(s.score);
    r.plans.push_back(std::move(s));
  }
  const auto ranks = formulas::competition_ranks(scores);
  for (std::size_t k = 0; k < r.plans.size(); ++k) r.plans[k].rank = ranks[k];
  return r;
}

namespace {
constexpr goal_status statuses[] = {goal_status::achieved, goal_status::on_track, goal_status::at_risk, goal_status::off_track,
                                    goal_status::missed,   goal_status::no_data,  goal_status::not_scored};
}

std::string rollup_text(const rollup& r) {
  std::ostringstream os;
  os << "roll-up of " << r.plans.size() << " plans as of " << to_iso(r.as_of) << "\n";
  for (const auto& row : r.indicators) {
    os << row.indicator << " " << row.name << "\n";
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
      os << "  " << r.plans[k].plan.str() << ": ";
      if (!row.cells[k]) {
        os << "-\n";
        continue;
      }
      const auto& c = *row.cells[k];
      os << to_string(c.status);
      if (c.value) os << " value " << num(*c.value);
      if (c.target) os << " target " << symbol(c.target->comparator) << " " << num(c.target->value) << " " << c.target->unit;
      os << " (" << c.goal.str() << ")\n";
    }
  }
  for (const auto& s : r.plans) {
    os << "plan " << s.plan.str() << " " << s.name << ": score " << (s.score ? num(*s.score) : std::string("-")) << ", rank "
       << (s.rank ? std::to_string(*s.rank) : std::string("-"));
    for (auto st : statuses)
      if (auto n = s.counts[static_cast<std::size_t>(st)]) os << ", " << to_string(st) << " " << n;
    os << "\n";
  }
  return os.str();
}

std::string rollup_json(const rollup& r, int indent) {
  using ordered = nlohmann::ordered_json;
  ordered j{{"as_of", to_iso(r.as_of)}};
  j["plans"] = ordered::array();
  for (const auto& s : r.plans) {
    ordered counts;
    for (auto st : statuses) counts[std::string(to_string(st))] = s.counts[static_cast<std::size_t>(st)];
    ordered e{{"plan", s.plan.str()}, {"name", s.name}, {"counts", counts}};
    e["score"] = s.score ? ordered(*s.score) : ordered(nullptr);
    e["rank"] = s.rank ? ordered(*s.rank) : ordered(nullptr);
    j["plans"].push_back(std::move(e));
  }
  j["indicators"] = ordered::array();
  for (const auto& row : r.indicators) {
    ordered cells = ordered::array();
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
      if (!row.cells[k]) {
        cells.push_back(nullptr);
        continue;
      }
      const auto& c = *row.cells[k];
      ordered e{{"plan", r.plans[k].plan.str()}, {"goal", c.goal.str()}, {"status", std::string(to_string(c.status))}};
      e["value"] = c.value ? ordered(*c.value) : ordered(nullptr);
      if (c.target) e["target"] = {{"comparator", std::string(to_string(c.target->comparator))}, {"value", c.target->value}, {"unit", c.target->unit}};
      else e["target"] = nullptr;
      e["quote"] = c.quote;
      cells.push_back(std::move(e));
    }
    j["indicators"].push_back({{"indicator", row.indicator}, {"name", row.name}, {"name_en", row.name_en}, {"cells", cells}});
  }
  return j.dump(indent) + "\n";
}

}  // namespace qgov
