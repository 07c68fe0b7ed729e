// Cards: what a reader sees. Claims that state the same thing merge into one
// card; its evidence counts distinct outlets; claims on the same topic with
// incompatible values contest each other.
#pragma once

#include "factcard/story.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace factcard {

enum class Status { corroborated, single_source, contested };
const char *to_string(Status);
std::optional<Status> parse_status(std::string_view);

struct CardEvidence {
  std::size_t source = npos; // index into Story::sources
  std::string quote;
  Stance stance = Stance::supports;
  std::size_t speaker = npos; // index into Story::entities, or npos
};

struct Card {
  std::string id;                  // the id of its first claim
  std::vector<std::string> claims; // every claim id merged into it
  ClaimKind kind = ClaimKind::event;
  Status status = Status::single_source;
  int corroboration = 0;
  std::size_t who = npos; // index into Story::entities
  std::string what;
  std::optional<Date> when;
  std::optional<std::string> when_text, where, topic;
  Json value;                           // null when absent
  std::vector<std::string> contradicts; // ids of cards
  std::vector<CardEvidence> evidence;
  std::vector<Update> updates; // its claims' entries, each once, newest first (extra left out)
};

// Merges, corroborates and contrasts the claims of a loaded story.
std::vector<Card> compute_cards(const Story &story);
// The same cards, with the claims' text moved into them: story.claims is left
// empty (for a caller that is done with the claims).
std::vector<Card> take_cards(Story &story);

// {"story": {...}, "cards": [...]} with every reference expanded.
Json cards_to_json(const Story &story, const std::vector<Card> &cards);

// Distinct outlets among the supporting evidence; a source with an unknown
// publisher is an outlet of its own.
int count_outlets(const Story &story, const std::vector<CardEvidence> &evidence);

// Whether two topic values can both be true: dates with their precision,
// numbers exactly, text after folding case and spacing.
bool values_agree(const Json &a, const Json &b);

} // namespace factcard
