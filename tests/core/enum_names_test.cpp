// Every enum's name table: one row per enumerator, names and values unique, and to_string / parse_* agreeing with
// it. Those checks are static_asserts (tables and functions are constexpr): a table that breaks one does not compile.
// The test cases cover what is not constexpr (parse_level, parse_list_flag), the aliases and the names that differ
// from the enumerators' identifiers.
#include <qgov/core/enum_names.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

#include <qgov/core/comparator.hpp>
#include <qgov/eval/evaluation.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/eval/policy.hpp>
#include <qgov/eval/status.hpp>
#include <qgov/formulas/progress_measure.hpp>
#include <qgov/formulas/scorecard.hpp>
#include <qgov/io/archive.hpp>
#include <qgov/lineage/cascade.hpp>
#include <qgov/lineage/diff.hpp>
#include <qgov/lineage/indicators.hpp>
#include <qgov/plan/goal.hpp>
#include <qgov/plan/lineage_fields.hpp>
#include <qgov/plan/responsibility.hpp>
#include <qgov/plan/responsible_unit.hpp>
#include <qgov/records/record_table.hpp>
#include <qgov/records/rectification.hpp>
#include <qgov/render/explanation.hpp>
#include <qgov/supervision/credit_class.hpp>
#include <qgov/supervision/draw.hpp>
#include <qgov/supervision/enterprise.hpp>
#include <qgov/supervision/publication.hpp>

namespace {

using qgov::enum_name;

template <class E>
constexpr std::size_t index(E e) noexcept {
  return static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(e));
}

template <class E, std::size_t N>
constexpr bool names_unique(const std::array<enum_name<E>, N>& t) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = i + 1; j < N; ++j)
      if (t[i].name == t[j].name) return false;
  return true;
}

template <class E, std::size_t N>
constexpr bool values_unique(const std::array<enum_name<E>, N>& t) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = i + 1; j < N; ++j)
      if (t[i].value == t[j].value) return false;
  return true;
}

/// Every enumerator from the first (0) to `last` has a row and no row names anything past `last`. With unique
/// values this makes the table a bijection onto the enumerators (all of these enums number from 0 without gaps).
template <class E, std::size_t N>
constexpr bool covers(const std::array<enum_name<E>, N>& t, E last) noexcept {
  if (N != index(last) + 1) return false;
  for (const auto& row : t)
    if (index(row.value) > index(last) || row.name.empty()) return false;
  return true;
}

template <class E, std::size_t N>
constexpr bool well_formed(const std::array<enum_name<E>, N>& t, E last) noexcept {
  return names_unique(t) && values_unique(t) && covers(t, last);
}

/// For every enumerator: `to_string` gives the table's name and `parse` reads it back.
template <class E, std::size_t N, class ToString, class Parse>
constexpr bool round_trips(const std::array<enum_name<E>, N>& t, ToString to_string, Parse parse) {
  for (std::size_t i = 0; i < N; ++i) {
    const auto e = static_cast<E>(i);
    if (to_string(e) != qgov::name_in(t, e)) return false;
    if (parse(to_string(e)) != std::optional<E>(e)) return false;
  }
  return true;
}

constexpr auto str = [](auto e) { return to_string(e); };
template <const auto& Table>
constexpr auto by_table = [](std::string_view x) { return qgov::value_in(Table, x); };

namespace f = qgov::formulas;
namespace r = qgov::records;
namespace s = qgov::supervision;

// --- the facility itself: its checks can fail, and lookups miss as documented
constexpr std::array<enum_name<qgov::comparator>, 2> same_name{{{qgov::comparator::gt, "x"}, {qgov::comparator::ge, "x"}}};
constexpr std::array<enum_name<qgov::comparator>, 2> same_value{{{qgov::comparator::gt, "a"}, {qgov::comparator::gt, "b"}}};
static_assert(!names_unique(same_name) && values_unique(same_name));
static_assert(names_unique(same_value) && !values_unique(same_value));
static_assert(!covers(qgov::comparator_names, qgov::comparator::le));  // one row too many for gt..le
static_assert(!covers(same_name, qgov::comparator::lt));               // lt has no row
static_assert(qgov::name_in(same_name, qgov::comparator::eq) == "?");
static_assert(qgov::name_in(same_name, qgov::comparator::eq, "") == "");
static_assert(!qgov::value_in(same_name, "y").has_value());
static_assert(*qgov::value_in(same_value, "b") == qgov::comparator::gt);

// --- every table, at compile time
static_assert(well_formed(qgov::comparator_names, qgov::comparator::eq));
static_assert(well_formed(qgov::comparator_symbols, qgov::comparator::eq));
static_assert(well_formed(qgov::role_names, qgov::role::supporting));
static_assert(well_formed(qgov::role_convention_names, qgov::role_convention::explicit_roles));
static_assert(well_formed(qgov::goal_kind_names, qgov::goal_kind::qualitative));
static_assert(well_formed(qgov::trend_direction_names, qgov::trend_direction::decrease));
static_assert(well_formed(qgov::source_ref_kind_names, qgov::source_ref::kind_t::column));
static_assert(well_formed(qgov::link_type_names, qgov::link_type::assigned));
static_assert(well_formed(qgov::deadline_basis_names, qgov::deadline_basis::plan_horizon));
static_assert(well_formed(qgov::plan_level_names, qgov::plan_level::district));
static_assert(well_formed(qgov::unit_kind_names, qgov::unit_kind::collective));
static_assert(well_formed(qgov::progress_method_names, qgov::progress_method::unsd_expected));
static_assert(well_formed(qgov::goal_status_names, qgov::goal_status::not_scored));
static_assert(well_formed(qgov::goal_status_chinese, qgov::goal_status::not_scored));
static_assert(well_formed(qgov::level_names, qgov::level::district));
static_assert(well_formed(qgov::clause_coverage_names, qgov::clause_coverage::none));
static_assert(well_formed(qgov::archive_format_names, qgov::archive_format::xml));
static_assert(well_formed(qgov::cell_change_kind_names, qgov::cell_change::kind_t::re_roled));
static_assert(well_formed(qgov::cascade_verdict_names, qgov::cascade_verdict::not_comparable));
static_assert(well_formed(qgov::better_direction_names, qgov::better_direction::lower));
static_assert(well_formed(qgov::language_names, qgov::language::both));
static_assert(well_formed(f::progress_status_names, f::progress_status::not_available));
static_assert(well_formed(f::not_available_reason_names, f::not_available_reason::non_finite_result));
static_assert(well_formed(f::grade_names, f::grade::D));
static_assert(well_formed(r::programme_names, r::programme::product_supervisory));
static_assert(r::programme_names.size() == r::programme_count);
static_assert(well_formed(r::outcome_names, r::outcome::pass));
static_assert(well_formed(r::rectification_status_names, r::rectification_status::not_ordered));
static_assert(r::rectification_status_names.size() == r::rectification_status_count);
static_assert(well_formed(s::risk_level_names, s::risk_level::high));
static_assert(well_formed(s::list_flag_names, s::list_flag::dishonest_debtor));
static_assert(well_formed(s::list_flag_aliases, s::list_flag::dishonest_debtor));
static_assert(well_formed(s::list_flag_chinese, s::list_flag::dishonest_debtor));
static_assert(well_formed(s::list_flag_english, s::list_flag::dishonest_debtor));
static_assert(s::list_flag_names.size() == s::list_flag_count);
static_assert(well_formed(s::trigger_names, s::trigger::listed));
static_assert(well_formed(s::ratio_base_names, s::ratio_base::eligible));
static_assert(well_formed(s::timing_policy_names, s::timing_policy::record_only));
static_assert(well_formed(s::inspector_disclosure_names, s::inspector_disclosure::id_and_name));

// alias tables: one row per alias, each naming an enumerator that exists, none equal to a name
static_assert(names_unique(qgov::level_aliases));
template <class E, std::size_t N, std::size_t M>
constexpr bool disjoint(const std::array<enum_name<E>, N>& names, const std::array<enum_name<E>, M>& aliases) {
  for (const auto& a : aliases)
    if (qgov::value_in(names, a.name)) return false;
  return true;
}
static_assert(disjoint(qgov::level_names, qgov::level_aliases));
static_assert(disjoint(s::list_flag_names, s::list_flag_aliases));

// --- the public functions agree with their tables, at compile time where they are constexpr
static_assert(round_trips(qgov::comparator_names, str, [](std::string_view x) { return qgov::parse_comparator(x); }));
static_assert(round_trips(qgov::comparator_symbols, [](auto e) { return qgov::symbol(e); }, by_table<qgov::comparator_symbols>));
static_assert(round_trips(qgov::role_names, str, [](std::string_view x) { return qgov::parse_role(x); }));
static_assert(round_trips(qgov::role_convention_names, str, [](std::string_view x) { return qgov::parse_role_convention(x); }));
static_assert(round_trips(qgov::goal_kind_names, str, [](std::string_view x) { return qgov::parse_goal_kind(x); }));
static_assert(round_trips(qgov::trend_direction_names, str, [](std::string_view x) { return qgov::parse_trend_direction(x); }));
static_assert(round_trips(qgov::source_ref_kind_names, str, by_table<qgov::source_ref_kind_names>));
static_assert(round_trips(qgov::link_type_names, str, [](std::string_view x) { return qgov::parse_link_type(x); }));
static_assert(round_trips(qgov::deadline_basis_names, str, [](std::string_view x) { return qgov::parse_deadline_basis(x); }));
static_assert(round_trips(qgov::plan_level_names, str, [](std::string_view x) { return qgov::parse_plan_level(x); }));
static_assert(round_trips(qgov::unit_kind_names, str, [](std::string_view x) { return qgov::parse_unit_kind(x); }));
static_assert(round_trips(qgov::progress_method_names, str, [](std::string_view x) { return qgov::parse_progress_method(x); }));
static_assert(round_trips(qgov::goal_status_names, str, [](std::string_view x) { return qgov::parse_goal_status(x); }));
static_assert(round_trips(qgov::goal_status_chinese, [](auto e) { return qgov::to_chinese(e); }, by_table<qgov::goal_status_chinese>));
static_assert(round_trips(qgov::clause_coverage_names, str, by_table<qgov::clause_coverage_names>));
static_assert(round_trips(qgov::archive_format_names, str, [](std::string_view x) { return qgov::parse_archive_format(x); }));
static_assert(round_trips(qgov::cell_change_kind_names, str, by_table<qgov::cell_change_kind_names>));
static_assert(round_trips(qgov::cascade_verdict_names, str, by_table<qgov::cascade_verdict_names>));
static_assert(round_trips(qgov::better_direction_names, str, by_table<qgov::better_direction_names>));
// language has no to_string: parse_language reads every name of its table
static_assert(round_trips(qgov::language_names, [](auto e) { return qgov::name_in(qgov::language_names, e); },
                          [](std::string_view x) { return qgov::parse_language(x); }));
static_assert(round_trips(f::progress_status_names, str, [](std::string_view x) { return f::parse_progress_status(x); }));
static_assert(round_trips(f::not_available_reason_names, str, by_table<f::not_available_reason_names>));
static_assert(round_trips(f::grade_names, str, by_table<f::grade_names>));
static_assert(round_trips(r::programme_names, str, [](std::string_view x) { return r::parse_programme(x); }));
static_assert(round_trips(r::outcome_names, str, [](std::string_view x) { return r::parse_outcome(x); }));
static_assert(round_trips(r::rectification_status_names, str, by_table<r::rectification_status_names>));
static_assert(round_trips(s::risk_level_names, str, by_table<s::risk_level_names>));
static_assert(round_trips(s::list_flag_names, str, by_table<s::list_flag_names>));
static_assert(round_trips(s::list_flag_chinese, [](auto e) { return s::to_chinese(e); }, by_table<s::list_flag_chinese>));
static_assert(round_trips(s::list_flag_english, [](auto e) { return s::to_english(e); }, by_table<s::list_flag_english>));
static_assert(round_trips(s::trigger_names, str, by_table<s::trigger_names>));
static_assert(round_trips(s::ratio_base_names, str, by_table<s::ratio_base_names>));
static_assert(round_trips(s::timing_policy_names, str, by_table<s::timing_policy_names>));
static_assert(round_trips(s::inspector_disclosure_names, str, by_table<s::inspector_disclosure_names>));

}  // namespace

TEST_SUITE("enum names") {
  TEST_CASE("the facility's checks reject a table with a repeated name, a repeated value or a missing row") {
    CHECK_FALSE(names_unique(same_name));
    CHECK_FALSE(values_unique(same_value));
    CHECK_FALSE(covers(same_name, qgov::comparator::lt));
    CHECK(well_formed(qgov::comparator_names, qgov::comparator::eq));
    CHECK(qgov::name_in(same_name, qgov::comparator::eq) == "?");
  }

  TEST_CASE("an enumerator outside the table prints as ?") {
    CHECK(qgov::to_string(static_cast<qgov::comparator>(99)) == "?");
    CHECK(qgov::to_string(static_cast<qgov::goal_status>(99)) == "?");
    CHECK(s::to_chinese(static_cast<s::list_flag>(99)) == "?");
  }

  TEST_CASE("names are exact: no case folding, no trimming, no prefixes") {
    CHECK_FALSE(qgov::parse_comparator("GT").has_value());
    CHECK_FALSE(qgov::parse_goal_status(" achieved").has_value());
    CHECK_FALSE(qgov::parse_goal_status("achieved ").has_value());
    CHECK_FALSE(qgov::parse_role("").has_value());
    CHECK_FALSE(r::parse_programme("food").has_value());
    CHECK_FALSE(r::parse_outcome("Pass").has_value());
  }

  TEST_CASE("role_convention::explicit_roles is written \"explicit\", and only that is read") {
    CHECK(qgov::to_string(qgov::role_convention::explicit_roles) == "explicit");
    CHECK(qgov::parse_role_convention("explicit") == qgov::role_convention::explicit_roles);
    CHECK_FALSE(qgov::parse_role_convention("explicit_roles").has_value());
  }

  TEST_CASE("parse_level also reads the Chinese level names; to_string gives the English ones") {
    for (std::size_t i = 0; i <= index(qgov::level::district); ++i) {
      const auto l = static_cast<qgov::level>(i);
      CAPTURE(i);
      CHECK(qgov::parse_level(qgov::to_string(l)) == l);
    }
    CHECK(qgov::parse_level("国家") == qgov::level::national);
    CHECK(qgov::parse_level("国家级") == qgov::level::national);
    CHECK(qgov::parse_level("市") == qgov::level::municipal);
    CHECK(qgov::parse_level("市级") == qgov::level::municipal);
    CHECK(qgov::parse_level("区") == qgov::level::district);
    CHECK(qgov::parse_level("区级") == qgov::level::district);
    CHECK(qgov::to_string(qgov::level::national) == "national");
    CHECK_FALSE(qgov::parse_level("省").has_value());
    CHECK_FALSE(qgov::parse_level("National").has_value());
  }

  TEST_CASE("parse_list_flag reads the id or the short Chinese name, not the longer one to_chinese words reasons with") {
    for (std::size_t i = 0; i < s::list_flag_count; ++i) {
      const auto l = static_cast<s::list_flag>(i);
      CAPTURE(i);
      CHECK(s::parse_list_flag(s::to_string(l)) == l);
      CHECK(s::parse_list_flag(qgov::name_in(s::list_flag_aliases, l)) == l);
    }
    CHECK(s::parse_list_flag("失信被执行人") == s::list_flag::dishonest_debtor);
    CHECK(s::parse_list_flag("拒不配合检查") == s::list_flag::refused_inspection);
    CHECK(s::parse_list_flag("经营异常名录") == s::list_flag::abnormal_operations);
    CHECK(s::to_chinese(s::list_flag::dishonest_debtor) == "失信被执行人名单");
    CHECK_FALSE(s::parse_list_flag("失信被执行人名单").has_value());
    CHECK_FALSE(s::parse_list_flag("拒不配合检查记录").has_value());
    CHECK_FALSE(s::parse_list_flag(s::to_english(s::list_flag::dishonest_debtor)).has_value());
  }

  TEST_CASE("parse_language reads exactly the names of its table") {
    for (const auto& row : qgov::language_names) CHECK(qgov::parse_language(row.name) == row.value);
    CHECK_FALSE(qgov::parse_language("cn").has_value());
  }

  TEST_CASE("the names files and JSON depend on are unchanged") {
    CHECK(qgov::symbol(qgov::comparator::ge) == "\u2265");
    CHECK(qgov::symbol(qgov::comparator::le) == "\u2264");
    CHECK(qgov::to_string(qgov::goal_kind::all_levels) == "all_levels");
    CHECK(qgov::to_chinese(qgov::goal_status::off_track) == "进度滞后");
    CHECK(qgov::to_string(qgov::clause_coverage::qualitative_only) == "qualitative_only");
    CHECK(f::to_string(f::not_available_reason::invalid_batch_layout) == "inconsistent batch layout (sizes or offsets)");
    CHECK(f::to_string(f::not_available_reason::only_one_year) == "only one year at or after the base year");
    CHECK(r::to_string(r::outcome::fail) == "fail");
    CHECK(s::to_string(s::trigger::no_adverse_record) == "no_adverse_record");
    CHECK(s::to_string(s::inspector_disclosure::id_and_name) == "id_and_name");
    CHECK(qgov::to_string(qgov::cell_change::kind_t::re_roled) == "re_roled");
  }
}
