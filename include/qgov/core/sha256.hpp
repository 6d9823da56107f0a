// qgov/core/sha256.hpp — SHA-256 digests, to pin a plan to the exact source text it quotes.
#pragma once

#include <qgov/version.hpp>

#include <string>
#include <string_view>

namespace qgov::inline QGOV_ABI {

/// The SHA-256 digest of `bytes` as 64 lower-case hex digits (FIPS 180-4).
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace qgov
