// The 双随机 draw: validation of the directory and roster against each other, then the seeded, documented procedure.
#include <qgov/supervision/draw.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <qgov/core/error.hpp>
#include <qgov/supervision/random.hpp>

namespace qgov::inline QGOV_ABI::supervision {
namespace {

std::string where(const std::string& origin) { return origin.empty() ? std::string() : " (" + origin + ")"; }

// Lists at most ten items of a long list of problems, then how many more.
std::string join_problems(const std::vector<std::string>& items) {
  std::string s;
  for (std::size_t i = 0; i < items.size() && i < 10; ++i) s += "\n  " + items[i];
  if (items.size() > 10) s += "\n  … and " + std::to_string(items.size() - 10) + " more";
  return s;
}

// ---- parameters
void check_parameters(const draw_input& in, const draw_parameters& params, const period& quarter,
                      const date& drawn_on) {
  if (quarter.kind() != period::kind_t::quarter)
    throw error("the draw is for a quarter (e.g. 2025-Q1), got the period " + quarter.str());
  if (drawn_on.is_special()) throw error("the draw date is not a date");
  if (params.inspectors_per_object < 1)
    throw error("inspectors_per_object must be at least 1 (the rule asks for 2 or more), got 0");
  for (std::size_t i = 0; i < params.strata.size(); ++i) {
    const auto& s = params.strata[i];
    const std::string name = in.scheme.labels[i].code;
    if (s.ratio_denominator == 0 || s.ratio_numerator > s.ratio_denominator)
      throw error("the sampling ratio of class " + name + " is " + std::to_string(s.ratio_numerator) + "/" +
                  std::to_string(s.ratio_denominator) + "; expected a fraction between 0 and 1");
    if (s.frequency_cap_days < 0)
      throw error("the frequency cap of class " + name + " is negative (" + std::to_string(s.frequency_cap_days) +
                  " days)");
  }
  if (params.timing_window < 1) throw error("the timing window must be at least one working day");
}

// The rows of a directory or roster by id; a row without an id or with an id seen before is a problem.
template <class Row>
std::unordered_map<std::string, const Row*> index_by_id(const std::vector<Row>& rows, const char* what,
                                                        std::vector<std::string>& problems) {
  std::unordered_map<std::string, const Row*> index;
  for (const auto& r : rows) {
    if (r.id.empty()) problems.push_back(std::string("an ") + what + " without an id" + where(r.origin));
    else if (auto [it, fresh] = index.emplace(r.id.str(), &r); !fresh)
      problems.push_back("duplicate " + std::string(what) + " id \"" + r.id.str() + "\"" + where(r.origin) +
                         ", first" + where(it->second->origin));
  }
  return index;
}

struct checked_input {
  std::unordered_map<std::string, const enterprise*> enterprises;
  std::unordered_map<std::string, std::unordered_set<std::string>> conflicts;  // enterprise → inspectors
};

// ---- the directory and the roster, checked against each other
checked_input check_directory_and_roster(const draw_input& in, const date& drawn_on) {
  std::vector<std::string> problems;
  if (in.inspectors.empty()) throw error("the inspector roster is empty: no inspector can be drawn");
  checked_input out;
  out.enterprises = index_by_id(in.enterprises, "enterprise", problems);
  const auto inspectors = index_by_id(in.inspectors, "inspector", problems);
  // conflicts of interest: declared on either side, both sides must exist
  for (const auto& e : in.enterprises)
    for (const auto& c : e.conflicts) {
      if (!inspectors.count(c.str()))
        problems.push_back("enterprise \"" + e.id.str() + "\"" + where(e.origin) + " declares a conflict with \"" +
                           c.str() + "\", who is not on the inspector roster");
      out.conflicts[e.id.str()].insert(c.str());
    }
  for (const auto& p : in.inspectors)
    for (const auto& c : p.conflicts) {
      if (!out.enterprises.count(c.str()))
        problems.push_back("inspector \"" + p.id.str() + "\"" + where(p.origin) + " declares a conflict with \"" +
                           c.str() + "\", which is not in the enterprise directory");
      out.conflicts[c.str()].insert(p.id.str());
    }
  for (const auto& e : in.enterprises)
    if (e.last_inspected_on && !e.last_inspected_on->is_special() && *e.last_inspected_on > drawn_on)
      problems.push_back("enterprise \"" + e.id.str() + "\"" + where(e.origin) + " was last inspected on " +
                         to_iso(*e.last_inspected_on) + ", after the draw date " + to_iso(drawn_on));
  if (!problems.empty())
    throw error(std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems") +
                " in the directory and roster:" + join_problems(problems));
  return out;
}

// ---- canonical order: candidates sorted by id bytes, whatever the order of the rows
std::vector<const inspector*> qualified_roster(const draw_input& in, const draw_parameters& params) {
  std::vector<const inspector*> roster;
  for (const auto& p : in.inspectors)
    if (params.required_qualification.empty() ||
        std::find(p.qualifications.begin(), p.qualifications.end(), params.required_qualification) !=
            p.qualifications.end())
      roster.push_back(&p);
  std::sort(roster.begin(), roster.end(), [](const inspector* a, const inspector* b) { return a->id < b->id; });
  if (roster.size() < params.inspectors_per_object)
    throw error("fewer eligible inspectors than needed: " + std::to_string(roster.size()) + " on the roster" +
                (params.required_qualification.empty() ? std::string()
                                                       : " with the qualification \"" + params.required_qualification + "\"") +
                ", " + std::to_string(params.inspectors_per_object) + " needed per object");
  return roster;
}

using pools_t = std::array<std::vector<const enterprise*>, 4>;
using strata_t = std::array<stratum_result, 4>;

// The enterprises by risk level, in id order; those inspected within their class's frequency cap are excluded
// (and recorded in `rec`).
pools_t stratify(const draw_input& in, const draw_parameters& params, const date& drawn_on, strata_t& strata,
                 draw_record& rec) {
  pools_t pools;
  for (std::size_t i = 0; i < 4; ++i) strata[i].level = static_cast<risk_level>(i);
  std::vector<const enterprise*> sorted;
  for (const auto& e : in.enterprises) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](const enterprise* a, const enterprise* b) { return a->id < b->id; });
  for (const enterprise* e : sorted) {
    const risk_level level = classify_level(*e, in.scheme);
    const auto i = static_cast<std::size_t>(level);
    ++strata[i].population;
    const std::int32_t cap = params.strata[i].frequency_cap_days;
    if (e->last_inspected_on && !e->last_inspected_on->is_special()) {
      const std::int64_t days = (drawn_on - *e->last_inspected_on).days();
      if (days < cap) {
        ++strata[i].excluded;
        rec.excluded.push_back({e->id, level, *e->last_inspected_on, days});
        continue;
      }
    }
    pools[i].push_back(e);
  }
  return pools;
}

// The qualified roster less the inspectors in a conflict of interest with `e`.
std::vector<const inspector*> eligible_for(const enterprise& e, const std::vector<const inspector*>& roster,
                                           const checked_input& checked) {
  const auto it = checked.conflicts.find(e.id.str());
  if (it == checked.conflicts.end()) return roster;
  std::vector<const inspector*> out;
  for (const inspector* p : roster)
    if (!it->second.count(p->id.str())) out.push_back(p);
  return out;
}

// ---- eligible inspectors per object; every object that could be drawn must have enough
void size_strata(const draw_parameters& params, const pools_t& pools, const std::vector<const inspector*>& roster,
                 const checked_input& checked, strata_t& strata) {
  std::vector<std::string> problems;
  for (std::size_t i = 0; i < 4; ++i) {
    auto& s = strata[i];
    s.eligible = pools[i].size();
    const std::uint64_t base = params.base == ratio_base::population ? s.population : s.eligible;
    const auto& r = params.strata[i];
    s.target = static_cast<std::size_t>((base * r.ratio_numerator + r.ratio_denominator - 1) / r.ratio_denominator);
    s.drawn = std::min(s.target, s.eligible);
    if (s.drawn == 0) continue;
    for (const enterprise* e : pools[i]) {
      if (!checked.conflicts.count(e->id.str())) continue;  // the whole roster, checked above
      const std::size_t n = eligible_for(*e, roster, checked).size();
      if (n < params.inspectors_per_object)
        problems.push_back("enterprise \"" + e->id.str() + "\"" + where(e->origin) + ": " + std::to_string(n) +
                           " eligible inspector" + (n == 1 ? "" : "s") + " after conflicts of interest, " +
                           std::to_string(params.inspectors_per_object) + " needed");
    }
  }
  if (!problems.empty())
    throw error("fewer eligible inspectors than needed for " + std::to_string(problems.size()) +
                (problems.size() == 1 ? " object" : " objects") + ":" + join_problems(problems));
}

// ---- the draw: two generators from one seed, objects first (strata low to high), then inspectors per object
void draw(const draw_parameters& params, std::uint64_t seed, pools_t& pools, const strata_t& strata,
          const std::vector<const inspector*>& roster, const checked_input& checked, draw_record& rec) {
  splitmix64 sm(seed);
  xoshiro256ss object_gen(sm);
  xoshiro256ss inspector_gen(sm);
  for (std::size_t i = 0; i < 4; ++i) {
    auto& pool = pools[i];
    partial_fisher_yates(pool, strata[i].drawn, object_gen);
    for (std::size_t k = 0; k < strata[i].drawn; ++k)
      rec.objects.push_back({rec.objects.size() + 1, pool[k]->id, pool[k]->name, static_cast<risk_level>(i), {}});
  }
  for (auto& o : rec.objects) {
    auto candidates = eligible_for(*checked.enterprises.at(o.id.str()), roster, checked);
    partial_fisher_yates(candidates, params.inspectors_per_object, inspector_gen);
    for (std::size_t k = 0; k < params.inspectors_per_object; ++k)
      o.inspectors.push_back({candidates[k]->id, candidates[k]->name, candidates[k]->department});
  }
}

}  // namespace

draw_record run_draw(const draw_input& in, const draw_parameters& params, std::uint64_t seed, const period& quarter,
                     const date& drawn_on) {
  check_parameters(in, params, quarter, drawn_on);

  // ---- the timing rule
  timing_check timing = check_timing(quarter, drawn_on, in.calendar, params.timing_window);
  if (params.timing == timing_policy::enforce && !timing.within)
    throw error("timing rule: " + timing.en + " (津市场监管信监〔2025〕9号: 在每个季度的前五个工作日内抽取); choose a date "
                "in the window, or record a late draw with the record_only timing policy");

  const checked_input checked = check_directory_and_roster(in, drawn_on);
  const auto roster = qualified_roster(in, params);

  draw_record rec;
  rec.seed = seed;
  rec.generator = draw_generator_name;
  rec.description = draw_generator_description;
  rec.scheme = in.scheme;
  rec.parameters = params;
  rec.quarter = quarter;
  rec.drawn_on = drawn_on;
  rec.timing = std::move(timing);
  rec.calendar_origin = in.calendar.origin();
  rec.inputs = in.inputs;
  rec.roster_size = in.inspectors.size();

  strata_t strata{};
  auto pools = stratify(in, params, drawn_on, strata, rec);
  size_strata(params, pools, roster, checked, strata);
  draw(params, seed, pools, strata, roster, checked, rec);
  rec.strata.assign(strata.begin(), strata.end());
  return rec;
}

}  // namespace qgov::supervision
