// The extraction module for the editor page: article texts in, a story
// draft out. Separate from factcard.wasm so that article pages stay light.
#include "factcard/extract.hpp"
#include "factcard/load.hpp"
#include "factcard/publish.hpp"

#include "boundary.hpp"

#include <string>

using namespace factcard_wasm;

namespace {

using factcard::Json;

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
  return to_c_string(dump(out));
}

// The cards of a story (or bundle), as in factcard.wasm, so the editor can
// preview what it drafts with one module.
char *fc_cards(const char *text, std::size_t length) {
  factcard::Result<factcard::LoadedInput> loaded = factcard::load_input(std::string_view(text, length), "story");
  if (!loaded) return to_c_string(dump(errors_to_json(loaded.errors())));
  factcard::LoadedInput input = factcard::cards_of(std::move(*loaded));
  return to_c_string(dump(factcard::cards_to_json(input.story, input.cards)));
}

// What `factcard build` writes, for the editor's downloads: a story file in,
// {"bundle", "jsonld", "snippets": {card id: html}} out, or {"errors"}. Each
// is the text the CLI's writer writes, so a download has the CLI's bytes.
char *fc_build(const char *text, std::size_t length) {
  factcard::Result<factcard::LoadedInput> loaded = factcard::load_input(std::string_view(text, length), "story");
  if (!loaded) return to_c_string(dump(errors_to_json(loaded.errors())));
  if (loaded->kind == factcard::InputKind::bundle) return error("build needs a story file, not a bundle");
  factcard::LoadedInput input = factcard::cards_of(std::move(*loaded));
  std::string bundle, jsonld;
  Json snippets = Json::object();
  factcard::BuildSink sink;
  sink.bundle = [&](std::string_view piece) { return bundle.append(piece), true; };
  sink.jsonld = [&](std::string_view piece) { return jsonld.append(piece), true; };
  sink.snippet = [&](const std::string &card, std::string_view html) {
    return snippets[card] = std::string(html), true;
  };
  factcard::write_build(input.story, std::move(input.cards), {}, sink);
  Json out = Json::object();
  out["bundle"] = std::move(bundle);
  out["jsonld"] = std::move(jsonld);
  out["snippets"] = std::move(snippets);
  return to_c_string(dump(out));
}

} // extern "C"
