// The data model of a story: entities, sources (articles), claims and the
// evidence behind them. Every record keeps the fields this version does not
// know in `extra`, so load -> save loses nothing written by a newer tool.
#pragma once

#include "factcard/date.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace factcard {

using Json = nlohmann::ordered_json;
// An empty object or array is made as Json(Json::value_t::object) rather than Json::object():
// that one goes through the initializer-list constructor, 1 KB of the page's wasm module
// (tests/bench/perf/NOTES.md) where nothing else needs it.

// Where a record or a value came from, as the reader that made it knows it
// (a byte offset in a story file, a cell of a spreadsheet): check() reports
// problems at these, and the reader says where that is in its own terms.
using Location = std::uint32_t;
constexpr Location no_location = 0xffffffffu;

constexpr std::size_t npos = static_cast<std::size_t>(-1);

enum class EntityKind { person, organization, place, other };
enum class ClaimKind { event, statement, quote, figure };
enum class Stance { supports, refutes };

const char *to_string(EntityKind);
const char *to_string(ClaimKind);
const char *to_string(Stance);
std::optional<EntityKind> parse_entity_kind(std::string_view);
std::optional<ClaimKind> parse_claim_kind(std::string_view);
std::optional<Stance> parse_stance(std::string_view);

struct Entity {
  std::string id;
  std::string name;
  std::optional<EntityKind> kind; // absent in the file: a person
  std::optional<std::string> description;
  std::vector<std::string> aliases;
  Json extra = Json(Json::value_t::object);
  Location at = no_location, id_at = no_location;
  std::vector<Location> alias_at;

  EntityKind kind_or_default() const { return kind.value_or(EntityKind::person); }
};

struct Source {
  std::string id;
  std::optional<std::string> publisher; // absent: unknown outlet
  std::optional<std::string> headline;
  std::optional<std::string> url;
  std::optional<Date> published;
  std::optional<std::vector<std::string>> authors;
  std::optional<std::string> language;
  Json extra = Json(Json::value_t::object);
  Location at = no_location, id_at = no_location, url_at = no_location;
};

struct Evidence {
  std::string source;                 // source id as written
  std::string quote;                  // verbatim excerpt
  std::optional<Stance> stance;       // absent: supports
  std::optional<std::string> speaker; // entity reference as written
  Json extra;                         // null or an object: most evidence has none, and there is a lot of it
  std::size_t source_index = npos;    // resolved
  std::size_t speaker_index = npos;   // resolved
  Location at = no_location, source_at = no_location, speaker_at = no_location;

  Stance stance_or_default() const { return stance.value_or(Stance::supports); }
};

// A dated note on what changed in a claim, as newsrooms publish corrections
// (schema.org's CorrectionComment): the card shows the newest date and the notes.
struct Update {
  Date date;        // a day (YYYY-MM-DD)
  std::string note; // short text, shown as written
  Json extra;       // null or an object
  Location at = no_location;
};

// The order a card shows updates in: newer first.
bool newer(const Update &a, const Update &b);

struct Claim {
  std::string id;
  ClaimKind kind = ClaimKind::event;
  std::string who; // entity reference as written: id or any name
  std::string what;
  std::optional<Date> when;
  std::optional<std::string> when_text;
  std::optional<std::string> where;
  std::optional<std::string> topic;
  Json value; // null when absent; else a string, number or boolean
  std::vector<Evidence> evidence;
  std::vector<Update> updates;  // as written; empty when the file has none
  Json extra;                   // null or an object
  std::size_t who_index = npos; // resolved
  Location at = no_location, id_at = no_location, who_at = no_location, value_at = no_location;
};

struct StoryInfo {
  std::string id;
  std::optional<std::string> title;
  std::optional<std::string> language;
  // The day the newsroom first published the story: from then on, the
  // editor asks for an update note whenever a claim changes.
  std::optional<Date> published;
  Json extra = Json(Json::value_t::object);
};

struct Story {
  std::optional<std::string> schema; // "$schema"
  StoryInfo info;
  std::vector<Entity> entities;
  std::vector<Source> sources;
  std::vector<Claim> claims;
  Json extra = Json(Json::value_t::object); // unknown top-level fields
};

// Ids are what embed file names and links are made of: keep them plain.
bool is_valid_id(std::string_view id);

} // namespace factcard
