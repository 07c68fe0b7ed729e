// Bundles, as a page hands them to the wasm core: never a crash, and a
// bundle that loads prints cards.
#include "factcard/load.hpp"

#include "../core/support.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data), size);
  factcard::Result<factcard::LoadedInput> loaded = factcard::test::load_with_cards(text, "fuzz.cards.json");
  if (!loaded) {
    if (loaded.errors().empty()) __builtin_trap();
    return 0;
  }
  factcard::cards_to_json(loaded->story, loaded->cards).dump(-1, ' ', false, factcard::Json::error_handler_t::replace);
  return 0;
}
