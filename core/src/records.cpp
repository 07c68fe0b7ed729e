#include "records.hpp"

#include "factcard/check.hpp"

#include "messages.hpp"
#include "stable_order.hpp"

#include <algorithm>
#include <iterator>

namespace factcard {
namespace detail {

void Records::story_path() {
  claim_reader = &Records::read_claim;
  story_rules = &check_and_resolve;
}

void Records::read_claim(Records &records, FieldReader &f, Json &&extra, NestedItems &nested) {
  records.finish_claim(f, std::move(extra), nested);
}

void Records::finish_record(Kind kind, Slot *slots, Location at, Json &&extra, NestedItems &nested) {
  FieldReader f(slots, at, noun_of(kind), problems);
  switch (kind) {
  case Kind::entity:
    return finish_entity(f, std::move(extra));
  case Kind::source:
    return finish_source(f, std::move(extra));
  case Kind::claim:
    if (claim_reader) claim_reader(*this, f, std::move(extra), nested);
    return;
  case Kind::card:
    return finish_card(f, nested);
  case Kind::file:
  case Kind::info:
  case Kind::evidence:
  case Kind::update:
    return;
  }
}

Evidence Records::finish_evidence(Slot *slots, Location at, Json &&extra, std::vector<Problem> &problems) {
  FieldReader e(slots, at, "evidence", problems);
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

namespace {

// A day, not a month or "about": a correction, like a publication, happens on
// a given day. Reports anything else at the field.
std::optional<Date> read_day(FieldReader &f, Field field, const char *key, bool required, const char *what) {
  std::optional<std::string> text = f.text(field, key, required);
  if (!text) return std::nullopt;
  std::optional<Date> day = parse_date(*text);
  if (day && day->precision == Precision::day && !day->approximate && !day->on_or_before) return day;
  f.report(f.at(field), std::string("bad ") + what + " " + quote_text(*text) + ": expected a day, YYYY-MM-DD");
  return std::nullopt;
}

} // namespace

Update Records::finish_update(Slot *slots, Location at, Json &&extra, std::vector<Problem> &problems) {
  FieldReader u(slots, at, "an update", problems);
  Update up;
  up.at = at;
  if (std::optional<Date> day = read_day(u, f_date, "date", true, "update date")) up.date = *day;
  if (auto note = u.text(f_note, "note", true)) up.note = std::move(*note);
  up.extra = std::move(extra);
  return up;
}

void Records::finish_file(Slot *file_slots, Location at, Json &&extra, Slot *info_slots, Json &&info_extra) {
  FieldReader f(file_slots, at, "the file", problems);
  is_bundle = f.present(f_factcard_bundle);
  has_claims = f.present(f_claims);
  Field version_field = is_bundle ? f_factcard_bundle : f_factcard;
  const char *version_key = is_bundle ? "factcard_bundle" : "factcard";
  const Slot &version = f.slot(version_field);
  if (version.state == Slot::absent) {
    f.report(0, "missing \"factcard\": 1 (the story format version)");
  } else if (!version.value.is_number_integer() || version.value.get<long long>() != 1) {
    f.report(version.at, std::string("\"") + version_key + "\" must be 1, the only format version this tool reads");
  }
  if (is_bundle && f.present(f_claims)) f.report(f.at(f_claims), "a bundle has \"cards\", not \"claims\"");
  if (!is_bundle && f.present(f_cards))
    f.report(f.at(f_cards), "a story file has \"claims\", not \"cards\" (bundles say \"factcard_bundle\": 1)");
  story.schema = f.text(f_schema, "$schema", false);
  const std::pair<Field, const char *> sections[] = {
      {f_entities, "entities"}, {f_sources, "sources"}, {f_claims, "claims"}, {f_cards, "cards"}};
  for (const auto &section : sections) {
    const Slot &s = f.slot(section.first);
    if (s.state != Slot::absent && !(s.state == Slot::container && s.array))
      f.report(s.at, std::string("\"") + section.second + "\" must be an array");
  }
  if (!f.present(f_story)) {
    f.report(0, "missing \"story\": {\"id\": ...}");
  } else {
    read_info(f.slot(f_story), info_slots, std::move(info_extra));
  }
  story.extra = extra.is_null() ? Json(Json::value_t::object) : std::move(extra);
}

void Records::read_info(const Slot &value, Slot *info_slots, Json &&info_extra) {
  if (value.state != Slot::container || value.array) {
    problems.push_back({value.at, "expected \"story\" to be a JSON object"});
    return;
  }
  FieldReader f(info_slots, value.at, noun_of(Kind::info), problems);
  if (auto id = f.id()) story.info.id = *id;
  story.info.title = f.text(f_title, "title", false);
  story.info.language = f.text(f_language, "language", false);
  story.info.published = read_day(f, f_published, "published", false, "story published date");
  story.info.extra = info_extra.is_null() ? Json(Json::value_t::object) : std::move(info_extra);
}

void Records::finish_entity(FieldReader &f, Json &&extra) {
  Entity e;
  e.at = f.at();
  if (auto id = f.id()) e.id = std::move(*id);
  e.id_at = f.at(f_id);
  if (auto name = f.text(f_name, "name", true)) e.name = std::move(*name);
  e.kind = f.choice<EntityKind>(f_kind, "kind", false, parse_entity_kind, "person, organization, place, other");
  e.description = f.text(f_description, "description", false);
  if (auto aliases = f.texts(f_aliases, "aliases")) e.aliases = std::move(*aliases);
  // (by item index in the file, as the positions of the aliases were always looked up)
  for (std::size_t i = 0; i < e.aliases.size(); ++i) e.alias_at.push_back(f.slot(f_aliases).text_at[i]);
  if (!extra.is_null()) e.extra = std::move(extra);
  story.entities.push_back(std::move(e));
}

void Records::finish_source(FieldReader &f, Json &&extra) {
  Source s;
  s.at = f.at();
  if (auto id = f.id()) s.id = std::move(*id);
  s.id_at = f.at(f_id);
  s.publisher = f.text(f_publisher, "publisher", false);
  s.headline = f.text(f_headline, "headline", false);
  s.url = f.text(f_url, "url", false);
  s.url_at = f.at(f_url);
  s.published = f.date(f_published, "published");
  s.authors = f.texts(f_authors, "authors");
  s.language = f.text(f_language, "language", false);
  if (!extra.is_null()) s.extra = std::move(extra);
  story.sources.push_back(std::move(s));
}

void Records::finish_claim(FieldReader &f, Json &&extra, NestedItems &nested) {
  Claim c;
  c.at = f.at();
  if (auto id = f.id()) c.id = std::move(*id);
  c.id_at = f.at(f_id);
  if (auto kind = f.choice<ClaimKind>(f_kind, "kind", true, parse_claim_kind, "event, statement, quote, figure"))
    c.kind = *kind;
  read_statement(f, c, c.who, c.who_at);
  c.value_at = f.at(f_value);
  if (evidence_list(f, false, nested.evidence_problems)) {
    // (a vector of its size: `nested` is the reader's, reused from record to record)
    c.evidence.reserve(nested.evidence.size());
    std::move(nested.evidence.begin(), nested.evidence.end(), std::back_inserter(c.evidence));
  }
  c.updates = update_list(f, nested);
  c.extra = std::move(extra);
  story.claims.push_back(std::move(c));
}

// The fields a claim and a card share, in the order their problems are reported.
template <class Statement>
void Records::read_statement(FieldReader &f, Statement &out, std::string &who, Location &who_at) {
  if (auto name = f.text(f_who, "who", true)) who = std::move(*name);
  who_at = f.at(f_who);
  if (auto what = f.text(f_what, "what", true)) out.what = std::move(*what);
  out.when = f.date(f_when, "when");
  out.when_text = f.text(f_when_text, "when_text", false);
  out.where = f.text(f_where, "where", false);
  out.topic = f.text(f_topic, "topic", false);
  out.value = f.value();
}

// Checks "evidence" of a claim or a bundle card; true when its items count
// (their problems then join the record's).
bool Records::evidence_list(FieldReader &f, bool bundle, std::vector<Problem> &evidence_problems) {
  Slot &s = f.slot(f_evidence);
  if (s.state == Slot::absent || s.state == Slot::null) {
    f.report(f.at(), std::string(bundle ? "a card" : "a claim") + " is missing \"evidence\" (at least one source)");
    return false;
  }
  if (s.state != Slot::container || !s.array || s.items == 0) {
    f.report(s.at, "\"evidence\" must be a non-empty array");
    return false;
  }
  move_problems(evidence_problems, problems);
  return true;
}

std::vector<Update> Records::update_list(FieldReader &f, NestedItems &nested) {
  Slot &s = f.slot(f_updates);
  if (s.state == Slot::absent || s.state == Slot::null) return {};
  if (s.state != Slot::container || !s.array) {
    f.report(s.at, "\"updates\" must be an array of {\"date\", \"note\"} objects");
    return {};
  }
  move_problems(nested.update_problems, problems);
  return std::vector<Update>(std::make_move_iterator(nested.updates.begin()),
                             std::make_move_iterator(nested.updates.end()));
}

void Records::finish_card(FieldReader &f, NestedItems &nested) {
  Card card;
  CardRefs refs;
  refs.at = f.at();
  if (auto id = f.id()) card.id = std::move(*id);
  refs.id_at = f.at(f_id);
  if (auto claims = f.texts(f_claims, "claims")) card.claims = std::move(*claims);
  if (auto kind = f.choice<ClaimKind>(f_kind, "kind", true, parse_claim_kind, "event, statement, quote, figure"))
    card.kind = *kind;
  if (auto status = f.choice<Status>(f_status, "status", true, parse_status, "corroborated, single-source, contested"))
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
  if (evidence_list(f, true, nested.evidence_problems)) {
    card.evidence.reserve(nested.evidence.size());
    for (Evidence &ev : nested.evidence) {
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
  // newest first, as a card shows them, whatever wrote the bundle
  card.updates = update_list(f, nested);
  for (Update &u : card.updates) u.extra = Json();
  stable_sort_by(card.updates, newer_first);
  cards.push_back(std::move(card));
  card_refs.push_back(std::move(refs));
}

void Records::check_all() {
  // A bundle's cards name entities by id, so its names need not tell them apart: bundles get
  // check_records whichever loader reads them, and load_bundle answers as load_input does.
  std::vector<Finding> findings = story_rules && !is_bundle ? story_rules(story) : check_records(story);
  for (Finding &f : findings) problems.push_back({f.at, std::move(f.message)});
  if (cards.empty()) return;
  unique_card_ids();
  StringIndex source_ids;
  for (std::size_t i = 0; i < story.sources.size(); ++i) source_ids.insert(story.sources[i].id, i);
  StringIndex card_ids;
  for (const Card &c : cards) card_ids.insert(c.id);
  for (std::size_t i = 0; i < cards.size(); ++i) check_card(cards[i], card_refs[i], source_ids, card_ids);
}

// Card ids share one space with claim ids (a file may wrongly hold both): the
// first in the file keeps its id, later ones are reported. Claims among
// themselves are check()'s.
void Records::unique_card_ids() {
  struct Use {
    Location record, at;
    const std::string *id;
    bool card;
  };
  std::vector<Use> uses;
  for (const Claim &c : story.claims)
    if (!c.id.empty()) uses.push_back({c.at, c.id_at, &c.id, false});
  for (std::size_t i = 0; i < cards.size(); ++i)
    if (!cards[i].id.empty()) uses.push_back({card_refs[i].at, card_refs[i].id_at, &cards[i].id, true});
  stable_sort_by(uses, [](const Use &use) { return use.record; });
  struct Seen {
    bool first_is_card, claim;
  };
  std::vector<Seen> seen; // by the index of its id in `ids`
  StringIndex ids;
  for (const Use &use : uses) {
    if (ids.insert(*use.id, seen.size())) {
      seen.push_back({use.card, !use.card});
      continue;
    }
    Seen &first = seen[ids.find(*use.id)];
    // a claim after another claim of its id is check()'s to report
    bool report = use.card || (first.first_is_card && !first.claim);
    if (!use.card) first.claim = true;
    if (report) problems.push_back({use.at, "duplicate claim id " + quote_text(*use.id)});
  }
}

std::size_t Records::entity_by_id(const std::string &id, Location at, const char *field) {
  if (entity_ids_.empty()) {
    for (std::size_t i = 0; i < story.entities.size(); ++i) entity_ids_.insert(story.entities[i].id, i);
  }
  std::size_t found = entity_ids_.find(id);
  if (found != StringIndex::none) return found;
  problems.push_back({at, std::string("\"") + field + "\" names unknown entity id " + quote_text(id)});
  return npos;
}

void Records::check_card(Card &card, const CardRefs &refs, const StringIndex &source_ids, const StringIndex &card_ids) {
  if (!refs.who.empty()) card.who = entity_by_id(refs.who, refs.who_at, "who");
  for (std::size_t i = 0; i < card.evidence.size(); ++i) {
    std::size_t source = source_ids.find(refs.sources[i]);
    if (source != StringIndex::none) {
      card.evidence[i].source = source;
    } else {
      card.evidence[i].source = npos;
      problems.push_back({refs.source_at[i], unknown_source_message(refs.sources[i])});
    }
    if (!refs.speakers[i].empty())
      card.evidence[i].speaker = entity_by_id(refs.speakers[i], refs.speaker_at[i], "speaker");
  }
  for (const std::string &other : card.contradicts) {
    if (!card_ids.contains(other))
      problems.push_back({refs.contradicts_at, "\"contradicts\" names unknown card " + quote_text(other)});
  }
  bool sources_ok =
      std::none_of(card.evidence.begin(), card.evidence.end(), [](const CardEvidence &e) { return e.source == npos; });
  if (sources_ok) {
    int outlets = count_outlets(story, card.evidence);
    if (outlets != card.corroboration) {
      problems.push_back(
          {refs.corroboration_at, "card " + quote_text(card.id) + " says " + std::to_string(card.corroboration) +
                                      " outlets but its evidence comes from " + std::to_string(outlets)});
    }
  }
}

} // namespace detail
} // namespace factcard
