#include "factcard/card_page.hpp"

#include "json_writer.hpp"
#include "output.hpp"
#include "publisher.hpp"

#include <algorithm>

namespace factcard {
namespace {

// The id of the element that holds a card page's data, which its blockquote
// names as data-story="#factcard-data".
constexpr const char *data_id = "factcard-data";

// The claim as the fallback shows it: a quote in quotation marks.
std::string display_text(const Card &card) {
  return card.kind == ClaimKind::quote ? "\u201C" + card.what + "\u201D" : card.what;
}

std::string page_url(const EmbedOptions &options, const Card &card, const char *extension) {
  return options.base + "cards/" + card.id + extension;
}

// Card pages are written one folder below the build's other files: a
// relative base is relative to that folder's parent.
std::string widget_src(const EmbedOptions &options) {
  const std::string &base = options.base;
  bool rooted = has_absolute_base(options) || (!base.empty() && base[0] == '/');
  return (rooted ? base : "../" + base) + "factcard/factcard.js";
}

void append_meta(std::string &out, const char *kind, const char *name, std::string_view content) {
  out += "<meta";
  detail::append_attribute(out, kind, name);
  detail::append_attribute(out, "content", content);
  out += ">\n";
}

// The card's bundle (only its entities and sources), as the page's data.
void append_inline_bundle(const Story &story, const Card &card, std::string &out, std::string &scratch) {
  Json bundle = detail::bundle_frame_of(story, card);
  Json cards = Json::array();
  cards.push_back(detail::bundle_card(story, card));
  detail::append_member(bundle, "cards", std::move(cards));
  out += "<script type=\"application/json\"";
  detail::append_attribute(out, "id", data_id);
  out += '>';
  scratch.clear();
  detail::JsonWriter(scratch).value(bundle);
  detail::append_script_json(out, scratch);
  out += "</script>\n";
}

// <link rel="canonical"> and oEmbed discovery: absolute URLs only.
void append_links(const Card &card, const EmbedOptions &options, std::string_view title, std::string &out) {
  out += "<link rel=\"canonical\"";
  detail::append_attribute(out, "href", page_url(options, card, ".html"));
  out += ">\n<link rel=\"alternate\" type=\"application/json+oembed\"";
  detail::append_attribute(out, "href", page_url(options, card, ".oembed.json"));
  detail::append_attribute(out, "title", title);
  out += ">\n";
}

void append_share_tags(const Story &story, const Card &card, const EmbedOptions &options, std::string &out) {
  const std::string title = display_text(card), summary = card_summary(story, card);
  append_meta(out, "name", "description", summary);
  if (has_absolute_base(options)) append_links(card, options, title, out);
  append_meta(out, "property", "og:type", "article");
  append_meta(out, "property", "og:title", title);
  append_meta(out, "property", "og:description", summary);
  append_meta(out, "property", "og:site_name", site_name(story, options));
  if (has_absolute_base(options)) append_meta(out, "property", "og:url", page_url(options, card, ".html"));
  append_meta(out, "name", "twitter:card", "summary");
  append_meta(out, "name", "twitter:title", title);
  append_meta(out, "name", "twitter:description", summary);
}

} // namespace

namespace detail {

void append_card_page(Publisher &publisher, const Story &story, const Card &card, const EmbedOptions &options,
                      const Json &ld, std::string &out, std::string &scratch) {
  out += "<!doctype html>\n<html";
  append_attribute(out, "lang", story.info.language.value_or("en"));
  out += " data-factcard-page>\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<base target=\"_top\">\n"; // framed, its links open in the reader's window
  out += "<title>";
  append_html(out, display_text(card) + " \u2013 " + site_name(story, options));
  out += "</title>\n";
  append_share_tags(story, card, options, out);
  out += "<script type=\"application/ld+json\">";
  scratch.clear();
  JsonWriter(scratch).value(ld);
  append_script_json(out, scratch);
  out += "</script>\n";
  append_inline_bundle(story, card, out, scratch);
  out += "<script";
  append_attribute(out, "src", widget_src(options));
  out += " async></script>\n</head>\n<body>\n<main>\n";
  publisher.fallback(card, std::string("#") + data_id, out);
  out += "</main>\n</body>\n</html>\n";
}

Json card_oembed_json(Publisher &publisher, const Story &story, const Card &card, const EmbedOptions &options) {
  if (!has_absolute_base(options)) return nullptr;
  const std::string title = display_text(card);
  const int height = oembed_height(card);
  // What WordPress keeps of it: the blockquote (shown until the frame reports
  // its height) and the iframe of the card page.
  std::string html;
  publisher.fallback(card, publisher.bundle_url(), html);
  html += "<iframe";
  append_attribute(html, "src", page_url(options, card, ".html"));
  append_attribute(html, "width", std::to_string(oembed_width));
  append_attribute(html, "height", std::to_string(height));
  append_attribute(html, "title", "Fact card: " + title);
  html += " frameborder=\"0\"></iframe>";
  Json out = Json::object();
  append_member(out, "type", "rich");
  append_member(out, "version", "1.0");
  append_member(out, "title", title);
  append_member(out, "provider_name", site_name(story, options));
  append_member(out, "provider_url", options.base);
  append_member(out, "cache_age", oembed_cache_age);
  append_member(out, "width", oembed_width);
  append_member(out, "height", height);
  append_member(out, "html", std::move(html));
  return out;
}

} // namespace detail

int oembed_height(const Card &card) {
  // Measured in Chromium at 560 px (tests/browser/card-pages.mjs checks the
  // estimate against the drawn card): the frame of a card, a line per 60
  // bytes of claim, a row per source.
  std::size_t sources = 0;
  for (std::size_t i = 0; i < card.evidence.size(); ++i) {
    bool first = std::none_of(card.evidence.begin(), card.evidence.begin() + static_cast<std::ptrdiff_t>(i),
                              [&](const CardEvidence &e) { return e.source == card.evidence[i].source; });
    if (first) ++sources;
  }
  std::size_t lines = card.what.size() / 60 + 1;
  return static_cast<int>(150 + 26 * std::min<std::size_t>(lines, 8) + 24 * std::min<std::size_t>(sources, 6));
}

std::string site_name(const Story &story, const EmbedOptions &options) {
  if (!options.site_name.empty()) return options.site_name;
  if (story.info.title && !story.info.title->empty()) return *story.info.title;
  return "factcard";
}

bool has_absolute_base(const EmbedOptions &options) { return is_web_url(options.base); }

std::string card_summary(const Story &story, const Card &card) {
  std::string out = story.entities[card.who].name;
  if (card.when && card.when->known()) out += " \u00B7 " + format_date_en(*card.when);
  return out + " \u00B7 " + detail::status_words(card);
}

std::string card_page(const Story &story, const Card &card, const EmbedOptions &options) {
  detail::Publisher publisher(story, options);
  std::string out, scratch;
  detail::append_card_page(publisher, story, card, options, publisher.claim(card, true), out, scratch);
  return out;
}

Json card_oembed(const Story &story, const Card &card, const EmbedOptions &options) {
  detail::Publisher publisher(story, options);
  return detail::card_oembed_json(publisher, story, card, options);
}

} // namespace factcard
