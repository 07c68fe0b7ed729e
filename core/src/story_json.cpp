// A story as a story file: known fields in a fixed order, then the fields
// this version does not know, as they were read.
#include "factcard/load.hpp"

#include "json_reader.hpp"

namespace factcard {
namespace {

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
  if (!c.updates.empty()) {
    Json updates = Json::array();
    for (const Update &u : c.updates) {
      Json item = Json::object();
      item["date"] = u.date.to_string();
      item["note"] = u.note;
      append_extra(item, u.extra);
      updates.push_back(std::move(item));
    }
    out["updates"] = std::move(updates);
  }
  append_extra(out, c.extra);
  return out;
}

} // namespace

Json story_to_json(const Story &story) {
  Json out = Json::object();
  if (story.schema) out["$schema"] = *story.schema;
  out["factcard"] = 1;
  Json info = Json::object();
  info["id"] = story.info.id;
  put(info, "title", story.info.title);
  put(info, "language", story.info.language);
  if (story.info.published) info["published"] = story.info.published->to_string();
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
