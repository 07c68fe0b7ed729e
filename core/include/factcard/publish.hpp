// What `factcard build` publishes: the embed snippet with its no-JS fallback,
// and schema.org JSON-LD that crawlers read without running scripts.
#pragma once

#include "factcard/cards.hpp"
#include "factcard/story.hpp"

#include <string>

namespace factcard {

// "March 2023", "3 September 2024", "c. 2024", "unknown date".
std::string format_date_en(const Date &date);

// Escapes text for HTML element content and quoted attribute values.
std::string escape_html(std::string_view text);

// True for absolute http: and https: URLs without spaces or control bytes.
bool is_web_url(std::string_view url);

struct EmbedOptions {
  std::string base; // prefix of the widget and bundle URLs; "" = relative
};

// The blockquote a publisher pastes, with readable fallback content, and the
// script tag that upgrades it.
std::string embed_snippet(const Story &story, const Card &card, const EmbedOptions &options);
// The same, reusing the card's Claim when the caller has built it already.
std::string embed_snippet(const Story &story, const Card &card, const EmbedOptions &options, const Json &claim);

// One card as a schema.org Claim (without "@context").
Json claim_jsonld(const Story &story, const Card &card);

// The story's claims as a schema.org JSON-LD graph of Claim objects.
Json story_jsonld(const Story &story, const std::vector<Card> &cards);

} // namespace factcard
