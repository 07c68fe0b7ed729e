// What `factcard build` publishes: the embed snippet with its no-JS fallback,
// and schema.org JSON-LD that crawlers read without running scripts.
#pragma once

#include "factcard/cards.hpp"
#include "factcard/story.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace factcard {

// "March 2023", "3 September 2024", "c. 2024", "unknown date".
std::string format_date_en(const Date &date);

// Escapes text for HTML element content and quoted attribute values.
std::string escape_html(std::string_view text);

// True for absolute http: and https: URLs without spaces or control bytes.
bool is_web_url(std::string_view url);

struct EmbedOptions {
  std::string base;      // prefix of the widget and bundle URLs; "" = relative
  std::string site_name; // card pages and oEmbed (card_page.hpp); "" = the story's title, else "factcard"
};

// The options as `factcard build --base URL --site-name NAME` takes them: a
// base gets its trailing slash.
EmbedOptions embed_options(std::string base, std::string site_name);

// Where `factcard build` puts each output, relative to its folder: the one
// layout that the CLI writes to disk and the editor puts in its zip.
std::string bundle_path(const Story &story);            // "<id>.cards.json"
std::string jsonld_path(const Story &story);            // "<id>.jsonld"
std::string snippet_path(const std::string &card_id);   // "embed/<card>.html"
std::string card_page_path(const std::string &card_id); // "cards/<card>.html"
std::string oembed_path(const std::string &card_id);    // "cards/<card>.oembed.json"

// The blockquote a publisher pastes, with readable fallback content, and the
// script tag that upgrades it.
std::string embed_snippet(const Story &story, const Card &card, const EmbedOptions &options);
// The same, reusing the card's Claim when the caller has built it already.
std::string embed_snippet(const Story &story, const Card &card, const EmbedOptions &options, const Json &claim);

// One card as a schema.org Claim (without "@context").
Json claim_jsonld(const Story &story, const Card &card);

// The story's claims as a schema.org JSON-LD graph of Claim objects.
Json story_jsonld(const Story &story, const std::vector<Card> &cards);

// Where `factcard build` writes: the bundle and the story's JSON-LD as pieces of
// text in order, each card's snippet whole. A false return stops the build.
struct BuildSink {
  std::function<bool(std::string_view)> bundle;
  std::function<bool(const std::string &card_id, std::string_view html)> snippet;
  std::function<bool(std::string_view)> jsonld;
  // Each card's page (card_page.hpp) and, with an absolute base, its oEmbed
  // JSON: written only when set.
  std::function<bool(const std::string &card_id, std::string_view html)> page;
  std::function<bool(const std::string &card_id, std::string_view json)> oembed;
};

// What `factcard build` publishes, a card at a time: the bundle (compact JSON
// and a newline: entities and sources the cards use, once, by id; then the
// cards), one embed_snippet per card, and the story's JSON-LD
// (story_jsonld(...).dump(2) and a newline). The one writer of bundles: the
// CLI and the editor's wasm write the same bytes. Each card's
// Claim is built once for its snippet and the JSON-LD, each source's parts once
// for all cards; no whole output exists as a DOM or a string. The cards are
// consumed: each one's text moves into its output and is freed once written.
// With sink.page and sink.oembed set, also each card's page and oEmbed file.
bool write_build(const Story &story, std::vector<Card> cards, const EmbedOptions &options, const BuildSink &sink);

} // namespace factcard
