// qgov/io/archive.hpp — versioned archives (Boost.Serialization text, binary, XML) of plans, ledgers and evaluations.
#pragma once

#include <qgov/version.hpp>

#include <concepts>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include <qgov/core/enum_names.hpp>
#include <qgov/eval/evaluation.hpp>
#include <qgov/eval/observation.hpp>
#include <qgov/plan/plan.hpp>

namespace qgov::inline QGOV_ABI {

/// The Boost.Serialization archive inside a qgov archive. `text` and `xml` are portable across machines and are the
/// long-term contract (qgov keeps reading them); `binary` is fast but tied to the writer's architecture (byte order,
/// `sizeof(long)`): use it for caches and pickling on one machine, not for storage. See docs/interchange.md.
enum class archive_format { text, binary, xml };

inline constexpr std::array<enum_name<archive_format>, 3> archive_format_names{
    {{archive_format::text, "text"}, {archive_format::binary, "binary"}, {archive_format::xml, "xml"}}};

[[nodiscard]] constexpr std::string_view to_string(archive_format f) noexcept { return name_in(archive_format_names, f); }

[[nodiscard]] constexpr std::optional<archive_format> parse_archive_format(std::string_view s) noexcept {
  return value_in(archive_format_names, s);
}

/// The version of the qgov envelope (the header line before the Boost archive); readers refuse newer ones.
inline constexpr int archive_envelope_version = 1;

/// What qgov can archive: a plan (stored as its `plan_data`, validated again on load), a ledger, an evaluation.
template <class T>
concept archivable = std::same_as<T, plan> || std::same_as<T, observation_ledger> || std::same_as<T, evaluation>;

/// What a qgov archive's header line says: `qgov-archive/1 plan text 1234 sha256=… qgov=0.1.0`.
struct archive_info {
  int envelope_version = archive_envelope_version;
  std::string kind;          ///< "plan", "ledger" or "evaluation"
  archive_format format = archive_format::text;
  std::size_t payload_size = 0;
  std::string sha256;        ///< of the payload, lower-case hex
  std::string written_by;    ///< the qgov version that wrote it
  friend bool operator==(const archive_info&, const archive_info&) = default;
};

/// Writes `value` to `os` as a qgov archive: the header line, then the Boost.Serialization archive.
void save_archive(std::ostream& os, const plan& value, archive_format format);
void save_archive(std::ostream& os, const observation_ledger& value, archive_format format);
void save_archive(std::ostream& os, const evaluation& value, archive_format format);

/// Reads one qgov archive of a `T` from `is` (the format is read from the header; `expected`, when given, must
/// match). Truncated, corrupted or foreign input throws `load_error` naming `origin` and what is wrong; a plan is
/// validated as `load_plan` would. Reads exactly the archive's bytes: what follows stays in the stream.
template <archivable T>
[[nodiscard]] T load_archive(std::istream& is, std::string origin = "<archive>",
                             std::optional<archive_format> expected = std::nullopt);

/// The archive as bytes (for Python pickling, databases, caches).
[[nodiscard]] std::string to_archive_bytes(const plan& value, archive_format format);
[[nodiscard]] std::string to_archive_bytes(const observation_ledger& value, archive_format format);
[[nodiscard]] std::string to_archive_bytes(const evaluation& value, archive_format format);

/// Reads an archive from bytes; as `load_archive`, and bytes after the archive are an error.
template <archivable T>
[[nodiscard]] T from_archive_bytes(std::string_view bytes, std::optional<archive_format> expected = std::nullopt,
                                   std::string origin = "<bytes>");

/// Writes / reads an archive file (the format of a file being read comes from its header).
template <archivable T>
void save_archive_file(const std::filesystem::path& file, const T& value, archive_format format);
template <archivable T>
[[nodiscard]] T load_archive_file(const std::filesystem::path& file);

/// Reads only the header line of an archive (no payload check); throws `load_error` if it is not a qgov archive.
[[nodiscard]] archive_info read_archive_info(std::string_view bytes, std::string origin = "<bytes>");

namespace detail {
/// Boost.Serialization on a payload alone, without the envelope's checks (for the fuzz target); load_error on failure.
template <archivable T>
[[nodiscard]] T decode_archive_payload(std::string_view payload, archive_format format, const std::string& origin);
}  // namespace detail

extern template plan load_archive<plan>(std::istream&, std::string, std::optional<archive_format>);
extern template observation_ledger load_archive<observation_ledger>(std::istream&, std::string,
                                                                    std::optional<archive_format>);
extern template evaluation load_archive<evaluation>(std::istream&, std::string, std::optional<archive_format>);
extern template plan from_archive_bytes<plan>(std::string_view, std::optional<archive_format>, std::string);
extern template observation_ledger from_archive_bytes<observation_ledger>(std::string_view,
                                                                          std::optional<archive_format>, std::string);
extern template evaluation from_archive_bytes<evaluation>(std::string_view, std::optional<archive_format>, std::string);
extern template void save_archive_file<plan>(const std::filesystem::path&, const plan&, archive_format);
extern template void save_archive_file<observation_ledger>(const std::filesystem::path&, const observation_ledger&,
                                                           archive_format);
extern template void save_archive_file<evaluation>(const std::filesystem::path&, const evaluation&, archive_format);
extern template plan load_archive_file<plan>(const std::filesystem::path&);
extern template observation_ledger load_archive_file<observation_ledger>(const std::filesystem::path&);
extern template evaluation load_archive_file<evaluation>(const std::filesystem::path&);

}  // namespace qgov
