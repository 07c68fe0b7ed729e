// Stable sorting by an integer key, through one shared sort: the loader
// sorts several lists (problems by position, ids by record, updates newest
// first), and one std::stable_sort per list costs the page's wasm module
// about 2 KB of code each (tests/bench/perf/NOTES.md).
#pragma once

#include "factcard/story.hpp"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace factcard {
namespace detail {

// The indices of `keys` in ascending order of key, equal keys in their
// original order.
std::vector<std::size_t> stable_order(const std::vector<std::int64_t> &keys);

// Sorts `items` by key(item) ascending, keeping the order of equal keys, as
// std::stable_sort with `key(a) < key(b)` would.
template <class T, class Key> void stable_sort_by(std::vector<T> &items, Key key) {
  if (items.size() < 2) return;
  std::vector<std::int64_t> keys;
  keys.reserve(items.size());
  for (const T &item : items) keys.push_back(key(item));
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (std::size_t i : stable_order(keys)) sorted.push_back(std::move(items[i]));
  items.swap(sorted);
}

// A key for stable_sort_by that puts updates in the order of `newer`, as a
// card shows them (month <= 12 and day <= 31, so the digits do not overlap).
inline std::int64_t newer_first(const Update &update) {
  const Date &d = update.date;
  return -(std::int64_t(d.year) * 10000 + d.month * 100 + d.day);
}

} // namespace detail
} // namespace factcard
