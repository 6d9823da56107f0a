// qgov/supervision/random.hpp — the draw's portable generator: xoshiro256** seeded by splitmix64, unbiased bounded
// integers by rejection, and partial Fisher–Yates. Every step is specified in docs/supervision.md, so the draw can
// be re-run in any language; nothing here uses std::uniform_int_distribution or std::shuffle, whose output is
// implementation-defined.
#pragma once

#include <qgov/version.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace qgov::inline QGOV_ABI::supervision {

/// The name and version of the whole procedure, recorded with every draw. A change to any step gets a new version.
inline constexpr const char* draw_generator_name = "qgov-draw/1";
inline constexpr const char* draw_generator_description =
    "xoshiro256** (Blackman & Vigna 2018) seeded by splitmix64; bounded integers by rejection "
    "(threshold = 2^64 mod n, result x mod n); partial Fisher-Yates over candidates sorted by id (UTF-8 bytes)";

/// splitmix64 (Steele, Lea & Flood 2014; Vigna's reference code): expands a 64-bit seed into generator state.
class splitmix64 {
public:
  explicit constexpr splitmix64(std::uint64_t seed) noexcept : state_(seed) {}
  constexpr std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

private:
  std::uint64_t state_;
};

/// xoshiro256** 1.0 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro256starstar.c).
class xoshiro256ss {
public:
  /// The state directly (must not be all zero).
  explicit constexpr xoshiro256ss(std::array<std::uint64_t, 4> s) noexcept : s_(s) {}
  /// The state as the next four outputs of `sm`.
  explicit constexpr xoshiro256ss(splitmix64& sm) noexcept : s_{sm.next(), sm.next(), sm.next(), sm.next()} {}

  constexpr std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> s_;
};

/// A uniform integer in [0, n) for n ≥ 1, without modulo bias: outputs below 2^64 mod n are rejected, the rest are
/// reduced mod n (as OpenBSD's arc4random_uniform). n = 1 returns 0 and consumes no output.
[[nodiscard]] constexpr std::uint64_t uniform_below(xoshiro256ss& g, std::uint64_t n) noexcept {
  if (n <= 1) return 0;
  const std::uint64_t threshold = (0 - n) % n;  // = 2^64 mod n
  while (true) {
    const std::uint64_t x = g.next();
    if (x >= threshold) return x % n;
  }
}

/// Moves `k` elements drawn uniformly without replacement to the front of `pool`, in the order drawn (partial
/// Fisher–Yates: for i = 0 … k−1, swap pool[i] with pool[i + uniform_below(n − i)]). k is capped at the size.
template <class T>
void partial_fisher_yates(std::vector<T>& pool, std::size_t k, xoshiro256ss& g) {
  const std::size_t n = pool.size();
  if (k > n) k = n;
  for (std::size_t i = 0; i < k; ++i) {
    const auto j = i + static_cast<std::size_t>(uniform_below(g, n - i));
    if (j != i) std::swap(pool[i], pool[j]);
  }
}

}  // namespace qgov::supervision
