// The members of a story file's objects as its reader collects them: each
// known member's value in a slot, with where it starts, and the rules every
// member of its kind follows (a string, not empty, a date, one of a list...).
// The file itself, its "story", and each entity, source, claim, card and
// evidence item are read this way, with one set of rules and messages.
#pragma once

#include "factcard/cards.hpp"
#include "factcard/story.hpp"

#include "json_reader.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factcard {
namespace detail {

// The members of objects this version knows.
enum Field : unsigned char {
  f_id,
  f_name,
  f_kind,
  f_description,
  f_aliases,
  f_publisher,
  f_headline,
  f_url,
  f_published,
  f_authors,
  f_language,
  f_who,
  f_what,
  f_when,
  f_when_text,
  f_where,
  f_topic,
  f_value,
  f_evidence,
  f_claims,
  f_status,
  f_corroboration,
  f_contradicts,
  f_source,
  f_quote,
  f_stance,
  f_speaker,
  f_title,
  f_schema,
  f_factcard,
  f_factcard_bundle,
  f_story,
  f_entities,
  f_sources,
  f_cards,
  f_updates,
  f_date,
  f_note,
  field_count,
  f_unknown = field_count
};
static_assert(field_count <= 64, "a bit per known member");

// What an object is: the file, its "story", a record of one of the four
// arrays, or an item of a claim's or a card's "evidence" or "updates".
enum class Kind : unsigned char { file, info, entity, source, claim, card, evidence, update };

const char *noun_of(Kind kind);
Field field_of(Kind kind, std::string_view key);

// How a member's value is read: text, an array of texts, a scalar kept as
// JSON ("value", "corroboration", the format versions), the evidence or update
// items (objects read into slots, as records are), a nested object read as a
// record ("story"), or an array of records.
enum class Shape : unsigned char { text, texts, scalar, evidence, updates, record, records };
Shape shape_of(Kind kind, Field f);

// One member of an object as read (the first, when a key repeats).
struct Slot {
  enum State : unsigned char { absent, null, string, scalar, container };
  State state = absent;
  bool array = false;        // container: an array
  Location at = no_location; // where the value starts
  std::string text;          // string, in text shapes
  Json value;                // Shape::scalar: a string or scalar value
  std::size_t items = 0;     // arrays: how many items
  // Shape::texts: the items, whether each is a string, and where each starts
  std::vector<std::string> texts;
  std::vector<unsigned char> text_ok;
  std::vector<Location> text_at;
};

// The rules of one object's members, read from its slots; each problem at
// the offending value (or at the object, for a missing member).
class FieldReader {
public:
  FieldReader(Slot *slots, Location at, const char *noun, std::vector<Problem> &problems)
      : slots_(slots), at_(at), noun_(noun), problems_(problems) {}

  Location at() const { return at_; }
  Location at(Field f) const { return slots_[f].state == Slot::absent ? at_ : slots_[f].at; }
  Slot &slot(Field f) { return slots_[f]; }
  bool present(Field f) const { return slots_[f].state != Slot::absent; }
  void report(Location at, std::string message) { problems_.push_back({at, std::move(message)}); }

  std::optional<std::string> text(Field f, const char *key, bool required);
  std::optional<std::string> id();
  std::optional<Date> date(Field f, const char *key);
  std::optional<std::vector<std::string>> texts(Field f, const char *key);
  // A topic value: a string, a number or a boolean (JSON, null when absent).
  Json value();

  template <class Enum>
  std::optional<Enum> choice(Field f, const char *key, bool required, std::optional<Enum> (*parse)(std::string_view),
                             const char *allowed) {
    std::optional<std::string> value = text(f, key, required);
    if (!value) return std::nullopt;
    std::optional<Enum> parsed = parse(*value);
    if (!parsed) report(at(f), std::string("\"") + key + "\" must be one of " + allowed + ", not " + quoted(*value));
    return parsed;
  }

private:
  static std::string quoted(const std::string &value);

  Slot *slots_;
  Location at_;
  const char *noun_;
  std::vector<Problem> &problems_;
};

} // namespace detail
} // namespace factcard
