// Where quotations are in a paragraph: “double”, "straight", and the
// single marks British and Irish outlets use (‘…’ and '…'), told apart from
// apostrophes ("Musk’s", "we’ve", "workers’ rights").
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace factcard {
namespace detail {

struct Quote {
  std::size_t begin, end;  // byte range of the words inside the marks
  std::size_t open, close; // byte range including the marks
};

// In text order; a quotation left open runs on to the paragraph's end.
std::vector<Quote> find_quotes(std::string_view paragraph);

} // namespace detail
} // namespace factcard
