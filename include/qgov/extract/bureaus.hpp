// qgov/extract/bureaus.hpp — the names local governments give their bureaus, with canonical English and kind.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <string_view>

#include <qgov/plan/responsible_unit.hpp>

namespace qgov::inline QGOV_ABI {

/// A bureau as the dictionary knows it, for a name as printed (区市场监管局, 市市场监督管理局, 县发改委 …).
struct known_bureau {
  std::string id;         ///< e.g. market_regulation
  std::string canonical;  ///< the full name without the level prefix, e.g. 市场监督管理局
  std::string name_en;    ///< with the level, e.g. "District Market Regulation Bureau"
  unit_kind kind = unit_kind::district_bureau;
};

/// Looks up a printed name: the level prefix (区/市/县/省/州/旗) is read off, the rest matched against the full
/// names and the usual short forms (市场监管局 = 市场监督管理局, 发改委 = 发展和改革委员会 …).
/// nullopt when the dictionary does not know it.
[[nodiscard]] std::optional<known_bureau> lookup_bureau(std::string_view printed_name);

}  // namespace qgov
