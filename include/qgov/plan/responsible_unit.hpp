// qgov/plan/responsible_unit.hpp — the bureaus and other units a plan makes responsible for its clauses.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <string_view>

#include <qgov/core/enum_names.hpp>
#include <qgov/core/ids.hpp>

namespace qgov::inline QGOV_ABI {

/// What kind of body a responsible unit is; the scorecard and reports group by it.
enum class unit_kind {
  district_bureau,          ///< a bureau or commission of the district government (区市场监管局)
  branch_office,            ///< a local branch of a vertically managed authority (规资分局, 公安东丽分局, 区税务局)
  customs,                  ///< a customs office (东丽海关)
  judicial_organ,           ///< a procuratorate or court (区检察院)
  party_mass_organisation,  ///< a party department or mass organisation (区委宣传部, 区总工会, 团区委, 区残联)
  collective,               ///< a collective of many units (各街道园区), not one bureau
};

/// The kinds' names in plan files.
inline constexpr std::array<enum_name<unit_kind>, 6> unit_kind_names{
    {{unit_kind::district_bureau, "district_bureau"},
     {unit_kind::branch_office, "branch_office"},
     {unit_kind::customs, "customs"},
     {unit_kind::judicial_organ, "judicial_organ"},
     {unit_kind::party_mass_organisation, "party_mass_organisation"},
     {unit_kind::collective, "collective"}}};

/// The kind's name in plan files.
[[nodiscard]] constexpr std::string_view to_string(unit_kind k) noexcept { return name_in(unit_kind_names, k); }

/// Parses a kind name; nullopt for anything else.
[[nodiscard]] constexpr std::optional<unit_kind> parse_unit_kind(std::string_view s) noexcept {
  return value_in(unit_kind_names, s);
}

/// A unit named in responsibility lists, with its Chinese name exactly as printed.
struct responsible_unit {
  unit_id id;
  std::string name;     ///< as printed, e.g. 区市场监管局
  std::string name_en;  ///< for English reports, e.g. District Market Regulation Bureau
  unit_kind kind = unit_kind::district_bureau;
  friend bool operator==(const responsible_unit&, const responsible_unit&) = default;
};

}  // namespace qgov
