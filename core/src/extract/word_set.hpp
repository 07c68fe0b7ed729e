// A set of words given as string literals, looked up by string_view without
// a copy. Most tokens are in no list: a word whose length and first byte no
// listed word has is refused before it is hashed.
#pragma once

#include <algorithm>
#include <bitset>
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <unordered_set>

namespace factcard {
namespace detail {

class WordSet {
public:
  WordSet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) insert(w);
  }
  // `word` must outlive the set (a literal, or a key of a static map).
  void insert(std::string_view word) {
    words_.insert(word);
    shapes_.set(shape(word));
  }
  std::size_t count(std::string_view w) const { return shapes_.test(shape(w)) ? words_.count(w) : 0; }

private:
  static std::size_t shape(std::string_view w) {
    return std::min<std::size_t>(w.size(), 31) * 256 + (w.empty() ? 0 : static_cast<unsigned char>(w[0]));
  }
  std::unordered_set<std::string_view> words_; // views of the literals, which live as long as the program
  std::bitset<32 * 256> shapes_;
};

} // namespace detail
} // namespace factcard
