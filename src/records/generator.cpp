// Synthetic inspection records: seeded, portable (own PRNG, integer arithmetic), streamed as CSV.
#include <qgov/records/generator.hpp>

#include <array>
#include <ostream>
#include <sstream>

#include <qgov/records/records_csv.hpp>
#include <qgov/supervision/random.hpp>

namespace qgov::inline QGOV_ABI::records {
namespace {

// The draw's generator (xoshiro256** seeded through splitmix64, checked against the reference outputs in
// tests/supervision/random_test.cpp), with the two draws the records need.
class xoshiro256 {
public:
  explicit xoshiro256(std::uint64_t seed) noexcept : g_(seeded(seed)) {}
  std::uint64_t operator()() noexcept { return g_.next(); }
  /// Uniform in [0, n) (Lemire's multiply-shift; the tiny bias is irrelevant here and portable).
  std::uint32_t below(std::uint32_t n) noexcept {
    return static_cast<std::uint32_t>(((*this)() >> 32) * n >> 32);
  }
  /// Uniform in [0, 1).
  double unit() noexcept { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }

private:
  static supervision::xoshiro256ss seeded(std::uint64_t seed) noexcept {
    supervision::splitmix64 sm(seed);
    return supervision::xoshiro256ss(sm);
  }
  supervision::xoshiro256ss g_;
};

}  // namespace

const std::vector<std::string>& generator_regions() {
  static const std::vector<std::string> r{
      "张贵庄街道", "丰年村街道", "万新街道", "无瑕街道", "新立街道", "华明街道",
      "金钟街道", "军粮城街道", "金桥街道", "华新街道", "东丽湖街道", "东丽经济技术开发区"};
  return r;
}

const std::vector<std::string>& generator_industries() {
  // GB/T 4754-2017 manufacturing divisions 13–41 (42 and 43 are outside the survey's scope): 29 industries
  static const std::vector<std::string> i{
      "C13 农副食品加工业", "C14 食品制造业", "C15 酒、饮料和精制茶制造业", "C16 烟草制品业", "C17 纺织业",
      "C18 纺织服装、服饰业", "C19 皮革、毛皮、羽毛及其制品和制鞋业", "C20 木材加工和木、竹、藤、棕、草制品业",
      "C21 家具制造业", "C22 造纸和纸制品业", "C23 印刷和记录媒介复制业", "C24 文教、工美、体育和娱乐用品制造业",
      "C25 石油、煤炭及其他燃料加工业", "C26 化学原料和化学制品制造业", "C27 医药制造业", "C28 化学纤维制造业",
      "C29 橡胶和塑料制品业", "C30 非金属矿物制品业", "C31 黑色金属冶炼和压延加工业", "C32 有色金属冶炼和压延加工业",
      "C33 金属制品业", "C34 通用设备制造业", "C35 专用设备制造业", "C36 汽车制造业",
      "C37 铁路、船舶、航空航天和其他运输设备制造业", "C38 电气机械和器材制造业",
      "C39 计算机、通信和其他电子设备制造业", "C40 仪器仪表制造业", "C41 其他制造业"};
  return i;
}

namespace {

const std::vector<std::string>& food_categories() {
  static const std::vector<std::string> f{"粮食加工品", "食用油、油脂及其制品", "调味品", "肉制品", "乳制品",
                                          "饮料", "方便食品", "糕点", "酒类", "蔬菜制品", "水果制品", "炒货食品及坚果制品",
                                          "蛋制品", "水产制品", "淀粉及淀粉制品", "餐饮食品", "食用农产品"};
  return f;
}
const std::vector<std::string>& agri_categories() {
  static const std::vector<std::string> a{"蔬菜", "水果", "畜禽产品", "水产品"};
  return a;
}

// A fixed per-category pass probability in [0.95, 0.995], from the category's position (deterministic).
std::uint32_t pass_threshold(std::size_t programme_index, std::size_t category) {
  const std::uint64_t h = (programme_index * 0x9E3779B97F4A7C15ull) ^ (category * 0xBF58476D1CE4E5B9ull);
  const std::uint64_t mixed = (h ^ (h >> 29)) * 0x94D049BB133111EBull;
  const double p = 0.95 + 0.045 * static_cast<double>((mixed >> 11) % 1000) / 999.0;
  return static_cast<std::uint32_t>(p * 4294967296.0 > 4294967295.0 ? 4294967295.0 : p * 4294967296.0);
}

struct generator {
  explicit generator(const generator_options& o) : opt(o), rng(o.seed) {
    first = days_from_civil(o.first_year, 1, 1);
    last = days_from_civil(o.first_year + o.years, 1, 1) - 1;
    for (day_number d = first; d <= last + 400; ++d) iso.push_back(to_iso(to_date(d)));
  }
  const std::string& day(day_number d) const { return iso[static_cast<std::size_t>(d - first)]; }

  // Appends one record's CSV line to `out`; also fills `r` if given.
  void next(std::uint64_t index, std::string& out) {
    // programme: 35 % food evaluative, 30 % food supervisory, 20 % agricultural monitoring, 15 % product supervisory
    const std::uint32_t u = rng.below(100);
    const std::size_t prog = u < 35 ? 0 : u < 65 ? 1 : u < 85 ? 2 : 3;
    const std::uint32_t lv = rng.below(10);
    const char* level = lv < 1 ? "national" : lv < 4 ? "municipal" : "district";
    const day_number sampled = first + static_cast<day_number>(rng.below(static_cast<std::uint32_t>(last - first + 1)));
    // regions: uneven sizes (the first ones larger)
    const std::uint32_t ru = rng.below(78);  // 12 + 11 + … + 1 = 78
    std::uint32_t region = 0, acc = 12;
    while (ru >= acc) acc += 12 - ++region;
    const auto& cats = prog == 3 ? generator_industries() : prog == 2 ? agri_categories() : food_categories();
    const std::size_t cat = rng.below(static_cast<std::uint32_t>(cats.size()));
    // enterprises: a skewed choice (u² favours the first ones), a few hundred in all
    const double e = rng.unit();
    const auto enterprise = static_cast<std::uint32_t>(e * e * opt.enterprises);
    const bool pass = static_cast<std::uint32_t>(rng() >> 32) < pass_threshold(prog, cat);
    char idbuf[32];
    // scrambled: an odd multiplier is a bijection on 64-bit words, so the ids stay unique but lose their order
    const std::uint64_t shown = opt.scrambled_ids ? (index + 1) * 0x9E3779B97F4A7C15ull : index + 1;
    const int idn = std::snprintf(idbuf, sizeof idbuf, opt.scrambled_ids ? "R%llu" : "R%09llu",
                                  static_cast<unsigned long long>(shown));
    out.append(idbuf, static_cast<std::size_t>(idn));
    out += ',';
    out += to_string(static_cast<programme>(prog));
    out += ',';
    out += level;
    out += ',';
    out += day(sampled);
    out += ',';
    out += generator_regions()[region];
    out += ',';
    out += cats[cat];
    out += ',';
    char ebuf[16];
    const int en = std::snprintf(ebuf, sizeof ebuf, "E%04u", enterprise + 1);
    out.append(ebuf, static_cast<std::size_t>(en));
    if (pass) {
      out += ",pass,,,,\n";
      return;
    }
    out += ",fail,";
    // failures: most ordered within a month; most corrected within 60 days; most re-inspected, mostly passing
    if (rng.below(100) < 95) {
      const day_number ord = sampled + 3 + static_cast<day_number>(rng.below(28));
      out += day(ord);
      out += ',';
      const std::uint32_t ru2 = rng.below(100);
      if (ru2 < 85 || ru2 < 93) {
        const day_number rect = ru2 < 85 ? ord + 5 + static_cast<day_number>(rng.below(55))
                                         : ord + 61 + static_cast<day_number>(rng.below(60));
        out += day(rect);
        out += ',';
        if (rng.below(100) < 90) {
          const day_number rein = std::max(rect, ord + 30) + static_cast<day_number>(rng.below(40));
          out += day(rein);
          out += rng.below(100) < 92 ? ",pass\n" : ",fail\n";
        } else {
          out += ",\n";
        }
      } else {
        out += ",,\n";
      }
    } else {
      out += ",,,\n";
    }
  }

  generator_options opt;
  xoshiro256 rng;
  day_number first = 0, last = 0;
  std::vector<std::string> iso;
};

}  // namespace

void generate_records_csv(const generator_options& options, std::ostream& out) {
  generator g(options);
  std::string buf;
  buf.reserve(1 << 20);
  buf += records_csv_header;
  buf += '\n';
  for (std::uint64_t i = 0; i < options.rows; ++i) {
    g.next(i, buf);
    if (buf.size() >= (1u << 20) - 512) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

record_table generate_records(const generator_options& options) {
  std::stringstream ss;
  generate_records_csv(options, ss);
  load_options lo;
  return read_records_csv(ss, "<generated>", lo);
}

void generate_industry_output_csv(std::uint64_t seed, std::ostream& out) {
  xoshiro256 rng(seed ^ 0x5EEDull);
  out << "region,industry,output_value\n";
  const auto& regions = generator_regions();
  const auto& industries = generator_industries();
  for (std::size_t r = 0; r < regions.size(); ++r) {
    for (std::size_t i = 0; i < industries.size(); ++i) {
      if (rng.below(10) == 0) continue;  // not every industry in every region
      // output in 万元: heavy-tailed, 100 to about 1 000 000
      const double u = rng.unit();
      const auto value = static_cast<std::uint64_t>(100.0 + 1.0e6 * u * u * u * u);
      out << regions[r] << ',' << industries[i] << ',' << value << '\n';
    }
  }
}

}  // namespace qgov::records
