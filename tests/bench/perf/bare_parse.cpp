// The baseline of the core-throughput benchmark: read a file and parse it into an nlohmann/json
// DOM (the ordered_json the core uses), nothing else. Built by bench.mjs with
//   g++ -O2 -std=c++17 tests/bench/perf/bare_parse.cpp -o build/bench/bare_parse
// and timed exactly like `factcard build` (tests/bench/perf/measure.cpp).
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: bare_parse FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "bare_parse: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  nlohmann::ordered_json dom = nlohmann::ordered_json::parse(text, nullptr, false);
  if (dom.is_discarded()) {
    std::cerr << "bare_parse: invalid JSON\n";
    return 1;
  }
  std::printf("%zu top-level members\n", dom.size()); // keeps the parse observable
  return 0;
}
