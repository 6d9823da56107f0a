// qgov_include.cpp — the umbrella header and nothing else: what a host pays just for including qgov.
#include <qgov/qgov.hpp>

int main() { return 0; }
