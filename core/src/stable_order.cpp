#include "stable_order.hpp"

namespace factcard {
namespace detail {

std::vector<std::size_t> stable_order(const std::vector<std::int64_t> &keys) {
  // A bottom-up merge sort of the indices, which is stable by itself: runs
  // of 1, 2, 4... merged pairwise, a later index taken first only when its
  // key is smaller. Written out rather than std::sort or std::stable_sort,
  // whose templates cost the page's wasm module 2.3 KB of code
  // (tests/bench/perf/NOTES.md); O(n log n) all the same.
  std::size_t n = keys.size();
  std::vector<std::size_t> order(n), merged(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t low = 0; low < n; low += 2 * width) {
      std::size_t mid = low + width < n ? low + width : n;
      std::size_t high = mid + width < n ? mid + width : n;
      std::size_t a = low, b = mid, out = low;
      while (a < mid || b < high) {
        bool take_b = a == mid || (b < high && keys[order[b]] < keys[order[a]]);
        merged[out++] = take_b ? order[b++] : order[a++];
      }
    }
    order.swap(merged);
  }
  return order;
}

} // namespace detail
} // namespace factcard
