// The extraction module for the editor page: article texts in, a story
// draft out. Separate from factcard.wasm so that article pages stay light.
#include "factcard/extract.hpp"
#include "factcard/load.hpp"
#include "factcard/publish.hpp"

#include <cstdlib>
#include <cstring>
#include <string>

namespace {

using factcard::Json;

char *to_c_string(const std::string &text) {
  char *out = static_cast<char *>(std::malloc(text.size() + 1));
  if (out) std::memcpy(out, text.c_str(), text.size() + 1);
  return out;
}

char *error(const std::string &message) {
  Json out = {{"errors", Json::array({{{"line", 0}, {"column", 0}, {"message", message}}})}};
  return to_c_string(out.dump(-1, ' ', false, Json::error_handler_t::replace));
}

// {"name", "text", "date"} -> Article; false when a field has the wrong type.
bool read_article(const Json &item, std::size_t index, factcard::Article &article, std::string &problem) {
  if (!item.is_object() || !item.contains("text") || !item["text"].is_string()) {
    problem = "article " + std::to_string(index + 1) + " needs a \"text\" string";
    return false;
  }
  article.text = item["text"].get<std::string>();
  if (std::optional<factcard::Diagnostic> bad = factcard::find_non_utf8(article.text, "")) {
    problem = "article " + std::to_string(index + 1) + ", line " + std::to_string(bad->line) + ", column " +
              std::to_string(bad->column) + ": " + bad->message;
    return false;
  }
  article.name = item.contains("name") && item["name"].is_string() ? item["name"].get<std::string>()
                                                                   : "article-" + std::to_string(index + 1);
  if (item.contains("date") && item["date"].is_string() && !item["date"].get_ref<const std::string &>().empty()) {
    std::optional<factcard::Date> date = factcard::parse_date(item["date"].get<std::string>());
    if (!date || date->precision != factcard::Precision::day) {
      problem = "article " + std::to_string(index + 1) + ": the date must be YYYY-MM-DD";
      return false;
    }
    article.date = date;
  }
  return true;
}

} // namespace

extern "C" {

void *fc_alloc(std::size_t size) { return std::malloc(size); }

void fc_free(void *pointer) { std::free(pointer); }

// {"articles": [{"name", "text", "date"}]} -> the story draft as JSON text.
char *fc_extract(const char *text, std::size_t length) {
  Json input = Json::parse(text, text + length, nullptr, false);
  if (input.is_discarded() || !input.is_object() || !input.contains("articles") || !input["articles"].is_array()) {
    return error("expected {\"articles\": [{\"name\", \"text\", \"date\"}]}");
  }
  std::vector<factcard::Article> articles;
  for (std::size_t i = 0; i < input["articles"].size(); ++i) {
    factcard::Article article;
    std::string problem;
    if (!read_article(input["articles"][i], i, article, problem)) return error(problem);
    articles.push_back(std::move(article));
  }
  return to_c_string(factcard::save_story(factcard::draft_story(articles)));
}

// {"text", "date"} -> {"dates", "people", "quotes"}: what the benchmark scores.
char *fc_extract_annotations(const char *text, std::size_t length) {
  Json input = Json::parse(text, text + length, nullptr, false);
  factcard::Article article;
  std::string problem;
  if (input.is_discarded() || !read_article(input, 0, article, problem))
    return error(problem.empty() ? "bad JSON" : problem);
  bool dates_only = input.contains("only") && input["only"] == "dates";
  Json out =
      factcard::annotations_json(dates_only ? factcard::analyse_dates(article) : factcard::analyse_article(article));
  return to_c_string(out.dump(-1, ' ', false, Json::error_handler_t::replace));
}

// The cards of a story (or bundle), as in factcard.wasm, so the editor can
// preview what it drafts with one module.
char *fc_cards(const char *text, std::size_t length) {
  factcard::Result<factcard::CardSet> loaded = factcard::load_cards(std::string_view(text, length), "story");
  if (!loaded) {
    return to_c_string(factcard::errors_to_json(loaded.errors()).dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  return to_c_string(
      factcard::cards_to_json(loaded->story, loaded->cards).dump(-1, ' ', false, Json::error_handler_t::replace));
}

// What `factcard build` writes, for the editor's downloads: a story file in,
// {"bundle", "jsonld", "snippets": {card id: html}} out, or {"errors"}.
char *fc_build(const char *text, std::size_t length) {
  factcard::Result<factcard::CardSet> loaded = factcard::load_cards(std::string_view(text, length), "story");
  if (!loaded || loaded->from_bundle) {
    if (loaded) return error("build needs a story file, not a bundle");
    return to_c_string(factcard::errors_to_json(loaded.errors()).dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  Json snippets = Json::object();
  for (const factcard::Card &card : loaded->cards) snippets[card.id] = factcard::embed_snippet(loaded->story, card, {});
  Json out = Json::object();
  out["bundle"] = factcard::bundle_to_json(loaded->story, loaded->cards);
  out["jsonld"] = factcard::story_jsonld(loaded->story, loaded->cards);
  out["snippets"] = std::move(snippets);
  return to_c_string(out.dump(-1, ' ', false, Json::error_handler_t::replace));
}

} // extern "C"
