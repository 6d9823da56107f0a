// qgov archives: a one-line envelope (magic, version, kind, format, size, SHA-256) around a Boost.Serialization
// archive. The envelope lets a reader say "truncated", "corrupted", "not a qgov archive" or "an evaluation, not a
// plan" before Boost sees a byte; the guarded serialize() functions (archive_serialize.hpp) cover a payload crafted
// to pass the checksum.
#include <qgov/io/archive.hpp>

#include <array>
#include <charconv>
#include <fstream>
#include <istream>
#include <new>
#include <ostream>
#include <sstream>
#include <streambuf>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <qgov/io/input_file.hpp>
#include <qgov/core/sha256.hpp>
#include <qgov/version.hpp>

#include "detail/archive_serialize.hpp"

namespace qgov::inline QGOV_ABI {
namespace {

constexpr std::string_view magic = "qgov-archive/";
constexpr std::size_t max_header = 512;

template <class T>
constexpr const char* kind_of() {
  if constexpr (std::is_same_v<T, plan>) return "plan";
  else if constexpr (std::is_same_v<T, observation_ledger>) return "ledger";
  else return "evaluation";
}

// A read-only stream over bytes we already hold (no copy of the payload).
struct view_buffer : std::streambuf {
  view_buffer(const char* begin, std::size_t size) {
    char* b = const_cast<char*>(begin);  // never written: this buffer has no put area
    setg(b, b, b + size);
  }
};

// The object Boost reads and writes for each kind.
template <class Ar>
void write_payload(Ar& ar, const plan& p) {
  // plan_data version 1 has no lineage fields: refuse rather than drop them (a version 2 will carry them)
  if (!p.data().lineage.empty())
    throw qgov::error("plan " + p.id().str() + " has lineage fields (level, parents, supersedes/amends, effective_from), "
                      "which archive format version 1 cannot hold; keep such plans as plan files (JSON)");
  ar << boost::serialization::make_nvp("plan", p.data());
}
template <class Ar>
void write_payload(Ar& ar, const observation_ledger& l) {
  ar << boost::serialization::make_nvp("ledger", l);
}
template <class Ar>
void write_payload(Ar& ar, const evaluation& e) {
  ar << boost::serialization::make_nvp("evaluation", e);
}

template <class T>
std::string payload_of(const T& value, archive_format format) {
  std::ostringstream os(std::ios::binary);
  {
    // the archive writes its end (the XML closing tags) when destroyed: keep it in this scope
    switch (format) {
      case archive_format::text: {
        boost::archive::text_oarchive ar(os);
        write_payload(ar, value);
        break;
      }
      case archive_format::binary: {
        boost::archive::binary_oarchive ar(os);
        write_payload(ar, value);
        break;
      }
      case archive_format::xml: {
        boost::archive::xml_oarchive ar(os);
        write_payload(ar, value);
        break;
      }
    }
  }
  return std::move(os).str();
}

template <class T>
std::string archive_bytes(const T& value, archive_format format) {
  std::string payload = payload_of(value, format);
  std::string out = std::string(magic) + std::to_string(archive_envelope_version) + " " + kind_of<T>() + " " +
                    std::string(to_string(format)) + " " + std::to_string(payload.size()) +
                    " sha256=" + sha256_hex(payload) + " qgov=" + version_string + "\n";
  out += payload;
  return out;
}

// Printable form of the first bytes of a foreign input, for the message.
std::string shown(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size() && i < 24; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      out += static_cast<char>(c);
    } else {
      static constexpr char hex[] = "0123456789ABCDEF";
      out += {'\\', 'x', hex[c >> 4], hex[c & 0xF]};
    }
  }
  return out + (s.size() > 24 ? "…\"" : "\"");
}

[[noreturn]] void fail(const std::string& origin, const std::string& where, const std::string& message) {
  throw load_error(origin, {{where, message}});
}

// Parses the header line (without its newline).
archive_info parse_header(std::string_view line, const std::string& origin) {
  if (!line.starts_with(magic))
    fail(origin, "header", "not a qgov archive: it starts with " + shown(line) + "; expected \"" +
                               std::string(magic) + std::to_string(archive_envelope_version) + " …\"");
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at <= line.size();) {
    const std::size_t sp = std::min(line.find(' ', at), line.size());
    words.push_back(line.substr(at, sp - at));
    at = sp + 1;
  }
  archive_info info;
  const std::string_view v = words[0].substr(magic.size());
  if (std::from_chars(v.data(), v.data() + v.size(), info.envelope_version).ptr != v.data() + v.size() || v.empty())
    fail(origin, "header", "the envelope version " + shown(v) + " is not a number");
  if (info.envelope_version > archive_envelope_version)
    fail(origin, "header", "envelope version " + std::to_string(info.envelope_version) +
                               ": written by a newer qgov; this one (" + version_string + ") reads version " +
                               std::to_string(archive_envelope_version));
  if (info.envelope_version < 1) fail(origin, "header", "envelope version " + std::to_string(info.envelope_version) + " does not exist");
  if (words.size() != 6)
    fail(origin, "header", "expected 6 fields (qgov-archive/1 KIND FORMAT SIZE sha256=HEX qgov=VERSION), got " +
                               std::to_string(words.size()));
  info.kind = std::string(words[1]);
  if (info.kind != "plan" && info.kind != "ledger" && info.kind != "evaluation")
    fail(origin, "header", "unknown kind " + shown(words[1]) + "; expected plan, ledger or evaluation");
  const auto f = parse_archive_format(words[2]);
  if (!f) fail(origin, "header", "unknown format " + shown(words[2]) + "; expected text, binary or xml");
  info.format = *f;
  const std::string_view n = words[3];
  if (n.empty() || n.size() > 15 ||
      std::from_chars(n.data(), n.data() + n.size(), info.payload_size).ptr != n.data() + n.size())
    fail(origin, "header", "the payload size " + shown(n) + " is not a number of bytes");
  if (!words[4].starts_with("sha256=") || words[4].size() != 7 + 64 ||
      words[4].substr(7).find_first_not_of("0123456789abcdef") != std::string_view::npos)
    fail(origin, "header", "expected sha256= and 64 lower-case hex digits, got " + shown(words[4]));
  info.sha256 = std::string(words[4].substr(7));
  if (!words[5].starts_with("qgov=")) fail(origin, "header", "expected qgov=VERSION, got " + shown(words[5]));
  info.written_by = std::string(words[5].substr(5));
  return info;
}

template <class T, class Ar>
T read_payload(Ar& ar, const std::string& origin) {
  if constexpr (std::is_same_v<T, plan>) {
    plan_data d;
    ar >> boost::serialization::make_nvp("plan", d);
    return plan::from_data(std::move(d), origin);  // validated like any plan file: load_error on a problem
  } else if constexpr (std::is_same_v<T, observation_ledger>) {
    observation_ledger l;
    ar >> boost::serialization::make_nvp("ledger", l);
    return l;
  } else {
    evaluation e;
    ar >> boost::serialization::make_nvp("evaluation", e);
    return e;
  }
}

template <class T>
T decode(const archive_info& info, std::string_view payload, const std::string& origin,
         std::optional<archive_format> expected) {
  if (info.kind != kind_of<T>())
    fail(origin, "header", "this archive holds " + std::string(info.kind == "evaluation" ? "an " : "a ") + info.kind +
                               ", not " + (kind_of<T>()[0] == 'e' ? "an " : "a ") + kind_of<T>());
  if (expected && *expected != info.format)
    fail(origin, "header", "this is a " + std::string(to_string(info.format)) + " archive, not " +
                               std::string(to_string(*expected)));
  if (payload.size() < info.payload_size)
    fail(origin, "payload", "truncated: the header announces " + std::to_string(info.payload_size) +
                                " bytes of payload, " + std::to_string(payload.size()) + " follow");
  if (sha256_hex(payload) != info.sha256)
    fail(origin, "payload", "corrupted: the payload's SHA-256 differs from the header's (" + info.sha256.substr(0, 12) +
                                "…); the archive was altered or damaged after it was written");
  return detail::decode_archive_payload<T>(payload, info.format, origin);
}

}  // namespace

namespace detail {

// Boost.Serialization on the payload alone, every failure turned into a load_error (also used by the fuzz target,
// which skips the checksum to reach this code with hostile bytes).
// How this Boost writes the start of an archive, up to the end of its signature ("serialization::archive"): the text
// and binary readers take the signature's length from the input and allocate it before checking anything, so a
// payload must start exactly like this before Boost sees it. (The library version after the signature may differ.)
std::string_view boost_signature_prefix(archive_format format) {
  static const std::array<std::string, 3> prefixes = [] {
    auto cut = [](std::string s) {
      constexpr std::string_view sig = "serialization::archive";
      const auto at = s.find(sig);
      return at == std::string::npos ? std::string() : s.substr(0, at + sig.size());
    };
    std::ostringstream text, binary, xml;
    { boost::archive::text_oarchive a(text); }
    { boost::archive::binary_oarchive a(binary); }
    { boost::archive::xml_oarchive a(xml); }
    return std::array<std::string, 3>{cut(text.str()), cut(binary.str()), cut(xml.str())};
  }();
  return prefixes[static_cast<std::size_t>(format)];
}

template <archivable T>
T decode_archive_payload(std::string_view payload, archive_format format, const std::string& origin) {
  if (!payload.starts_with(boost_signature_prefix(format)))
    fail(origin, "payload", "malformed " + std::string(to_string(format)) +
                                " archive: it does not start with Boost.Serialization's signature as this machine "
                                "writes it (a binary archive from another architecture, or damaged)");
  view_buffer buf(payload.data(), payload.size());
  std::istream is(&buf);
  archive_io::byte_limit = payload.size();
  try {
    switch (format) {
      case archive_format::text: {
        boost::archive::text_iarchive ar(is);
        return read_payload<T>(ar, origin);
      }
      case archive_format::binary: {
        boost::archive::binary_iarchive ar(is);
        return read_payload<T>(ar, origin);
      }
      case archive_format::xml: {
        boost::archive::xml_iarchive ar(is);
        return read_payload<T>(ar, origin);
      }
    }
  } catch (const load_error&) {
    throw;
  } catch (const archive_io::corrupt_payload& e) {
    fail(origin, "payload", std::string("malformed ") + std::string(to_string(format)) + " archive: " + e.what());
  } catch (const boost::archive::archive_exception& e) {
    fail(origin, "payload", std::string("malformed ") + std::string(to_string(format)) +
                                " archive (Boost.Serialization: " + e.what() + ")");
  } catch (const std::bad_alloc&) {
    fail(origin, "payload", "malformed archive: it claims more memory than is available");
  } catch (const std::exception& e) {
    fail(origin, "payload", std::string("malformed ") + std::string(to_string(format)) + " archive (" + e.what() + ")");
  }
  fail(origin, "header", "unknown format");
}

template plan decode_archive_payload<plan>(std::string_view, archive_format, const std::string&);
template observation_ledger decode_archive_payload<observation_ledger>(std::string_view, archive_format,
                                                                       const std::string&);
template evaluation decode_archive_payload<evaluation>(std::string_view, archive_format, const std::string&);

}  // namespace detail

void save_archive(std::ostream& os, const plan& value, archive_format format) { os << archive_bytes(value, format); }
void save_archive(std::ostream& os, const observation_ledger& value, archive_format format) {
  os << archive_bytes(value, format);
}
void save_archive(std::ostream& os, const evaluation& value, archive_format format) {
  os << archive_bytes(value, format);
}

std::string to_archive_bytes(const plan& value, archive_format format) { return archive_bytes(value, format); }
std::string to_archive_bytes(const observation_ledger& value, archive_format format) {
  return archive_bytes(value, format);
}
std::string to_archive_bytes(const evaluation& value, archive_format format) { return archive_bytes(value, format); }

archive_info read_archive_info(std::string_view bytes, std::string origin) {
  if (bytes.empty()) fail(origin, "header", "empty input; expected a qgov archive (\"qgov-archive/1 …\")");
  if (!bytes.starts_with(magic) && !magic.starts_with(bytes))  // name the foreign start, across lines
    parse_header(bytes.substr(0, std::min<std::size_t>(bytes.size(), 64)), origin);
  const std::size_t nl = bytes.substr(0, max_header).find('\n');
  if (nl == std::string_view::npos) {
    if (!bytes.starts_with(magic.substr(0, std::min(bytes.size(), magic.size()))))
      parse_header(bytes.substr(0, std::min<std::size_t>(bytes.size(), max_header)), origin);  // names what it is
    fail(origin, "header", "truncated or foreign: no end of the header line in the first " +
                               std::to_string(std::min(bytes.size(), max_header)) + " bytes");
  }
  return parse_header(bytes.substr(0, nl), origin);
}

template <archivable T>
T from_archive_bytes(std::string_view bytes, std::optional<archive_format> expected, std::string origin) {
  const archive_info info = read_archive_info(bytes, origin);
  const std::string_view payload = bytes.substr(bytes.find('\n') + 1);
  if (const std::size_t extra = payload.size() > info.payload_size ? payload.size() - info.payload_size : 0)
    fail(origin, "payload", std::to_string(extra) + (extra == 1 ? " byte" : " bytes") +
                                " after the end of the archive (the header announces " +
                                std::to_string(info.payload_size) + " bytes of payload)");
  return decode<T>(info, payload, origin, expected);
}

template <archivable T>
T load_archive(std::istream& is, std::string origin, std::optional<archive_format> expected) {
  std::string line;
  for (int c; line.size() < max_header && (c = is.get()) != std::char_traits<char>::eof();) {
    if (c == '\n') break;
    line += static_cast<char>(c);
  }
  if (line.size() >= max_header || !is) {
    if (line.empty()) fail(origin, "header", "empty input; expected a qgov archive (\"qgov-archive/1 …\")");
    parse_header(line, origin);  // a foreign start is named as such
    fail(origin, "header", "truncated or foreign: no end of the header line");
  }
  const archive_info info = parse_header(line, origin);
  // read what the header announces, in pieces: a size claimed by a damaged header allocates nothing in advance
  std::string payload;
  char chunk[65536];
  while (payload.size() < info.payload_size && is) {
    is.read(chunk, static_cast<std::streamsize>(std::min<std::size_t>(sizeof chunk, info.payload_size - payload.size())));
    payload.append(chunk, static_cast<std::size_t>(is.gcount()));
  }
  return decode<T>(info, payload, origin, expected);
}

template <archivable T>
void save_archive_file(const std::filesystem::path& file, const T& value, archive_format format) {
  const std::string bytes = archive_bytes(value, format);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw error("cannot write " + file.string());
}

template <archivable T>
T load_archive_file(const std::filesystem::path& file) {
  // regular files only, within the limit (src/io/input_file.cpp)
  return from_archive_bytes<T>(read_input_file(file, input_limits::archive, "qgov archive"), std::nullopt, file.string());
}

template plan load_archive<plan>(std::istream&, std::string, std::optional<archive_format>);
template observation_ledger load_archive<observation_ledger>(std::istream&, std::string, std::optional<archive_format>);
template evaluation load_archive<evaluation>(std::istream&, std::string, std::optional<archive_format>);
template plan from_archive_bytes<plan>(std::string_view, std::optional<archive_format>, std::string);
template observation_ledger from_archive_bytes<observation_ledger>(std::string_view, std::optional<archive_format>,
                                                                   std::string);
template evaluation from_archive_bytes<evaluation>(std::string_view, std::optional<archive_format>, std::string);
template void save_archive_file<plan>(const std::filesystem::path&, const plan&, archive_format);
template void save_archive_file<observation_ledger>(const std::filesystem::path&, const observation_ledger&,
                                                    archive_format);
template void save_archive_file<evaluation>(const std::filesystem::path&, const evaluation&, archive_format);
template plan load_archive_file<plan>(const std::filesystem::path&);
template observation_ledger load_archive_file<observation_ledger>(const std::filesystem::path&);
template evaluation load_archive_file<evaluation>(const std::filesystem::path&);

}  // namespace qgov
