// The loader's own lookup table and stable sort (core/src/string_index.hpp,
// core/src/stable_order.hpp), which stand in for std::unordered_* and
// std::stable_sort to keep the page's wasm module small: they must answer as
// those would.
#include "../../core/src/stable_order.hpp"
#include "../../core/src/string_index.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

using factcard::detail::stable_order;
using factcard::detail::StringIndex;

TEST_CASE("StringIndex: the first value of a key stays, lookups after many growths") {
  StringIndex index;
  CHECK(index.empty());
  CHECK(index.find("a") == StringIndex::none);
  for (std::size_t i = 0; i < 5000; ++i) CHECK(index.insert("id-" + std::to_string(i), i));
  CHECK(index.size() == 5000);
  for (std::size_t i = 0; i < 5000; ++i) CHECK(index.find("id-" + std::to_string(i)) == i);
  CHECK_FALSE(index.insert("id-7", 99));
  CHECK(index.find("id-7") == 7);
  CHECK_FALSE(index.contains("id-5000"));
  CHECK(index.insert("", 3)); // the empty string is a key like any other
  CHECK(index.find("") == 3);
  CHECK(index.insert(std::string("a\0b", 3), 4)); // so is one holding NUL
  CHECK(index.find(std::string("a\0c", 3)) == StringIndex::none);
  index.clear();
  CHECK(index.empty());
  CHECK_FALSE(index.contains("id-1"));
  CHECK(index.insert("id-1", 1));
  CHECK(index.find("id-1") == 1);
}

TEST_CASE("stable_order: ascending keys, equal keys in their original order, as std::stable_sort") {
  for (std::size_t n : {0u, 1u, 2u, 3u, 7u, 8u, 9u, 100u, 1025u}) {
    std::vector<std::int64_t> keys;
    std::uint32_t seed = 12345;
    for (std::size_t i = 0; i < n; ++i) {
      seed = seed * 1103515245u + 12345u;
      keys.push_back(static_cast<std::int64_t>(seed >> 16) % 10 - 5); // many equal keys, some negative
    }
    std::vector<std::size_t> want(n);
    for (std::size_t i = 0; i < n; ++i) want[i] = i;
    std::stable_sort(want.begin(), want.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    CHECK(stable_order(keys) == want);
  }
}
