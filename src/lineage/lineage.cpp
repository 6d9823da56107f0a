// Plan versions through time: ordering and checking a lineage, the version in force, the version that set a target.
#include <qgov/lineage/lineage.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace qgov::inline QGOV_ABI {
namespace {

date in_force_date(const plan& p) { return p.lineage().effective_from.value_or(p.document().issued_on); }

std::string field_of(const plan& p) { return p.lineage().amends ? "amends" : "supersedes"; }

// Same goal for lineage purposes: what is judged, against what, by when.
bool same_target(const goal& a, const goal& b) {
  return a.kind == b.kind && a.target == b.target && a.direction == b.direction && a.deadline == b.deadline &&
         a.levels == b.levels;
}

}  // namespace

std::vector<problem> lineage::validate(const std::vector<plan>& plans) {
  std::vector<problem> out;
  std::map<plan_id, std::size_t> index;
  for (std::size_t i = 0; i < plans.size(); ++i)
    if (!index.emplace(plans[i].id(), i).second)
      out.push_back({plans[i].id().str() + "/id", "plan id \"" + plans[i].id().str() + "\" is given twice; each version needs its own id"});
  if (plans.empty()) out.push_back({"", "a lineage needs at least one plan"});
  std::map<plan_id, std::vector<plan_id>> followers;
  for (const auto& p : plans) {
    const auto& pred = p.lineage().predecessor();
    if (!pred) continue;
    const auto at = p.id().str() + "/lineage/" + field_of(p);
    auto it = index.find(*pred);
    if (it == index.end()) {
      out.push_back({at, "plan \"" + pred->str() + "\" is not among the plans of the lineage; expected one of their ids"});
      continue;
    }
    followers[*pred].push_back(p.id());
    const plan& before = plans[it->second];
    if (in_force_date(p) <= in_force_date(before))
      out.push_back({p.id().str() + "/lineage/effective_from",
                     "in force from " + to_iso(in_force_date(p)) + ", not after \"" + before.id().str() +
                         "\" (in force from " + to_iso(in_force_date(before)) + "); expected dates in order"});
  }
  for (const auto& [pred, next] : followers)
    if (next.size() > 1)
      out.push_back({next[1].str() + "/lineage", "\"" + pred.str() + "\" is followed by both \"" + next[0].str() +
                                                     "\" and \"" + next[1].str() + "\"; a lineage is one chain"});
  // cycles: walk back from every plan; more steps than plans means a loop
  for (const auto& p : plans) {
    std::set<plan_id> seen{p.id()};
    const plan* cur = &p;
    while (const auto& pred = cur->lineage().predecessor()) {
      auto it = index.find(*pred);
      if (it == index.end()) break;
      if (!seen.insert(*pred).second) {
        out.push_back({p.id().str() + "/lineage/" + field_of(p), "the plans' supersedes/amends links form a cycle through \"" + p.id().str() + "\""});
        break;
      }
      cur = &plans[it->second];
    }
  }
  std::size_t roots = 0;
  for (const auto& p : plans)
    if (!p.lineage().predecessor() || !index.count(*p.lineage().predecessor())) ++roots;
  if (!plans.empty() && roots != 1 && out.empty())
    out.push_back({"", std::to_string(roots) + " plans have no predecessor among the plans; a lineage has exactly one first version"});
  return out;
}

lineage lineage::from_plans(std::vector<plan> plans, std::string origin) {
  if (auto problems = validate(plans); !problems.empty()) throw load_error(std::move(origin), std::move(problems));
  lineage l;
  std::map<plan_id, const plan*> next;  // predecessor -> follower
  const plan* first = nullptr;
  for (const auto& p : plans)
    if (const auto& pred = p.lineage().predecessor()) next[*pred] = &p;
    else first = &p;
  for (const plan* p = first; p;) {
    l.versions_.push_back({*p, in_force_date(*p)});
    auto it = next.find(p->id());
    p = it == next.end() ? nullptr : it->second;
  }
  return l;
}

const lineage_version* lineage::in_force(date d) const noexcept {
  const lineage_version* found = nullptr;
  for (const auto& v : versions_)
    if (v.in_force_from <= d) found = &v;
  return found;
}

const lineage_version* lineage::set_by(const goal_id& g, date d) const noexcept {
  const lineage_version* now = in_force(d);
  if (!now) return nullptr;
  const goal* current = now->plan.find_goal(g);
  if (!current) return nullptr;
  std::size_t k = static_cast<std::size_t>(now - versions_.data());
  while (k > 0) {
    const goal* earlier = versions_[k - 1].plan.find_goal(g);
    if (!earlier || !same_target(*earlier, *current)) break;
    --k;
  }
  return &versions_[k];
}

lineage_evaluation evaluate(const lineage& l, const observation_ledger& ledger, date as_of, std::optional<date> known_as_of,
                            const evaluation_policy& policy) {
  const lineage_version* v = l.in_force(as_of);
  if (!v)
    throw qgov::error("no version of the lineage is in force on " + to_iso(as_of) + "; the first is in force from " +
                      to_iso(l.versions().front().in_force_from));
  lineage_evaluation out{v->plan.id(), v->in_force_from, evaluate(v->plan, ledger, as_of, known_as_of, policy), {}};
  for (auto& r : out.evaluation.goals) {
    const lineage_version* by = l.set_by(r.goal, as_of);
    if (!by) continue;
    out.targets.push_back({r.goal, by->plan.id(), by->in_force_from});
    const std::string line = "target as set by " + by->plan.id().str() + " (in force from " + to_iso(by->in_force_from) + ")";
    r.trace.note = r.trace.note.empty() ? line : r.trace.note + "; " + line;
  }
  return out;
}

}  // namespace qgov
