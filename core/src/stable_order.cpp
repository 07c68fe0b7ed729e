#include "stable_order.hpp"

#include <algorithm>

namespace factcard {
namespace detail {

std::vector<std::size_t> stable_order(const std::vector<std::int64_t> &keys) {
  // (key, index) pairs are all distinct, so an unstable sort of them keeps
  // equal keys in their original order.
  std::vector<std::pair<std::int64_t, std::size_t>> pairs;
  pairs.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) pairs.emplace_back(keys[i], i);
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::size_t> order;
  order.reserve(pairs.size());
  for (const auto &pair : pairs) order.push_back(pair.second);
  return order;
}

} // namespace detail
} // namespace factcard
