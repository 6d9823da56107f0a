// qgov/records/generator.hpp — synthetic inspection records with realistic shape, identical on every platform.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include <qgov/records/manufacturing_rate.hpp>
#include <qgov/records/record_table.hpp>

namespace qgov::records {

/// xoshiro256** seeded through splitmix64 (Blackman & Vigna): the same stream from every compiler and library.
class xoshiro256 {
public:
  explicit xoshiro256(std::uint64_t seed) noexcept {
    for (auto& w : s_) {
      seed += 0x9E3779B97F4A7C15ull;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      w = z ^ (z >> 31);
    }
  }
  std::uint64_t operator()() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9, t = s_[1] << 17;
    s_[2] ^= s_[0]; s_[3] ^= s_[1]; s_[1] ^= s_[2]; s_[0] ^= s_[3];
    s_[2] ^= t; s_[3] = rotl(s_[3], 45);
    return result;
  }
  /// Uniform in [0, n) (Lemire's multiply-shift; the tiny bias is irrelevant here and portable).
  std::uint32_t below(std::uint32_t n) noexcept {
    return static_cast<std::uint32_t>(((*this)() >> 32) * n >> 32);
  }
  /// Uniform in [0, 1).
  double unit() noexcept { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }

private:
  static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

/// Shape of the synthetic data.
struct generator_options {
  std::uint64_t rows = 1000;
  std::uint64_t seed = 1;
  int first_year = 2024;
  int years = 2;            ///< sampling dates spread over these calendar years
  std::uint32_t enterprises = 400;
  /// Record ids in no order (a bijective scramble of the row number) instead of R000000001, R000000002, …
  bool scrambled_ids = false;
};

/// The 12 subdistricts/parks and the 29 GB/T 4754 manufacturing divisions the generator uses.
[[nodiscard]] const std::vector<std::string>& generator_regions();
[[nodiscard]] const std::vector<std::string>& generator_industries();

/// Writes `options.rows` records as CSV (header first) to `out`; streams, no table in memory.
void generate_records_csv(const generator_options& options, std::ostream& out);
/// The same records as a table.
[[nodiscard]] record_table generate_records(const generator_options& options);
/// Output values for every (region, industry) of the generator (a few left out, to exercise the reporting), as CSV.
void generate_industry_output_csv(std::uint64_t seed, std::ostream& out);

}  // namespace qgov::records
