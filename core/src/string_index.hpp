// A set of strings, each with a number: the loader's one lookup table (ids to
// record indices, keys seen in an object, outlets counted). It replaces
// std::unordered_set and std::unordered_map there: each of their
// instantiations costs the page's wasm module its own code, and together with
// the prime-sized buckets (std::__next_prime) about 4.9 KB
// (tests/bench/perf/NOTES.md). This is one class, compiled once: open
// addressing in a power-of-two table, FNV-1a hashing, lookups in O(1) on
// average like the standard containers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace factcard {
namespace detail {

class StringIndex {
public:
  static constexpr std::size_t none = static_cast<std::size_t>(-1);

  // Adds `key` with `value` unless it is there: true when added, false when
  // it was there (its value is then left as it was).
  bool insert(std::string_view key, std::size_t value = 0);
  // The value of `key`, or `none`.
  std::size_t find(std::string_view key) const;
  bool contains(std::string_view key) const { return find(key) != none; }
  std::size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }
  void clear();
  void reserve(std::size_t count);

private:
  // The slot of `key` in slots_: where it is, else the empty slot it would take.
  std::size_t slot_of(std::string_view key, std::uint32_t hash) const;
  void grow(std::size_t capacity);

  std::vector<std::string> keys_;     // in the order added
  std::vector<std::size_t> values_;   // values_[i] is keys_[i]'s
  std::vector<std::uint32_t> hashes_; // hashes_[i] is keys_[i]'s
  std::vector<std::uint32_t> slots_;  // 0 empty, else 1 + an index into keys_
};

} // namespace detail
} // namespace factcard
