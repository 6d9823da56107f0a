// Private: the encodings CSV files arrive in (Excel on Chinese Windows saves GB18030/GBK), turned into UTF-8.
#pragma once

#include <qgov/version.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace qgov::inline QGOV_ABI::detail {

struct decoded_text {
  std::string text;      ///< UTF-8 (a UTF-8 byte-order mark is kept: the CSV reader skips it)
  std::string encoding;  ///< "UTF-8", "UTF-8 with BOM" or "GB18030"
  bool converted = false;
};

/// Decides the encoding of `bytes`: UTF-8 (with or without a byte-order mark) when it is well-formed UTF-8;
/// otherwise GB18030 (which includes GBK and GB2312) when it decodes as that, converted to UTF-8. Returns nullopt
/// with `why` set for text that is neither and for UTF-16 (Excel's "Unicode Text"), which is refused with what to
/// do; text that is neither is returned unchanged as "UTF-8" so the reader reports each bad byte at its line.
[[nodiscard]] std::optional<decoded_text> decode_text(std::string_view bytes, std::string& why);

}  // namespace qgov::detail
