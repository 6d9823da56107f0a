// Encoding detection and GB18030 → UTF-8 conversion with iconv (glibc). See text_encoding.hpp.
#include "text_encoding.hpp"

#include <cerrno>
#include <iconv.h>

#include "utf8.hpp"

namespace qgov::inline QGOV_ABI::detail {
namespace {

// GB18030 → UTF-8, or nullopt when `in` is not well-formed GB18030.
std::optional<std::string> from_gb18030(std::string_view in) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(in.size() * 2 + 16, '\0');  // a GB18030 character of 2 or 4 bytes is at most 4 UTF-8 bytes
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  bool ok = true;
  while (src_left > 0) {
    if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        const std::size_t used = out.size() - dst_left;
        out.resize(out.size() * 2);
        dst = out.data() + used;
        dst_left = out.size() - used;
        continue;
      }
      ok = false;  // EILSEQ or EINVAL (a truncated sequence at the end)
      break;
    }
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(out.size() - dst_left);
  return out;
}

}  // namespace

std::optional<decoded_text> decode_text(std::string_view bytes, std::string& why) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    why = "UTF-16 text (Excel's \"Unicode Text\" saves this, with tabs between fields); save it from Excel as "
          "\"CSV UTF-8 (Comma delimited) (*.csv)\" instead";
    return std::nullopt;
  }
  if (!first_invalid_utf8(bytes))
    return decoded_text{std::string(bytes), bytes.starts_with("\xEF\xBB\xBF") ? "UTF-8 with BOM" : "UTF-8", false};
  std::string_view body = bytes;
  if (body.starts_with("\x84\x31\x95\x33")) body.remove_prefix(4);  // GB18030's byte-order mark
  if (auto t = from_gb18030(body)) return decoded_text{std::move(*t), "GB18030", true};
  return decoded_text{std::string(bytes), "UTF-8", false};
}

}  // namespace qgov::detail
