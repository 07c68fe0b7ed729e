// The page's wasm facade: cards from a compiled bundle, which is all a page
// of embedded cards needs. A story file goes to factcard-story.wasm
// (factcard_story_wasm.cpp), which the widget fetches only when this module
// answers that it cannot take an input: article pages never download the
// story-file path (name resolution, merging, contradictions).
#include "factcard/load.hpp"

#include "boundary.hpp"
#include "page_libc.hpp"

#include <optional>
#include <string>

using namespace factcard_wasm;

namespace {

// What this module answers for an input that only factcard-story.wasm can:
// web/src/core.mjs (ASK_STORY_MODULE) compares the text as it is.
constexpr const char *ask_story_module = "{\"ask\":\"factcard-story.wasm\"}";

} // namespace

extern "C" {

// A bundle's cards: {"story", "cards"} as the CLI's `factcard cards` prints
// them, or {"errors": [{line, column, message}]}. For a story file, a bundle
// with claims, text that is not a JSON object, or a number or character this
// module's small libc declines (page_libc.cpp): {"ask": "factcard-story.wasm"}.
char *fc_cards(const char *text, std::size_t length) {
  libc_declined = false;
  std::optional<factcard::Result<factcard::LoadedInput>> loaded =
      factcard::load_bundle(std::string_view(text, length), "input");
  if (!loaded || libc_declined) return to_c_string(ask_story_module);
  std::string out = *loaded ? dump(factcard::cards_to_json((*loaded)->story, (*loaded)->cards))
                            : dump(errors_to_json(loaded->errors()));
  return to_c_string(libc_declined ? ask_story_module : out);
}

} // extern "C"
