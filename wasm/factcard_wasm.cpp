// The wasm facade: a plain C ABI over the core, UTF-8 JSON in and out.
// The JS side allocates the input with fc_alloc, calls fc_cards, reads the
// NUL-terminated result and frees both with fc_free.
#include "factcard/load.hpp"

#include <cstdlib>
#include <cstring>
#include <string>

namespace {

char *to_c_string(const std::string &text) {
  char *out = static_cast<char *>(std::malloc(text.size() + 1));
  if (out) std::memcpy(out, text.c_str(), text.size() + 1);
  return out;
}

} // namespace

extern "C" {

void *fc_alloc(std::size_t size) { return std::malloc(size); }

void fc_free(void *pointer) { std::free(pointer); }

// Cards from a story file or a compiled bundle: {"story", "cards"} as the
// CLI's `factcard cards` prints them, or {"errors": [{line, column, message}]}.
char *fc_cards(const char *text, std::size_t length) {
  factcard::Result<factcard::CardSet> loaded = factcard::load_cards(std::string_view(text, length), "input");
  factcard::Json out =
      loaded ? factcard::cards_to_json(loaded->story, loaded->cards) : factcard::errors_to_json(loaded.errors());
  return to_c_string(out.dump(-1, ' ', false, factcard::Json::error_handler_t::replace));
}

} // extern "C"
