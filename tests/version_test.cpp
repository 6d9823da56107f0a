// The version macros, the version string and the inline ABI namespace agree with one another.
#include <qgov/version.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <type_traits>

#include <qgov/core/rate.hpp>

#define QGOV_TEST_STR_(x) #x
#define QGOV_TEST_STR(x) QGOV_TEST_STR_(x)

TEST_CASE("version: the string spells the three macros") {
  const std::string expected = std::to_string(QGOV_VERSION_MAJOR) + "." + std::to_string(QGOV_VERSION_MINOR) + "." +
                               std::to_string(QGOV_VERSION_PATCH);
  CHECK(std::string_view(qgov::version_string) == expected);
  CHECK(QGOV_VERSION == QGOV_VERSION_MAJOR * 10000 + QGOV_VERSION_MINOR * 100 + QGOV_VERSION_PATCH);
}

TEST_CASE("version: the ABI namespace is vMAJOR_MINOR while 0.x, and every name is reachable without it") {
  const std::string abi = QGOV_TEST_STR(QGOV_ABI);
#if QGOV_VERSION_MAJOR == 0
  CHECK(abi == "v0_" + std::to_string(QGOV_VERSION_MINOR));
#else
  CHECK(abi == "v" + std::to_string(QGOV_VERSION_MAJOR));
#endif
  // qgov::X and qgov::QGOV_ABI::X are one entity, so hosts never spell the ABI name
  static_assert(std::is_same_v<qgov::rate, qgov::QGOV_ABI::rate>);
  CHECK(&qgov::version_string == &qgov::QGOV_ABI::version_string);
}
