// The rules of a story, applied once for every reader (docs/FORMAT.md says
// what they are; the readers check the form of each field before this).
#include "factcard/check.hpp"
#include "factcard/names.hpp"
#include "factcard/publish.hpp"

#include "json_reader.hpp"
#include "messages.hpp"
#include "string_index.hpp"

namespace factcard {

namespace detail {

std::string bad_id_message(std::string_view id) {
  return "id " + quote_text(id) + " must use only a-z, 0-9, '-', '_' and '.', and not start with '.'";
}

std::string unknown_source_message(std::string_view id) {
  return "evidence points at unknown source " + quote_text(id);
}

} // namespace detail

namespace {

using detail::quote_text;

class Checker {
public:
  Checker(const Story &story, Story *resolve_into) : story_(story), out_(resolve_into) {}

  std::vector<Finding> run() {
    unique_ids();
    record_rules();
    index_entities();
    for (std::size_t i = 0; i < story_.sources.size(); ++i) source_ids_.insert(story_.sources[i].id, i);
    for (std::size_t i = 0; i < story_.claims.size(); ++i) resolve_claim(i);
    return std::move(findings_);
  }

  // A bundle's records: its cards name entities by id only, so nothing is resolved by name.
  std::vector<Finding> run_on_records() {
    unique_ids();
    record_rules();
    return std::move(findings_);
  }

private:
  void report(Location at, std::string message) { findings_.push_back({at, std::move(message)}); }

  // A second use of an id is reported where it is, once per record kind.
  template <class Records> void unique(const Records &records, const char *noun) {
    detail::StringIndex seen; // the reader's set type too: one copy of its code
    seen.reserve(records.size());
    for (const auto &r : records) {
      if (r.id.empty()) continue; // a missing or malformed id, reported by its reader
      if (!seen.insert(r.id)) report(r.id_at, std::string("duplicate ") + noun + " id " + quote_text(r.id));
    }
  }

  void unique_ids() {
    unique(story_.entities, "entity");
    unique(story_.sources, "source");
    unique(story_.claims, "claim");
  }

  void record_rules() {
    for (const Source &s : story_.sources) {
      if (s.url && !is_web_url(*s.url))
        report(s.url_at, "url " + quote_text(*s.url) + " must be an absolute http: or https: address");
    }
    for (const Claim &c : story_.claims) {
      if (!c.value.is_null() && !c.topic) report(c.value_at, "\"value\" needs a \"topic\" to compare it on");
    }
  }

  void index_entities() {
    for (std::size_t i = 0; i < story_.entities.size(); ++i) names_.add_id(story_.entities[i].id, i);
    for (std::size_t i = 0; i < story_.entities.size(); ++i) {
      const Entity &e = story_.entities[i];
      add_entity_name(e.name, i, e.at);
      for (std::size_t a = 0; a < e.aliases.size(); ++a) add_entity_name(e.aliases[a], i, e.alias_at[a]);
    }
  }

  void add_entity_name(const std::string &name, std::size_t entity, Location at) {
    std::size_t other = names_.add_name(name, entity);
    if (other != npos) {
      report(at, "name " + quote_text(name) + " of entity " + quote_text(story_.entities[entity].id) +
                     " also names entity " + quote_text(story_.entities[other].id) +
                     "; give one of them a fuller name");
    }
  }

  std::size_t resolve_entity(const std::string &reference, Location at, const char *field) {
    NameMatch match = names_.resolve(reference);
    if (match.kind == NameMatch::found) return match.entity;
    if (match.kind == NameMatch::ambiguous) {
      std::string ids;
      for (std::size_t c : match.candidates) ids += (ids.empty() ? "" : ", ") + quote_text(story_.entities[c].id);
      report(at, std::string("ambiguous \"") + field + "\" " + quote_text(reference) + ": it fits entities " + ids +
                     "; use an id or a fuller name");
    } else {
      report(at, std::string("unknown entity ") + quote_text(reference) + " in \"" + field +
                     "\": no entity has this id or name");
    }
    return npos;
  }

  std::size_t resolve_source(const std::string &id, Location at) {
    std::size_t found = source_ids_.find(id);
    if (found != detail::StringIndex::none) return found;
    report(at, detail::unknown_source_message(id));
    return npos;
  }

  void resolve_claim(std::size_t index) {
    const Claim &claim = story_.claims[index];
    Claim *out = out_ ? &out_->claims[index] : nullptr;
    if (!claim.who.empty()) {
      std::size_t who = resolve_entity(claim.who, claim.who_at, "who");
      if (out) out->who_index = who;
    }
    for (std::size_t j = 0; j < claim.evidence.size(); ++j) {
      const Evidence &ev = claim.evidence[j];
      std::size_t source = npos, speaker = npos;
      if (!ev.source.empty()) source = resolve_source(ev.source, ev.source_at);
      if (ev.speaker) speaker = resolve_entity(*ev.speaker, ev.speaker_at, "speaker");
      if (out) {
        out->evidence[j].source_index = source;
        out->evidence[j].speaker_index = speaker;
      }
    }
  }

  const Story &story_;
  Story *out_;
  std::vector<Finding> findings_;
  NameIndex names_;
  detail::StringIndex source_ids_;
};

} // namespace

std::vector<Finding> check(const Story &story) { return Checker(story, nullptr).run(); }

std::vector<Finding> check_and_resolve(Story &story) { return Checker(story, &story).run(); }

std::vector<Finding> check_records(const Story &story) { return Checker(story, nullptr).run_on_records(); }

} // namespace factcard
