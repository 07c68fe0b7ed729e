// The rules of a story, whatever file it came from: ids used once, names that
// tell entities apart, references that resolve, web addresses, values with a
// topic to compare them on. Readers (story files, spreadsheets) check the form
// of what they read, give each record and value a Location, and turn what
// check() finds into messages that say where in their own terms.
#pragma once

#include "factcard/story.hpp"

#include <string>
#include <vector>

namespace factcard {

struct Finding {
  Location at = no_location;
  std::string message;
};

// Every problem of a story, each once, in the order of the story's records.
std::vector<Finding> check(const Story &story);

// check(), which also records what each reference resolves to (who_index,
// source_index, speaker_index): the story a reader hands out is resolved.
std::vector<Finding> check_and_resolve(Story &story);

// The rules of check() that need no name resolution: ids used once, web
// addresses, values with a topic. What a bundle's entities and sources get
// when it is read without the story-file path (load_bundle).
std::vector<Finding> check_records(const Story &story);

} // namespace factcard
