// The draw's generator against the reference outputs of splitmix64 and xoshiro256**, and its bounded integers.
#include <qgov/supervision/random.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <numeric>

using namespace qgov::supervision;

TEST_CASE("splitmix64 seeded with 0 gives Vigna's reference outputs") {
  splitmix64 sm(0);
  CHECK(sm.next() == 0xE220A8397B1DCDAFull);
  CHECK(sm.next() == 0x6E789E6AA1B965F4ull);
  CHECK(sm.next() == 0x06C45D188009454Full);
}

TEST_CASE("xoshiro256** from the state {1, 2, 3, 4} gives the reference outputs") {
  xoshiro256ss g({1, 2, 3, 4});
  const std::array<std::uint64_t, 6> expected{11520, 0, 1509978240, 1215971899390074240ull, 1216172134540287360ull,
                                              607988272756665600ull};
  for (auto e : expected) CHECK(g.next() == e);
}

TEST_CASE("uniform_below rejects outputs under 2^64 mod n and reduces the rest mod n") {
  // n = 3: 2^64 mod 3 = 1, so only the output 0 is rejected. From {1,2,3,4} the outputs are 11520, 0, …
  xoshiro256ss g({1, 2, 3, 4});
  CHECK(uniform_below(g, 3) == 11520 % 3);
  CHECK(uniform_below(g, 3) == 1509978240ull % 3);  // 0 was rejected, consumed
  xoshiro256ss h({1, 2, 3, 4});
  CHECK(uniform_below(h, 1) == 0);  // n = 1 consumes nothing
  CHECK(h.next() == 11520);
}

TEST_CASE("uniform_below is in range and roughly uniform over many draws") {
  splitmix64 sm(42);
  xoshiro256ss g(sm);
  std::array<int, 7> counts{};
  for (int i = 0; i < 70000; ++i) {
    const auto v = uniform_below(g, 7);
    REQUIRE(v < 7);
    ++counts[v];
  }
  for (int c : counts) CHECK(std::abs(c - 10000) < 500);  // 5 σ ≈ 450
}

TEST_CASE("partial Fisher-Yates draws k distinct elements, in draw order, and is a permutation") {
  std::vector<int> pool(20);
  std::iota(pool.begin(), pool.end(), 0);
  splitmix64 sm(7);
  xoshiro256ss g(sm);
  partial_fisher_yates(pool, 5, g);
  std::vector<int> sorted = pool;
  std::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < 20; ++i) CHECK(sorted[i] == i);
  std::vector<int> first(pool.begin(), pool.begin() + 5);
  std::sort(first.begin(), first.end());
  CHECK(std::adjacent_find(first.begin(), first.end()) == first.end());
  // k larger than the pool is capped
  partial_fisher_yates(pool, 100, g);
  CHECK(pool.size() == 20);
}
