// Story files: loading never crashes, and whatever loads survives
// save -> load unchanged and compiles to a bundle that loads again.
#include "factcard/cards.hpp"
#include "factcard/load.hpp"

#include "../core/support.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data), size);
  factcard::Result<factcard::Story> story = factcard::load_story(text, "fuzz.json");
  if (!story) {
    if (story.errors().empty()) __builtin_trap(); // a failure must say why
    return 0;
  }
  std::string saved = factcard::save_story(*story);
  factcard::Result<factcard::Story> again = factcard::load_story(saved, "saved.json");
  if (!again || factcard::save_story(*again) != saved) __builtin_trap();
  std::vector<factcard::Card> cards = factcard::compute_cards(*story);
  std::string bundle = factcard::test::bundle_json(*story, cards).dump();
  factcard::Result<factcard::LoadedInput> loaded = factcard::test::load_with_cards(bundle, "bundle.json");
  if (!loaded || loaded->cards.size() != cards.size()) __builtin_trap();
  return 0;
}
