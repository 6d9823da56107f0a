// qgov/version.hpp — the library's semantic version, the single place it is written.
// CMake reads these three macros (see CMakeLists.txt), so the package version and the header never disagree.
#pragma once

#define QGOV_VERSION_MAJOR 0
#define QGOV_VERSION_MINOR 1
#define QGOV_VERSION_PATCH 0

/// The version as one integer, MAJOR * 10000 + MINOR * 100 + PATCH, for preprocessor checks.
#define QGOV_VERSION (QGOV_VERSION_MAJOR * 10000 + QGOV_VERSION_MINOR * 100 + QGOV_VERSION_PATCH)

#ifdef __cplusplus  // qgov.h includes this file from C for the macros
namespace qgov {

/// The library version a host was compiled against, as "MAJOR.MINOR.PATCH".
inline constexpr const char* version_string = "0.1.0";

static_assert(QGOV_VERSION == 100, "version_string must match the QGOV_VERSION_* macros");

}  // namespace qgov
#endif
