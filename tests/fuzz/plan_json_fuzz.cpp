// libFuzzer target for the plan-file parser: qgov::parse_plan (JSON reader + validation against the source text).
//
// Input encoding: the first byte is a mode byte, the rest is the payload.
//   mode % 8 != 0  -> JSON mode: the payload is the plan JSON, checked against the real Dongli source text.
//                     Bits 4-5 of the mode byte pick plan_load_options::convention:
//                     0 none, 1 first_listed_leads, 2 all_responsible, 3 explicit_roles.
//                     e.g. 'J' (0x4A) = JSON mode, no convention override.
//   mode % 8 == 0  -> source mode: the payload is the source text, checked against the real Dongli plan JSON.
//                     Bit 3 clear ('@', 0x40): the plan with its "sha256" set to the digest of the fuzzed text, so
//                     spans/quotes decide alone and a mutated text can still load; bit 3 set ('H', 0x48): the plan
//                     file byte for byte (any change to the text fails the digest check).
//
// Expected outcomes: a plan, or a qgov::error. Anything else aborts: another exception type, a sanitizer
// report, or a failed round trip (parse_plan(to_json(p), p.source_text()) must give back equal data).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>

#include <cxxabi.h>

#include <qgov/core/sha256.hpp>
#include <qgov/io/plan_json.hpp>
#include <qgov/plans/dongli_2024.hpp>

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "\n=== plan_json_fuzz: %s ===\n%s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

// The real plan file with the value of "source"/"sha256" replaced by `digest` (a plain text edit: the key occurs
// once, and a SHA-256 is 64 hex digits, so the digest sits at a fixed place).
std::string plan_with_sha(std::string_view digest) {
  static const std::string plan(qgov::plans::dongli_2024_plan_file());
  static const std::size_t at = [] {
    const std::string key = "\"sha256\"";
    const auto k = plan.find(key);
    const auto open = k == std::string::npos ? k : plan.find('"', k + key.size());
    if (open == std::string::npos || open + 65 >= plan.size() || plan[open + 65] != '"') {
      std::fprintf(stderr, "plan_json_fuzz: cannot find the sha256 value in the embedded plan\n");
      std::abort();
    }
    return open + 1;
  }();
  std::string s = plan;
  s.replace(at, 64, digest);
  return s;
}

// QGOV_FUZZ_VERBOSE=1 prints each input's outcome (for triage: ./plan_json_fuzz file...).
bool verbose() {
  static const bool v = std::getenv("QGOV_FUZZ_VERBOSE") != nullptr;
  return v;
}

std::string type_of(const std::exception& e) {
  int status = 0;
  char* name = abi::__cxa_demangle(typeid(e).name(), nullptr, nullptr, &status);
  std::string out = status == 0 && name ? name : typeid(e).name();
  std::free(name);
  return out;
}

std::optional<qgov::role_convention> convention_of(std::uint8_t mode) {
  switch ((mode >> 4) & 3) {
    case 1: return qgov::role_convention::first_listed_leads;
    case 2: return qgov::role_convention::all_responsible;
    case 3: return qgov::role_convention::explicit_roles;
    default: return std::nullopt;
  }
}

// Names the parts of two plans that differ, so that a round-trip failure says where without a 50 KB dump.
std::string differences(const qgov::plan_data& a, const qgov::plan_data& b) {
  std::string out;
  auto note = [&out](bool same, const std::string& what) {
    if (!same) out += "  differs: " + what + "\n";
  };
  note(a.id == b.id, "id");
  note(a.format_version == b.format_version, "qgov_plan (format_version)");
  note(a.source == b.source, "source {path, sha256}");
  note(a.source_text == b.source_text, "source_text");
  const auto& da = a.document;
  const auto& db = b.document;
  note(da.title == db.title, "document/title");
  note(da.notice_title == db.notice_title, "document/notice_title");
  note(da.number == db.number, "document/number");
  note(da.issuer == db.issuer, "document/issuer");
  note(da.issued_on_text == db.issued_on_text, "document/issued_on_text");
  note(da.issued_on == db.issued_on, "document/issued_on");
  note(da.disclosure == db.disclosure, "document/disclosure");
  note(da.title_en == db.title_en, "document/title_en");
  note(da == db, "document (as a whole)");
  auto seq = [&note](const auto& x, const auto& y, const std::string& name) {
    if (x.size() != y.size()) return note(false, name + " (count " + std::to_string(x.size()) + " vs " + std::to_string(y.size()) + ")");
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!(x[i] == y[i])) note(false, name + "/" + std::to_string(i));
  };
  seq(a.sections, b.sections, "sections");
  seq(a.clauses, b.clauses, "clauses");
  seq(a.columns, b.columns, "columns");
  seq(a.units, b.units, "units");
  note(a.convention == b.convention, "responsibility/convention");
  seq(a.responsibility, b.responsibility, "responsibility/lists");
  seq(a.goals, b.goals, "goals");
  return out.empty() ? "  (no field-level difference found)\n" : out;
}

void round_trip(const qgov::plan& p) {
  const std::string written = qgov::to_json(p);
  std::optional<qgov::plan> again;
  try {
    again.emplace(qgov::parse_plan(written, std::string(p.source_text()), "<round trip>"));
  } catch (const qgov::error& e) {
    fail("round trip: to_json output does not load", e.what());
  }
  if (!(again->data() == p.data()))
    fail("round trip: re-parsed plan differs from the original", differences(p.data(), again->data()));
  if (qgov::to_json(*again) != written) fail("round trip: to_json(parse_plan(to_json(p))) != to_json(p)", "");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Load the embedded plan and text once, outside the measured runs.
  (void)qgov::plans::dongli_2024_source_text();
  (void)plan_with_sha(qgov::sha256_hex(qgov::plans::dongli_2024_source_text()));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const std::string_view payload(reinterpret_cast<const char*>(data + 1), size - 1);

  std::string_view json;
  std::string owned_json;
  std::string source;
  qgov::plan_load_options options;
  if (mode % 8 != 0) {
    json = payload;
    source = std::string(qgov::plans::dongli_2024_source_text());
    options.convention = convention_of(mode);
  } else {
    source = std::string(payload);
    if (mode & 0x08) {
      json = qgov::plans::dongli_2024_plan_file();
    } else {
      owned_json = plan_with_sha(qgov::sha256_hex(source));
      json = owned_json;
    }
  }

  std::optional<qgov::plan> p;
  try {
    p.emplace(qgov::parse_plan(json, std::move(source), "<fuzz>", options));
  } catch (const qgov::error& e) {
    if (verbose()) std::fprintf(stderr, "plan_json_fuzz: rejected (qgov::error): %s\n", e.what());
    return 0;  // a rejected input: the expected outcome for almost everything
  } catch (const std::exception& e) {
    fail("parse_plan threw a non-qgov exception", type_of(e) + ": " + e.what());
  } catch (...) {
    fail("parse_plan threw a non-std exception", "(unknown type)");
  }
  if (verbose()) std::fprintf(stderr, "plan_json_fuzz: loaded plan \"%s\" (%zu goals); checking the round trip\n",
                              p->id().str().c_str(), p->goals().size());
  try {
    round_trip(*p);
  } catch (const std::exception& e) {
    fail("round trip threw", type_of(e) + ": " + e.what());
  }
  return 0;
}
