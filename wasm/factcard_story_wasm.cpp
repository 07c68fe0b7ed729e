// The story-file facade: a plain C ABI over the core, UTF-8 JSON in and out.
// The widget loads it only for an input factcard.wasm (the page's, bundles
// only) asks it for: a story file, a number its small strtod declines, or a
// message quoting text its small quote_text declines. The JS side
// allocates the input with fc_alloc, calls fc_cards, reads the NUL-terminated
// result and frees both with fc_free (boundary.cpp).
#include "factcard/load.hpp"

#include "boundary.hpp"

#include <string>

using namespace factcard_wasm;

extern "C" {

// Cards from a story file or a compiled bundle: {"story", "cards"} as the
// CLI's `factcard cards` prints them, or {"errors": [{line, column, message}]}.
char *fc_cards(const char *text, std::size_t length) {
  factcard::Result<factcard::LoadedInput> loaded = factcard::load_input(std::string_view(text, length), "input");
  if (!loaded) return to_c_string(dump(errors_to_json(loaded.errors())));
  factcard::LoadedInput input = factcard::cards_of(std::move(*loaded));
  return to_c_string(dump(factcard::cards_to_json(input.story, input.cards)));
}

} // extern "C"
