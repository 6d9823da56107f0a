// qgov/records/record_table.hpp — raw inspection records (抽检记录) in columns: one array per field, names in dictionaries.
#pragma once

#include <qgov/version.hpp>

#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <qgov/core/date.hpp>
#include <qgov/core/enum_names.hpp>
#include <qgov/core/error.hpp>
#include <qgov/eval/observation.hpp>  // qgov::level

namespace qgov::inline QGOV_ABI::records {

namespace detail {
struct record_table_access;  // the CSV reader's appends (src/records/records_csv.cpp)
}

/// The sampling programme a record belongs to: each has its own official pass rate.
enum class programme : std::uint8_t {
  food_evaluative,      ///< 食品评价性抽检
  food_supervisory,     ///< 食品监督抽检
  agri_monitoring,      ///< 地产农产品质量安全例行监测
  product_supervisory,  ///< 产品质量监督抽查 (manufactured products)
};
inline constexpr std::size_t programme_count = 4;

/// A sample's (or a re-inspection's) result. `pass` is 1 so that a pass counter is a plain sum.
enum class outcome : std::uint8_t { fail = 0, pass = 1 };

/// The programmes' CSV spellings.
inline constexpr std::array<enum_name<programme>, programme_count> programme_names{
    {{programme::food_evaluative, "food_evaluative"},
     {programme::food_supervisory, "food_supervisory"},
     {programme::agri_monitoring, "agri_monitoring"},
     {programme::product_supervisory, "product_supervisory"}}};
/// The outcomes' CSV spellings.
inline constexpr std::array<enum_name<outcome>, 2> outcome_names{{{outcome::fail, "fail"}, {outcome::pass, "pass"}}};

[[nodiscard]] constexpr std::string_view to_string(programme p) noexcept { return name_in(programme_names, p); }
[[nodiscard]] constexpr std::string_view to_string(outcome o) noexcept { return name_in(outcome_names, o); }

/// Parses the CSV spelling of a programme (`food_evaluative`, …); nullopt otherwise.
[[nodiscard]] constexpr std::optional<programme> parse_programme(std::string_view s) noexcept {
  return value_in(programme_names, s);
}
/// Parses `pass`/`fail`; nullopt otherwise.
[[nodiscard]] constexpr std::optional<outcome> parse_outcome(std::string_view s) noexcept {
  return value_in(outcome_names, s);
}

/// Days since 1970-01-01 (the table's internal date), exact for the proleptic Gregorian calendar.
using day_number = std::int32_t;
/// The "no date" sentinel of the failure columns.
inline constexpr day_number no_day = std::numeric_limits<day_number>::min();

/// Day number of a civil date (H. Hinnant's days_from_civil).
[[nodiscard]] constexpr day_number days_from_civil(int y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}
/// The day number of a boost date.
[[nodiscard]] inline day_number to_day_number(const date& d) {
  const auto ymd = d.year_month_day();
  return days_from_civil(ymd.year, ymd.month, ymd.day);
}
/// The boost date of a day number.
[[nodiscard]] inline date to_date(day_number n) {
  return date(1970, 1, 1) + boost::gregorian::date_duration(n);
}

/// Names encoded as small integer codes in order of first appearance (regions, categories, enterprises).
class dictionary {
public:
  /// The code of `name`, added if new.
  std::uint32_t intern(std::string_view name) {
    if (auto it = index_.find(name); it != index_.end()) return it->second;
    const auto code = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(name);  // a deque never moves its elements, so the index may view them
    index_.emplace(names_.back(), code);
    return code;
  }
  /// The code of `name`, or nullopt when it is not in the dictionary.
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view name) const {
    if (auto it = index_.find(name); it != index_.end()) return it->second;
    return std::nullopt;
  }
  [[nodiscard]] const std::string& name(std::uint32_t code) const { return names_.at(code); }
  [[nodiscard]] const std::deque<std::string>& names() const noexcept { return names_; }
  [[nodiscard]] std::size_t size() const noexcept { return names_.size(); }
  /// Heap bytes held (names and index, approximately).
  [[nodiscard]] std::size_t bytes() const noexcept {
    std::size_t b = names_.size() * (sizeof(std::string) + 48);
    for (const auto& n : names_) b += n.size() > 15 ? n.capacity() : 0;
    return b;
  }

  dictionary() = default;
  dictionary(const dictionary& o) : names_(o.names_) { rebuild(); }
  dictionary& operator=(const dictionary& o) {
    if (this != &o) { names_ = o.names_; rebuild(); }
    return *this;
  }
  dictionary(dictionary&&) noexcept = default;
  dictionary& operator=(dictionary&&) noexcept = default;

private:
  void rebuild() {
    index_.clear();
    for (std::size_t i = 0; i < names_.size(); ++i) index_.emplace(names_[i], static_cast<std::uint32_t>(i));
  }
  std::deque<std::string> names_;
  std::unordered_map<std::string_view, std::uint32_t> index_;
};

/// One record as plain values (the row-wise view of the table; see record_table::row / add).
struct record {
  std::string id;
  records::programme programme = programme::food_evaluative;
  qgov::level level = qgov::level::district;
  date sampled_on{2000, 1, 1};
  std::string region;
  std::string category;
  std::string enterprise;
  records::outcome outcome = outcome::pass;
  std::optional<date> ordered_on;      ///< failures only: rectification ordered (责令整改)
  std::optional<date> rectified_on;    ///< failures only: corrected (改正)
  std::optional<date> reinspected_on;  ///< failures only: re-inspected (复查)
  std::optional<records::outcome> reinspection_outcome;
  friend bool operator==(const record&, const record&) = default;
};

/// The columns of the failed rows (a few per cent of all rows), kept apart so the dense columns stay small.
struct failure_columns {
  std::vector<std::uint32_t> row;  ///< the row in the table, ascending
  std::vector<day_number> ordered_on, rectified_on, reinspected_on;  ///< no_day when empty
  std::vector<std::int8_t> reinspection_outcome;                     ///< -1 empty, else outcome code
};

/// Records given as columns of codes: the form a host that holds them column-wise has (a DataFrame's categorical
/// codes, an Arrow table, a database cursor). Each of the seven columns has one value per record; the name lists
/// give the names the region, category and enterprise codes stand for, each name once.
struct record_columns {
  std::span<const std::int64_t> programme;   ///< `programme` values (programme_names order), 0 … programme_count − 1
  std::span<const std::int64_t> level;       ///< `qgov::level` values: 0 national, 1 municipal, 2 district
  std::span<const std::int64_t> sampled_on;  ///< day numbers (days since 1970-01-01, days_from_civil), 1900–2200
  std::span<const std::int64_t> outcome;     ///< `outcome` values: 0 fail, 1 pass
  std::span<const std::int64_t> region;      ///< positions in region_names
  std::span<const std::int64_t> category;    ///< positions in category_names
  std::span<const std::int64_t> enterprise;  ///< positions in enterprise_names
  std::span<const std::string> region_names, category_names, enterprise_names;
};

/// Inspection records in columns. Rows are appended (add, the loaders, from_columns) and never changed.
class record_table {
public:
  [[nodiscard]] std::size_t size() const noexcept { return programme_.size(); }
  [[nodiscard]] bool empty() const noexcept { return programme_.empty(); }

  /// Appends one record (the row-wise API; loaders use the same path). Ids are not checked for uniqueness here.
  void add(const record& r) {
    if (regions_.size() >= max_small_dictionary && !regions_.find(r.region))
      throw qgov::error("record table: more than 65535 regions");
    if (categories_.size() >= max_small_dictionary && !categories_.find(r.category))
      throw qgov::error("record table: more than 65535 categories");
    if (!append_id(r.id)) throw qgov::error("record table: record ids exceed 4 GiB");
    append(r.programme, r.level, to_day_number(r.sampled_on), regions_.intern(r.region),
           categories_.intern(r.category), enterprises_.intern(r.enterprise), r.outcome);
    if (r.outcome == outcome::fail || r.ordered_on || r.rectified_on || r.reinspected_on || r.reinspection_outcome)
      append_failure(r.ordered_on ? to_day_number(*r.ordered_on) : no_day,
                     r.rectified_on ? to_day_number(*r.rectified_on) : no_day,
                     r.reinspected_on ? to_day_number(*r.reinspected_on) : no_day,
                     r.reinspection_outcome ? static_cast<std::int8_t>(*r.reinspection_outcome) : std::int8_t{-1});
  }

  /// A table from columns of codes. Every column's length, code and date and every name list is checked before
  /// anything is built: the first problem throws qgov::error naming the row and column ("row 3, level: unknown level
  /// code 7") or the list ("region_names: \"东丽\" is given twice, at 0 and 2"). Record ids are empty, and failed
  /// records carry no rectification dates (load a record CSV for those).
  [[nodiscard]] static record_table from_columns(const record_columns& columns);

  /// Row `i` as plain values.
  [[nodiscard]] record row(std::size_t i) const {
    record r;
    r.id = std::string(id(i));
    r.programme = programme_[i] < programme_count ? static_cast<records::programme>(programme_[i]) : programme::food_evaluative;
    r.level = static_cast<qgov::level>(level_[i]);
    r.sampled_on = to_date(sampled_on_[i]);
    r.region = regions_.name(region_[i]);
    r.category = categories_.name(category_[i]);
    r.enterprise = enterprises_.name(enterprise_[i]);
    r.outcome = static_cast<records::outcome>(outcome_[i]);
    if (const auto f = failure_index(i)) {
      const auto k = *f;
      if (failures_.ordered_on[k] != no_day) r.ordered_on = to_date(failures_.ordered_on[k]);
      if (failures_.rectified_on[k] != no_day) r.rectified_on = to_date(failures_.rectified_on[k]);
      if (failures_.reinspected_on[k] != no_day) r.reinspected_on = to_date(failures_.reinspected_on[k]);
      if (failures_.reinspection_outcome[k] >= 0)
        r.reinspection_outcome = static_cast<records::outcome>(failures_.reinspection_outcome[k]);
    }
    return r;
  }

  /// The record id of row `i`.
  [[nodiscard]] std::string_view id(std::size_t i) const noexcept {
    return std::string_view(id_bytes_).substr(id_end_[i] - id_length(i), id_length(i));
  }

  // Columns, for aggregation.
  [[nodiscard]] const std::vector<std::uint8_t>& programme_column() const noexcept { return programme_; }
  [[nodiscard]] const std::vector<std::uint8_t>& level_column() const noexcept { return level_; }
  [[nodiscard]] const std::vector<std::uint8_t>& outcome_column() const noexcept { return outcome_; }
  [[nodiscard]] const std::vector<day_number>& sampled_on_column() const noexcept { return sampled_on_; }
  [[nodiscard]] const std::vector<std::uint16_t>& region_column() const noexcept { return region_; }
  [[nodiscard]] const std::vector<std::uint16_t>& category_column() const noexcept { return category_; }
  [[nodiscard]] const std::vector<std::uint32_t>& enterprise_column() const noexcept { return enterprise_; }
  [[nodiscard]] const failure_columns& failures() const noexcept { return failures_; }
  [[nodiscard]] const dictionary& regions() const noexcept { return regions_; }
  [[nodiscard]] const dictionary& categories() const noexcept { return categories_; }
  [[nodiscard]] const dictionary& enterprises() const noexcept { return enterprises_; }

  /// The index into failures() of row `i`, if it has failure columns (binary search).
  [[nodiscard]] std::optional<std::size_t> failure_index(std::size_t i) const noexcept {
    const auto& rows = failures_.row;
    std::size_t lo = 0, hi = rows.size();
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (rows[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo < rows.size() && rows[lo] == i) return lo;
    return std::nullopt;
  }

  /// Earliest and latest sampling day (nullopt for an empty table).
  [[nodiscard]] std::optional<std::pair<day_number, day_number>> date_range() const noexcept {
    if (empty()) return std::nullopt;
    return std::pair(min_day_, max_day_);
  }

  /// Bytes of the table's data: every column's rows, the id text, the dictionaries (reserved but unused room, which
  /// costs no memory until touched, is not counted).
  [[nodiscard]] std::size_t bytes() const noexcept {
    auto b = [](const auto& v) { return v.size() * sizeof(typename std::decay_t<decltype(v)>::value_type); };
    return b(programme_) + b(level_) + b(outcome_) + b(sampled_on_) + b(region_) + b(category_) + b(enterprise_) +
           b(id_end_) + id_bytes_.size() + b(failures_.row) + b(failures_.ordered_on) + b(failures_.rectified_on) +
           b(failures_.reinspected_on) + b(failures_.reinspection_outcome) + regions_.bytes() + categories_.bytes() +
           enterprises_.bytes();
  }

  /// Reserves room for `rows` rows with ids of about `id_bytes_per_row` bytes (untouched room costs no memory).
  void reserve(std::size_t rows, std::size_t id_bytes_per_row = 12) {
    programme_.reserve(rows); level_.reserve(rows); outcome_.reserve(rows); sampled_on_.reserve(rows);
    region_.reserve(rows); category_.reserve(rows); enterprise_.reserve(rows); id_end_.reserve(rows);
    id_bytes_.reserve(rows * id_bytes_per_row);
  }
  /// Gives back unused capacity.
  void shrink_to_fit() {
    programme_.shrink_to_fit(); level_.shrink_to_fit(); outcome_.shrink_to_fit(); sampled_on_.shrink_to_fit();
    region_.shrink_to_fit(); category_.shrink_to_fit(); enterprise_.shrink_to_fit(); id_end_.shrink_to_fit();
    id_bytes_.shrink_to_fit();
  }

  /// Most regions and categories a table holds (their codes are 16-bit).
  static constexpr std::size_t max_small_dictionary = 65535;

private:
  friend struct detail::record_table_access;
  // Appends without checks, for add, from_columns and the CSV reader (record_table_access), which have checked the
  // codes.
  /// Appends a record id; false (nothing appended) when the id arena would pass 4 GiB.
  bool append_id(std::string_view id) {
    if (id_bytes_.size() + id.size() > std::numeric_limits<std::uint32_t>::max()) return false;
    id_bytes_.append(id);
    id_end_.push_back(static_cast<std::uint32_t>(id_bytes_.size()));
    return true;
  }
  void append(programme p, qgov::level l, day_number sampled, std::uint32_t region, std::uint32_t category,
              std::uint32_t enterprise, outcome o) {
    programme_.push_back(static_cast<std::uint8_t>(p));
    level_.push_back(static_cast<std::uint8_t>(l));
    sampled_on_.push_back(sampled);
    region_.push_back(static_cast<std::uint16_t>(region));
    category_.push_back(static_cast<std::uint16_t>(category));
    enterprise_.push_back(enterprise);
    outcome_.push_back(static_cast<std::uint8_t>(o));
    if (size() == 1 || sampled < min_day_) min_day_ = sampled;
    if (size() == 1 || sampled > max_day_) max_day_ = sampled;
  }
  /// Adds failure columns to the row appended last.
  void append_failure(day_number ordered, day_number rectified, day_number reinspected, std::int8_t reinspection) {
    failures_.row.push_back(static_cast<std::uint32_t>(size() - 1));
    failures_.ordered_on.push_back(ordered);
    failures_.rectified_on.push_back(rectified);
    failures_.reinspected_on.push_back(reinspected);
    failures_.reinspection_outcome.push_back(reinspection);
  }

  [[nodiscard]] std::size_t id_length(std::size_t i) const noexcept {
    return static_cast<std::size_t>(id_end_[i] - (i == 0 ? 0 : id_end_[i - 1]));
  }
  std::vector<std::uint8_t> programme_, level_, outcome_;
  std::vector<day_number> sampled_on_;
  std::vector<std::uint16_t> region_, category_;
  std::vector<std::uint32_t> enterprise_;
  std::vector<std::uint32_t> id_end_;  // end offset of each id in id_bytes_ (ids total < 4 GiB)
  std::string id_bytes_;
  failure_columns failures_;
  dictionary regions_, categories_, enterprises_;
  day_number min_day_ = 0, max_day_ = 0;
};

}  // namespace qgov::records
