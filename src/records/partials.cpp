// Mergeable aggregates (include/qgov/records/partials.hpp): integer counts per key, merged by sorted-key sums, and
// their compact checked binary form.
#include <qgov/records/partials.hpp>
#include "detail/severity.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

#include <qgov/core/error.hpp>
#include <qgov/core/sha256.hpp>

namespace qgov::inline QGOV_ABI::records {
namespace {

// ---- binary form ------------------------------------------------------------------------------------------------
// magic (8 bytes), payload, then the first 8 bytes of SHA-256(magic + payload) as 16 hex digits' raw bytes.

constexpr std::string_view rate_magic = "qgovPR1\n";
constexpr std::string_view rect_magic = "qgovRC1\n";
constexpr std::size_t check_bytes = 8;

class writer {
public:
  explicit writer(std::string_view magic) : out_(magic) {}
  void u(std::uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void s(std::int64_t v) { u((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
  void str(std::string_view v) {
    u(v.size());
    out_.append(v);
  }
  std::string finish() {
    out_ += digest(out_);
    return std::move(out_);
  }
  static std::string digest(std::string_view bytes) {
    const std::string hex = sha256_hex(bytes);
    std::string d(check_bytes, '\0');
    for (std::size_t i = 0; i < check_bytes; ++i) d[i] = static_cast<char>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    return d;
  }

private:
  std::string out_;
};

class reader {
public:
  reader(std::string_view bytes, std::string_view magic, const std::string& origin, const char* what)
      : origin_(origin), what_(what) {
    if (bytes.size() < magic.size() + check_bytes || bytes.substr(0, magic.size()) != magic)
      fail("not a qgov " + std::string(what) + " (expected it to start with \"" +
           std::string(magic.substr(0, magic.size() - 1)) + "\")");
    const std::string_view body = bytes.substr(0, bytes.size() - check_bytes);
    if (writer::digest(body) != bytes.substr(body.size()))
      fail("check digest does not match (truncated or altered in transit)");
    data_ = body.substr(magic.size());
  }
  std::uint64_t u() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= data_.size()) fail("truncated at byte " + std::to_string(at_));
      const auto b = static_cast<unsigned char>(data_[at_++]);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    fail("integer longer than 64 bits at byte " + std::to_string(at_));
  }
  std::int64_t s() {
    const std::uint64_t z = u();
    return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
  }
  std::uint64_t below(std::uint64_t n, const char* field) {
    const std::uint64_t v = u();
    if (v >= n) fail(std::string(field) + ": " + std::to_string(v) + " out of range (expected < " + std::to_string(n) + ")");
    return v;
  }
  day_number day(const char* field) {
    const std::int64_t v = s();
    if (v < days_from_civil(1400, 1, 1) || v > days_from_civil(9999, 12, 31))
      fail(std::string(field) + ": day " + std::to_string(v) + " outside 1400–9999");
    return static_cast<day_number>(v);
  }
  std::string str(const char* field) {
    const std::uint64_t n = u();
    if (n > data_.size() - at_) fail(std::string(field) + ": truncated text");
    std::string v(data_.substr(at_, n));
    at_ += n;
    return v;
  }
  void done() {
    if (at_ != data_.size()) fail(std::to_string(data_.size() - at_) + " bytes left over");
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw qgov::error(origin_ + ": " + what_ + ": " + what);
  }

private:
  const std::string& origin_;
  const char* what_;
  std::string_view data_;
  std::size_t at_ = 0;
};

void write_filter(writer& w, const record_filter& f) {
  std::uint64_t p = 0, l = 0;
  for (std::size_t i = 0; i < programme_count; ++i) p |= std::uint64_t{f.programmes[i]} << i;
  for (std::size_t i = 0; i < 3; ++i) l |= std::uint64_t{f.levels[i]} << i;
  w.u(p);
  w.u(l);
  w.u(f.from ? 1 : 0);
  if (f.from) w.s(to_day_number(*f.from));
  w.u(f.to ? 1 : 0);
  if (f.to) w.s(to_day_number(*f.to));
}

record_filter read_filter(reader& r) {
  record_filter f;
  const auto p = r.below(1u << programme_count, "filter programmes"), l = r.below(1u << 3, "filter levels");
  for (std::size_t i = 0; i < programme_count; ++i) f.programmes[i] = (p >> i) & 1;
  for (std::size_t i = 0; i < 3; ++i) f.levels[i] = (l >> i) & 1;
  if (r.below(2, "filter from flag")) f.from = to_date(r.day("filter from"));
  if (r.below(2, "filter to flag")) f.to = to_date(r.day("filter to"));
  return f;
}

auto cell_key(const count_cell& c) {
  return std::tie(c.programme, c.level, c.region, c.category, c.period_start);
}

qgov::period period_starting(day_number first, period_key k) {
  const auto ymd = to_date(first).year_month_day();
  const std::string y = std::to_string(static_cast<int>(ymd.year));
  std::string text = y;
  if (k == period_key::month) text = to_iso(to_date(first)).substr(0, 7);
  else if (k == period_key::quarter) text = y + "-Q" + std::to_string((ymd.month - 1) / 3 + 1);
  return *qgov::period::parse(text);
}

}  // namespace

bool same_filter(const record_filter& a, const record_filter& b) noexcept {
  return a.programmes == b.programmes && a.levels == b.levels && a.from == b.from && a.to == b.to;
}

// ---- pass rates -------------------------------------------------------------------------------------------------

pass_rate_partial::pass_rate_partial(const group_by& keys, const record_filter& filter) : keys_(keys), filter_(filter) {}

pass_rate_partial pass_rate_partial::of(const record_table& table, const group_by& keys, const record_filter& filter) {
  pass_rate_partial p(keys, filter);
  rate_options o;
  o.filter = filter;
  const rate_table r = pass_rates(table, keys, o);  // its cells come sorted by the same key as cells_
  p.rows_ = table.size();
  p.cells_.reserve(r.cells.size());
  for (const auto& c : r.cells) {
    count_cell k;
    if (c.programme) k.programme = static_cast<std::int8_t>(*c.programme);
    if (c.level) k.level = static_cast<std::int8_t>(*c.level);
    if (c.region) k.region = *c.region;
    if (c.category) k.category = *c.category;
    if (c.period) k.period_start = to_day_number(c.period->first_day());
    k.sampled = c.sampled;
    k.passed = c.passed;
    p.cells_.push_back(std::move(k));
  }
  return p;
}

void pass_rate_partial::merge(const pass_rate_partial& other) {
  if (!(keys_ == other.keys_))
    throw qgov::error("cannot merge pass-rate partials grouped by \"" + to_string(keys_) + "\" and by \"" +
                      to_string(other.keys_) + "\"");
  if (!same_filter(filter_, other.filter_)) throw qgov::error("cannot merge pass-rate partials with different filters");
  rows_ += other.rows_;
  if (other.cells_.empty()) return;
  std::vector<count_cell> out;
  out.reserve(cells_.size() + other.cells_.size());
  auto a = cells_.begin(), ae = cells_.end();
  auto b = other.cells_.begin(), be = other.cells_.end();
  while (a != ae || b != be) {
    if (b == be || (a != ae && cell_key(*a) < cell_key(*b))) {
      out.push_back(std::move(*a++));
    } else if (a == ae || cell_key(*b) < cell_key(*a)) {
      out.push_back(*b++);
    } else {
      count_cell c = std::move(*a++);
      c.sampled += b->sampled;
      c.passed += b->passed;
      ++b;
      out.push_back(std::move(c));
    }
  }
  cells_ = std::move(out);
}

rate_table pass_rate_partial::rates(const rate_options& options) const {
  rate_table out;
  out.keys = keys_;
  out.options = options;
  out.options.filter = filter_;
  out.cells.reserve(cells_.size());
  for (const auto& k : cells_) {
    rate_cell c;
    if (keys_.programme) c.programme = static_cast<programme>(k.programme);
    if (keys_.level) c.level = static_cast<qgov::level>(k.level);
    if (keys_.region) c.region = k.region;
    if (keys_.category) c.category = k.category;
    if (keys_.period != period_key::none) c.period = period_starting(k.period_start, keys_.period);
    c.sampled = k.sampled;
    c.passed = k.passed;
    const interval w = wilson_interval(static_cast<double>(k.passed), static_cast<double>(k.sampled), options.z);
    c.low = w.low;
    c.high = w.high;
    c.small_sample = k.sampled < options.minimum_sample;
    out.rows_counted += k.sampled;
    out.cells.push_back(std::move(c));
  }
  return out;
}

std::string pass_rate_partial::to_bytes() const {
  writer w(rate_magic);
  w.u((keys_.programme ? 1 : 0) | (keys_.level ? 2 : 0) | (keys_.region ? 4 : 0) | (keys_.category ? 8 : 0));
  w.u(static_cast<std::uint64_t>(keys_.period));
  write_filter(w, filter_);
  w.u(rows_);
  // name tables: each distinct region / category once, cells refer to them by index (cells are sorted, so the
  // names come out sorted too)
  std::vector<std::string_view> regions, categories;
  for (const auto& c : cells_) {
    if (keys_.region) regions.push_back(c.region);
    if (keys_.category) categories.push_back(c.category);
  }
  for (auto* v : {&regions, &categories}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
    w.u(v->size());
    for (auto s : *v) w.str(s);
  }
  auto index = [](const std::vector<std::string_view>& v, std::string_view s) {
    return static_cast<std::uint64_t>(std::lower_bound(v.begin(), v.end(), s) - v.begin());
  };
  w.u(cells_.size());
  for (const auto& c : cells_) {
    if (keys_.programme) w.u(static_cast<std::uint64_t>(c.programme));
    if (keys_.level) w.u(static_cast<std::uint64_t>(c.level));
    if (keys_.region) w.u(index(regions, c.region));
    if (keys_.category) w.u(index(categories, c.category));
    if (keys_.period != period_key::none) w.s(c.period_start);
    w.u(c.sampled);
    w.u(c.sampled - c.passed);  // the failures: small numbers, short varints
  }
  return w.finish();
}

pass_rate_partial pass_rate_partial::from_bytes(std::string_view bytes, const std::string& origin) {
  reader r(bytes, rate_magic, origin, "pass-rate partial");
  const auto k = r.below(16, "keys");
  group_by keys;
  keys.programme = k & 1;
  keys.level = k & 2;
  keys.region = k & 4;
  keys.category = k & 8;
  keys.period = static_cast<period_key>(r.below(4, "period key"));
  pass_rate_partial p(keys, read_filter(r));
  p.rows_ = r.u();
  std::vector<std::string> regions, categories;
  for (auto* v : {&regions, &categories}) {
    const auto n = r.u();
    if (n > bytes.size()) r.fail("name table longer than the data");
    for (std::uint64_t i = 0; i < n; ++i) {
      v->push_back(r.str("name"));
      if (v->back().empty() || (i > 0 && !((*v)[i - 1] < v->back()))) r.fail("name table not sorted and non-empty");
    }
  }
  const auto n = r.u();
  if (n > bytes.size()) r.fail("more cells than bytes");
  p.cells_.reserve(n);
  std::uint64_t counted = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    count_cell c;
    if (keys.programme) c.programme = static_cast<std::int8_t>(r.below(programme_count, "programme"));
    if (keys.level) c.level = static_cast<std::int8_t>(r.below(3, "level"));
    if (keys.region) c.region = regions[r.below(regions.size(), "region")];
    if (keys.category) c.category = categories[r.below(categories.size(), "category")];
    if (keys.period != period_key::none) {
      c.period_start = r.day("period start");
      if (to_day_number(period_starting(c.period_start, keys.period).first_day()) != c.period_start)
        r.fail("cell " + std::to_string(i) + ": day " + std::to_string(c.period_start) + " does not start a period");
    }
    c.sampled = r.u();
    const auto failed = r.u();
    if (c.sampled == 0 || failed > c.sampled) r.fail("cell " + std::to_string(i) + ": bad counts");
    c.passed = c.sampled - failed;
    if (!p.cells_.empty() && !(cell_key(p.cells_.back()) < cell_key(c)))
      r.fail("cell " + std::to_string(i) + ": cells out of key order");
    counted += c.sampled;
    p.cells_.push_back(std::move(c));
  }
  if (counted > p.rows_) r.fail("more records counted than read");
  r.done();
  return p;
}

// ---- rectification ----------------------------------------------------------------------------------------------

namespace {

using detail::severity;  // src/detail/severity.hpp

std::string enterprise_key(const rectification_item& it) {
  return std::string(1, static_cast<char>('0' + static_cast<int>(it.level))) + it.enterprise;
}

bool same_options(const rectification_options& a, const rectification_options& b) {
  return a.rectify_days == b.rectify_days && a.reinspect_days == b.reinspect_days && a.programmes == b.programmes &&
         a.late_rectification_counts == b.late_rectification_counts &&
         a.late_reinspection_counts == b.late_reinspection_counts && a.exclude_not_ordered == b.exclude_not_ordered &&
         a.by_enterprise == b.by_enterprise;
}

bool same_item(const rectification_item& a, const rectification_item& b) {
  return a.record_id == b.record_id && a.enterprise == b.enterprise && a.programme == b.programme && a.level == b.level &&
         a.sampled_on == b.sampled_on && a.ordered_on == b.ordered_on && a.rectified_on == b.rectified_on &&
         a.reinspected_on == b.reinspected_on && a.reinspection_outcome == b.reinspection_outcome &&
         a.rectify_by == b.rectify_by && a.reinspect_by == b.reinspect_by && a.status == b.status;
}

}  // namespace

rectification_partial::rectification_partial(date as_of, const rectification_options& options, bool keep_items)
    : as_of_(as_of), options_(options), keep_items_(keep_items || options.by_enterprise) {}

rectification_partial rectification_partial::of(const record_table& table, date as_of,
                                                const rectification_options& options, bool keep_items) {
  rectification_partial p(as_of, options, keep_items);
  rectification_report rep = rectification(table, as_of, options);
  p.rows_ = table.size();
  for (const auto& lv : rep.levels) p.counts_[static_cast<std::size_t>(lv.level)] = lv.count;
  if (p.keep_items_) p.items_ = std::move(rep.items);
  if (options.by_enterprise) p.index_enterprises();
  return p;
}

void rectification_partial::index_enterprises() {
  by_enterprise_.clear();
  for (std::size_t i = 0; i < items_.size(); ++i) by_enterprise_.emplace(enterprise_key(items_[i]), i);
}

void rectification_partial::merge(const rectification_partial& other) {
  if (as_of_ != other.as_of_)
    throw qgov::error("cannot merge rectification partials as of " + to_iso(as_of_) + " and " + to_iso(other.as_of_));
  if (!same_options(options_, other.options_) || keep_items_ != other.keep_items_)
    throw qgov::error("cannot merge rectification partials computed with different options");
  rows_ += other.rows_;
  if (!options_.by_enterprise) {
    for (std::size_t l = 0; l < 3; ++l)
      for (std::size_t s = 0; s < rectification_status_count; ++s) counts_[l][s] += other.counts_[l][s];
    if (keep_items_) items_.insert(items_.end(), other.items_.begin(), other.items_.end());
    return;
  }
  // by enterprise: an enterprise seen before keeps its first item and takes the worse status
  if (by_enterprise_.size() != items_.size()) index_enterprises();
  for (const auto& it : other.items_) {
    auto [pos, fresh] = by_enterprise_.emplace(enterprise_key(it), items_.size());
    auto& level_counts = counts_[static_cast<std::size_t>(it.level)];
    if (fresh) {
      items_.push_back(it);
      ++level_counts[static_cast<std::size_t>(it.status)];
    } else if (auto& mine = items_[pos->second]; severity(it.status) > severity(mine.status)) {
      --level_counts[static_cast<std::size_t>(mine.status)];
      mine.status = it.status;
      ++level_counts[static_cast<std::size_t>(mine.status)];
    }
  }
}

rectification_report rectification_partial::report() const {
  rectification_report rep;
  rep.as_of = as_of_;
  rep.options = options_;
  for (std::size_t l = 0; l < 3; ++l) {
    auto& lv = rep.levels[l];
    lv.level = static_cast<qgov::level>(l);
    lv.count = counts_[l];
    for (std::size_t s = 0; s < rectification_status_count; ++s) {
      if (s == static_cast<std::size_t>(rectification_status::not_ordered) && options_.exclude_not_ordered) continue;
      lv.due += counts_[l][s];
    }
    lv.completed = counts_[l][static_cast<std::size_t>(rectification_status::completed)];
  }
  rep.items = items_;
  return rep;
}

bool operator==(const rectification_partial& a, const rectification_partial& b) {
  return a.as_of_ == b.as_of_ && same_options(a.options_, b.options_) && a.keep_items_ == b.keep_items_ &&
         a.rows_ == b.rows_ && a.counts_ == b.counts_ &&
         std::equal(a.items_.begin(), a.items_.end(), b.items_.begin(), b.items_.end(), same_item);
}

std::string rectification_partial::to_bytes() const {
  writer w(rect_magic);
  w.s(to_day_number(as_of_));
  w.s(options_.rectify_days);
  w.s(options_.reinspect_days);
  std::uint64_t p = 0;
  for (std::size_t i = 0; i < programme_count; ++i) p |= std::uint64_t{options_.programmes[i]} << i;
  w.u(p);
  w.u((options_.late_rectification_counts ? 1 : 0) | (options_.late_reinspection_counts ? 2 : 0) |
      (options_.exclude_not_ordered ? 4 : 0) | (options_.by_enterprise ? 8 : 0) | (keep_items_ ? 16 : 0));
  w.u(rows_);
  for (const auto& lv : counts_)
    for (auto n : lv) w.u(n);
  w.u(items_.size());
  auto opt_day = [&](const std::optional<date>& d) {
    w.u(d ? 1 : 0);
    if (d) w.s(to_day_number(*d));
  };
  for (const auto& it : items_) {
    w.str(it.record_id);
    w.str(it.enterprise);
    w.u(static_cast<std::uint64_t>(it.programme));
    w.u(static_cast<std::uint64_t>(it.level));
    w.s(to_day_number(it.sampled_on));
    opt_day(it.ordered_on);
    opt_day(it.rectified_on);
    opt_day(it.reinspected_on);
    w.u(it.reinspection_outcome ? 1 + static_cast<std::uint64_t>(*it.reinspection_outcome) : 0);
    w.u(static_cast<std::uint64_t>(it.status));
  }
  return w.finish();
}

rectification_partial rectification_partial::from_bytes(std::string_view bytes, const std::string& origin) {
  reader r(bytes, rect_magic, origin, "rectification partial");
  const date as_of = to_date(r.day("as_of"));
  rectification_options o;
  o.rectify_days = static_cast<int>(r.s());
  o.reinspect_days = static_cast<int>(r.s());
  if (o.rectify_days < 0 || o.reinspect_days < 0 || o.rectify_days > 100000 || o.reinspect_days > 100000)
    r.fail("deadline days out of range");
  const auto p = r.below(1u << programme_count, "programmes");
  for (std::size_t i = 0; i < programme_count; ++i) o.programmes[i] = (p >> i) & 1;
  const auto flags = r.below(32, "flags");
  o.late_rectification_counts = flags & 1;
  o.late_reinspection_counts = flags & 2;
  o.exclude_not_ordered = flags & 4;
  o.by_enterprise = flags & 8;
  rectification_partial out(as_of, o, flags & 16);
  if (out.keep_items_ != static_cast<bool>(flags & 16)) r.fail("items are always kept when counting by enterprise");
  out.rows_ = r.u();
  std::uint64_t total = 0;
  for (auto& lv : out.counts_)
    for (auto& n : lv) total += n = r.u();
  const auto n = r.u();
  if (n > bytes.size()) r.fail("more items than bytes");
  if (out.keep_items_ && n != total) r.fail("item count does not match the status counts");
  if (!out.keep_items_ && n != 0) r.fail("items present though not kept");
  if (total > out.rows_) r.fail("more items than records read");
  std::array<std::array<std::uint64_t, rectification_status_count>, 3> seen{};
  auto opt_day = [&](const char* field) -> std::optional<date> {
    if (r.below(2, field)) return to_date(r.day(field));
    return std::nullopt;
  };
  out.items_.reserve(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    rectification_item it;
    it.record_id = r.str("record_id");
    it.enterprise = r.str("enterprise");
    it.programme = static_cast<programme>(r.below(programme_count, "programme"));
    it.level = static_cast<qgov::level>(r.below(3, "level"));
    it.sampled_on = to_date(r.day("sampled_on"));
    it.ordered_on = opt_day("ordered_on");
    it.rectified_on = opt_day("rectified_on");
    it.reinspected_on = opt_day("reinspected_on");
    if (const auto oc = r.below(3, "reinspection_outcome")) it.reinspection_outcome = static_cast<outcome>(oc - 1);
    it.status = static_cast<rectification_status>(r.below(rectification_status_count, "status"));
    if (it.ordered_on) {
      it.rectify_by = *it.ordered_on + boost::gregorian::date_duration(o.rectify_days);
      it.reinspect_by = *it.ordered_on + boost::gregorian::date_duration(o.reinspect_days);
    }
    ++seen[static_cast<std::size_t>(it.level)][static_cast<std::size_t>(it.status)];
    out.items_.push_back(std::move(it));
  }
  if (out.keep_items_ && seen != out.counts_) r.fail("items do not match the status counts");
  r.done();
  if (o.by_enterprise) {
    out.index_enterprises();
    if (out.by_enterprise_.size() != out.items_.size()) r.fail("an enterprise is listed twice in one level");
  }
  return out;
}

// ---- manufacturing ----------------------------------------------------------------------------------------------

pass_rate_partial manufacturing_partial(const record_table& table, const manufacturing_options& options) {
  group_by by;
  by.region = by.category = true;
  by.period = options.period;
  return pass_rate_partial::of(table, by, options.filter);
}

std::vector<manufacturing_rate> manufacturing_pass_rate(const pass_rate_partial& inputs,
                                                        const std::vector<industry_output>& output,
                                                        const manufacturing_options& options) {
  if (!same_filter(inputs.filter(), options.filter))
    throw qgov::error("the manufacturing inputs were counted with another filter than the options give");
  return manufacturing_pass_rate(inputs.rates(), output, options);
}

}  // namespace qgov::records
