#include "factcard/load.hpp"
#include "factcard/names.hpp"
#include "factcard/publish.hpp"

#include "json_reader.hpp"
#include "json_writer.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

namespace factcard {
namespace {

using detail::Positions;
using detail::Problem;

// A value as an error message shows it: JSON-escaped, cut after 80 bytes.
std::string quote_text(std::string_view text) {
  std::string shown(text.substr(0, 80));
  if (text.size() > 80) shown += "...";
  return detail::dump_json(Json(shown));
}

bool is_blank(const std::string &s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// Reads the fields of one JSON object of the document's top level ("story"
// and the file itself), reporting each problem at the position of the
// offending value (or of the object, for a missing field). Records are read
// into slots instead (SlotFields, with the same rules).
class Fields {
public:
  Fields(Json &object, const Positions &positions, std::string pointer, const char *noun,
         std::vector<Problem> &problems)
      : object_(object), positions_(positions), pointer_(std::move(pointer)), noun_(noun), problems_(problems) {
    at_ = positions_.at(pointer_, 0);
  }

  bool is_object() {
    if (object_.is_object()) return true;
    report(at_, std::string("expected ") + noun_ + " to be a JSON object");
    return false;
  }
  Offset at() const { return at_; }
  Offset at(const char *key) const { return positions_.at(pointer_ + "/" + key, at_); }
  bool has(const char *key) const {
    auto it = object_.find(key);
    return it != object_.end() && !it->is_null();
  }
  void report(Offset at, std::string message) { problems_.push_back({at, std::move(message)}); }

  std::optional<std::string> text(const char *key, bool required) {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) {
      if (required) report(at_, std::string(noun_) + " is missing \"" + key + "\"");
      return std::nullopt;
    }
    if (!it->is_string()) {
      report(at(key), std::string("\"") + key + "\" must be a string");
      return std::nullopt;
    }
    std::string value = it->get_ref<const std::string &>();
    if (required && is_blank(value)) {
      report(at(key), std::string("\"") + key + "\" must not be empty");
      return std::nullopt;
    }
    return value;
  }

  std::optional<std::string> id() {
    std::optional<std::string> value = text("id", true);
    if (value && !is_valid_id(*value)) {
      report(at("id"),
             "id " + quote_text(*value) + " must use only a-z, 0-9, '-', '_' and '.', and not start with '.'");
      return std::nullopt;
    }
    return value;
  }

  // Everything this version does not know, in file order.
  Json extra(std::initializer_list<const char *> known) const {
    Json out = Json::object();
    if (!object_.is_object()) return out;
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      bool is_known = std::any_of(known.begin(), known.end(), [&](const char *k) { return it.key() == k; });
      if (!is_known) out[it.key()] = std::move(it.value());
    }
    return out;
  }

private:
  Json &object_;
  const Positions &positions_;
  std::string pointer_;
  const char *noun_;
  std::vector<Problem> &problems_;
  Offset at_;
};

// Reports a second use of an id, naming where the first one is.
class IdTable {
public:
  explicit IdTable(const char *noun) : noun_(noun) {}
  bool add(const std::string &id, Offset at, std::vector<Problem> &problems) {
    auto inserted = seen_.emplace(id, at);
    if (!inserted.second) {
      problems.push_back({at, std::string("duplicate ") + noun_ + " id " + quote_text(id)});
      duplicates_.push_back({at, inserted.first->second});
    }
    return inserted.second;
  }
  std::size_t size() const { return seen_.size(); }

  // Offsets of duplicates and of their first definitions, for notes.
  std::vector<std::pair<Offset, Offset>> duplicates_;

private:
  const char *noun_;
  std::unordered_map<std::string, Offset> seen_;
};

struct RawCardRefs {
  std::string who;
  std::vector<std::string> sources, speakers;
  std::vector<Offset> source_at, speaker_at;
  Offset who_at = no_offset, contradicts_at = no_offset, corroboration_at = no_offset;
};

// ---------- records read straight from the parser's events ----------
//
// Records (the items of "entities", "sources", "claims" and "cards") are not
// built as DOMs: each member's value goes into a slot as the parser reports it,
// with its offset, and the record is checked and turned into its struct when it
// closes, with the same rules and messages as Fields applies to the document.

// The members of records this version knows.
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
  field_count,
  f_unknown = field_count
};
static_assert(field_count <= 32, "a bit per known member");

// What a record is; `evidence`: an item of a claim's or a card's "evidence".
enum class Kind : unsigned char { entity, source, claim, card, evidence };

const char *noun_of(Kind kind) {
  switch (kind) {
  case Kind::entity:
    return "an entity";
  case Kind::source:
    return "a source";
  case Kind::claim:
    return "a claim";
  case Kind::card:
    return "a card";
  case Kind::evidence:
    return "evidence";
  }
  return "";
}

struct FieldName {
  std::string_view name;
  Field field;
};
const FieldName entity_fields[] = {
    {"id", f_id}, {"name", f_name}, {"kind", f_kind}, {"description", f_description}, {"aliases", f_aliases}};
const FieldName source_fields[] = {{"id", f_id},
                                   {"publisher", f_publisher},
                                   {"headline", f_headline},
                                   {"url", f_url},
                                   {"published", f_published},
                                   {"authors", f_authors},
                                   {"language", f_language}};
const FieldName claim_fields[] = {
    {"id", f_id},       {"kind", f_kind},           {"who", f_who},     {"what", f_what},
    {"when", f_when},   {"when_text", f_when_text}, {"where", f_where}, {"topic", f_topic},
    {"value", f_value}, {"evidence", f_evidence}};
const FieldName card_fields[] = {{"id", f_id},
                                 {"claims", f_claims},
                                 {"kind", f_kind},
                                 {"status", f_status},
                                 {"corroboration", f_corroboration},
                                 {"who", f_who},
                                 {"what", f_what},
                                 {"when", f_when},
                                 {"when_text", f_when_text},
                                 {"where", f_where},
                                 {"topic", f_topic},
                                 {"value", f_value},
                                 {"contradicts", f_contradicts},
                                 {"evidence", f_evidence}};
const FieldName evidence_fields[] = {
    {"source", f_source}, {"quote", f_quote}, {"stance", f_stance}, {"speaker", f_speaker}};

template <std::size_t N> Field find_field(const FieldName (&names)[N], std::string_view key) {
  for (const FieldName &n : names)
    if (n.name == key) return n.field;
  return f_unknown;
}

Field field_of(Kind kind, std::string_view key) {
  switch (kind) {
  case Kind::entity:
    return find_field(entity_fields, key);
  case Kind::source:
    return find_field(source_fields, key);
  case Kind::claim:
    return find_field(claim_fields, key);
  case Kind::card:
    return find_field(card_fields, key);
  case Kind::evidence:
    return find_field(evidence_fields, key);
  }
  return f_unknown;
}

// How a member's value is read: text, an array of texts, a scalar kept as JSON
// ("value", "corroboration"), or the evidence items.
enum class Shape : unsigned char { text, texts, scalar, evidence };
Shape shape_of(Field f) {
  switch (f) {
  case f_aliases:
  case f_authors:
  case f_claims:
  case f_contradicts:
    return Shape::texts;
  case f_value:
  case f_corroboration:
    return Shape::scalar;
  case f_evidence:
    return Shape::evidence;
  default:
    return Shape::text;
  }
}

// One member of a record as read (the first, when a key repeats).
struct Slot {
  enum State : unsigned char { absent, null, string, scalar, container };
  State state = absent;
  bool array = false;    // container: an array
  Offset at = no_offset; // where the value starts
  std::string text;      // string, in text shapes
  Json value;            // Shape::scalar: a string or scalar value
  std::size_t items = 0; // arrays: how many items
  // Shape::texts: the items, whether each is a string, and where each starts
  std::vector<std::string> texts;
  std::vector<unsigned char> text_ok;
  std::vector<Offset> text_at;
};

// Fields' rules for a record read into slots.
class SlotFields {
public:
  SlotFields(Slot *slots, Offset at, const char *noun, std::vector<Problem> &problems)
      : slots_(slots), at_(at), noun_(noun), problems_(problems) {}

  Offset at() const { return at_; }
  Offset at(Field f) const { return slots_[f].state == Slot::absent ? at_ : slots_[f].at; }
  Slot &slot(Field f) { return slots_[f]; }
  void report(Offset at, std::string message) { problems_.push_back({at, std::move(message)}); }

  std::optional<std::string> text(Field f, const char *key, bool required) {
    Slot &s = slots_[f];
    if (s.state == Slot::absent || s.state == Slot::null) {
      if (required) report(at_, std::string(noun_) + " is missing \"" + key + "\"");
      return std::nullopt;
    }
    if (s.state != Slot::string) {
      report(s.at, std::string("\"") + key + "\" must be a string");
      return std::nullopt;
    }
    if (required && is_blank(s.text)) {
      report(s.at, std::string("\"") + key + "\" must not be empty");
      return std::nullopt;
    }
    return std::move(s.text);
  }

  std::optional<std::string> id() {
    std::optional<std::string> value = text(f_id, "id", true);
    if (value && !is_valid_id(*value)) {
      report(at(f_id),
             "id " + quote_text(*value) + " must use only a-z, 0-9, '-', '_' and '.', and not start with '.'");
      return std::nullopt;
    }
    return value;
  }

  std::optional<Date> date(Field f, const char *key) {
    std::optional<std::string> value = text(f, key, false);
    if (!value) return std::nullopt;
    std::optional<Date> parsed = parse_date(*value);
    if (!parsed) {
      report(at(f), "bad date " + quote_text(*value) +
                        ": expected YYYY, YYYY-MM or YYYY-MM-DD (optionally with a leading ~), or \"unknown\"");
    }
    return parsed;
  }

  std::optional<std::vector<std::string>> texts(Field f, const char *key) {
    Slot &s = slots_[f];
    if (s.state == Slot::absent || s.state == Slot::null) return std::nullopt;
    if (s.state != Slot::container || !s.array) {
      report(s.at, std::string("\"") + key + "\" must be an array of strings");
      return std::nullopt;
    }
    std::vector<std::string> out;
    out.reserve(s.texts.size());
    for (std::size_t i = 0; i < s.texts.size(); ++i) {
      if (!s.text_ok[i] || is_blank(s.texts[i])) {
        report(s.text_at[i], std::string("items of \"") + key + "\" must be non-empty strings");
        continue;
      }
      out.push_back(std::move(s.texts[i]));
    }
    return out;
  }

  template <class Enum>
  std::optional<Enum> choice(Field f, const char *key, bool required, std::optional<Enum> (*parse)(std::string_view),
                             const char *allowed) {
    std::optional<std::string> value = text(f, key, required);
    if (!value) return std::nullopt;
    std::optional<Enum> parsed = parse(*value);
    if (!parsed)
      report(at(f), std::string("\"") + key + "\" must be one of " + allowed + ", not " + quote_text(*value));
    return parsed;
  }

private:
  Slot *slots_;
  Offset at_;
  const char *noun_;
  std::vector<Problem> &problems_;
};

// Builds a Story (and, for bundles, its cards) from records as they close.
class Loader {
public:
  explicit Loader(std::string_view text) : text_(text) {}

  std::vector<Problem> problems;
  Story story;
  std::vector<Card> cards;
  std::vector<RawCardRefs> card_refs;
  bool is_bundle = false;

  // A record that closed: checked, and added to the story (or the cards). `evidence` and
  // `evidence_problems`: its evidence items, read as they closed.
  void finish_record(Kind kind, Slot *slots, Offset at, Json &&extra, std::vector<Evidence> &evidence,
                     std::vector<Problem> &evidence_problems) {
    SlotFields f(slots, at, noun_of(kind), problems);
    switch (kind) {
    case Kind::entity:
      return finish_entity(f, std::move(extra));
    case Kind::source:
      return finish_source(f, std::move(extra));
    case Kind::claim:
      return finish_claim(f, std::move(extra), evidence, evidence_problems);
    case Kind::card:
      return finish_card(f, evidence, evidence_problems);
    case Kind::evidence:
      return;
    }
  }

  // An item of "evidence" that closed.
  static Evidence finish_evidence(Slot *slots, Offset at, Json &&extra, std::vector<Problem> &problems) {
    SlotFields e(slots, at, "evidence", problems);
    Evidence ev;
    ev.at = at;
    if (auto source = e.text(f_source, "source", true)) ev.source = std::move(*source);
    ev.source_at = e.at(f_source);
    if (auto quote = e.text(f_quote, "quote", true)) ev.quote = std::move(*quote);
    ev.stance = e.choice<Stance>(f_stance, "stance", false, parse_stance, "supports, refutes");
    ev.speaker = e.text(f_speaker, "speaker", false);
    ev.speaker_at = e.at(f_speaker);
    ev.extra = std::move(extra);
    return ev;
  }

  void read_top(Json &top, const Positions &positions) {
    Fields f(top, positions, "", "the file", problems);
    is_bundle = top.contains("factcard_bundle");
    const char *version_key = is_bundle ? "factcard_bundle" : "factcard";
    auto version = top.find(version_key);
    if (version == top.end()) {
      f.report(0, "missing \"factcard\": 1 (the story format version)");
    } else if (!version->is_number_integer() || version->get<long long>() != 1) {
      f.report(f.at(version_key),
               std::string("\"") + version_key + "\" must be 1, the only format version this tool reads");
    }
    if (is_bundle && top.contains("claims")) f.report(f.at("claims"), "a bundle has \"cards\", not \"claims\"");
    if (!is_bundle && top.contains("cards"))
      f.report(f.at("cards"), "a story file has \"claims\", not \"cards\" (bundles say \"factcard_bundle\": 1)");
    if (f.has("$schema")) story.schema = f.text("$schema", false);
    for (const char *section : {"entities", "sources", "claims", "cards"}) {
      auto it = top.find(section);
      if (it != top.end() && !it->is_array())
        f.report(f.at(section), std::string("\"") + section + "\" must be an array");
    }
    auto info = top.find("story");
    if (info == top.end()) {
      f.report(0, "missing \"story\": {\"id\": ...}");
    } else {
      read_story_info(*info, positions);
    }
    story.extra =
        f.extra({"$schema", "factcard", "factcard_bundle", "story", "entities", "sources", "claims", "cards"});
  }

  void resolve() {
    index_entities();
    std::unordered_map<std::string, std::size_t> source_ids;
    for (std::size_t i = 0; i < story.sources.size(); ++i) source_ids.emplace(story.sources[i].id, i);
    for (Claim &claim : story.claims) resolve_claim(claim, source_ids);
    for (std::size_t i = 0; i < cards.size(); ++i) resolve_card(cards[i], card_refs[i], source_ids);
  }

private:
  void read_story_info(Json &info, const Positions &positions) {
    Fields f(info, positions, "/story", "\"story\"", problems);
    if (!f.is_object()) return;
    if (auto id = f.id()) story.info.id = *id;
    story.info.title = f.text("title", false);
    story.info.language = f.text("language", false);
    story.info.extra = f.extra({"id", "title", "language"});
  }

  void finish_entity(SlotFields &f, Json &&extra) {
    Entity e;
    e.at = f.at();
    if (auto id = f.id()) {
      e.id = std::move(*id);
      entity_ids_.add(e.id, f.at(f_id), problems);
    }
    if (auto name = f.text(f_name, "name", true)) e.name = std::move(*name);
    e.kind = f.choice<EntityKind>(f_kind, "kind", false, parse_entity_kind, "person, organization, place, other");
    e.description = f.text(f_description, "description", false);
    if (auto aliases = f.texts(f_aliases, "aliases")) e.aliases = std::move(*aliases);
    // (by item index in the file, as the positions of the aliases were always looked up)
    for (std::size_t i = 0; i < e.aliases.size(); ++i) e.alias_at.push_back(f.slot(f_aliases).text_at[i]);
    if (!extra.is_null()) e.extra = std::move(extra);
    story.entities.push_back(std::move(e));
  }

  void finish_source(SlotFields &f, Json &&extra) {
    Source s;
    s.at = f.at();
    if (auto id = f.id()) {
      s.id = std::move(*id);
      source_ids_.add(s.id, f.at(f_id), problems);
    }
    s.publisher = f.text(f_publisher, "publisher", false);
    s.headline = f.text(f_headline, "headline", false);
    s.url = f.text(f_url, "url", false);
    if (s.url && !is_web_url(*s.url)) {
      f.report(f.at(f_url), "url " + quote_text(*s.url) + " must be an absolute http: or https: address");
    }
    s.published = f.date(f_published, "published");
    s.authors = f.texts(f_authors, "authors");
    s.language = f.text(f_language, "language", false);
    if (!extra.is_null()) s.extra = std::move(extra);
    story.sources.push_back(std::move(s));
  }

  void finish_claim(SlotFields &f, Json &&extra, std::vector<Evidence> &evidence,
                    std::vector<Problem> &evidence_problems) {
    Claim c;
    c.at = f.at();
    if (auto id = f.id()) {
      c.id = std::move(*id);
      claim_ids_.add(c.id, f.at(f_id), problems);
    }
    if (auto kind = f.choice<ClaimKind>(f_kind, "kind", true, parse_claim_kind, "event, statement, quote, figure"))
      c.kind = *kind;
    read_statement(f, c, c.who, c.who_at);
    if (c.value.is_null() == false && !c.topic) f.report(f.at(f_value), "\"value\" needs a \"topic\" to compare it on");
    if (evidence_list(f, false, evidence_problems)) {
      // (a vector of its size: `evidence` is the reader's, reused from record to record)
      c.evidence.reserve(evidence.size());
      std::move(evidence.begin(), evidence.end(), std::back_inserter(c.evidence));
    }
    c.extra = std::move(extra);
    story.claims.push_back(std::move(c));
  }

  // The fields a claim and a card share, in the order their problems are reported.
  template <class Statement> void read_statement(SlotFields &f, Statement &out, std::string &who, Offset &who_at) {
    if (auto name = f.text(f_who, "who", true)) who = std::move(*name);
    who_at = f.at(f_who);
    if (auto what = f.text(f_what, "what", true)) out.what = std::move(*what);
    out.when = f.date(f_when, "when");
    out.when_text = f.text(f_when_text, "when_text", false);
    out.where = f.text(f_where, "where", false);
    out.topic = f.text(f_topic, "topic", false);
    read_value(f, out.value);
  }

  void read_value(SlotFields &f, Json &out) {
    Slot &s = f.slot(f_value);
    if (s.state == Slot::absent || s.state == Slot::null) return;
    if (s.state == Slot::container) {
      f.report(s.at, "\"value\" must be a string, a number or a boolean");
      return;
    }
    if (s.value.is_number_float() && !std::isfinite(s.value.get<double>())) {
      f.report(s.at, "\"value\" must be a finite number");
      return;
    }
    out = std::move(s.value);
  }

  // Checks "evidence" of a claim or a bundle card; true when its items count
  // (their problems then join the record's).
  bool evidence_list(SlotFields &f, bool bundle, std::vector<Problem> &evidence_problems) {
    Slot &s = f.slot(f_evidence);
    if (s.state == Slot::absent || s.state == Slot::null) {
      f.report(f.at(), std::string(bundle ? "a card" : "a claim") + " is missing \"evidence\" (at least one source)");
      return false;
    }
    if (s.state != Slot::container || !s.array || s.items == 0) {
      f.report(s.at, "\"evidence\" must be a non-empty array");
      return false;
    }
    problems.insert(problems.end(), std::make_move_iterator(evidence_problems.begin()),
                    std::make_move_iterator(evidence_problems.end()));
    return true;
  }

  void finish_card(SlotFields &f, std::vector<Evidence> &evidence, std::vector<Problem> &evidence_problems) {
    Card card;
    RawCardRefs refs;
    if (auto id = f.id()) {
      card.id = std::move(*id);
      claim_ids_.add(card.id, f.at(f_id), problems);
    }
    if (auto claims = f.texts(f_claims, "claims")) card.claims = std::move(*claims);
    if (auto kind = f.choice<ClaimKind>(f_kind, "kind", true, parse_claim_kind, "event, statement, quote, figure"))
      card.kind = *kind;
    if (auto status =
            f.choice<Status>(f_status, "status", true, parse_status, "corroborated, single-source, contested"))
      card.status = *status;
    refs.corroboration_at = f.at(f_corroboration);
    const Slot &corroboration = f.slot(f_corroboration);
    if (corroboration.state != Slot::scalar || !corroboration.value.is_number_unsigned() ||
        corroboration.value.get<unsigned long long>() > 1000000) {
      f.report(f.at(f_corroboration), "\"corroboration\" must be a whole number of outlets");
    } else {
      card.corroboration = static_cast<int>(corroboration.value.get<unsigned long long>());
    }
    read_statement(f, card, refs.who, refs.who_at);
    if (auto contradicts = f.texts(f_contradicts, "contradicts")) card.contradicts = std::move(*contradicts);
    refs.contradicts_at = f.at(f_contradicts);
    if (evidence_list(f, true, evidence_problems)) {
      card.evidence.reserve(evidence.size());
      for (Evidence &ev : evidence) {
        refs.sources.push_back(std::move(ev.source));
        refs.source_at.push_back(ev.source_at);
        refs.speakers.push_back(ev.speaker.value_or(""));
        refs.speaker_at.push_back(ev.speaker_at);
        CardEvidence ce;
        ce.quote = std::move(ev.quote);
        ce.stance = ev.stance_or_default();
        card.evidence.push_back(std::move(ce));
      }
    }
    cards.push_back(std::move(card));
    card_refs.push_back(std::move(refs));
  }

  void index_entities() {
    for (std::size_t i = 0; i < story.entities.size(); ++i) names_.add_id(story.entities[i].id, i);
    for (std::size_t i = 0; i < story.entities.size(); ++i) {
      const Entity &e = story.entities[i];
      add_entity_name(e.name, i, e.at);
      for (std::size_t a = 0; a < e.aliases.size(); ++a) add_entity_name(e.aliases[a], i, e.alias_at[a]);
    }
  }

  void add_entity_name(const std::string &name, std::size_t entity, Offset at) {
    std::size_t other = names_.add_name(name, entity);
    if (other != npos) {
      problems.push_back({at, "name " + quote_text(name) + " of entity " + quote_text(story.entities[entity].id) +
                                  " also names entity " + quote_text(story.entities[other].id) +
                                  "; give one of them a fuller name"});
    }
  }

  std::size_t resolve_entity(const std::string &reference, Offset at, const char *field) {
    NameMatch match = names_.resolve(reference);
    if (match.kind == NameMatch::found) return match.entity;
    if (match.kind == NameMatch::ambiguous) {
      std::string ids;
      for (std::size_t c : match.candidates) ids += (ids.empty() ? "" : ", ") + quote_text(story.entities[c].id);
      problems.push_back({at, std::string("ambiguous \"") + field + "\" " + quote_text(reference) +
                                  ": it fits entities " + ids + "; use an id or a fuller name"});
    } else {
      problems.push_back({at, std::string("unknown entity ") + quote_text(reference) + " in \"" + field +
                                  "\": no entity has this id or name"});
    }
    return npos;
  }

  std::size_t resolve_source(const std::string &id, Offset at,
                             const std::unordered_map<std::string, std::size_t> &source_ids) {
    auto it = source_ids.find(id);
    if (it != source_ids.end()) return it->second;
    problems.push_back({at, "evidence points at unknown source " + quote_text(id)});
    return npos;
  }

  void resolve_claim(Claim &claim, const std::unordered_map<std::string, std::size_t> &source_ids) {
    if (!claim.who.empty()) claim.who_index = resolve_entity(claim.who, claim.who_at, "who");
    for (Evidence &ev : claim.evidence) {
      if (!ev.source.empty()) ev.source_index = resolve_source(ev.source, ev.source_at, source_ids);
      if (ev.speaker) ev.speaker_index = resolve_entity(*ev.speaker, ev.speaker_at, "speaker");
    }
  }

  std::size_t entity_by_id(const std::string &id, Offset at, const char *field) {
    std::unordered_map<std::string, std::size_t> &ids = entity_id_map();
    auto it = ids.find(id);
    if (it != ids.end()) return it->second;
    problems.push_back({at, std::string("\"") + field + "\" names unknown entity id " + quote_text(id)});
    return npos;
  }

  std::unordered_map<std::string, std::size_t> &entity_id_map() {
    if (entity_id_map_.empty()) {
      for (std::size_t i = 0; i < story.entities.size(); ++i) entity_id_map_.emplace(story.entities[i].id, i);
    }
    return entity_id_map_;
  }

  void resolve_card(Card &card, const RawCardRefs &refs,
                    const std::unordered_map<std::string, std::size_t> &source_ids) {
    if (!refs.who.empty()) card.who = entity_by_id(refs.who, refs.who_at, "who");
    for (std::size_t i = 0; i < card.evidence.size(); ++i) {
      card.evidence[i].source = resolve_source(refs.sources[i], refs.source_at[i], source_ids);
      if (!refs.speakers[i].empty())
        card.evidence[i].speaker = entity_by_id(refs.speakers[i], refs.speaker_at[i], "speaker");
    }
    if (card_ids_.empty()) {
      for (const Card &c : cards) card_ids_.emplace(c.id, 0);
    }
    for (const std::string &other : card.contradicts) {
      if (!card_ids_.count(other))
        problems.push_back({refs.contradicts_at, "\"contradicts\" names unknown card " + quote_text(other)});
    }
    bool sources_ok = std::none_of(card.evidence.begin(), card.evidence.end(),
                                   [](const CardEvidence &e) { return e.source == npos; });
    if (sources_ok) {
      int outlets = count_outlets(story, card.evidence);
      if (outlets != card.corroboration) {
        problems.push_back(
            {refs.corroboration_at, "card " + quote_text(card.id) + " says " + std::to_string(card.corroboration) +
                                        " outlets but its evidence comes from " + std::to_string(outlets)});
      }
    }
  }

  std::string_view text_;
  IdTable entity_ids_{"entity"}, source_ids_{"source"}, claim_ids_{"claim"};
  NameIndex names_;
  std::unordered_map<std::string, std::size_t> entity_id_map_;
  std::unordered_map<std::string, int> card_ids_;
};

using detail::escape_pointer_token;
using detail::max_depth;
using detail::max_pointer_depth;

// The SAX handler: the document's top level (without the records) becomes a
// DOM with the positions of its shallow values, as detail::read_json makes it;
// records go to the Loader as they close. Every object is checked for
// duplicate keys (the first value stands) and nesting is limited, as the
// reader does for any document.
class StoryReader {
public:
  StoryReader(std::string_view text, detail::TokenCursor &cursor, Loader &loader)
      : text_(text), cursor_(cursor), loader_(loader), frames_(max_depth + 1) {}

  Json top;                      // the document without the records
  detail::Positions positions;   // of the values in `top`, once finish() has run
  std::vector<Problem> problems; // the reader's: duplicate keys, nesting, syntax

  bool null() { return scalar(Json(nullptr), Slot::null); }
  bool boolean(bool v) { return scalar(Json(v), Slot::scalar); }
  bool number_integer(Json::number_integer_t v) { return scalar(Json(v), Slot::scalar); }
  bool number_unsigned(Json::number_unsigned_t v) { return scalar(Json(v), Slot::scalar); }
  bool number_float(Json::number_float_t v, const std::string &) { return scalar(Json(v), Slot::scalar); }
  bool binary(Json::binary_t &) { return scalar(Json(nullptr), Slot::null); }
  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  // Strings are copied, not moved: the lexer keeps its buffer, and the copy is no larger than the text.
  bool string(std::string &v) {
    return leaf(Slot::string, &v, [&v] { return Json(v); });
  }

  bool key(std::string &k) {
    Offset at = cursor_.next();
    Frame &f = frames_[depth_ - 1];
    if (f.kind == FrameKind::record || f.kind == FrameKind::evidence) {
      // a record's known members are told apart by a bit each; only other keys are kept
      f.field = field_of(f.record, k);
      if (f.field != f_unknown) {
        std::uint32_t bit = std::uint32_t(1) << f.field;
        f.discard = (f.known & bit) != 0;
        f.known |= bit;
      } else {
        f.discard = seen_key(f, k);
        f.key.assign(k);
      }
    } else {
      f.discard = seen_key(f, k);
      f.key.assign(k);
    }
    if (f.discard) problems.push_back({at, "duplicate key \"" + k + "\""});
    return true;
  }

  bool parse_error(std::size_t position, const std::string &last_token, const nlohmann::detail::exception &ex) {
    problems.push_back(detail::syntax_problem(text_, position, last_token, ex));
    return false;
  }

  // Hands out the document's positions, once the parse is over: sorted by
  // pointer for binary search (stable: the first of equal pointers wins).
  void finish() {
    std::stable_sort(top_positions_.begin(), top_positions_.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &entry : top_positions_) positions.add(std::move(entry.first), entry.second);
    top_positions_.clear();
  }

private:
  enum class FrameKind : unsigned char {
    dom,           // a container of the document's top level, or one whose values are dropped
    section,       // a top-level array of records
    record,        // a record object
    evidence_list, // a record's "evidence" array
    evidence,      // an evidence item object
    texts,         // an array member of Shape::texts
  };
  struct Frame {
    FrameKind kind = FrameKind::dom;
    bool object = false;
    Kind record = Kind::entity;    // section, record, evidence_list, evidence: which records
    Json *target = nullptr;        // dom: the container being built, or null to drop the values
    bool positioned = false;       // dom: `pointer` is its JSON pointer, and values it holds get positions
    unsigned depth = 0;            // positioned: tokens in the pointer
    std::string pointer;           //
    bool not_object = false;       // dom: a record that is an array (reported when it closes)
    Offset at = no_offset;         // where it starts
    std::size_t items = 0;         // arrays: items so far
    Slot *slot = nullptr;          // texts, evidence_list: the member it is the value of
    std::vector<std::string> keys; // objects: keys seen (a hash set once there are many)
    std::unordered_set<std::string> key_set;
    bool hashed = false;
    std::string key; // objects: the pending member
    bool discard = false;
    Field field = f_unknown;
    std::uint32_t known = 0; // record, evidence: the known members seen
  };

  Frame &push(FrameKind kind, bool object, Offset at) {
    Frame &f = frames_[depth_++];
    f.kind = kind;
    f.object = object;
    f.target = nullptr;
    f.positioned = false;
    f.not_object = false;
    f.at = at;
    f.items = 0;
    f.slot = nullptr;
    f.keys.clear();
    if (f.hashed) {
      f.key_set.clear();
      f.hashed = false;
    }
    f.discard = false;
    f.field = f_unknown;
    f.known = 0;
    return f;
  }

  static bool seen_key(Frame &f, const std::string &k) {
    if (f.hashed) return !f.key_set.insert(k).second;
    for (const std::string &seen : f.keys)
      if (seen == k) return true;
    if (f.keys.size() < 32) {
      f.keys.push_back(k);
      return false;
    }
    for (std::string &seen : f.keys) f.key_set.insert(std::move(seen));
    f.keys.clear();
    f.hashed = true;
    f.key_set.insert(k);
    return false;
  }

  bool not_an_object(Offset at) {
    problems.push_back({at, "expected a JSON object at the top level"});
    return false;
  }

  Slot &slot_of(const Frame &f) { return (f.kind == FrameKind::evidence ? evidence_slots_ : slots_)[f.field]; }
  Json &extra_of(const Frame &f) {
    Json &extra = f.kind == FrameKind::evidence ? evidence_extra_ : extra_;
    if (extra.is_null()) extra = Json::object();
    return extra;
  }

  void text_item(Frame &p, Offset at, const std::string *text) {
    ++p.items;
    Slot &s = *p.slot;
    if (text)
      s.texts.push_back(*text);
    else
      s.texts.emplace_back();
    s.text_ok.push_back(text != nullptr);
    s.text_at.push_back(at);
  }

  // Places a value in a dom frame; returns where it went (null: dropped). When
  // the frame is positioned, `child_pointer_` is the value's pointer and the
  // result's `positioned` says so.
  Json *place(Frame &p, Json &&v, Offset at, bool *positioned = nullptr) {
    bool has_pointer = p.positioned && p.depth < max_pointer_depth;
    if (has_pointer)
      child_pointer_ = p.pointer + "/" + (p.object ? escape_pointer_token(p.key) : std::to_string(p.items));
    if (positioned) *positioned = has_pointer;
    ++p.items;
    if (p.object && p.discard) return nullptr; // a repeated key: its value is dropped, and has no position
    if (has_pointer) top_positions_.emplace_back(child_pointer_, at);
    if (!p.target) return nullptr;
    if (p.object) {
      detail::append_member(*p.target, p.key.c_str(), std::move(v));
      return &p.target->get_ref<Json::object_t &>().back().second;
    }
    p.target->push_back(std::move(v));
    return &p.target->back();
  }

  bool scalar(Json &&v, Slot::State state) {
    return leaf(state, nullptr, [&v] { return std::move(v); });
  }

  // A value that is neither an object nor an array; `text` is the string's, if it is one. The JSON
  // value is made only where it is kept (a text field keeps the text alone).
  template <class MakeJson> bool leaf(Slot::State state, const std::string *text, MakeJson make) {
    Offset at = cursor_.next();
    if (depth_ == 0) return not_an_object(at);
    Frame &p = frames_[depth_ - 1];
    switch (p.kind) {
    case FrameKind::record:
    case FrameKind::evidence:
      if (p.discard) return true;
      if (p.field == f_unknown) {
        detail::append_member(extra_of(p), p.key.c_str(), make());
      } else {
        Slot &s = slot_of(p);
        s.state = state;
        s.at = at;
        if (shape_of(p.field) == Shape::scalar)
          s.value = make();
        else if (text)
          s.text.assign(*text);
      }
      return true;
    case FrameKind::texts:
      text_item(p, at, text);
      return true;
    case FrameKind::evidence_list:
      ++p.items;
      evidence_problems_.push_back({at, "expected evidence to be a JSON object"});
      return true;
    case FrameKind::section:
      loader_.problems.push_back({at, std::string("expected ") + noun_of(p.record) + " to be a JSON object"});
      return true;
    case FrameKind::dom:
      place(p, make(), at);
      return true;
    }
    return true;
  }

  bool open(bool object) {
    Offset at = cursor_.next();
    if (depth_ == 0) {
      if (!object) return not_an_object(at);
      top = Json::object();
      Frame &f = push(FrameKind::dom, true, at);
      f.target = &top;
      f.positioned = true;
      f.depth = 0;
      f.pointer.clear();
      top_positions_.emplace_back("", at);
      return true;
    }
    if (depth_ >= max_depth) {
      problems.push_back({at, "nesting deeper than " + std::to_string(max_depth) + " levels"});
      return false;
    }
    Frame &p = frames_[depth_ - 1];
    switch (p.kind) {
    case FrameKind::dom: {
      Kind section;
      if (depth_ == 1 && !object && !p.discard && section_of(p.key, section)) {
        place(p, Json::array(), at); // the document keeps an empty array; the records go to the loader
        push(FrameKind::section, false, at).record = section;
        return true;
      }
      bool positioned = false;
      Json *placed = place(p, object ? Json::object() : Json::array(), at, &positioned);
      Frame &f = push(FrameKind::dom, object, at);
      f.target = placed;
      if (positioned) {
        f.positioned = true;
        f.depth = p.depth + 1;
        f.pointer = child_pointer_;
      }
      return true;
    }
    case FrameKind::section:
      if (object) {
        start_record(push(FrameKind::record, true, at), p.record);
      } else {
        Frame &f = push(FrameKind::dom, false, at);
        f.not_object = true;
        f.record = p.record;
      }
      return true;
    case FrameKind::record:
    case FrameKind::evidence: {
      if (p.discard) {
        push(FrameKind::dom, object, at);
        return true;
      }
      if (p.field == f_unknown) {
        Json &extra = extra_of(p);
        detail::append_member(extra, p.key.c_str(), object ? Json::object() : Json::array());
        push(FrameKind::dom, object, at).target = &extra.get_ref<Json::object_t &>().back().second;
        return true;
      }
      Slot &s = slot_of(p);
      s.state = Slot::container;
      s.array = !object;
      s.at = at;
      s.items = 0;
      Shape shape = shape_of(p.field);
      if (!object && shape == Shape::texts) {
        s.texts.clear();
        s.text_ok.clear();
        s.text_at.clear();
        push(FrameKind::texts, false, at).slot = &s;
      } else if (!object && shape == Shape::evidence) {
        Frame &f = push(FrameKind::evidence_list, false, at);
        f.slot = &s;
        f.record = p.record;
      } else {
        push(FrameKind::dom, object, at);
      }
      return true;
    }
    case FrameKind::texts:
      text_item(p, at, nullptr);
      push(FrameKind::dom, object, at);
      return true;
    case FrameKind::evidence_list:
      ++p.items;
      if (object) {
        Frame &f = push(FrameKind::evidence, true, at);
        f.record = Kind::evidence;
        for (Slot &s : evidence_slots_) s.state = Slot::absent;
        evidence_extra_ = Json();
      } else {
        evidence_problems_.push_back({at, "expected evidence to be a JSON object"});
        push(FrameKind::dom, false, at);
      }
      return true;
    }
    return true;
  }

  bool close() {
    cursor_.next();
    Frame &f = frames_[--depth_];
    switch (f.kind) {
    case FrameKind::record:
      loader_.finish_record(f.record, slots_, f.at, std::move(extra_), evidence_, evidence_problems_);
      extra_ = Json();
      break;
    case FrameKind::evidence:
      evidence_.push_back(
          Loader::finish_evidence(evidence_slots_, f.at, std::move(evidence_extra_), evidence_problems_));
      evidence_extra_ = Json();
      break;
    case FrameKind::evidence_list:
    case FrameKind::texts:
      f.slot->items = f.items;
      break;
    case FrameKind::dom:
      if (f.not_object)
        loader_.problems.push_back({f.at, std::string("expected ") + noun_of(f.record) + " to be a JSON object"});
      break;
    case FrameKind::section:
      break;
    }
    return true;
  }

  void start_record(Frame &f, Kind kind) {
    f.record = kind;
    for (Slot &s : slots_) s.state = Slot::absent;
    extra_ = Json();
    evidence_.clear();
    evidence_problems_.clear();
  }

  static bool section_of(const std::string &key, Kind &kind) {
    if (key == "entities")
      kind = Kind::entity;
    else if (key == "sources")
      kind = Kind::source;
    else if (key == "claims")
      kind = Kind::claim;
    else if (key == "cards")
      kind = Kind::card;
    else
      return false;
    return true;
  }

  std::string_view text_;
  detail::TokenCursor &cursor_;
  Loader &loader_;
  std::vector<Frame> frames_; // frames_[0, depth_) are open; sized once, so references stay valid
  std::size_t depth_ = 0;
  std::vector<std::pair<std::string, Offset>> top_positions_;
  std::string child_pointer_;
  // the record being read
  Slot slots_[field_count];
  Json extra_;
  std::vector<Evidence> evidence_;
  std::vector<Problem> evidence_problems_;
  // the evidence item being read
  Slot evidence_slots_[field_count];
  Json evidence_extra_;
};

Diagnostics to_diagnostics(std::vector<Problem> problems, std::string_view text, const std::string &file) {
  std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) { return a.at < b.at; });
  // One walk over the text for all problems, in file order, with the rules of detail::LineIndex
  // (columns in code points, after a byte order mark on line 1): 100,000 problems on one long
  // line must not cost 100,000 scans of that line.
  Diagnostics out;
  std::size_t line = 1, column = 1, offset = 0;
  bool bom = text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF";
  for (const Problem &p : problems) {
    std::size_t target = std::min<std::size_t>(p.at, text.size());
    if (bom && offset < 3 && target >= 3) {
      offset = 3;
      column = 1;
    }
    for (; offset < target; ++offset) {
      if (text[offset] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    out.push_back({file, line, column, p.message});
  }
  return out;
}

// Runs the loader over a text: every record, then the references.
Result<Loader> run_loader(std::string_view text, const std::string &file, bool allow_bundle) {
  Loader loader(text);
  detail::TokenCursor cursor(text);
  StoryReader reader(text, cursor, loader);
  // A syntax error stops the read; duplicate keys are reported and skipped.
  bool parsed = detail::sax_parse(text, cursor, reader);
  reader.finish();
  parsed = parsed && detail::check_no_nul(text, reader.problems);
  if (parsed && !reader.top.is_object()) reader.problems.push_back({0, "expected a JSON object at the top level"});
  loader.problems.insert(loader.problems.end(), reader.problems.begin(), reader.problems.end());
  if (parsed && reader.top.is_object()) {
    loader.read_top(reader.top, reader.positions);
    if (loader.is_bundle && !allow_bundle) {
      loader.problems.push_back({0, "this is a compiled bundle, not a story file"});
    }
    loader.resolve();
  }
  if (!loader.problems.empty()) return to_diagnostics(std::move(loader.problems), text, file);
  return loader;
}

void put(Json &out, const char *key, const std::optional<std::string> &value) {
  if (value) out[key] = *value;
}

void append_extra(Json &out, const Json &extra) {
  for (auto it = extra.begin(); it != extra.end(); ++it) out[it.key()] = it.value();
}

Json entity_to_json(const Entity &e) {
  Json out = Json::object();
  out["id"] = e.id;
  out["name"] = e.name;
  if (e.kind) out["kind"] = to_string(*e.kind);
  put(out, "description", e.description);
  if (!e.aliases.empty()) out["aliases"] = e.aliases;
  append_extra(out, e.extra);
  return out;
}

Json source_to_json(const Source &s) {
  Json out = Json::object();
  out["id"] = s.id;
  put(out, "publisher", s.publisher);
  put(out, "headline", s.headline);
  put(out, "url", s.url);
  if (s.published) out["published"] = s.published->to_string();
  if (s.authors) out["authors"] = *s.authors;
  put(out, "language", s.language);
  append_extra(out, s.extra);
  return out;
}

Json evidence_to_json(const Evidence &ev) {
  Json out = Json::object();
  out["source"] = ev.source;
  out["quote"] = ev.quote;
  if (ev.stance) out["stance"] = to_string(*ev.stance);
  put(out, "speaker", ev.speaker);
  append_extra(out, ev.extra);
  return out;
}

Json claim_to_json(const Claim &c) {
  Json out = Json::object();
  out["id"] = c.id;
  out["kind"] = to_string(c.kind);
  out["who"] = c.who;
  out["what"] = c.what;
  if (c.when) out["when"] = c.when->to_string();
  put(out, "when_text", c.when_text);
  put(out, "where", c.where);
  put(out, "topic", c.topic);
  if (!c.value.is_null()) out["value"] = c.value;
  Json evidence = Json::array();
  for (const Evidence &ev : c.evidence) evidence.push_back(evidence_to_json(ev));
  out["evidence"] = std::move(evidence);
  append_extra(out, c.extra);
  return out;
}

} // namespace

Result<Story> load_story(std::string_view text, const std::string &file) {
  Result<Loader> loaded = run_loader(text, file, false);
  if (!loaded) return loaded.errors();
  return std::move(loaded->story);
}

Result<LoadedInput> load_input(std::string_view text, const std::string &file) {
  Result<Loader> loaded = run_loader(text, file, true);
  if (!loaded) return loaded.errors();
  LoadedInput input;
  input.kind = loaded->is_bundle ? InputKind::bundle : InputKind::story;
  input.story = std::move(loaded->story);
  input.cards = std::move(loaded->cards);
  return input;
}

Result<CardSet> load_cards(std::string_view text, const std::string &file) {
  Result<LoadedInput> loaded = load_input(text, file);
  if (!loaded) return loaded.errors();
  CardSet set;
  set.from_bundle = loaded->kind == InputKind::bundle;
  set.story = std::move(loaded->story);
  set.cards = set.from_bundle ? std::move(loaded->cards) : compute_cards(set.story);
  return set;
}

Json errors_to_json(const Diagnostics &errors) {
  Json list = Json::array();
  for (const Diagnostic &d : errors) list.push_back({{"line", d.line}, {"column", d.column}, {"message", d.message}});
  Json out = Json::object();
  out["errors"] = std::move(list);
  return out;
}

Json story_to_json(const Story &story) {
  Json out = Json::object();
  if (story.schema) out["$schema"] = *story.schema;
  out["factcard"] = 1;
  Json info = Json::object();
  info["id"] = story.info.id;
  put(info, "title", story.info.title);
  put(info, "language", story.info.language);
  append_extra(info, story.info.extra);
  out["story"] = std::move(info);
  Json entities = Json::array(), sources = Json::array(), claims = Json::array();
  for (const Entity &e : story.entities) entities.push_back(entity_to_json(e));
  for (const Source &s : story.sources) sources.push_back(source_to_json(s));
  for (const Claim &c : story.claims) claims.push_back(claim_to_json(c));
  out["entities"] = std::move(entities);
  out["sources"] = std::move(sources);
  out["claims"] = std::move(claims);
  append_extra(out, story.extra);
  return out;
}

std::string save_story(const Story &story) { return detail::dump_json(story_to_json(story), 2) + "\n"; }

} // namespace factcard
