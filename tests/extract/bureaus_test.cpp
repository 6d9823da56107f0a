// The bureau dictionary: printed names with their level prefix and short forms, to canonical ids, English names and kinds.
#include <qgov/extract/bureaus.hpp>

#include <doctest/doctest.h>

#include <qgov/extract/extract.hpp>

#include "../test_support.hpp"

using namespace qgov;

TEST_CASE("the bureau dictionary knows the usual names and short forms, with the level") {
  const auto a = lookup_bureau("区市场监管局");
  REQUIRE(a);
  CHECK(a->id == "market_regulation");
  CHECK(a->name_en == "District Market Regulation Bureau");
  const auto b = lookup_bureau("市市场监督管理局");
  REQUIRE(b);
  CHECK(b->id == "market_regulation");
  CHECK(b->name_en == "Municipal Market Regulation Bureau");
  CHECK(lookup_bureau("县发展和改革委员会")->id == "development_reform");
  CHECK(lookup_bureau("市发展改革委")->id == "development_reform");
  CHECK(lookup_bureau("市场监管局")->name_en == "Market Regulation Bureau");
  CHECK(lookup_bureau("团区委")->kind == unit_kind::party_mass_organisation);
  CHECK(lookup_bureau("区检察院")->kind == unit_kind::judicial_organ);
  CHECK(!lookup_bureau("区某某不存在局"));
  // Dongli: the dictionary knows most printed names
  const auto d = extract(test::read(test::repo("data/sources/dongli-2024.txt")));
  std::size_t known = 0;
  for (const auto& u : d.data.units) known += lookup_bureau(u.name).has_value();
  MESSAGE("Dongli units the dictionary knows: ", known, " of ", d.data.units.size());
  CHECK(known * 10 >= d.data.units.size() * 8);
}
