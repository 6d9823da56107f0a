// Responsible units: the kinds by name, and the kinds the Dongli plan gives the units it prints.
#include <qgov/plan/responsible_unit.hpp>

#include <doctest/doctest.h>

#include <qgov/plans/dongli_2024.hpp>

using namespace qgov;

TEST_SUITE("responsible_unit") {
  TEST_CASE("every kind's name parses back to it") {
    for (auto k : {unit_kind::district_bureau, unit_kind::branch_office, unit_kind::customs, unit_kind::judicial_organ,
                   unit_kind::party_mass_organisation, unit_kind::collective})
      CHECK(parse_unit_kind(to_string(k)) == k);
    CHECK(to_string(unit_kind::party_mass_organisation) == "party_mass_organisation");
    CHECK_FALSE(parse_unit_kind("bureau"));
    CHECK_FALSE(parse_unit_kind(""));
  }
  TEST_CASE("the Dongli plan: a bureau, customs, a mass organisation and a collective, by their printed names") {
    const plan& p = plans::dongli_2024();
    const auto kind_of = [&](const char* name) {
      const auto* u = p.find_unit_by_name(name);
      REQUIRE_MESSAGE(u, name);
      return u->kind;
    };
    CHECK(kind_of("区市场监管局") == unit_kind::district_bureau);
    CHECK(kind_of("东丽海关") == unit_kind::customs);
    CHECK(kind_of("团区委") == unit_kind::party_mass_organisation);
    CHECK(kind_of("各街道园区") == unit_kind::collective);
  }
}
