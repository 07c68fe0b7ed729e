// The page's wasm facade: cards from a compiled bundle, which is all a page
// of embedded cards needs. A story file goes to factcard-story.wasm
// (factcard_story_wasm.cpp), which the widget fetches only when this module
// answers that it cannot take an input: article pages never download the
// story-file path (name resolution, merging, contradictions).
//
// Unlike the other modules, this one answers with no JSON text: fc_open loads
// a bundle and keeps it, and web/src/cards.mjs reads each field straight out of
// wasm memory (fc_text, fc_number) into the objects `factcard cards` would
// print. With no JSON text to write, and its own quote_text for messages
// (page_quote.cpp), the module links no JSON serializer: 4.4 KB of its gzip
// bytes, for text the page parsed back at once (tests/bench/perf/NOTES.md).
#include "factcard/load.hpp"

#include "page_libc.hpp"

#include <optional>
#include <string>
#include <vector>

using factcard::Card;
using factcard::LoadedInput;
using factcard::Result;
using factcard_wasm::libc_declined;

namespace {

// What fc_open found; web/src/cards.mjs has the same numbers.
enum Opened { opened_cards = 0, opened_errors = 1, opened_ask_story_module = 2 };

// The fields fc_text and fc_number answer. `i` is the index of the record
// (card, entity, source, error), `j` of an item in one of a card's lists.
// web/src/cards.mjs (STORY_ID to ERROR_MESSAGE) has the same numbers: keep
// both in this order.
enum Field {
  story_id,
  story_title,
  story_language,
  entity_count,
  entity_id,
  entity_name,
  entity_kind,
  entity_description,
  source_count,
  source_id,
  source_publisher,
  source_headline,
  source_url,
  source_published,
  card_count,
  card_id,
  card_kind,
  card_status,
  card_corroboration,
  card_who, // an entity's index
  card_what,
  card_when,
  card_when_text,
  card_where,
  card_topic,
  card_value_type, // a ValueType
  card_value,      // fc_text for a text, fc_number for a number or a boolean
  claim_count,
  claim_id,
  contradicts_count,
  contradicts_id,
  evidence_count,
  evidence_source, // a source's index
  evidence_quote,
  evidence_stance,
  evidence_speaker, // an entity's index, or -1
  update_count,
  update_date,
  update_note,
  error_count,
  error_line,
  error_column,
  error_message,
};

// What card_value_type answers; web/src/cards.mjs has the same numbers.
enum ValueType { value_none = 0, value_text = 1, value_number = 2, value_boolean = 3 };

// The bundle fc_open read last, kept until fc_close or the next fc_open.
std::optional<Result<LoadedInput>> opened;

// fc_text's answer: where the text is in wasm memory, and its length in
// bytes (UTF-8; it may hold NUL). The text lives as long as `opened`, or
// until the next call for one made here (`made`).
struct Text {
  const char *data;
  std::size_t size;
};
Text answer;
std::string made;

const Text *text(const std::string &value) {
  answer = {value.data(), value.size()};
  return &answer;
}
const Text *text(const std::optional<std::string> &value) { return value ? text(*value) : nullptr; }
const Text *text(const char *value) { return text(made = value); }
const Text *text(const std::optional<factcard::Date> &date) {
  return date && date->known() ? text(made = date->to_string()) : nullptr;
}

template <class T> const T *item(const std::vector<T> &list, std::size_t i) {
  return i < list.size() ? &list[i] : nullptr;
}

const LoadedInput *input() { return opened && *opened ? &**opened : nullptr; }
const factcard::Diagnostics &errors() {
  static const factcard::Diagnostics none;
  return opened ? opened->errors() : none;
}
const Card *card(std::size_t i) { return input() ? item(input()->cards, i) : nullptr; }

const Text *story_text(int field, const factcard::Story &story, std::size_t i) {
  const factcard::Entity *e = item(story.entities, i);
  const factcard::Source *s = item(story.sources, i);
  switch (field) {
  case story_id:
    return text(story.info.id);
  case story_title:
    return text(story.info.title);
  case story_language:
    return text(story.info.language);
  case entity_id:
    return e ? text(e->id) : nullptr;
  case entity_name:
    return e ? text(e->name) : nullptr;
  case entity_kind:
    return e ? text(to_string(e->kind_or_default())) : nullptr;
  case entity_description:
    return e ? text(e->description) : nullptr;
  case source_id:
    return s ? text(s->id) : nullptr;
  case source_publisher:
    return s ? text(s->publisher) : nullptr;
  case source_headline:
    return s ? text(s->headline) : nullptr;
  case source_url:
    return s ? text(s->url) : nullptr;
  case source_published:
    return s ? text(s->published) : nullptr;
  default:
    return nullptr;
  }
}

const Text *card_text(int field, const Card &c, std::size_t j) {
  const factcard::CardEvidence *evidence = item(c.evidence, j);
  const factcard::Update *update = item(c.updates, j);
  switch (field) {
  case card_id:
    return text(c.id);
  case card_kind:
    return text(to_string(c.kind));
  case card_status:
    return text(to_string(c.status));
  case card_what:
    return text(c.what);
  case card_when:
    return text(c.when);
  case card_when_text:
    return text(c.when_text);
  case card_where:
    return text(c.where);
  case card_topic:
    return text(c.topic);
  case card_value:
    return c.value.is_string() ? text(c.value.get_ref<const std::string &>()) : nullptr;
  case claim_id:
    return j < c.claims.size() ? text(c.claims[j]) : nullptr;
  case contradicts_id:
    return j < c.contradicts.size() ? text(c.contradicts[j]) : nullptr;
  case evidence_quote:
    return evidence ? text(evidence->quote) : nullptr;
  case evidence_stance:
    return evidence ? text(to_string(evidence->stance)) : nullptr;
  case update_date:
    return update ? text(made = update->date.to_string()) : nullptr;
  case update_note:
    return update ? text(update->note) : nullptr;
  default:
    return nullptr;
  }
}

double number_of(const factcard::Json &value) {
  if (value.is_boolean()) return value.get<bool>();
  return value.is_number() ? value.get<double>() : 0;
}

ValueType value_type(const factcard::Json &value) {
  return value.is_string()    ? value_text
         : value.is_number()  ? value_number
         : value.is_boolean() ? value_boolean
                              : value_none;
}

double card_number(int field, const Card &c, std::size_t j) {
  const factcard::CardEvidence *evidence = item(c.evidence, j);
  switch (field) {
  case card_corroboration:
    return c.corroboration;
  case card_who:
    return static_cast<double>(c.who);
  case card_value_type:
    return value_type(c.value);
  case card_value:
    return number_of(c.value);
  case claim_count:
    return static_cast<double>(c.claims.size());
  case contradicts_count:
    return static_cast<double>(c.contradicts.size());
  case evidence_count:
    return static_cast<double>(c.evidence.size());
  case evidence_source:
    return evidence ? static_cast<double>(evidence->source) : -1;
  case evidence_speaker:
    return evidence && evidence->speaker != factcard::npos ? static_cast<double>(evidence->speaker) : -1;
  case update_count:
    return static_cast<double>(c.updates.size());
  default:
    return 0;
  }
}

} // namespace

extern "C" {

// Reads a bundle and keeps it for fc_text and fc_number: opened_cards, or
// opened_errors when it has problems (error_count and the rest say which),
// or opened_ask_story_module for a story file, a bundle with claims, text
// that is not a JSON object, a number this module's small libc declines
// (page_libc.cpp) or a message quoting text its quote_text declines
// (page_quote.cpp): factcard-story.wasm answers those.
int fc_open(const char *input_text, std::size_t length) {
  opened.reset();
  libc_declined = false;
  opened = factcard::load_bundle(std::string_view(input_text, length), "input");
  if (!opened || libc_declined) {
    opened.reset();
    return opened_ask_story_module;
  }
  return *opened ? opened_cards : opened_errors;
}

// Frees what fc_open kept.
void fc_close() { opened.reset(); }

// A text field of the opened bundle, or null when the record has none.
const Text *fc_text(int field, std::size_t i, std::size_t j) {
  if (field == error_message) return i < errors().size() ? text(errors()[i].message) : nullptr;
  if (field < card_count) return input() ? story_text(field, input()->story, i) : nullptr;
  const Card *c = card(i);
  return c ? card_text(field, *c, j) : nullptr;
}

// A count, index or number of the opened bundle (0 when there is none).
double fc_number(int field, std::size_t i, std::size_t j) {
  const LoadedInput *in = input();
  const factcard::Diagnostic *error = item(errors(), i);
  switch (field) {
  case entity_count:
    return in ? static_cast<double>(in->story.entities.size()) : 0;
  case source_count:
    return in ? static_cast<double>(in->story.sources.size()) : 0;
  case card_count:
    return in ? static_cast<double>(in->cards.size()) : 0;
  case error_count:
    return static_cast<double>(errors().size());
  case error_line:
    return error ? static_cast<double>(error->line) : 0;
  case error_column:
    return error ? static_cast<double>(error->column) : 0;
  default:
    return card(i) ? card_number(field, *card(i), j) : 0;
  }
}

} // extern "C"
