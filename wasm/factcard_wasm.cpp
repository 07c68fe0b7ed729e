// The page's wasm facade: cards from a compiled bundle, which is all a page
// of embedded cards needs. A story file goes to factcard-story.wasm
// (factcard_story_wasm.cpp), which the widget fetches only when this module
// says the input is not a bundle: article pages never download the
// story-file path (name resolution, merging, contradictions).
#include "factcard/load.hpp"

#include "boundary.hpp"

#include <optional>
#include <string>

using namespace factcard_wasm;

extern "C" {

// A bundle's cards: {"story", "cards"} as the CLI's `factcard cards` prints
// them, or {"errors": [{line, column, message}]}; for any other input,
// {"not_a_bundle": true}, and the caller asks factcard-story.wasm's fc_cards.
char *fc_cards(const char *text, std::size_t length) {
  std::optional<factcard::Result<factcard::LoadedInput>> loaded =
      factcard::load_bundle(std::string_view(text, length), "input");
  if (!loaded) return to_c_string("{\"not_a_bundle\":true}");
  if (!*loaded) return to_c_string(dump(errors_to_json(loaded->errors())));
  return to_c_string(dump(factcard::cards_to_json((*loaded)->story, (*loaded)->cards)));
}

} // extern "C"
