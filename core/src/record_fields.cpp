#include "record_fields.hpp"

#include "messages.hpp"

#include <algorithm>
#include <cmath>

namespace factcard {
namespace detail {
namespace {

bool is_blank(const std::string &s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

struct FieldName {
  std::string_view name;
  Field field;
};
const FieldName file_fields[] = {
    {"$schema", f_schema}, {"factcard", f_factcard}, {"factcard_bundle", f_factcard_bundle},
    {"story", f_story},    {"entities", f_entities}, {"sources", f_sources},
    {"claims", f_claims},  {"cards", f_cards}};
const FieldName info_fields[] = {
    {"id", f_id}, {"title", f_title}, {"language", f_language}, {"published", f_published}};
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
    {"id", f_id},       {"kind", f_kind},           {"who", f_who},        {"what", f_what},
    {"when", f_when},   {"when_text", f_when_text}, {"where", f_where},    {"topic", f_topic},
    {"value", f_value}, {"evidence", f_evidence},   {"updates", f_updates}};
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
                                 {"evidence", f_evidence},
                                 {"updates", f_updates}};
const FieldName evidence_fields[] = {
    {"source", f_source}, {"quote", f_quote}, {"stance", f_stance}, {"speaker", f_speaker}};
const FieldName update_fields[] = {{"date", f_date}, {"note", f_note}};

template <std::size_t N> Field find_field(const FieldName (&names)[N], std::string_view key) {
  for (const FieldName &n : names)
    if (n.name == key) return n.field;
  return f_unknown;
}

} // namespace

const char *noun_of(Kind kind) {
  switch (kind) {
  case Kind::file:
    return "the file";
  case Kind::info:
    return "\"story\"";
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
  case Kind::update:
    return "an update";
  }
  return "";
}

Field field_of(Kind kind, std::string_view key) {
  switch (kind) {
  case Kind::file:
    return find_field(file_fields, key);
  case Kind::info:
    return find_field(info_fields, key);
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
  case Kind::update:
    return find_field(update_fields, key);
  }
  return f_unknown;
}

Shape shape_of(Kind kind, Field f) {
  if (kind == Kind::file && f == f_claims) return Shape::records; // a card's "claims" are texts
  switch (f) {
  case f_aliases:
  case f_authors:
  case f_claims:
  case f_contradicts:
    return Shape::texts;
  case f_value:
  case f_corroboration:
  case f_factcard:
  case f_factcard_bundle:
    return Shape::scalar;
  case f_evidence:
    return Shape::evidence;
  case f_updates:
    return Shape::updates;
  case f_story:
    return Shape::record;
  case f_entities:
  case f_sources:
  case f_cards:
    return Shape::records;
  default:
    return Shape::text;
  }
}

std::string FieldReader::quoted(const std::string &value) { return quote_text(value); }

std::optional<std::string> FieldReader::text(Field f, const char *key, bool required) {
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

std::optional<std::string> FieldReader::id() {
  std::optional<std::string> value = text(f_id, "id", true);
  if (value && !is_valid_id(*value)) {
    report(at(f_id), bad_id_message(*value));
    return std::nullopt;
  }
  return value;
}

std::optional<Date> FieldReader::date(Field f, const char *key) {
  std::optional<std::string> value = text(f, key, false);
  if (!value) return std::nullopt;
  std::optional<Date> parsed = parse_date(*value);
  if (!parsed) {
    report(at(f), "bad date " + quote_text(*value) +
                      ": expected YYYY, YYYY-MM or YYYY-MM-DD (optionally with a leading ~ for approximate or .. for "
                      "on or before), or \"unknown\"");
  }
  return parsed;
}

std::optional<std::vector<std::string>> FieldReader::texts(Field f, const char *key) {
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

Json FieldReader::value() {
  Slot &s = slots_[f_value];
  if (s.state == Slot::absent || s.state == Slot::null) return Json();
  if (s.state == Slot::container) {
    report(s.at, "\"value\" must be a string, a number or a boolean");
    return Json();
  }
  if (s.value.is_number_float() && !std::isfinite(s.value.get<double>())) {
    report(s.at, "\"value\" must be a finite number");
    return Json();
  }
  return std::move(s.value);
}

} // namespace detail
} // namespace factcard
