// Spreadsheet files: importing never crashes, a failure always says why, and
// what imports exports and imports again to the same cards.
#include "factcard/cards.hpp"
#include "factcard/csv.hpp"
#include "factcard/load.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data), size);
  factcard::CsvImportOptions options;
  options.fallback_id = "fuzz";
  factcard::Result<factcard::Story> story = factcard::import_csv(text, "fuzz.csv", options);
  if (!story) {
    if (story.errors().empty()) __builtin_trap();
    return 0;
  }
  factcard::Result<factcard::CsvExport> exported = factcard::export_csv(*story, "fuzz.csv");
  if (!exported) return 0; // a value no cell can carry is refused, with a reason
  factcard::Result<factcard::Story> again = factcard::import_csv(exported->text, "again.csv", options);
  if (!again) __builtin_trap();
  auto cards = [](const factcard::Story &s) { return factcard::cards_to_json(s, factcard::compute_cards(s)).dump(); };
  if (cards(*again) != cards(*story)) __builtin_trap();
  return 0;
}
