// The embedded default plan: parsed from the plan file compiled into the library, with the same validation as any file.
#include <qgov/plans/dongli_2024.hpp>

#include <qgov/io/plan_json.hpp>

namespace qgov::inline QGOV_ABI::detail {
std::string_view embedded_dongli_2024_plan();
std::string_view embedded_dongli_2024_source();
std::string_view embedded_dongli_2024_plan_name();
std::string_view embedded_dongli_2024_sample();
}  // namespace qgov::detail

namespace qgov::inline QGOV_ABI::plans {

const plan& dongli_2024() {
  // A magic static: thread-safe initialisation; if validation ever failed, every call would rethrow the same error.
  static const plan p = parse_plan(detail::embedded_dongli_2024_plan(), std::string(detail::embedded_dongli_2024_source()),
                                   "<embedded " + std::string(detail::embedded_dongli_2024_plan_name()) + ">");
  return p;
}

std::string_view dongli_2024_plan_file() { return detail::embedded_dongli_2024_plan(); }

std::string_view dongli_2024_source_text() { return detail::embedded_dongli_2024_source(); }

std::string_view dongli_2024_sample_csv() { return detail::embedded_dongli_2024_sample(); }

}  // namespace qgov::plans
