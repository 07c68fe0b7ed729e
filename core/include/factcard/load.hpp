// Reading and writing story files and bundles. Loading reports every problem
// at once as "file:line:col: message" and never yields a partial story.
#pragma once

#include "factcard/cards.hpp"
#include "factcard/diagnostic.hpp"
#include "factcard/story.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace factcard {

// A story file: parsed, validated, every reference resolved.
Result<Story> load_story(std::string_view text, const std::string &file);

// What a file turned out to be.
enum class InputKind { story, bundle };

// What a page or a command may hand the core: a story file, or a compiled
// bundle (cards precomputed, checked here against what they name).
struct LoadedInput {
  InputKind kind = InputKind::story;
  Story story;             // for a bundle: its info, entities and sources, no claims
  std::vector<Card> cards; // a bundle's cards; a story's once cards_of has computed them
};

// A story file or a bundle, read once. The cards of a story are not computed
// yet: a caller can free the text first, then call cards_of.
Result<LoadedInput> load_input(std::string_view text, const std::string &file);

// A compiled bundle, read without the story-file path (claims, name
// resolution, merging), so that a program that only shows bundles links none
// of it (the page's wasm module). Answers what load_input would for a bundle;
// nullopt for anything else (a story file, a bundle with "claims", text that
// is not a JSON object), which only load_input can judge.
std::optional<Result<LoadedInput>> load_bundle(std::string_view text, const std::string &file);

// The input with its cards: a bundle's as loaded, a story's computed, with
// the claims' text moved into them (story.claims is left empty).
LoadedInput cards_of(LoadedInput &&input);

// The story as JSON: known fields in a fixed order, unknown fields after them.
Json story_to_json(const Story &story);
// story_to_json, indented by two spaces, with a final newline.
std::string save_story(const Story &story);

} // namespace factcard
