// qgov/supervision/enterprise.hpp — the enterprise directory and the inspector roster of the 双随机 draw.
#pragma once

#include <qgov/version.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qgov/core/date.hpp>
#include <qgov/core/enum_names.hpp>
#include <qgov/core/ids.hpp>

namespace qgov::inline QGOV_ABI::supervision {

/// Identifies an enterprise (market entity) of the directory, e.g. its 统一社会信用代码 or a registry number.
using enterprise_id = basic_id<struct enterprise_id_tag>;
/// Identifies a law-enforcement inspector of the roster (执法检查人员名录库).
using inspector_id = basic_id<struct inspector_id_tag>;

/// The four risk levels every scheme has, from least to most severe (Tianjin 良好…严重失信, national A…D).
enum class risk_level : std::uint8_t { low = 0, general = 1, elevated = 2, high = 3 };

inline constexpr std::array<enum_name<risk_level>, 4> risk_level_names{{{risk_level::low, "low"},
                                                                         {risk_level::general, "general"},
                                                                         {risk_level::elevated, "elevated"},
                                                                         {risk_level::high, "high"}}};

[[nodiscard]] constexpr std::string_view to_string(risk_level l) noexcept { return name_in(risk_level_names, l); }

/// Lists whose presence is a classification trigger.
enum class list_flag : std::uint8_t {
  abnormal_operations,  ///< 经营异常名录（状态）
  refused_inspection,   ///< 拒不配合检查
  serious_violation,    ///< 严重违法企业名单（严重违法失信名单）
  dishonest_debtor,     ///< 失信被执行人
};
inline constexpr std::size_t list_flag_count = 4;

/// The lists' ids in files and JSON (what `to_string` gives).
inline constexpr std::array<enum_name<list_flag>, list_flag_count> list_flag_names{
    {{list_flag::abnormal_operations, "abnormal_operations"},
     {list_flag::refused_inspection, "refused_inspection"},
     {list_flag::serious_violation, "serious_violation"},
     {list_flag::dishonest_debtor, "dishonest_debtor"}}};
/// The Chinese names a file may give instead of the id (`parse_list_flag` accepts them). Not `list_flag_chinese`:
/// two of these are shorter than the names reasons are worded with.
inline constexpr std::array<enum_name<list_flag>, list_flag_count> list_flag_aliases{
    {{list_flag::abnormal_operations, "经营异常名录"},
     {list_flag::refused_inspection, "拒不配合检查"},
     {list_flag::serious_violation, "严重违法企业名单"},
     {list_flag::dishonest_debtor, "失信被执行人"}}};
/// The lists in Chinese, as a classification reason words them.
inline constexpr std::array<enum_name<list_flag>, list_flag_count> list_flag_chinese{
    {{list_flag::abnormal_operations, "经营异常名录"},
     {list_flag::refused_inspection, "拒不配合检查记录"},
     {list_flag::serious_violation, "严重违法企业名单"},
     {list_flag::dishonest_debtor, "失信被执行人名单"}}};
/// The lists in English, as a classification reason words them.
inline constexpr std::array<enum_name<list_flag>, list_flag_count> list_flag_english{
    {{list_flag::abnormal_operations, "on the list of abnormal operations"},
     {list_flag::refused_inspection, "refused to cooperate with an inspection"},
     {list_flag::serious_violation, "on the list of seriously illegal enterprises"},
     {list_flag::dishonest_debtor, "a dishonest judgment debtor"}}};

[[nodiscard]] constexpr std::string_view to_string(list_flag f) noexcept { return name_in(list_flag_names, f); }
[[nodiscard]] constexpr std::string_view to_chinese(list_flag f) noexcept { return name_in(list_flag_chinese, f); }
[[nodiscard]] constexpr std::string_view to_english(list_flag f) noexcept { return name_in(list_flag_english, f); }
/// A list named in a file: the id (`dishonest_debtor`) or the Chinese name (`失信被执行人`).
[[nodiscard]] inline std::optional<list_flag> parse_list_flag(std::string_view s) noexcept {
  if (const auto f = value_in(list_flag_names, s)) return f;
  return value_in(list_flag_aliases, s);
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
