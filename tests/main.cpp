// The test runner's main, alone in its file (doctest's recommended layout).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
