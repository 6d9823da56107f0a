// Rectification completion per level (formulas §8): every failed item's status on the as-of date.
#include <qgov/records/rectification.hpp>
#include "detail/severity.hpp"

#include <map>
#include <tuple>

namespace qgov::inline QGOV_ABI::records {
namespace {

using detail::severity;  // src/detail/severity.hpp

}  // namespace

rectification_report rectification(const record_table& table, date as_of, const rectification_options& options) {
  rectification_report rep;
  rep.as_of = as_of;
  rep.options = options;
  for (std::size_t l = 0; l < 3; ++l) rep.levels[l].level = static_cast<qgov::level>(l);
  const day_number today = to_day_number(as_of);
  const auto& f = table.failures();
  const auto& prog = table.programme_column();
  const auto& out = table.outcome_column();
  const auto& sampled = table.sampled_on_column();
  std::vector<rectification_item> items;
  for (std::size_t k = 0; k < f.row.size(); ++k) {
    const std::size_t row = f.row[k];
    if (out[row] != static_cast<std::uint8_t>(outcome::fail)) continue;
    if (prog[row] >= programme_count || !options.programmes[prog[row]]) continue;
    if (sampled[row] > today) continue;  // not yet sampled as of the date
    auto known = [&](day_number d) { return d != no_day && d <= today; };
    rectification_item it;
    const record r = table.row(row);
    it.record_id = r.id;
    it.enterprise = r.enterprise;
    it.programme = r.programme;
    it.level = r.level;
    it.sampled_on = r.sampled_on;
    const day_number ord = f.ordered_on[k], rect = f.rectified_on[k], rein = f.reinspected_on[k];
    if (known(ord)) it.ordered_on = to_date(ord);
    if (known(rect)) it.rectified_on = to_date(rect);
    if (known(rein)) {
      it.reinspected_on = to_date(rein);
      if (f.reinspection_outcome[k] >= 0) it.reinspection_outcome = static_cast<outcome>(f.reinspection_outcome[k]);
    }
    if (!known(ord)) {
      it.status = rectification_status::not_ordered;
    } else {
      const day_number rect_by = ord + options.rectify_days, rein_by = ord + options.reinspect_days;
      it.rectify_by = to_date(rect_by);
      it.reinspect_by = to_date(rein_by);
      if (known(rein) && it.reinspection_outcome) {
        if (*it.reinspection_outcome == outcome::fail) {
          it.status = rectification_status::failed_reinspection;
        } else {
          // a passed re-inspection shows the correction was made by then, if no correction date was recorded
          const day_number corrected = known(rect) ? rect : rein;
          if (corrected > rect_by && !options.late_rectification_counts) it.status = rectification_status::overdue;
          else if (rein > rein_by && !options.late_reinspection_counts) it.status = rectification_status::reinspection_overdue;
          else it.status = rectification_status::completed;
        }
      } else if (known(rect)) {
        if (rect > rect_by && !options.late_rectification_counts) it.status = rectification_status::overdue;
        else if (today > rein_by) it.status = rectification_status::reinspection_overdue;
        else it.status = rectification_status::pending;
      } else {
        it.status = today > rect_by ? rectification_status::overdue : rectification_status::pending;
      }
    }
    items.push_back(std::move(it));
  }
  if (options.by_enterprise) {
    std::map<std::tuple<int, std::string>, std::size_t> first;  // (level, enterprise) → index in merged
    std::vector<rectification_item> merged;
    for (auto& it : items) {
      auto [pos, fresh] = first.emplace(std::tuple(static_cast<int>(it.level), it.enterprise), merged.size());
      if (fresh) merged.push_back(std::move(it));
      else if (severity(it.status) > severity(merged[pos->second].status)) merged[pos->second].status = it.status;
    }
    items = std::move(merged);
  }
  for (const auto& it : items) {
    auto& lv = rep.levels[static_cast<std::size_t>(it.level)];
    ++lv.count[static_cast<std::size_t>(it.status)];
    if (it.status == rectification_status::not_ordered && options.exclude_not_ordered) continue;
    ++lv.due;
    if (it.status == rectification_status::completed) ++lv.completed;
  }
  rep.items = std::move(items);
  return rep;
}

std::vector<observation> to_observations(const rectification_report& report, const goal_mapping& goals,
                                         date reported_on, const std::string& source) {
  std::vector<observation> out;
  if (!goals.rectification) return out;
  for (const auto& lv : report.levels) {
    if (lv.due == 0) continue;
    observation o;
    o.goal = *goals.rectification;
    o.period = qgov::period::year(static_cast<int>(report.as_of.year()));
    o.rate = lv.as_rate();
    o.value = 100.0 * static_cast<double>(lv.completed) / static_cast<double>(lv.due);
    o.level = lv.level;
    o.reported_on = reported_on;
    o.source = source;
    o.origin = "records: rectification as of " + to_iso(report.as_of);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace qgov::records
