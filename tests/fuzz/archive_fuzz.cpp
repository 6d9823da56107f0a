// libFuzzer target for archive loading: Boost.Serialization text and binary archives of plans, ledgers and
// evaluations, behind qgov's guards (tests/fuzz/README.md).
//
// Input encoding: the first byte is a mode byte, the rest is the payload.
//   mode % 3          -> what is loaded: 0 plan, 1 ledger, 2 evaluation
//   (mode / 3) % 2    -> format: 0 text, 1 binary
//   (mode / 6) % 4 == 3 -> the payload is a whole qgov archive (envelope line + payload) for from_archive_bytes;
//                        otherwise it is the Boost archive alone, given to detail::decode_archive_payload (the
//                        loader past the envelope's size and checksum checks: what a crafted archive reaches).
//
// Expected outcomes: a value, or a qgov::load_error. Anything else aborts: another exception, a sanitizer report,
// an allocation beyond libFuzzer's limit, or an unstable round trip (what loaded, written again and loaded again,
// must write the same bytes).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

#include <cxxabi.h>

#include <qgov/io/archive.hpp>

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "\n=== archive_fuzz: %s ===\n%s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

template <class T>
void run(std::string_view payload, qgov::archive_format format, bool envelope) {
  T value = envelope ? qgov::from_archive_bytes<T>(payload)
                     : qgov::detail::decode_archive_payload<T>(payload, format, "<fuzz>");
  const std::string once = qgov::to_archive_bytes(value, format);
  const std::string twice = qgov::to_archive_bytes(qgov::from_archive_bytes<T>(once), format);
  if (once != twice) fail("unstable round trip", "the archive of a loaded value does not load to the same value");
  if (std::getenv("QGOV_FUZZ_VERBOSE")) std::fprintf(stderr, "loaded; %zu bytes written back\n", once.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned mode = data[0];
  const std::string_view payload(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto format = (mode / 3) % 2 == 0 ? qgov::archive_format::text : qgov::archive_format::binary;
  const bool envelope = (mode / 6) % 4 == 3;
  try {
    switch (mode % 3) {
      case 0: run<qgov::plan>(payload, format, envelope); break;
      case 1: run<qgov::observation_ledger>(payload, format, envelope); break;
      default: run<qgov::evaluation>(payload, format, envelope); break;
    }
  } catch (const qgov::load_error& e) {
    if (std::getenv("QGOV_FUZZ_VERBOSE")) std::fprintf(stderr, "refused: %s\n", e.what());
  } catch (const std::exception& e) {
    int status = 0;
    char* name = abi::__cxa_demangle(typeid(e).name(), nullptr, nullptr, &status);
    fail("unexpected exception", std::string(status == 0 && name ? name : typeid(e).name()) + ": " + e.what());
  } catch (...) {
    fail("unexpected exception", "not derived from std::exception");
  }
  return 0;
}
