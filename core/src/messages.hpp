// Pieces of the messages every reader and check() write.
#pragma once

#include <string>
#include <string_view>

namespace factcard {
namespace detail {

// A value as an error message shows it: JSON-escaped, cut after 80 bytes.
// Alone in quote_text.cpp, so that the page's wasm module can link its own
// (wasm/page_quote.cpp) instead.
std::string quote_text(std::string_view text);

// The rule ids follow, as every reader words it.
std::string bad_id_message(std::string_view id);

// Evidence that names a source the story does not have.
std::string unknown_source_message(std::string_view id);

} // namespace detail
} // namespace factcard
