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

// What a file turned out to be.
enum class InputKind { story, bundle };

// A story file or a bundle, read once and checked as load_cards checks it (the
// same errors), with the cards of a story not computed yet: a caller can free
// the text first, then compute them (take_cards when the claims are not needed
// after).
struct LoadedInput {
  InputKind kind = InputKind::story;
  Story story;             // for a bundle: its info, entities and sources, no claims
  std::vector<Card> cards; // a bundle's cards; empty for a story
};
Result<LoadedInput> load_input(std::string_view text, const std::string &file);

// Diagnostics as the wasm facades answer them: {"errors": [{line, column, message}]}.
Json errors_to_json(const Diagnostics &errors);

// The story as JSON: known fields in a fixed order, unknown fields after them.
Json story_to_json(const Story &story);
// story_to_json, indented by two spaces, with a final newline.
std::string save_story(const Story &story);

} // namespace factcard
