// Reading JSON with nlohmann's SAX parser and knowing where every value starts.
//
// nlohmann/json 3.11.2 does not record value positions, so the parser reads
// through an iterator that publishes how far it has read: each SAX event then
// knows the end of its token, and the token's start is the first byte after
// the previous token that is not whitespace, ',' or ':'.
#pragma once

#include "factcard/story.hpp"

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factcard {
namespace detail {

// How deep objects and arrays may nest.
constexpr std::size_t max_depth = 64;

// A problem found while reading, at a byte offset.
struct Problem {
  Location at;
  std::string message;
};

// Moves every problem of `from` to the end of `to` (one loop for every list
// of problems: a range insert per call site costs the page's wasm module code).
void move_problems(std::vector<Problem> &from, std::vector<Problem> &to);

// Where each token starts: the parser reads through a CountingIterator that
// publishes how far it has read, and a token starts at the first byte after
// the previous token that is not whitespace, ',' or ':'. Call next() on every
// SAX event (keys, values, container ends) in order.
class TokenCursor {
public:
  explicit TokenCursor(std::string_view text);
  Location next();
  const char **read_to() { return &read_to_; }

private:
  std::string_view text_;
  const char *read_to_;
  std::size_t cursor_ = 0;
};

// A char iterator that tells a shared cursor how far the parser has read.
class CountingIterator {
public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char *;
  using reference = const char &;

  CountingIterator(const char *at, const char **shared) : at_(at), shared_(shared) {}
  reference operator*() const { return *at_; }
  CountingIterator &operator++() {
    ++at_;
    *shared_ = at_;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator copy = *this;
    ++*this;
    return copy;
  }
  bool operator==(const CountingIterator &o) const { return at_ == o.at_; }
  bool operator!=(const CountingIterator &o) const { return at_ != o.at_; }

private:
  const char *at_;
  const char **shared_;
};

// Runs nlohmann's SAX parser over `text` with `cursor` kept up to date.
template <class Handler> bool sax_parse(std::string_view text, TokenCursor &cursor, Handler &handler) {
  CountingIterator first(text.data(), cursor.read_to()), last(text.data() + text.size(), cursor.read_to());
  return Json::sax_parse(first, last, &handler);
}

// The problem a SAX parse_error event reports: at the offending token, with
// nlohmann's message without its own position.
Problem syntax_problem(std::string_view text, std::size_t position, const std::string &last_token,
                       const nlohmann::detail::exception &ex);

// After a successful parse: a NUL byte after the document is an error (the
// lexer stops at it). False, with the problem added, when there is one.
bool check_no_nul(std::string_view text, std::vector<Problem> &problems);

// Serialises JSON; invalid UTF-8 is replaced rather than aborting.
std::string dump_json(const Json &value, int indent = -1);

} // namespace detail
} // namespace factcard
