// Reading and writing story files and bundles. Loading reports every problem
// at once as "file:line:col: message" and never yields a partial story.
#pragma once

#include "factcard/cards.hpp"
#include "factcard/diagnostic.hpp"
#include "factcard/story.hpp"

#include <string>
#include <string_view>

namespace factcard {

// A story file: parsed, validated, every reference resolved.
Result<Story> load_story(std::string_view text, const std::string &file);

// What a page may hand the core: a story file (cards computed here) or a
// compiled bundle (cards precomputed, checked here). Either way: the cards.
struct CardSet {
  Story story; // for a bundle: its info, entities and sources, no claims
  std::vector<Card> cards;
  bool from_bundle = false;
};
Result<CardSet> load_cards(std::string_view text, const std::string &file);

// Diagnostics as the wasm facades answer them: {"errors": [{line, column, message}]}.
Json errors_to_json(const Diagnostics &errors);

// The story as JSON: known fields in a fixed order, unknown fields after them.
Json story_to_json(const Story &story);
// story_to_json, indented by two spaces, with a final newline.
std::string save_story(const Story &story);

} // namespace factcard
