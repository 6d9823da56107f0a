// qgov/supervision/enterprise.hpp — the enterprise directory and the inspector roster of the 双随机 draw.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/core/date.hpp>
#include <qgov/core/ids.hpp>

namespace qgov::supervision {

/// Identifies an enterprise (market entity) of the directory, e.g. its 统一社会信用代码 or a registry number.
using enterprise_id = basic_id<struct enterprise_id_tag>;
/// Identifies a law-enforcement inspector of the roster (执法检查人员名录库).
using inspector_id = basic_id<struct inspector_id_tag>;

/// The four risk levels every scheme has, from least to most severe (Tianjin 良好…严重失信, national A…D).
enum class risk_level : std::uint8_t { low = 0, general = 1, elevated = 2, high = 3 };

[[nodiscard]] constexpr std::string_view to_string(risk_level l) noexcept {
  switch (l) {
    case risk_level::low: return "low";
    case risk_level::general: return "general";
    case risk_level::elevated: return "elevated";
    case risk_level::high: return "high";
  }
  return "?";
}

/// Lists whose presence is a classification trigger.
enum class list_flag : std::uint8_t {
  abnormal_operations,  ///< 经营异常名录（状态）
  refused_inspection,   ///< 拒不配合检查
  serious_violation,    ///< 严重违法企业名单（严重违法失信名单）
  dishonest_debtor,     ///< 失信被执行人
};
inline constexpr std::size_t list_flag_count = 4;

[[nodiscard]] constexpr std::string_view to_string(list_flag f) noexcept {
  switch (f) {
    case list_flag::abnormal_operations: return "abnormal_operations";
    case list_flag::refused_inspection: return "refused_inspection";
    case list_flag::serious_violation: return "serious_violation";
    case list_flag::dishonest_debtor: return "dishonest_debtor";
  }
  return "?";
}
[[nodiscard]] constexpr std::string_view to_chinese(list_flag f) noexcept {
  switch (f) {
    case list_flag::abnormal_operations: return "经营异常名录";
    case list_flag::refused_inspection: return "拒不配合检查记录";
    case list_flag::serious_violation: return "严重违法企业名单";
    case list_flag::dishonest_debtor: return "失信被执行人名单";
  }
  return "?";
}
[[nodiscard]] constexpr std::string_view to_english(list_flag f) noexcept {
  switch (f) {
    case list_flag::abnormal_operations: return "on the list of abnormal operations";
    case list_flag::refused_inspection: return "refused to cooperate with an inspection";
    case list_flag::serious_violation: return "on the list of seriously illegal enterprises";
    case list_flag::dishonest_debtor: return "a dishonest judgment debtor";
  }
  return "?";
}
/// A list named in a file: the id (`dishonest_debtor`) or the Chinese name (`失信被执行人`).
[[nodiscard]] inline std::optional<list_flag> parse_list_flag(std::string_view s) noexcept {
  static constexpr std::string_view zh[list_flag_count] = {"经营异常名录", "拒不配合检查", "严重违法企业名单",
                                                           "失信被执行人"};
  for (std::size_t i = 0; i < list_flag_count; ++i)
    if (s == to_string(static_cast<list_flag>(i)) || s == zh[i]) return static_cast<list_flag>(i);
  return std::nullopt;
}

/// The adverse credit information the classification reads.
struct credit_record {
  std::int64_t penalties = 0;  ///< administrative penalty decisions (行政处罚信用信息), 警告 included
  std::int64_t warnings = 0;   ///< of which 警告 (warnings), ≤ penalties
  std::int64_t fines_fen = 0;  ///< accumulated 罚没款 in fen (1 yuan = 100 fen)
  std::vector<list_flag> lists;
  friend bool operator==(const credit_record&, const credit_record&) = default;
};

/// One market entity of the directory (市场主体名录库).
struct enterprise {
  enterprise_id id;
  std::string name;
  std::optional<risk_level> assigned;  ///< a class given in the directory; the records can only raise it
  credit_record record;
  std::optional<date> last_inspected_on;
  std::vector<inspector_id> conflicts;  ///< inspectors who must not inspect it (回避)
  std::string origin;                   ///< file:line, for messages
  friend bool operator==(const enterprise&, const enterprise&) = default;
};

/// One inspector of the roster (执法检查人员名录库).
struct inspector {
  inspector_id id;
  std::string name;
  std::string department;
  std::vector<std::string> qualifications;  ///< e.g. 食品, 特种设备; a draw may require one
  std::vector<enterprise_id> conflicts;     ///< enterprises this inspector must not inspect (回避)
  std::string origin;
  friend bool operator==(const inspector&, const inspector&) = default;
};

}  // namespace qgov::supervision
