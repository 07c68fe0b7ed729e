#include "factcard/load.hpp"
#include "factcard/names.hpp"
#include "factcard/publish.hpp"

#include "json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <unordered_map>

namespace factcard {
namespace {

using detail::Positions;
using detail::Problem;
using detail::Record;

// A value as an error message shows it: JSON-escaped, cut after 80 bytes.
std::string quote_text(std::string_view text) {
  std::string shown(text.substr(0, 80));
  if (text.size() > 80) shown += "...";
  return detail::dump_json(Json(shown));
}

bool is_blank(const std::string &s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// Reads the fields of one JSON object, reporting each problem at the
// position of the offending value (or of the object, for a missing field).
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

  std::optional<Date> date(const char *key) {
    std::optional<std::string> value = text(key, false);
    if (!value) return std::nullopt;
    std::optional<Date> parsed = parse_date(*value);
    if (!parsed) {
      report(at(key), "bad date " + quote_text(*value) +
                          ": expected YYYY, YYYY-MM or YYYY-MM-DD (optionally with a leading ~), or \"unknown\"");
    }
    return parsed;
  }

  std::optional<std::vector<std::string>> texts(const char *key) {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return std::nullopt;
    if (!it->is_array()) {
      report(at(key), std::string("\"") + key + "\" must be an array of strings");
      return std::nullopt;
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json &item = (*it)[i];
      std::string item_pointer = pointer_ + "/" + key + "/" + std::to_string(i);
      if (!item.is_string() || is_blank(item.get_ref<const std::string &>())) {
        report(positions_.at(item_pointer, at(key)), std::string("items of \"") + key + "\" must be non-empty strings");
        continue;
      }
      out.push_back(item.get_ref<const std::string &>());
    }
    return out;
  }

  template <class Enum>
  std::optional<Enum> choice(const char *key, bool required, std::optional<Enum> (*parse)(std::string_view),
                             const char *allowed) {
    std::optional<std::string> value = text(key, required);
    if (!value) return std::nullopt;
    std::optional<Enum> parsed = parse(*value);
    if (!parsed)
      report(at(key), std::string("\"") + key + "\" must be one of " + allowed + ", not " + quote_text(*value));
    return parsed;
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

  Json &object() { return object_; }
  const std::string &pointer() const { return pointer_; }
  const Positions &positions() const { return positions_; }

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

// Builds a Story (and, for bundles, its cards) from streamed records.
class Loader {
public:
  explicit Loader(std::string_view text) : text_(text) {}

  std::vector<Problem> problems;
  Story story;
  std::vector<Card> cards;
  std::vector<RawCardRefs> card_refs;
  bool is_bundle = false;

  void on_record(Record &&record) {
    if (record.section == "entities")
      read_entity(record);
    else if (record.section == "sources")
      read_source(record);
    else if (record.section == "claims")
      read_claim(record);
    else if (record.section == "cards")
      read_card(record);
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

  void read_entity(Record &r) {
    Fields f(r.value, r.positions, "", "an entity", problems);
    if (!f.is_object()) return;
    Entity e;
    e.at = r.at;
    if (auto id = f.id()) {
      e.id = *id;
      entity_ids_.add(e.id, f.at("id"), problems);
    }
    if (auto name = f.text("name", true)) e.name = *name;
    e.kind = f.choice<EntityKind>("kind", false, parse_entity_kind, "person, organization, place, other");
    e.description = f.text("description", false);
    if (auto aliases = f.texts("aliases")) e.aliases = *aliases;
    for (std::size_t i = 0; i < e.aliases.size(); ++i) {
      e.alias_at.push_back(r.positions.at("/aliases/" + std::to_string(i), f.at("aliases")));
    }
    e.extra = f.extra({"id", "name", "kind", "description", "aliases"});
    story.entities.push_back(std::move(e));
  }

  void read_source(Record &r) {
    Fields f(r.value, r.positions, "", "a source", problems);
    if (!f.is_object()) return;
    Source s;
    s.at = r.at;
    if (auto id = f.id()) {
      s.id = *id;
      source_ids_.add(s.id, f.at("id"), problems);
    }
    s.publisher = f.text("publisher", false);
    s.headline = f.text("headline", false);
    s.url = f.text("url", false);
    if (s.url && !is_web_url(*s.url)) {
      f.report(f.at("url"), "url " + quote_text(*s.url) + " must be an absolute http: or https: address");
    }
    s.published = f.date("published");
    s.authors = f.texts("authors");
    s.language = f.text("language", false);
    s.extra = f.extra({"id", "publisher", "headline", "url", "published", "authors", "language"});
    story.sources.push_back(std::move(s));
  }

  void read_claim(Record &r) {
    Fields f(r.value, r.positions, "", "a claim", problems);
    if (!f.is_object()) return;
    Claim c;
    c.at = r.at;
    if (auto id = f.id()) {
      c.id = *id;
      claim_ids_.add(c.id, f.at("id"), problems);
    }
    if (auto kind = f.choice<ClaimKind>("kind", true, parse_claim_kind, "event, statement, quote, figure"))
      c.kind = *kind;
    if (auto who = f.text("who", true)) c.who = *who;
    c.who_at = f.at("who");
    if (auto what = f.text("what", true)) c.what = *what;
    c.when = f.date("when");
    c.when_text = f.text("when_text", false);
    c.where = f.text("where", false);
    c.topic = f.text("topic", false);
    read_value(f, c.value);
    if (c.value.is_null() == false && !c.topic) f.report(f.at("value"), "\"value\" needs a \"topic\" to compare it on");
    read_evidence_list(f, c.evidence, false);
    c.extra = f.extra({"id", "kind", "who", "what", "when", "when_text", "where", "topic", "value", "evidence"});
    story.claims.push_back(std::move(c));
  }

  void read_value(Fields &f, Json &out) {
    auto it = f.object().find("value");
    if (it == f.object().end() || it->is_null()) return;
    if (it->is_object() || it->is_array()) {
      f.report(f.at("value"), "\"value\" must be a string, a number or a boolean");
      return;
    }
    if (it->is_number_float() && !std::isfinite(it->get<double>())) {
      f.report(f.at("value"), "\"value\" must be a finite number");
      return;
    }
    out = *it;
  }

  // Reads "evidence" of a claim (references by name allowed) or of a bundle
  // card (references by id only; `refs` collects them).
  void read_evidence_list(Fields &f, std::vector<Evidence> &out, bool bundle, RawCardRefs *refs = nullptr) {
    auto it = f.object().find("evidence");
    if (it == f.object().end() || it->is_null()) {
      f.report(f.at(), std::string(bundle ? "a card" : "a claim") + " is missing \"evidence\" (at least one source)");
      return;
    }
    if (!it->is_array() || it->empty()) {
      f.report(f.at("evidence"), "\"evidence\" must be a non-empty array");
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      Fields e((*it)[i], f.positions(), "/evidence/" + std::to_string(i), "evidence", problems);
      if (!e.is_object()) continue;
      Evidence ev;
      ev.at = e.at();
      if (auto source = e.text("source", true)) ev.source = *source;
      ev.source_at = e.at("source");
      if (auto quote = e.text("quote", true)) ev.quote = *quote;
      ev.stance = e.choice<Stance>("stance", false, parse_stance, "supports, refutes");
      ev.speaker = e.text("speaker", false);
      ev.speaker_at = e.at("speaker");
      ev.extra = e.extra({"source", "quote", "stance", "speaker"});
      if (refs) {
        refs->sources.push_back(ev.source);
        refs->source_at.push_back(ev.source_at);
        refs->speakers.push_back(ev.speaker.value_or(""));
        refs->speaker_at.push_back(ev.speaker_at);
      }
      out.push_back(std::move(ev));
    }
  }

  void read_card(Record &r) {
    Fields f(r.value, r.positions, "", "a card", problems);
    if (!f.is_object()) return;
    Card card;
    RawCardRefs refs;
    if (auto id = f.id()) {
      card.id = *id;
      claim_ids_.add(card.id, f.at("id"), problems);
    }
    if (auto claims = f.texts("claims")) card.claims = *claims;
    if (auto kind = f.choice<ClaimKind>("kind", true, parse_claim_kind, "event, statement, quote, figure"))
      card.kind = *kind;
    if (auto status = f.choice<Status>("status", true, parse_status, "corroborated, single-source, contested"))
      card.status = *status;
    refs.corroboration_at = f.at("corroboration");
    auto corroboration = f.object().find("corroboration");
    if (corroboration == f.object().end() || !corroboration->is_number_unsigned() ||
        corroboration->get<unsigned long long>() > 1000000) {
      f.report(f.at("corroboration"), "\"corroboration\" must be a whole number of outlets");
    } else {
      card.corroboration = static_cast<int>(corroboration->get<unsigned long long>());
    }
    if (auto who = f.text("who", true)) refs.who = *who;
    refs.who_at = f.at("who");
    if (auto what = f.text("what", true)) card.what = *what;
    card.when = f.date("when");
    card.when_text = f.text("when_text", false);
    card.where = f.text("where", false);
    card.topic = f.text("topic", false);
    read_value(f, card.value);
    if (auto contradicts = f.texts("contradicts")) card.contradicts = *contradicts;
    refs.contradicts_at = f.at("contradicts");
    std::vector<Evidence> evidence;
    read_evidence_list(f, evidence, true, &refs);
    for (Evidence &ev : evidence) {
      CardEvidence ce;
      ce.quote = std::move(ev.quote);
      ce.stance = ev.stance_or_default();
      card.evidence.push_back(std::move(ce));
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
  detail::ReadResult read = detail::read_json(text, {"entities", "sources", "claims", "cards"},
                                              [&](Record &&r) { loader.on_record(std::move(r)); });
  loader.problems.insert(loader.problems.end(), read.problems.begin(), read.problems.end());
  if (read.syntax_ok) {
    loader.read_top(read.top, read.positions);
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

Result<CardSet> load_cards(std::string_view text, const std::string &file) {
  Result<Loader> loaded = run_loader(text, file, true);
  if (!loaded) return loaded.errors();
  CardSet set;
  set.from_bundle = loaded->is_bundle;
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
