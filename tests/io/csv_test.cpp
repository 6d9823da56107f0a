// qgov/io/csv.hpp: the one quoting rule of every CSV qgov writes (RFC 4180).
#include <qgov/io/csv.hpp>

#include <doctest/doctest.h>

using qgov::csv_field;

TEST_CASE("a field is quoted only when it must be, and its quotes are doubled") {
  CHECK(csv_field("") == "");
  CHECK(csv_field("区市场监管局") == "区市场监管局");
  CHECK(csv_field("98.3") == "98.3");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"yes\"") == "\"say \"\"yes\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\r") == "\"cr\r\"");  // a lone CR is quoted too (the CLI's copy once forgot it)
  CHECK(csv_field("，全角逗号") == "，全角逗号");  // a full-width comma is text, not a separator
}
