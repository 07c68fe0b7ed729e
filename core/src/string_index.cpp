#include "string_index.hpp"

namespace factcard {
namespace detail {
namespace {

std::uint32_t hash_of(std::string_view key) {
  std::uint32_t hash = 2166136261u;
  for (char c : key) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash;
}

} // namespace

std::size_t StringIndex::slot_of(std::string_view key, std::uint32_t hash) const {
  std::size_t mask = slots_.size() - 1;
  // Linear probing: the table is at most half full, so an empty slot ends every walk.
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    std::uint32_t entry = slots_[at];
    if (!entry || (hashes_[entry - 1] == hash && keys_[entry - 1] == key)) return at;
  }
}

void StringIndex::grow(std::size_t capacity) {
  slots_.assign(capacity, 0);
  for (std::size_t i = 0; i < keys_.size(); ++i)
    slots_[slot_of(keys_[i], hashes_[i])] = static_cast<std::uint32_t>(i + 1);
}

void StringIndex::reserve(std::size_t count) {
  std::size_t capacity = 16;
  while (capacity < 2 * count) capacity *= 2;
  if (capacity > slots_.size()) grow(capacity);
}

bool StringIndex::insert(std::string_view key, std::size_t value) {
  if (2 * (keys_.size() + 1) > slots_.size()) reserve(keys_.size() + 1);
  std::uint32_t hash = hash_of(key);
  std::size_t at = slot_of(key, hash);
  if (slots_[at]) return false;
  keys_.emplace_back(key);
  values_.push_back(value);
  hashes_.push_back(hash);
  slots_[at] = static_cast<std::uint32_t>(keys_.size());
  return true;
}

std::size_t StringIndex::find(std::string_view key) const {
  if (slots_.empty()) return none;
  std::uint32_t entry = slots_[slot_of(key, hash_of(key))];
  return entry ? values_[entry - 1] : none;
}

void StringIndex::clear() {
  keys_.clear();
  values_.clear();
  hashes_.clear();
  slots_.clear();
}

} // namespace detail
} // namespace factcard
