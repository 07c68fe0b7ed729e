// Extraction: any text drafts a story that validates.
#include "factcard/extract.hpp"
#include "factcard/load.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size > 20000) return 0; // articles, not books: keeps each run short
  std::string text(reinterpret_cast<const char *>(data), size);
  factcard::Article article{"fuzz.txt", text, factcard::parse_date("2024-09-03")};
  std::string annotations = factcard::annotations_json(factcard::analyse_article(article))
                                .dump(-1, ' ', false, factcard::Json::error_handler_t::replace);
  if (factcard::Json::parse(annotations, nullptr, false).is_discarded()) __builtin_trap();
  std::string draft = factcard::save_story(factcard::draft_story({article, article}));
  if (!factcard::load_story(draft, "draft.json")) __builtin_trap();
  return 0;
}
