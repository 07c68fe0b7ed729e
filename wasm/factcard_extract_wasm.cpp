// The extraction module for the editor page: article texts in, a story
// draft out. Separate from factcard.wasm so that article pages stay light.
#include "factcard/csv.hpp"
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

// What `factcard build STORY -o DIR [--base URL] [--site-name NAME]` writes,
// for the editor's preview and downloads: {"story": story file text, "base",
// "site_name", "pages": false to skip card pages and oEmbed files} in,
// {"files": [[path, text], ...]} out in the order the CLI writes them (paths
// from publish.hpp), or {"errors"} at lines and columns of the story text.
// The one writer behind both, so a download has the CLI's bytes.
char *fc_build(const char *text, std::size_t length) {
  Json input = Json::parse(text, text + length, nullptr, false);
  if (input.is_discarded() || !input.is_object() || !input.contains("story") || !input["story"].is_string())
    return error("expected {\"story\": the story file's text, \"base\", \"site_name\", \"pages\"}");
  const std::string &story_text = input["story"].get_ref<const std::string &>();
  factcard::Result<factcard::LoadedInput> loaded = factcard::load_input(story_text, "story");
  if (!loaded) return to_c_string(dump(errors_to_json(loaded.errors())));
  if (loaded->kind == factcard::InputKind::bundle) return error("build needs a story file, not a bundle");
  factcard::EmbedOptions options = factcard::embed_options(input.value("base", ""), input.value("site_name", ""));
  factcard::LoadedInput built = factcard::cards_of(std::move(*loaded));
  const factcard::Story &story = built.story;
  Json files = Json::array();
  std::string bundle, jsonld;
  auto whole = [&](std::string path, std::string_view content) {
    return files.push_back(Json::array({std::move(path), std::string(content)})), true;
  };
  factcard::BuildSink sink;
  sink.bundle = [&](std::string_view piece) { return bundle.append(piece), true; };
  sink.jsonld = [&](std::string_view piece) { return jsonld.append(piece), true; };
  sink.snippet = [&](const std::string &card, std::string_view html) {
    return whole(factcard::snippet_path(card), html);
  };
  if (input.value("pages", true)) {
    sink.page = [&](const std::string &card, std::string_view html) {
      return whole(factcard::card_page_path(card), html);
    };
    sink.oembed = [&](const std::string &card, std::string_view json) {
      return whole(factcard::oembed_path(card), json);
    };
  }
  factcard::write_build(story, std::move(built.cards), options, sink);
  files.insert(files.begin(), Json::array({factcard::bundle_path(story), std::move(bundle)}));
  files.push_back(Json::array({factcard::jsonld_path(story), std::move(jsonld)}));
  Json out = Json::object();
  out["files"] = std::move(files);
  return to_c_string(dump(out));
}

// A spreadsheet as `factcard import` reads it: {"csv": text, "name": file
// name} in, the story file's text as {"story"} out, or {"errors"} at rows and
// columns of the CSV.
char *fc_import_csv(const char *text, std::size_t length) {
  Json input = Json::parse(text, text + length, nullptr, false);
  if (input.is_discarded() || !input.is_object() || !input.contains("csv") || !input["csv"].is_string())
    return error("expected {\"csv\": the spreadsheet's text, \"name\": its file name}");
  std::string name = input.value("name", "story.csv");
  factcard::CsvImportOptions options;
  std::string stem = name.substr(0, name.rfind('.'));
  options.fallback_id = factcard::id_from_name(stem.substr(stem.rfind('/') + 1));
  factcard::Result<factcard::Story> story =
      factcard::import_csv(input["csv"].get_ref<const std::string &>(), name, options);
  if (!story) return to_c_string(dump(errors_to_json(story.errors())));
  Json out = Json::object();
  out["story"] = factcard::save_story(*story);
  return to_c_string(dump(out));
}

} // extern "C"
