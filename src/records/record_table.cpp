// record_table::from_columns: a table from columns of codes, checked whole before anything is built.
#include <qgov/records/record_table.hpp>

#include <string>

#include <qgov/core/error.hpp>

namespace qgov::inline QGOV_ABI::records {
namespace {

[[noreturn]] void bad_row(std::size_t row, const char* column, const std::string& what) {
  throw qgov::error("row " + std::to_string(row) + ", " + column + ": " + what);
}

void check_length(std::span<const std::int64_t> column, const char* name, std::size_t n) {
  if (column.size() != n)
    throw qgov::error(std::string(name) + ": expected " + std::to_string(n) + " values (one per record, as programme), got " +
                      std::to_string(column.size()));
}

// Interns `names` into the table's empty dictionary `d` in order, so that position i is code i; a name given twice
// would make two positions one code, and is refused with both positions.
void intern_names(dictionary& d, std::span<const std::string> names, const char* list, std::size_t most) {
  if (names.size() > most)
    throw qgov::error(std::string(list) + ": " + std::to_string(names.size()) + " names, more than the " +
                      std::to_string(most) + " a table holds");
  for (std::size_t i = 0; i < names.size(); ++i)
    if (const std::uint32_t code = d.intern(names[i]); code != i)
      throw qgov::error(std::string(list) + ": \"" + names[i] + "\" is given twice, at " + std::to_string(code) +
                        " and " + std::to_string(i) + " (each name once, so that a code means one name)");
}

void check_code(std::int64_t code, std::size_t row, const char* column, std::size_t names) {
  if (code < 0 || static_cast<std::uint64_t>(code) >= names)
    bad_row(row, column,
            code < 0 ? std::string("missing") : "code " + std::to_string(code) + " has no name (" + std::to_string(names) + " names)");
}

}  // namespace

record_table record_table::from_columns(const record_columns& c) {
  const std::size_t n = c.programme.size();
  check_length(c.level, "level", n);
  check_length(c.sampled_on, "sampled_on", n);
  check_length(c.outcome, "outcome", n);
  check_length(c.region, "region", n);
  check_length(c.category, "category", n);
  check_length(c.enterprise, "enterprise", n);
  record_table t;  // the caller sees it only if every check below passes
  intern_names(t.regions_, c.region_names, "region_names", max_small_dictionary);
  intern_names(t.categories_, c.category_names, "category_names", max_small_dictionary);
  intern_names(t.enterprises_, c.enterprise_names, "enterprise_names", std::numeric_limits<std::uint32_t>::max());
  if (n >= std::numeric_limits<std::uint32_t>::max())
    throw qgov::error("more than 4 294 967 294 records in one table; split them");
  constexpr std::int64_t first_day = days_from_civil(1900, 1, 1), last_day = days_from_civil(2200, 12, 31);
  for (std::size_t i = 0; i < n; ++i) {  // every row checked before one is appended
    if (c.programme[i] < 0 || c.programme[i] >= static_cast<std::int64_t>(programme_count))
      bad_row(i, "programme", "unknown programme code " + std::to_string(c.programme[i]));
    if (c.level[i] < 0 || c.level[i] >= static_cast<std::int64_t>(level_names.size()))
      bad_row(i, "level", "unknown level code " + std::to_string(c.level[i]));
    if (c.sampled_on[i] < first_day || c.sampled_on[i] > last_day) bad_row(i, "sampled_on", "missing, or outside 1900–2200");
    if (c.outcome[i] != 0 && c.outcome[i] != 1) bad_row(i, "outcome", "expected pass or fail");
    check_code(c.region[i], i, "region", c.region_names.size());
    check_code(c.category[i], i, "category", c.category_names.size());
    check_code(c.enterprise[i], i, "enterprise", c.enterprise_names.size());
  }
  t.reserve(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    (void)t.append_id({});
    t.append(static_cast<programme>(c.programme[i]), static_cast<qgov::level>(c.level[i]),
             static_cast<day_number>(c.sampled_on[i]), static_cast<std::uint32_t>(c.region[i]),
             static_cast<std::uint32_t>(c.category[i]), static_cast<std::uint32_t>(c.enterprise[i]),
             static_cast<outcome>(c.outcome[i]));
    if (c.outcome[i] == 0) t.append_failure(no_day, no_day, no_day, -1);  // a failure, no rectification dates given
  }
  return t;
}

}  // namespace qgov::records
