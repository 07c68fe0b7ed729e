// A streaming JSON reader that knows where every value starts.
//
// nlohmann/json 3.11.2 does not record value positions, so the reader feeds
// the SAX parser through an iterator that publishes how far it has read:
// each SAX event then knows the end of its token, and the token's start is
// the first byte after the previous token that is not whitespace, ',' or ':'.
//
// Elements of chosen top-level arrays ("claims", ...) are handed out one by
// one as they complete, so a large file never exists as one whole DOM.
#pragma once

#include "factcard/story.hpp"

#include <cstddef>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factcard {
namespace detail {

// Limits both readers share: nesting depth, and how deep value positions are kept.
constexpr std::size_t max_depth = 64;
constexpr std::size_t max_pointer_depth = 4; // positions kept for shallow values only

// A key as a JSON pointer token ("~" as "~0", "/" as "~1").
std::string escape_pointer_token(const std::string &key);

// Start offsets of values, by JSON pointer relative to some root.
class Positions {
public:
  void add(std::string pointer, Offset at) { entries_.emplace_back(std::move(pointer), at); }
  // The offset of the value at `pointer`, or `fallback` when not recorded.
  Offset at(std::string_view pointer, Offset fallback) const;
  void clear() { entries_.clear(); }

private:
  std::vector<std::pair<std::string, Offset>> entries_;
};

struct Record {
  std::string section; // the top-level key of the array it came from
  std::size_t index = 0;
  Json value;
  Positions positions; // relative to the record
  Offset at = no_offset;
};

struct Problem {
  Offset at;
  std::string message;
};

struct ReadResult {
  bool syntax_ok = false;
  Json top;            // the document without the streamed arrays' elements
  Positions positions; // relative to the document
  std::vector<Problem> problems;
};

// Where each token starts: the parser reads through a CountingIterator that
// publishes how far it has read, and a token starts at the first byte after
// the previous token that is not whitespace, ',' or ':'. Call next() on every
// SAX event (keys, values, container ends) in order.
class TokenCursor {
public:
  explicit TokenCursor(std::string_view text);
  Offset next();
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

// Reads `text`; elements of top-level arrays named in `streamed` go to
// `on_record` instead of `top`. Stops at the first syntax error.
ReadResult read_json(std::string_view text, const std::vector<std::string> &streamed,
                     const std::function<void(Record &&)> &on_record);

// Converts byte offsets to 1-based line and column (columns in code points).
class LineIndex {
public:
  explicit LineIndex(std::string_view text);
  std::pair<std::size_t, std::size_t> locate(Offset at) const;

private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

// Serialises JSON; invalid UTF-8 is replaced rather than aborting.
std::string dump_json(const Json &value, int indent = -1);

} // namespace detail
} // namespace factcard
