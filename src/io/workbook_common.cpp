// What a workbook identifies and asks for; compiled whether or not the library reads and writes .xlsx.
#include <qgov/io/workbook.hpp>

#include <qgov/core/sha256.hpp>
#include <qgov/io/plan_json.hpp>

namespace qgov::inline QGOV_ABI {

std::string plan_fingerprint(const plan& p) { return sha256_hex(to_json(p)); }

std::vector<workbook_row> workbook_rows(const plan& p, const unit_id& unit, const std::vector<period>& periods) {
  std::vector<workbook_row> rows;
  for (const auto& g : p.goals()) {
    if (!p.answers_for(unit, g)) continue;
    for (const auto& per : periods) {
      if (g.kind == goal_kind::all_levels) {
        for (const auto& l : g.levels)
          if (auto lv = parse_level(l)) rows.push_back({&g, per, *lv});
      } else {
        rows.push_back({&g, per, std::nullopt});
      }
    }
  }
  return rows;
}

}  // namespace qgov
