// Pass rates by grouping: one fused pass over the needed columns into a dense counter array (docs/records.md).
#include <qgov/records/pass_rates.hpp>

#include <algorithm>
#include <cmath>
#include <thread>
#include <utility>
#include <tuple>

#include <qgov/core/error.hpp>

namespace qgov::inline QGOV_ABI::records {

group_by parse_group_by(std::string_view keys) {
  group_by g;
  std::size_t at = 0;
  while (at <= keys.size()) {
    std::size_t comma = keys.find(',', at);
    if (comma == std::string_view::npos) comma = keys.size();
    const std::string_view k = keys.substr(at, comma - at);
    const period_key before = g.period;
    if (k == "programme") g.programme = true;
    else if (k == "level") g.level = true;
    else if (k == "region") g.region = true;
    else if (k == "category") g.category = true;
    else if (k == "month") g.period = period_key::month;
    else if (k == "quarter") g.period = period_key::quarter;
    else if (k == "year") g.period = period_key::year;
    else if (!k.empty() || keys.size() > 0)
      throw qgov::error("unknown grouping key \"" + std::string(k) +
                        "\"; the keys are programme, level, region, category, month, quarter, year");
    if (before != period_key::none && g.period != before)
      throw qgov::error("group by at most one period (month, quarter or year), not \"" + std::string(keys) + "\"");
    at = comma + 1;
  }
  return g;
}

std::string to_string(const group_by& g) {
  std::string s;
  auto add = [&](std::string_view k) {
    if (!s.empty()) s += ',';
    s += k;
  };
  if (g.programme) add("programme");
  if (g.level) add("level");
  if (g.region) add("region");
  if (g.category) add("category");
  if (g.period == period_key::month) add("month");
  if (g.period == period_key::quarter) add("quarter");
  if (g.period == period_key::year) add("year");
  return s;
}

interval wilson_interval(double passed, double sampled, double z) noexcept {
  if (!(sampled > 0) || !(passed >= 0) || passed > sampled || !std::isfinite(z)) return {0, 1};
  const double p = passed / sampled, z2 = z * z, n = sampled;
  const double denom = 1 + z2 / n;
  const double centre = (p + z2 / (2 * n)) / denom;
  const double half = z / denom * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

namespace {

// The counter pass: one counter per cell, low 32 bits sampled, high 32 bits passed.
struct cell_layout {
  std::array<std::uint32_t, 5> dims{};       // programme, level, region, category, period
  std::vector<std::uint32_t> period_of_day;  // day - first_day → period index
  day_number first_day = 0;
  std::vector<qgov::period> periods;
  std::uint64_t cells = 1;
};

// The period containing `d`, and the first day after it.
qgov::period period_of(date d, period_key k) {
  const auto ymd = d.year_month_day();
  const std::string y = std::to_string(static_cast<int>(ymd.year));
  std::string text;
  switch (k) {
    case period_key::month: text = to_iso(d).substr(0, 7); break;
    case period_key::quarter: text = y + "-Q" + std::to_string((ymd.month - 1) / 3 + 1); break;
    default: text = y; break;
  }
  return *qgov::period::parse(text);
}

cell_layout make_layout(const record_table& table, const group_by& keys) {
  cell_layout l;
  l.dims = {keys.programme ? static_cast<std::uint32_t>(programme_count) : 1u, keys.level ? 3u : 1u,
            keys.region ? std::max<std::uint32_t>(1, static_cast<std::uint32_t>(table.regions().size())) : 1u,
            keys.category ? std::max<std::uint32_t>(1, static_cast<std::uint32_t>(table.categories().size())) : 1u, 1u};
  const auto range = table.date_range();
  if (range) {
    l.first_day = range->first;
    const std::size_t span = static_cast<std::size_t>(range->second - range->first) + 1;
    l.period_of_day.assign(span, 0);
    if (keys.period != period_key::none) {
      for (std::size_t i = 0; i < span;) {
        const date d = to_date(l.first_day + static_cast<day_number>(i));
        const qgov::period p = period_of(d, keys.period);
        const auto end = static_cast<std::size_t>(to_day_number(p.last_day()) - l.first_day) + 1;
        const auto index = static_cast<std::uint32_t>(l.periods.size());
        l.periods.push_back(p);
        for (; i < std::min(end, span); ++i) l.period_of_day[i] = index;
      }
      l.dims[4] = static_cast<std::uint32_t>(l.periods.size());
    }
  }
  l.cells = 1;
  for (auto d : l.dims) l.cells *= d;
  if (l.cells > (std::uint64_t{1} << 26))
    throw qgov::error("grouping by " + to_string(keys) + " gives " + std::to_string(l.cells) +
                      " cells, more than the 67 108 864 a dense count allows; group by fewer keys");
  return l;
}

namespace {

// The hot loop, one instantiation per set of columns read. Each row adds 1 + (pass << 32) to its cell. Four copies
// of the counters (rows i, i+1, i+2, i+3 go to different copies) keep neighbouring rows that hit the same cell from
// waiting on each other's store; `acc` holds 4 × stride counters.
template <bool P, bool L, bool R, bool C, bool D, bool F>
void count_range(const record_table& t, std::size_t from, std::size_t to, const std::uint32_t* pmul,
                 const std::uint32_t* lmul, std::uint32_t rmul, std::uint32_t cmul, const std::uint32_t* day_cell,
                 day_number first_day, std::uint32_t sink, std::uint64_t* acc, std::size_t stride) {
  const std::uint8_t* prog = t.programme_column().data();
  const std::uint8_t* lvl = t.level_column().data();
  const std::uint16_t* reg = t.region_column().data();
  const std::uint16_t* cat = t.category_column().data();
  const day_number* day = t.sampled_on_column().data();
  const std::uint8_t* out = t.outcome_column().data();
  auto index = [&](std::size_t i) __attribute__((always_inline)) {
    std::uint32_t idx = 0;
    if constexpr (P) idx += pmul[prog[i]];
    if constexpr (L) idx += lmul[lvl[i]];
    if constexpr (R) idx += reg[i] * rmul;
    if constexpr (C) idx += cat[i] * cmul;
    if constexpr (D) idx += day_cell[day[i] - first_day];
    if constexpr (F) idx = std::min(idx, sink);  // only a filter can send a row to the sink
    return idx;
  };
  auto add = [&](std::size_t i) __attribute__((always_inline)) { return 1 + (static_cast<std::uint64_t>(out[i] & 1u) << 32); };
  std::uint64_t* a0 = acc;
  std::uint64_t* a1 = acc + stride;
  std::uint64_t* a2 = acc + 2 * stride;
  std::uint64_t* a3 = acc + 3 * stride;
  std::size_t i = from;
  for (; i + 4 <= to; i += 4) {
    const std::uint32_t i0 = index(i), i1 = index(i + 1), i2 = index(i + 2), i3 = index(i + 3);
    a0[i0] += add(i);
    a1[i1] += add(i + 1);
    a2[i2] += add(i + 2);
    a3[i3] += add(i + 3);
  }
  for (; i < to; ++i) a0[index(i)] += add(i);
}

using count_fn = void (*)(const record_table&, std::size_t, std::size_t, const std::uint32_t*, const std::uint32_t*,
                          std::uint32_t, std::uint32_t, const std::uint32_t*, day_number, std::uint32_t, std::uint64_t*,
                          std::size_t);

template <std::size_t Mask>
constexpr count_fn pick() {
  return &count_range<(Mask & 1) != 0, (Mask & 2) != 0, (Mask & 4) != 0, (Mask & 8) != 0, (Mask & 16) != 0,
                      (Mask & 32) != 0>;
}
template <std::size_t... M>
constexpr std::array<count_fn, sizeof...(M)> table_of(std::index_sequence<M...>) {
  return {pick<M>()...};
}
constexpr auto count_fns = table_of(std::make_index_sequence<64>{});

}  // namespace

void count_cells(const record_table& table, const cell_layout& l, const group_by& keys, const record_filter& filter,
                 unsigned threads, std::vector<std::uint64_t>& counters) {
  const std::uint32_t sink = static_cast<std::uint32_t>(l.cells);
  counters.assign(l.cells + 1, 0);
  if (table.empty()) return;
  const std::uint32_t per = l.dims[4], cat_stride = per, reg_stride = l.dims[3] * cat_stride,
                      lvl_stride = l.dims[2] * reg_stride, prog_stride = l.dims[1] * lvl_stride;
  bool prog_all = true, lvl_all = true;
  for (bool b : filter.programmes) prog_all &= b;
  for (bool b : filter.levels) lvl_all &= b;
  // Multipliers: a row of a programme or level the filter drops lands in the sink (min(idx, sink)).
  std::array<std::uint32_t, 256> pmul{}, lmul{};
  pmul.fill(sink);
  lmul.fill(sink);
  for (std::size_t p = 0; p < programme_count; ++p)
    pmul[p] = filter.programmes[p] ? (keys.programme ? static_cast<std::uint32_t>(p) * prog_stride : 0) : sink;
  for (std::size_t v = 0; v < 3; ++v)
    lmul[v] = filter.levels[v] ? (keys.level ? static_cast<std::uint32_t>(v) * lvl_stride : 0) : sink;
  const bool use_p = keys.programme || !prog_all, use_l = keys.level || !lvl_all;
  const bool use_d = keys.period != period_key::none || filter.from || filter.to;
  std::vector<std::uint32_t> day_cell;
  if (use_d) {
    day_cell = l.period_of_day;
    const day_number from = filter.from ? to_day_number(*filter.from) : std::numeric_limits<day_number>::min();
    const day_number to = filter.to ? to_day_number(*filter.to) : std::numeric_limits<day_number>::max();
    for (std::size_t i = 0; i < day_cell.size(); ++i) {
      const day_number d = l.first_day + static_cast<day_number>(i);
      if (d < from || d > to) day_cell[i] = sink;
    }
  }
  const bool filtering = !prog_all || !lvl_all || filter.from || filter.to;
  const std::size_t mask = (use_p ? 1 : 0) | (use_l ? 2 : 0) | (keys.region ? 4 : 0) | (keys.category ? 8 : 0) |
                           (use_d ? 16 : 0) | (filtering ? 32 : 0);
  const count_fn fn = count_fns[mask];
  const std::size_t n = table.size();
  const std::size_t stride = counters.size();
  // four counter copies while they stay small (cache-resident); one copy (all four pointers equal) otherwise
  const std::size_t ways = stride <= (std::size_t{1} << 16) ? 4 : 1;
  auto run = [&](std::size_t from, std::size_t to, std::vector<std::uint64_t>& acc) {
    fn(table, from, to, pmul.data(), lmul.data(), reg_stride, cat_stride, day_cell.data(), l.first_day, sink, acc.data(),
       ways == 4 ? stride : 0);
  };
  std::vector<std::uint64_t> first(ways * stride, 0), second;
  if (threads >= 2 && n >= (std::size_t{1} << 20)) {
    second.assign(ways * stride, 0);
    const std::size_t mid = n / 2;
    std::thread worker([&] { run(mid, n, second); });
    run(0, mid, first);
    worker.join();
  } else {
    run(0, n, first);
  }
  for (std::size_t k = 0; k < ways; ++k)
    for (std::size_t i = 0; i < stride; ++i) counters[i] += first[k * stride + i] + (second.empty() ? 0 : second[k * stride + i]);
}

}  // namespace

rate_table pass_rates(const record_table& table, const group_by& keys, const rate_options& options) {
  rate_table out;
  out.keys = keys;
  out.options = options;
  const cell_layout l = make_layout(table, keys);
  std::vector<std::uint64_t> counters;
  count_cells(table, l, keys, options.filter, options.threads, counters);
  const auto& d = l.dims;
  for (std::uint64_t c = 0; c < l.cells; ++c) {
    const std::uint64_t v = counters[c];
    const std::uint64_t sampled = v & 0xFFFFFFFFu, passed = v >> 32;
    if (sampled == 0) continue;
    rate_cell cell;
    std::uint64_t rest = c;
    const auto per = static_cast<std::uint32_t>(rest % d[4]); rest /= d[4];
    const auto cat = static_cast<std::uint32_t>(rest % d[3]); rest /= d[3];
    const auto reg = static_cast<std::uint32_t>(rest % d[2]); rest /= d[2];
    const auto lvl = static_cast<std::uint32_t>(rest % d[1]); rest /= d[1];
    const auto prog = static_cast<std::uint32_t>(rest);
    if (keys.programme) cell.programme = static_cast<programme>(prog);
    if (keys.level) cell.level = static_cast<qgov::level>(lvl);
    if (keys.region) cell.region = table.regions().name(reg);
    if (keys.category) cell.category = table.categories().name(cat);
    if (keys.period != period_key::none) cell.period = l.periods[per];
    cell.sampled = sampled;
    cell.passed = passed;
    const interval w = wilson_interval(static_cast<double>(passed), static_cast<double>(sampled), options.z);
    cell.low = w.low;
    cell.high = w.high;
    cell.small_sample = sampled < options.minimum_sample;
    out.rows_counted += sampled;
    out.cells.push_back(std::move(cell));
  }
  // Key order with names sorted by their bytes (dictionary codes follow first appearance).
  auto key = [](const rate_cell& c) {
    return std::tuple(c.programme ? static_cast<int>(*c.programme) : -1, c.level ? static_cast<int>(*c.level) : -1,
                      c.region ? std::string_view(*c.region) : std::string_view(),
                      c.category ? std::string_view(*c.category) : std::string_view(),
                      c.period ? to_day_number(c.period->first_day()) : 0);
  };
  std::sort(out.cells.begin(), out.cells.end(), [&](const rate_cell& a, const rate_cell& b) { return key(a) < key(b); });
  return out;
}

pooled_and_mean pooled_rate(const record_table& table, const rate_options& options) {
  group_by by;
  by.category = true;
  const rate_table r = pass_rates(table, by, options);
  pooled_and_mean out;
  double sum = 0;
  for (const auto& c : r.cells) {
    out.sampled += c.sampled;
    out.passed += c.passed;
    sum += c.value();
  }
  out.categories = r.cells.size();
  if (out.sampled) out.pooled = static_cast<double>(out.passed) / static_cast<double>(out.sampled);
  if (out.categories) out.category_mean = sum / static_cast<double>(out.categories);
  out.pooled_interval = wilson_interval(static_cast<double>(out.passed), static_cast<double>(out.sampled), options.z);
  return out;
}

goal_mapping goal_mapping::dongli() {
  goal_mapping g;
  g.pass_rate[static_cast<std::size_t>(programme::food_evaluative)] = goal_id("food_sampling_pass_rate");
  g.pass_rate[static_cast<std::size_t>(programme::agri_monitoring)] = goal_id("agri_product_pass_rate");
  g.manufacturing = goal_id("manufacturing_quality_pass_rate");
  g.rectification = goal_id("rectification_completion_rate");
  return g;
}

std::vector<observation> to_observations(const rate_table& rates, const goal_mapping& goals, date reported_on,
                                         const std::string& source) {
  if (!rates.keys.programme || rates.keys.period == period_key::none || rates.keys.region || rates.keys.category)
    throw qgov::error("observations need rates grouped by programme and a period (optionally level), not by \"" +
                      to_string(rates.keys) + "\"");
  std::vector<observation> out;
  for (const auto& c : rates.cells) {
    const auto& goal = goals.pass_rate[static_cast<std::size_t>(*c.programme)];
    if (!goal) continue;
    observation o;
    o.goal = *goal;
    o.period = *c.period;
    o.rate = c.as_rate();
    o.value = 100.0 * c.value();
    o.level = c.level;
    o.reported_on = reported_on;
    o.source = source;
    o.origin = "records: ";
    o.origin += to_string(*c.programme);
    o.origin += ' ';
    o.origin += c.period->str();
    if (c.level) {
      o.origin += ' ';
      o.origin += qgov::to_string(*c.level);
    }
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace qgov::records
