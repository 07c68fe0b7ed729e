// quote_text for factcard.wasm, the module every page of cards loads. The
// core's (core/src/quote_text.cpp) writes a value into an error message
// through nlohmann's serializer, which this module otherwise has no use for
// since it hands cards over without JSON text (factcard_wasm.cpp): 3.7 KB of
// its gzip bytes (tests/bench/perf/NOTES.md). A value made of printable ASCII
// other than '"' and '\' (ids, dates, addresses: what bundle messages quote)
// needs no escaping, so the serializer would only put quotes around it; any
// other value is declined (libc_declined, as page_libc.cpp does), and
// factcard-story.wasm, which links the core's, writes the message.
#include "../core/src/messages.hpp"
#include "page_libc.hpp"

namespace factcard {
namespace detail {

std::string quote_text(std::string_view text) {
  std::string shown(text.substr(0, 80));
  if (text.size() > 80) shown += "...";
  for (char c : shown)
    if (c < ' ' || c > '~' || c == '"' || c == '\\') factcard_wasm::libc_declined = true;
  return '"' + shown + '"';
}

} // namespace detail
} // namespace factcard
