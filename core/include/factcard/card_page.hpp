// A page of its own for each card (`cards/<card id>.html`) and, with an
// absolute base URL, its oEmbed file (`cards/<card id>.oembed.json`): an
// address to link to and share a card at, with share previews (Open Graph,
// Twitter) and oEmbed discovery, so that a CMS that takes only a URL
// (WordPress) embeds the card as a sandboxed iframe of that page.
//
// The page carries its card's data inline: framed with sandbox="allow-scripts"
// it has an opaque origin and could not fetch a bundle. It has no inline
// script and no inline style (strict CSP); the widget finds the data by the
// blockquote's data-story="#factcard-data", and on a page marked
// data-factcard-page tells a framing parent its height (web/src/cardpage.mjs).
#pragma once

#include "factcard/cards.hpp"
#include "factcard/publish.hpp"
#include "factcard/story.hpp"

#include <string>
#include <vector>

namespace factcard {

// The iframe's size in oEmbed: the width a card is drawn at, and the height
// of a collapsed card at that width estimated from its text (WordPress then
// sizes the frame to what the page reports).
constexpr int oembed_width = 560;
int oembed_height(const Card &card);

// How long a consumer may cache an oEmbed answer, in seconds: corrections
// should reach readers within minutes.
constexpr int oembed_cache_age = 300;

// options.site_name, else the story's title, else "factcard".
std::string site_name(const Story &story, const EmbedOptions &options);

// Whether options.base is an absolute http(s) URL: canonical links, og:url
// and oEmbed files need one, and are left out without it.
bool has_absolute_base(const EmbedOptions &options);

// Who · when · corroboration: "Vladimir Putin · 3 September 2024 · Reported by 3 outlets".
std::string card_summary(const Story &story, const Card &card);

// The card's page, a whole HTML document; `cards` are the story's cards,
// where the ones it contradicts are found (its data holds them too). Its
// widget and links are relative to the `cards/` folder it is written in when
// options.base is "".
std::string card_page(const Story &story, const Card &card, const std::vector<Card> &cards,
                      const EmbedOptions &options);

// The card's oEmbed answer (type "rich"), or null without an absolute base.
Json card_oembed(const Story &story, const Card &card, const EmbedOptions &options);

} // namespace factcard
