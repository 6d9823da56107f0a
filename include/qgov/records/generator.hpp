// qgov/records/generator.hpp — synthetic inspection records with realistic shape, identical on every platform.
#pragma once

#include <qgov/version.hpp>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include <qgov/records/manufacturing_rate.hpp>
#include <qgov/records/record_table.hpp>

namespace qgov::inline QGOV_ABI::records {

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
