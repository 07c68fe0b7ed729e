#include "factcard/publish.hpp"

#include "json_reader.hpp"

#include <algorithm>

namespace factcard {
namespace {

const char *const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

std::string status_words(const Card &card) {
  switch (card.status) {
  case Status::corroborated:
    return "Reported by " + std::to_string(card.corroboration) + " outlets";
  case Status::single_source:
    return "Single source";
  case Status::contested:
    return "Contested: sources disagree";
  }
  return "";
}

// How a source is named to a reader: its outlet, else its headline.
std::string source_label(const Source &s) {
  if (s.publisher) return *s.publisher;
  if (s.headline) return "\u201C" + *s.headline + "\u201D (outlet unknown)";
  return "Unknown outlet";
}

std::string attribute(const std::string &name, const std::string &value) {
  return " " + name + "=\"" + escape_html(value) + "\"";
}

// Each source once, in the order the evidence names them.
std::vector<std::size_t> distinct_sources(const Card &card) {
  std::vector<std::size_t> out;
  for (const CardEvidence &e : card.evidence) {
    if (std::find(out.begin(), out.end(), e.source) == out.end()) out.push_back(e.source);
  }
  return out;
}

Json type_of(const Entity &e) {
  switch (e.kind_or_default()) {
  case EntityKind::person:
    return "Person";
  case EntityKind::organization:
    return "Organization";
  case EntityKind::place:
    return "Place";
  case EntityKind::other:
    return "Thing";
  }
  return "Thing";
}

Json appearance_json(const Source &s) {
  Json out = Json::object();
  out["@type"] = "NewsArticle";
  if (s.headline) out["headline"] = *s.headline;
  if (s.url && is_web_url(*s.url)) out["url"] = *s.url; // as the footer's links: never javascript: and the like
  // schema.org dates are ISO 8601: "~2024-09" is not one
  if (s.published && s.published->known() && !s.published->approximate) out["datePublished"] = s.published->to_string();
  if (s.publisher) out["publisher"] = {{"@type", "Organization"}, {"name", *s.publisher}};
  return out;
}

// JSON to put inside a <script> element: '<', '>' and '&' (only ever inside
// strings) written as \u escapes, the same JSON value, so that no text can
// close the element ("</script>") or change how HTML reads it ("<!--").
std::string script_json(const Json &value) {
  std::string out;
  for (char c : detail::dump_json(value)) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

} // namespace

// One card as a schema.org Claim: who made it, where it appeared, and when
// first (the earliest exactly dated source).
Json claim_jsonld(const Story &story, const Card &card) {
  const Entity &who = story.entities[card.who];
  Json claim = Json::object();
  claim["@type"] = "Claim";
  claim["@id"] = "#" + card.id;
  claim["identifier"] = card.id;
  claim["text"] = card.what;
  claim["author"] = {{"@type", type_of(who)}, {"name", who.name}};
  if (card.when && card.when->known() && !card.when->approximate) claim["temporalCoverage"] = card.when->to_string();
  Json appearances = Json::array();
  const Source *first = nullptr;
  for (std::size_t index : distinct_sources(card)) {
    const Source &s = story.sources[index];
    appearances.push_back(appearance_json(s));
    bool dated = s.published && s.published->known() && !s.published->approximate;
    bool earlier = dated && (!first || s.published->to_string() < first->published->to_string());
    if (earlier) first = &s;
  }
  if (first) {
    claim["datePublished"] = first->published->to_string();
    claim["firstAppearance"] = appearance_json(*first);
  }
  claim["appearance"] = std::move(appearances);
  return claim;
}

std::string format_date_en(const Date &date) {
  if (!date.known()) return "unknown date";
  std::string out = date.approximate ? "c. " : "";
  if (date.precision == Precision::day) out += std::to_string(date.day) + " ";
  if (date.precision >= Precision::month) out += std::string(month_names[date.month - 1]) + " ";
  return out + std::to_string(date.year);
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    case '\0':
      out += "\xEF\xBF\xBD";
      break; // U+FFFD: HTML has no NUL
    default:
      out += c;
    }
  }
  return out;
}

bool is_web_url(std::string_view url) {
  std::size_t prefix = 0;
  auto starts = [&](std::string_view scheme) {
    if (url.size() < scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != scheme[i]) return false;
    }
    prefix = scheme.size();
    return true;
  };
  if (!starts("https://") && !starts("http://")) return false;
  if (url.size() == prefix || url[prefix] == '/') return false; // no host
  for (char ch : url) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) return false;
    if (std::string_view("\"<>\\^`{|}").find(ch) != std::string_view::npos) return false;
  }
  return true;
}

std::string embed_snippet(const Story &story, const Card &card, const EmbedOptions &options) {
  return embed_snippet(story, card, options, claim_jsonld(story, card));
}

std::string embed_snippet(const Story &story, const Card &card, const EmbedOptions &options, const Json &claim) {
  const Entity &who = story.entities[card.who];
  std::string what = card.kind == ClaimKind::quote ? "\u201C" + card.what + "\u201D" : card.what;
  std::string footer = escape_html(who.name);
  if (card.when && card.when->known()) footer += " \u00B7 " + escape_html(format_date_en(*card.when));
  footer += " \u00B7 " + escape_html(status_words(card)) + ": ";
  bool first = true;
  for (std::size_t index : distinct_sources(card)) {
    const Source &s = story.sources[index];
    std::string label = escape_html(source_label(s));
    footer += first ? "" : ", ";
    first = false;
    if (s.url && is_web_url(*s.url))
      footer += "<a" + attribute("href", *s.url) + ">" + label + "</a>";
    else
      footer += label;
  }
  std::string out = "<blockquote class=\"fact-card\"";
  out += attribute("data-story", options.base + story.info.id + ".cards.json");
  out += attribute("data-claim", card.id);
  if (story.info.language) out += attribute("lang", *story.info.language);
  out += ">\n  <p>" + escape_html(what) + "</p>\n";
  out += "  <footer>" + footer + "</footer>\n</blockquote>\n";
  // the card's Claim, for crawlers that do not run the widget
  Json ld = Json::object();
  ld["@context"] = "https://schema.org";
  for (auto &item : claim.items()) ld[item.key()] = item.value();
  out += "<script type=\"application/ld+json\">" + script_json(ld) + "</script>\n";
  out += "<script" + attribute("src", options.base + "factcard/factcard.js") + " async></script>\n";
  return out;
}

Json story_jsonld(const Story &story, const std::vector<Card> &cards) {
  Json graph = Json::array();
  for (const Card &card : cards) graph.push_back(claim_jsonld(story, card));
  Json out = Json::object();
  out["@context"] = "https://schema.org";
  out["@graph"] = std::move(graph);
  return out;
}

} // namespace factcard
