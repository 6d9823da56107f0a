// qgov/version.hpp — the library's semantic version, the single place it is written.
// CMake reads these three macros (see CMakeLists.txt), so the package version and the header never disagree.
#pragma once

#define QGOV_VERSION_MAJOR 0
#define QGOV_VERSION_MINOR 1
#define QGOV_VERSION_PATCH 0

/// The version as one integer, MAJOR * 10000 + MINOR * 100 + PATCH, for preprocessor checks.
#define QGOV_VERSION (QGOV_VERSION_MAJOR * 10000 + QGOV_VERSION_MINOR * 100 + QGOV_VERSION_PATCH)

/// The inline namespace every C++ name of qgov lives in: qgov::v0_1 while the major version is 0 (a minor release may
/// break compatibility), qgov::vN from 1.0 on. Hosts write qgov::name and never see it; the mangled names carry it, so a
/// host built against one ABI and linked with another fails at link time instead of misbehaving at run time. Derived
/// from the version macros above, so it cannot fall out of step with them (docs/api.md, "Compatibility").
#define QGOV_ABI_NAME_(major, minor) v##major##_##minor
#define QGOV_ABI_NAME(major, minor) QGOV_ABI_NAME_(major, minor)
#if QGOV_VERSION_MAJOR == 0
#define QGOV_ABI QGOV_ABI_NAME(QGOV_VERSION_MAJOR, QGOV_VERSION_MINOR)
#else
#define QGOV_ABI_MAJOR_NAME_(major) v##major
#define QGOV_ABI_MAJOR_NAME(major) QGOV_ABI_MAJOR_NAME_(major)
#define QGOV_ABI QGOV_ABI_MAJOR_NAME(QGOV_VERSION_MAJOR)
#endif

#ifdef __cplusplus  // qgov.h includes this file from C for the macros
namespace qgov::inline QGOV_ABI {

/// The library version a host was compiled against, as "MAJOR.MINOR.PATCH".
inline constexpr const char* version_string = "0.1.0";

static_assert(QGOV_VERSION == 100, "version_string must match the QGOV_VERSION_* macros");

}  // namespace qgov
#endif
