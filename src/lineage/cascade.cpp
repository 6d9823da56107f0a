// Cascade checks: a child plan's targets against its parent's, through the indicator vocabulary.
#include <qgov/lineage/cascade.hpp>

#include <cstdio>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

namespace qgov::inline QGOV_ABI {
namespace {

// The values a target accepts, as an interval.
struct interval {
  double lo = -std::numeric_limits<double>::infinity();
  bool lo_closed = false;
  double hi = std::numeric_limits<double>::infinity();
  bool hi_closed = false;
};

interval accepted(const target& t) {
  interval i;
  switch (t.comparator) {
    case comparator::ge: i.lo = t.value; i.lo_closed = true; break;
    case comparator::gt: i.lo = t.value; break;
    case comparator::le: i.hi = t.value; i.hi_closed = true; break;
    case comparator::lt: i.hi = t.value; break;
    case comparator::eq: i.lo = i.hi = t.value; i.lo_closed = i.hi_closed = true; break;
  }
  return i;
}

// Whether every value in `a` is in `b`.
bool inside(const interval& a, const interval& b) {
  const bool lo_ok = a.lo > b.lo || (a.lo == b.lo && (b.lo_closed || !a.lo_closed));
  const bool hi_ok = a.hi < b.hi || (a.hi == b.hi && (b.hi_closed || !a.hi_closed));
  return lo_ok && hi_ok;
}

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string shown(const target& t) {
  return std::string(symbol(t.comparator)) + " " + num(t.value) + (t.unit.empty() ? "" : " " + t.unit);  // an index has no unit
}

// Kinds whose numbers mean the same thing: a level (at the deadline, throughout, at each level), a running total,
// a count of things done.
int kind_class(goal_kind k) {
  switch (k) {
    case goal_kind::threshold:
    case goal_kind::maintain:
    case goal_kind::all_levels: return 0;
    case goal_kind::cumulative: return 1;
    case goal_kind::milestone: return 2;
    case goal_kind::trend: return 3;
    case goal_kind::qualitative: return 4;
  }
  return 4;
}

std::pair<cascade_verdict, std::string> judge(const goal& parent, const goal& child, const indicator& ind) {
  const trend_direction better = ind.better == better_direction::higher ? trend_direction::increase : trend_direction::decrease;
  if (parent.kind == goal_kind::trend) {
    if (child.kind == goal_kind::trend)
      return child.direction == parent.direction
                 ? std::pair{cascade_verdict::direction_agrees, "both ask the indicator to " + std::string(to_string(*parent.direction))}
                 : std::pair{cascade_verdict::less_demanding, "the child asks for the opposite direction"};
    if (child.target)
      return {cascade_verdict::not_comparable, "the parent asks for a direction (" + std::string(to_string(*parent.direction)) +
                                                   "), the child sets " + shown(*child.target)};
    return {cascade_verdict::not_comparable, "the child's goal is " + std::string(to_string(child.kind))};
  }
  if (!parent.target) return {cascade_verdict::not_comparable, "the parent's goal has no numeric target"};
  if (child.kind == goal_kind::trend)
    return child.direction == better
               ? std::pair{cascade_verdict::less_demanding, "the child asks only for a direction; the parent sets " + shown(*parent.target)}
               : std::pair{cascade_verdict::less_demanding, "the child asks for the opposite direction"};
  if (!child.target) return {cascade_verdict::not_comparable, "the child's goal has no numeric target"};
  if (kind_class(parent.kind) != kind_class(child.kind))
    return {cascade_verdict::not_comparable, "the parent's goal is " + std::string(to_string(parent.kind)) + ", the child's " +
                                                 std::string(to_string(child.kind)) + "; their numbers measure different things"};
  if (parent.target->unit != child.target->unit)
    return {cascade_verdict::not_comparable, "units differ: " + parent.target->unit + " and " + child.target->unit};
  if (inside(accepted(*child.target), accepted(*parent.target)))
    return {cascade_verdict::at_least_as_demanding, shown(*child.target) + " implies " + shown(*parent.target)};
  return {cascade_verdict::less_demanding, shown(*child.target) + " does not imply " + shown(*parent.target)};
}

}  // namespace

std::size_t cascade_report::violations() const noexcept {
  std::size_t n = 0;
  for (const auto& r : shared) n += r.verdict == cascade_verdict::less_demanding;
  return n;
}

cascade_report cascade(const plan& child, const plan& parent, const indicator_vocabulary& vocabulary) {
  cascade_report out{child.id(), parent.id(), {}, {}, {}};
  for (const auto& pg : parent.goals()) {
    const indicator* ind = vocabulary.match(pg);
    if (!ind) {
      out.parent_unmatched.push_back(pg);
      continue;
    }
    bool taken = false;
    for (const auto& cg : child.goals()) {
      if (cg.horizon != pg.horizon || vocabulary.match(cg) != ind) continue;
      taken = true;
      auto [verdict, reason] = judge(pg, cg, *ind);
      out.shared.push_back({ind->id, pg.horizon, pg, cg, verdict, std::move(reason)});
    }
    if (!taken) out.not_taken_up.push_back(pg);
  }
  return out;
}

namespace {
std::string goal_target(const goal& g) {
  if (g.target) return shown(g.target.value());
  if (g.direction) return std::string(to_string(*g.direction));
  return std::string(to_string(g.kind));
}
}  // namespace

std::string cascade_text(const cascade_report& r) {
  std::ostringstream os;
  os << "cascade " << r.child.str() << " against " << r.parent.str() << ": " << r.shared.size() << " shared, "
     << r.violations() << " less demanding, " << r.not_taken_up.size() << " not taken up\n";
  for (const auto& s : r.shared) {
    os << s.indicator << " (" << s.horizon << "): " << to_string(s.verdict) << " — " << s.reason << "\n"
       << "  parent " << s.parent.id.str() << " " << goal_target(s.parent) << ": " << s.parent.quote << "\n"
       << "  child  " << s.child.id.str() << " " << goal_target(s.child) << ": " << s.child.quote << "\n";
  }
  for (const auto& g : r.not_taken_up) os << "not taken up: " << g.id.str() << " " << goal_target(g) << ": " << g.quote << "\n";
  for (const auto& g : r.parent_unmatched) os << "no indicator: " << g.id.str() << ": " << g.quote << "\n";
  return os.str();
}

std::string cascade_json(const cascade_report& r, int indent) {
  using ordered = nlohmann::ordered_json;
  auto goal_json = [](const goal& g) {
    ordered j{{"goal", g.id.str()}, {"kind", std::string(to_string(g.kind))}};
    if (g.target) {
      j["comparator"] = std::string(to_string(g.target->comparator));
      j["value"] = g.target->value;
      j["unit"] = g.target->unit;
    }
    if (g.direction) j["direction"] = std::string(to_string(*g.direction));
    j["horizon"] = g.horizon;
    j["quote"] = g.quote;
    return j;
  };
  ordered j{{"child", r.child.str()}, {"parent", r.parent.str()}, {"violations", r.violations()}};
  j["shared"] = ordered::array();
  for (const auto& s : r.shared)
    j["shared"].push_back({{"indicator", s.indicator}, {"horizon", s.horizon}, {"verdict", std::string(to_string(s.verdict))},
                           {"reason", s.reason}, {"parent", goal_json(s.parent)}, {"child", goal_json(s.child)}});
  j["not_taken_up"] = ordered::array();
  for (const auto& g : r.not_taken_up) j["not_taken_up"].push_back(goal_json(g));
  j["no_indicator"] = ordered::array();
  for (const auto& g : r.parent_unmatched) j["no_indicator"].push_back(goal_json(g));
  return j.dump(indent) + "\n";
}

}  // namespace qgov
