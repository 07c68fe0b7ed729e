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

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factcard {
namespace detail {

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
