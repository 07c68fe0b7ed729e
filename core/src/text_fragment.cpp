#include "factcard/text_fragment.hpp"

#include <cstddef>
#include <vector>

namespace factcard {
namespace {

// An excerpt up to this many words is matched whole; a longer one by its edges.
constexpr std::size_t whole_up_to = 8;
constexpr std::size_t edge_words = 4;
constexpr std::size_t context_words = 3;

// The same whitespace as fragment.mjs: ASCII only, so both split alike.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && is_space(text[at])) ++at;
    std::size_t start = at;
    while (at < text.size() && !is_space(text[at])) ++at;
    if (at > start) words.push_back(text.substr(start, at - start));
  }
  return words;
}

// Words [from, to) joined by single spaces, percent-encoded.
std::string encoded(const std::vector<std::string_view> &words, std::size_t from, std::size_t to) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) out += "%20";
    for (char ch : words[i]) {
      unsigned char c = static_cast<unsigned char>(ch);
      bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '~';
      if (unreserved) {
        out += ch;
      } else {
        out += '%';
        out += hex[c >> 4];
        out += hex[c & 0xF];
      }
    }
  }
  return out;
}

} // namespace

std::string text_fragment_url(std::string_view url, std::string_view excerpt, TextContext context) {
  const std::vector<std::string_view> words = words_of(excerpt);
  if (words.empty()) return std::string(url);
  std::string out(url.substr(0, url.find('#')));
  out += "#:~:text=";
  const std::vector<std::string_view> before = words_of(context.prefix), after = words_of(context.suffix);
  if (!before.empty()) {
    out += encoded(before, before.size() > context_words ? before.size() - context_words : 0, before.size());
    out += "-,";
  }
  if (words.size() <= whole_up_to) {
    out += encoded(words, 0, words.size());
  } else {
    out += encoded(words, 0, edge_words);
    out += ',';
    out += encoded(words, words.size() - edge_words, words.size());
  }
  if (!after.empty()) {
    out += ",-";
    out += encoded(after, 0, after.size() < context_words ? after.size() : context_words);
  }
  return out;
}

} // namespace factcard
