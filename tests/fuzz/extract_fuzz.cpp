// libFuzzer target for the text extractor: qgov::extract on arbitrary bytes, and the draft's writers.
//
// The whole input is the text. Expected outcomes: a draft, or a qgov::load_error (ill-formed UTF-8, GBK mojibake).
// Anything else aborts: another exception type, a sanitizer report, or a broken invariant of the draft —
// every span fits the original text; every quoted text (goal quotes, cells, findings, headings) is exactly the
// original text at its span; every target value is finite; a draft with no sections, lists or targets says so in
// a `missing` finding; the draft's JSON writer runs and its output parses back. The target reader the plan loader
// shares (read_targets) runs on the input's first 4096 bytes: every reading's `stated` is the phrase at its span.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <qgov/extract/extract.hpp>
#include <qgov/extract/target_reading.hpp>

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "\n=== extract_fuzz: %s ===\n%s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

void check_span(std::string_view text, qgov::source_span s, const char* where) {
  if (!s.fits(text.size()))
    fail("span out of the text", std::string(where) + " [" + std::to_string(s.begin) + "," + std::to_string(s.end) +
                                     ") in " + std::to_string(text.size()) + " bytes");
}

void check_quote(std::string_view text, qgov::source_span s, const std::string& quote, const char* where) {
  check_span(text, s, where);
  if (text.substr(s.begin, s.size()) != quote) fail("quote differs from the text at its span", where);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  qgov::plan_draft d;
  try {
    d = qgov::extract(text);
  } catch (const qgov::load_error&) {
    return 0;
  } catch (const std::exception& e) {
    fail("unexpected exception", e.what());
  }
  const auto& p = d.data;
  if (p.source_text != text) fail("source text changed", "");
  check_quote(text, p.document.number.span, p.document.number.text, "document.number");
  check_quote(text, p.document.title.span, p.document.title.text, "document.title");
  check_quote(text, p.document.issued_on_text.span, p.document.issued_on_text.text, "document.issued_on_text");
  check_quote(text, p.document.disclosure.span, p.document.disclosure.text, "document.disclosure");
  check_span(text, p.document.notice_title.span, "document.notice_title");
  for (const auto& s : p.sections) {
    check_quote(text, s.title.span, s.title.text, "section.title");
    check_span(text, s.span, "section.span");
  }
  for (const auto& c : p.clauses) {
    check_quote(text, c.title.span, c.title.text, "clause.title");
    check_span(text, c.span, "clause.span");
  }
  for (const auto& c : p.columns) {
    check_quote(text, c.title.span, c.title.text, "column.title");
    check_span(text, c.span, "column.span");
    for (const auto& it : c.items) check_quote(text, it.title.span, it.title.text, "column item title");
  }
  for (const auto& l : p.responsibility) {
    check_span(text, l.span, "list.span");
    for (const auto& c : l.cells) {
      check_span(text, c.span, "cell.span");
      if (!l.span.contains(c.span)) fail("cell outside its list", "");
    }
  }
  for (const auto& g : p.goals) {
    check_quote(text, g.span, g.quote, "goal.quote");
    if (!g.target) fail("draft goal without a target", g.quote);
    if (!std::isfinite(g.target->value)) fail("target value not finite", g.quote);
  }
  const bool said = qgov::has_missing_parts(d);
  if ((p.goals.empty() || p.responsibility.empty() || (p.sections.empty() && p.clauses.empty())) && !said)
    fail("an empty part without a finding saying so", "");
  const auto phrase = text.substr(0, 4096);
  for (const auto& r : qgov::read_targets(phrase)) {
    check_quote(phrase, r.span, r.stated, "target_reading.stated");
    if (!std::isfinite(r.value)) fail("target reading not finite", r.stated);
  }
  for (const auto& f : d.unclassified) check_quote(text, f.span, f.text, "finding");
  const auto json = qgov::draft_to_json(d);
  if (!nlohmann::json::accept(json)) fail("draft JSON does not parse", json.substr(0, 400));
  (void)qgov::draft_to_text(d);
  return 0;
}
