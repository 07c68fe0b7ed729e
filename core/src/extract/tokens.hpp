// Words with their byte offsets, and sentence bounds: what the extractors
// match their patterns against.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factcard {
namespace detail {

// A token's text: a std::string whose comparison with a string literal
// ("said", ",") is inline, a length check and a memcmp of known size. The
// extractors compare every token with many literals.
struct TokenText : std::string {
  TokenText() = default;
  explicit TokenText(std::string s) : std::string(std::move(s)) {}
};
template <std::size_t N> bool operator==(const TokenText &w, const char (&literal)[N]) {
  return std::string_view(w) == std::string_view(literal, N - 1);
}
template <std::size_t N> bool operator!=(const TokenText &w, const char (&literal)[N]) { return !(w == literal); }

struct Token {
  std::size_t begin = 0, end = 0; // byte offsets in the text
  TokenText text;                 // as written
  TokenText lower;                // ASCII lower case
  bool word = false;              // letters or digits; else one punctuation mark
  bool capitalized = false;       // starts with an upper-case letter (Latin or Cyrillic)
  bool number = false;            // digits only
};

// Splits text into words (letters, digits, inner apostrophes, hyphens and
// periods of abbreviations such as "Sept." or "U.S.") and punctuation.
std::vector<Token> tokenize(std::string_view text);

// The tokens of each part of a text made of parts joined by separators of
// spaces or line ends (`begin[k]` is where part k starts), offsets counted
// from each part's start: the same as tokenize(part), taken from the text's
// tokens, which are moved out.
std::vector<std::vector<Token>> tokens_of_parts(std::vector<Token> &&text_tokens, std::string_view text,
                                                const std::vector<std::size_t> &begin,
                                                const std::vector<std::size_t> &size);

struct Bounds {
  std::size_t begin = 0, end = 0;
};

// Sentence bounds in a paragraph: ends at . ! ? (and a closing quote after
// them) followed by space and a capital or a quote, except after common
// abbreviations; also at a period glued to a capitalised word ("1939.Putin").
std::vector<Bounds> split_sentences(std::string_view text);

bool is_abbreviation(std::string_view lower_word_with_period);

// An en or em dash, as the tokenizer gives it: the marks around an aside.
bool is_dash(std::string_view text);

// The lower-cased words of a text, without punctuation.
std::vector<std::string> tokenize_words(std::string_view text);
std::string trim(std::string_view text);

} // namespace detail
} // namespace factcard
