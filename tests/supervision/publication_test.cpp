// What is published: clause （二十七） as the draw record cites it, and classifications of a directory as text, CSV
// and JSON (the same figures `qgov classify` prints, CTest supervision.cli_classify_*).
#include <qgov/supervision/publication.hpp>

#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include <qgov/plans/dongli_2024.hpp>
#include <qgov/supervision/directory_io.hpp>

#include "../test_support.hpp"

using namespace qgov;
using namespace qgov::supervision;

namespace {

const std::vector<enterprise>& sample_directory() {
  static const auto es = parse_enterprises_csv(test::read(test::repo("examples/supervision/enterprises.csv")),
                                               credit_scheme::tianjin_2017(), "enterprises.csv");
  return es;
}

}  // namespace

TEST_CASE("clause （二十七） of 东丽政发〔2024〕5号, its span the clause's bytes in the embedded text") {
  const auto c = dongli_clause_27();
  CHECK(c.plan == "dongli-2024");
  CHECK(c.document == "东丽政发〔2024〕5号");
  CHECK(c.clause == 27);
  CHECK(c.title == "优化质量监管效能");
  const auto text = plans::dongli_2024().source_text().substr(c.span.begin, c.span.size());
  CHECK(text.rfind("（二十七）", 0) == 0);
  REQUIRE_FALSE(c.excerpt.empty());
  CHECK(text.find(c.excerpt) != std::string_view::npos);  // the first sentence after the title, verbatim
  CHECK(c.excerpt.size() >= 3);
  CHECK(c.excerpt.substr(c.excerpt.size() - 3) == "。");
}

TEST_CASE("classifications as text: a line per enterprise, its reasons, and the counts per class") {
  const auto s = classifications_to_text(sample_directory(), credit_scheme::tianjin_2017());
  CHECK(s.rfind("Credit-risk classes under tianjin-2017 (", 0) == 0);
  CHECK(s.find("良好 20, 警示 10, 失信 6, 严重失信 4 (40 enterprises; * decisive reason)") != std::string::npos);
  CHECK(s.find("罚没款累计500000.01元，超过500000.00元，为严重失信") != std::string::npos);
}

TEST_CASE("classifications as CSV: the header, then id,name,class,level,triggers,reasons per enterprise") {
  const auto s = classifications_to_csv(sample_directory(), credit_scheme::tianjin_2017());
  CHECK(s.rfind("id,name,class,level,triggers,reason_zh,reason_en\n", 0) == 0);
  const auto row = s.find("\nDL0024,");
  REQUIRE(row != std::string::npos);
  const auto line = s.substr(row + 1, s.find('\n', row + 1) - row - 1);
  CHECK(line.find(",警示,general,penalty_record,") != std::string::npos);
  std::size_t lines = 0;
  for (char ch : s) lines += ch == '\n';
  CHECK(lines >= 41);  // header + 40 enterprises (a quoted reason may hold no newline of its own)
}

TEST_CASE("classifications as JSON: the scheme, its settings, and each enterprise's class with its reasons") {
  const auto j = nlohmann::json::parse(classifications_to_json(sample_directory(), credit_scheme::tianjin_2017()));
  CHECK(j.at("format") == "qgov-classification/1");
  CHECK(j.at("scheme") == "tianjin-2017");
  REQUIRE(j.at("enterprises").size() == 40);
  std::size_t severe = 0;
  for (const auto& e : j.at("enterprises")) {
    if (e.at("class") == "严重失信") {
      ++severe;
      CHECK(e.at("level") == "high");
      CHECK_FALSE(e.at("reasons").empty());
    }
    if (e.at("id") == "DL0038") CHECK(e.at("class") == "严重失信");
  }
  CHECK(severe == 4);
}
