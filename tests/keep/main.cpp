// The runner of the keep-and-check tests (archives, JSON interchange, scenarios, harness helpers).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
