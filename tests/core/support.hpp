// What several tests need of the core in one call.
#pragma once

#include "factcard/load.hpp"
#include "factcard/publish.hpp"

#include <string>
#include <vector>

namespace factcard {
namespace test {

// The bundle `factcard build` writes for these cards, parsed.
inline Json bundle_json(const Story &story, std::vector<Card> cards) {
  std::string bundle;
  BuildSink sink;
  sink.bundle = [&](std::string_view text) { return bundle.append(text), true; };
  sink.jsonld = [](std::string_view) { return true; };
  sink.snippet = [](const std::string &, std::string_view) { return true; };
  write_build(story, std::move(cards), {}, sink);
  return Json::parse(bundle);
}

// A story file or a bundle with its cards, as a page gets them.
inline Result<LoadedInput> load_with_cards(std::string_view text, const std::string &file) {
  Result<LoadedInput> loaded = load_input(text, file);
  if (!loaded) return loaded.errors();
  return cards_of(std::move(*loaded));
}

} // namespace test
} // namespace factcard
