// Turns the objects of a story file or bundle, as the reader closes them,
// into the Story (and a bundle's cards), reporting what is wrong with the form
// of each field; then, once the whole file is read, the story-wide rules
// (check()) and a bundle's own: cards that agree with their references.
#pragma once

#include "factcard/cards.hpp"
#include "factcard/check.hpp"
#include "factcard/story.hpp"

#include "record_fields.hpp"
#include "string_index.hpp"

#include <string>
#include <vector>

namespace factcard {
namespace detail {

// A bundle card's references as written, with where they are, until the
// entities and sources they name are known.
struct CardRefs {
  std::string who;
  std::vector<std::string> sources, speakers;
  std::vector<Location> source_at, speaker_at;
  Location at = no_location, id_at = no_location;
  Location who_at = no_location, contradicts_at = no_location, corroboration_at = no_location;
};

// A record's "evidence" and "updates" items as the reader closed them, and
// their problems: the reader's, reused from record to record.
struct NestedItems {
  std::vector<Evidence> evidence;
  std::vector<Problem> evidence_problems;
  std::vector<Update> updates;
  std::vector<Problem> update_problems;
};

class Records {
public:
  // The story-file path: reading claims, and the story-wide rules that resolve
  // names (check_and_resolve, for story files). A loader of bundles only
  // leaves both null, so a program that only shows bundles links neither:
  // claims are then skipped. story_path() sets both.
  using ClaimReader = void (*)(Records &, FieldReader &, Json &&, NestedItems &);
  using StoryRules = std::vector<Finding> (*)(Story &);
  ClaimReader claim_reader = nullptr;
  StoryRules story_rules = nullptr;
  void story_path();

  std::vector<Problem> problems;
  Story story;
  std::vector<Card> cards;
  std::vector<CardRefs> card_refs;
  bool is_bundle = false;
  bool has_claims = false; // the file has a "claims" member

  // An entity, source, claim or card that closed, with its evidence items
  // (read as they closed) and their problems.
  void finish_record(Kind kind, Slot *slots, Location at, Json &&extra, NestedItems &nested);
  // An item of "evidence" that closed.
  static Evidence finish_evidence(Slot *slots, Location at, Json &&extra, std::vector<Problem> &problems);
  // An item of "updates" that closed.
  static Update finish_update(Slot *slots, Location at, Json &&extra, std::vector<Problem> &problems);
  // The file's own members and its "story", once the whole file is read.
  void finish_file(Slot *file_slots, Location at, Json &&extra, Slot *info_slots, Json &&info_extra);
  // The story-wide rules, then a bundle's cards against what they name.
  void check_all();

private:
  static void read_claim(Records &records, FieldReader &f, Json &&extra, NestedItems &nested);
  void finish_entity(FieldReader &f, Json &&extra);
  void finish_source(FieldReader &f, Json &&extra);
  void finish_claim(FieldReader &f, Json &&extra, NestedItems &nested);
  void finish_card(FieldReader &f, NestedItems &nested);
  template <class Statement> void read_statement(FieldReader &f, Statement &out, std::string &who, Location &who_at);
  bool evidence_list(FieldReader &f, bool bundle, std::vector<Problem> &evidence_problems);
  // A claim's or card's "updates", when it has some (its items' problems join the record's).
  std::vector<Update> update_list(FieldReader &f, NestedItems &nested);
  void read_info(const Slot &story, Slot *info_slots, Json &&info_extra);

  void unique_card_ids();
  std::size_t entity_by_id(const std::string &id, Location at, const char *field);
  void check_card(Card &card, const CardRefs &refs, const StringIndex &source_ids, const StringIndex &card_ids);

  StringIndex entity_ids_;
};

} // namespace detail
} // namespace factcard
