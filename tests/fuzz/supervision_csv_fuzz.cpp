// libFuzzer target: the supervision files (enterprise directory, roster, calendar, scheme JSON, inspection results)
// and, when a directory reads, its classification and a draw rendered as JSON and Markdown. The first byte picks
// the reader. Any input must give a value or a qgov::error; anything else (a crash, UB, another exception) is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <qgov/core/error.hpp>
#include <qgov/supervision/directory_io.hpp>
#include <qgov/supervision/draw.hpp>
#include <qgov/supervision/publication.hpp>

using namespace qgov;
using namespace qgov::supervision;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const credit_scheme tj = credit_scheme::tianjin_2017();
  try {
    switch (data[0] % 6) {
      case 0: {
        const auto es = parse_enterprises_csv(text, data[0] & 0x80 ? credit_scheme::national_2022() : tj);
        (void)classifications_to_json(es, tj);
        (void)classifications_to_csv(es, tj);
        break;
      }
      case 1: (void)parse_inspectors_csv(text); break;
      case 2: (void)parse_calendar_csv(text); break;
      case 3: (void)classify(enterprise{}, parse_scheme_json(text)); break;
      case 4: {
        draw_input in;
        in.enterprises = parse_enterprises_csv(text, tj);
        in.inspectors = parse_inspectors_csv("id,name\nP1,甲\nP2,乙\nP3,丙\n");
        draw_parameters p;
        p.timing = timing_policy::record_only;
        p.strata[0] = {1, 2, 30};
        const auto r = run_draw(in, p, size, *period::parse("2025-Q1"), date(2025, 1, 2));
        (void)draw_to_json(r);
        (void)draw_to_markdown(r);
        break;
      }
      case 5: {  // results, published with a fixed draw
        draw_input in;
        in.enterprises = parse_enterprises_csv("id,name,lists\nX1,甲,dishonest_debtor\nX2,乙,dishonest_debtor\n", tj);
        in.inspectors = parse_inspectors_csv("id,name\nP1,甲\nP2,乙\n");
        const auto r = run_draw(in, {}, 1, *period::parse("2025-Q1"), date(2025, 1, 2));
        publication_options o;
        o.results = parse_results_csv(text);
        (void)draw_to_json(r, o);
        (void)draw_to_markdown(r, o);
        break;
      }
    }
  } catch (const qgov::error&) {
  }
  return 0;
}
