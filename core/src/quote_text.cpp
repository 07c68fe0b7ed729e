// quote_text on its own: the page's wasm module replaces it at link time
// (wasm/page_quote.cpp), which it can only do for a definition that shares
// its object file with nothing else the module needs.
#include "json_reader.hpp"
#include "messages.hpp"

namespace factcard {
namespace detail {

std::string quote_text(std::string_view text) {
  std::string shown(text.substr(0, 80));
  if (text.size() > 80) shown += "...";
  return dump_json(Json(shown));
}

} // namespace detail
} // namespace factcard
