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

// A bundle of the card and the cards it contradicts (the card shows them),
// with only their entities and sources: the page's data.
void append_inline_bundle(const Story &story, const Card &card, const std::vector<const Card *> &rivals,
                          std::string &out, std::string &scratch) {
  std::vector<const Card *> shown{&card};
  shown.insert(shown.end(), rivals.begin(), rivals.end());
  Json bundle = detail::bundle_frame_of(story, shown);
  Json cards = Json::array();
  for (const Card *each : shown) cards.push_back(detail::bundle_card(story, *each));
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

// A <title>: text escaped where element content must be (an apostrophe need
// not be), and cut at a space with an ellipsis to at most `limit` UTF-16
// units of markup (validators count the escapes; search engines cut long
// titles anyway). The share tags keep the whole claim.
void append_title(std::string &out, const std::string &text, std::size_t limit) {
  std::string title;
  std::size_t units = 0, space = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    unsigned char c = static_cast<unsigned char>(text[at]);
    const char *escaped = c == '&'   ? "&amp;"
                          : c == '<' ? "&lt;"
                          : c == '>' ? "&gt;"
                          : c == 0   ? "\xEF\xBF\xBD"
                                     : nullptr;
    if ((c & 0xC0) != 0x80) units += escaped ? std::char_traits<char>::length(escaped) : c >= 0xF0 ? 2 : 1;
    if (units > limit - 1) {
      title.resize(space ? space : title.size());
      title += "\u2026";
      break;
    }
    if (c == ' ') space = title.size();
    if (escaped)
      title += escaped;
    else
      title += text[at];
  }
  out += "<title>" + title + "</title>\n";
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

void append_card_page(Publisher &publisher, const Story &story, const Card &card,
                      const std::vector<const Card *> &rivals, const EmbedOptions &options, const Json &ld,
                      std::string &out, std::string &scratch) {
  out += "<!DOCTYPE html>\n<html";
  append_attribute(out, "lang", story.info.language.value_or("en"));
  out += " data-factcard-page>\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<base target=\"_top\">\n"; // framed, its links open in the reader's window
  append_title(out, display_text(card), 70);
  append_share_tags(story, card, options, out);
  out += "<script type=\"application/ld+json\">";
  scratch.clear();
  JsonWriter(scratch).value(ld);
  append_script_json(out, scratch);
  out += "</script>\n";
  append_inline_bundle(story, card, rivals, out, scratch);
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
  // Fitted to the demo story's cards (98 then) drawn collapsed in Chromium at 560 px
  // (within 9% of each; tests/browser/card-pages.mjs checks a few): the frame
  // of a card, a line per 40 bytes of claim, a row per source.
  std::size_t sources = 0;
  for (std::size_t i = 0; i < card.evidence.size(); ++i) {
    bool first = std::none_of(card.evidence.begin(), card.evidence.begin() + static_cast<std::ptrdiff_t>(i),
                              [&](const CardEvidence &e) { return e.source == card.evidence[i].source; });
    if (first) ++sources;
  }
  std::size_t lines = card.what.size() / 40 + 1;
  // a card with updates has one more line, its "Updated ..." summary (the notes open only on a click)
  int updated = card.updates.empty() ? 0 : 24;
  return static_cast<int>(156 + 22 * std::min<std::size_t>(lines, 12) + 46 * std::min<std::size_t>(sources, 8)) +
         updated;
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

std::string card_page(const Story &story, const Card &card, const std::vector<Card> &cards,
                      const EmbedOptions &options) {
  std::vector<const Card *> rivals;
  for (const std::string &id : card.contradicts) {
    auto rival = std::find_if(cards.begin(), cards.end(), [&](const Card &c) { return c.id == id; });
    if (rival != cards.end()) rivals.push_back(&*rival);
  }
  detail::Publisher publisher(story, options);
  std::string out, scratch;
  detail::append_card_page(publisher, story, card, rivals, options, publisher.claim(card, true), out, scratch);
  return out;
}

Json card_oembed(const Story &story, const Card &card, const EmbedOptions &options) {
  detail::Publisher publisher(story, options);
  return detail::card_oembed_json(publisher, story, card, options);
}

} // namespace factcard
