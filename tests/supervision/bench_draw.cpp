// Timing driver for docs/benchmarks.md (not part of the build): loads a directory and roster, runs the draw.
// g++ -std=c++20 -O2 -DNDEBUG -Iinclude -Isrc tests/supervision/bench_draw.cpp src/supervision/directory_io.cpp \
//     src/supervision/draw.cpp src/core/sha256.cpp src/io/input_file.cpp src/core/source_span.cpp -o /tmp/bench_draw
#include <chrono>
#include <cstdio>
#include <qgov/core/sha256.hpp>
#include <qgov/io/input_file.hpp>
#include <qgov/supervision/directory_io.hpp>
#include <qgov/supervision/draw.hpp>
using namespace qgov; using namespace qgov::supervision;
int main(int argc, char** argv) {
  auto t0 = std::chrono::steady_clock::now();
  draw_input in;
  const auto et = read_input_file(argv[1], input_limits::supervision, "enterprises"),
             it = read_input_file(argv[2], input_limits::supervision, "inspectors");
  in.enterprises = parse_enterprises_csv(et, in.scheme, argv[1]);
  in.inspectors = parse_inspectors_csv(it, argv[2]);
  in.inputs = {{"enterprises", "e", sha256_hex(et)}, {"inspectors", "i", sha256_hex(it)}};
  auto t1 = std::chrono::steady_clock::now();
  const auto r = run_draw(in, {}, std::stoull(argv[3]), *period::parse("2025-Q1"), date(2025, 1, 2));
  auto t2 = std::chrono::steady_clock::now();
  std::printf("load+digest %.3f s, classify+draw %.3f s, %zu objects; first %s\n",
              std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count(),
              r.objects.size(), r.objects.front().id.str().c_str());
}
